import { type Glossary, type GlossaryEntry, matchTerms, type SectionAnalysis } from '../../documents/analysis/index.js';
import type { Section } from '../../documents/parsing/index.js';
import type { Language } from '../model/question-types.js';
import { isAmbiguousSurface } from './kinds.js';
import { titleEntry } from './title-entry.js';
import type { Described } from './material-types.js';
import { hasDanglingReference, stripEnd, textLength } from './text.js';

const ZH_VERB_START = /^(?:负责|用于|用来|使用|管理|运行|维护|保证|确保|提供|处理|创建|填充|在|由|把|将|为|以|对|可以|能|会|通过|根据|自动|不|只|按|让)/u;
const EN_BASE_VERBS = /^(?:create|use|run|make|keep|manage|handle|write|deploy|provide|fill|notice|connect|forward|store|hold|watch|schedule|select|route|expose|maintain|ensure|perform|check|collect)$/i;
/** Location statements ("runs on every node") are true of several siblings at once. */
const LOCATION_ONLY = /^(?:runs?\s+on|运行在|部署在)/iu;

/** Terms with what the section says about them: definitions, labelled items, role clauses, feature headings. */
export function describedFrom(section: Section, analysis: SectionAnalysis, language: Language, glossary: Glossary): Described[] {
  const out: Described[] = [];
  const byId = new Map(glossary.entries.map((e) => [e.id, e]));
  const push = (d: Described | null): void => {
    if (!d || out.some((o) => o.entry.id === d.entry.id && o.predicate === d.predicate)) return;
    out.push(d);
  };
  for (const def of analysis.definitions) {
    const entry = def.glossaryId ? byId.get(def.glossaryId) : undefined;
    if (!entry || isAmbiguousSurface(def.term) || /^[：:]/u.test(def.definition)) continue;
    const shaped = shape(def.definition, def.pattern, def.sentence, def.term, language);
    if (shaped) push({ entry, surface: def.term, ...shaped, sentence: def.sentence, source: def.pattern === 'colon' ? 'label' : 'definition', sectionKey: section.key });
  }
  for (const sentence of analysis.sentences) {
    for (const d of roleClauses(sentence, language, glossary, section.key)) push(d);
  }
  const heading = titleEntry(section.title, glossary);
  if (heading?.kind === 'feature' && !out.some((d) => d.entry.id === heading.id && d.source === 'definition')) {
    const first = analysis.sentences[0];
    if (first && textLength(first, language) >= (language === 'zh' ? 12 : 8)) {
      push({ entry: heading, surface: heading[language], predicate: stripEnd(first), form: 'sentence', copula: '', sentence: first, source: 'title', sectionKey: section.key });
    }
  }
  return out;
}

/** Cuts a definition to its core and decides how a stem can attach it. */
export function shape(
  definition: string, pattern: 'is' | 'role' | 'colon', sentence: string, term: string, language: Language,
): Pick<Described, 'predicate' | 'form' | 'copula'> | null {
  // What follows a colon or semicolon elaborates ("the agent on each node: it registers …").
  let predicate = stripEnd(definition.split(/[：；;]|:\s/u)[0]!);
  if (predicate.length < 2 || hasDanglingReference(predicate, language) || LOCATION_ONLY.test(predicate)) return null;
  if (language === 'zh') {
    if (pattern === 'role') return { predicate, form: 'verb', copula: '' };
    if (pattern === 'colon') return ZH_VERB_START.test(predicate) ? { predicate, form: 'verb', copula: '' } : { predicate, form: 'noun', copula: '是' };
    const after = sentence.slice(sentence.indexOf(term) + term.length).replace(/^[（(][^）)]*[）)]/u, '').trim();
    const copula = /^(?:是指|指的是)/u.test(after) ? '是指' : '是';
    return { predicate, form: 'noun', copula };
  }
  if (pattern === 'role') return { predicate, form: 'noun', copula: /\bare\s+(?:responsible|used|in charge)/i.test(sentence) ? 'are' : 'is' };
  if (pattern === 'is') {
    const after = sentence.slice(sentence.toLowerCase().indexOf(term.toLowerCase()) + term.length).replace(/^\s*\([^)]*\)/, '').trim();
    const copula = /^(?:means)\b/i.test(after) ? 'means' : /^refers? to\b/i.test(after) ? 'refers to' : /^are\b/i.test(after) ? 'are' : 'is';
    return { predicate, form: 'noun', copula };
  }
  const first = predicate.split(/\s+/)[0] ?? '';
  if (/^(?:a|an|the|one)$/i.test(first)) return { predicate, form: 'noun', copula: 'is' };
  if (EN_BASE_VERBS.test(first)) predicate = predicate.replace(first, thirdPerson(first));
  else if (!/[^s]s$/i.test(first)) return { predicate, form: 'noun', copula: 'is' };
  return { predicate, form: 'verb', copula: '' };
}

export function thirdPerson(verb: string): string {
  if (/(?:s|sh|ch|x|z)$/i.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/i.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

/** "Job 用于运行一次性任务", "a CronJob runs tasks on a schedule": roles stated inside a longer sentence. */
function roleClauses(sentence: string, language: Language, glossary: Glossary, sectionKey: string): Described[] {
  const out: Described[] = [];
  const parts = sentence.split(language === 'zh' ? /[，,；;：:。]/u : /[;:]|,\s(?:and\s)?/u);
  for (const raw of parts) {
    const clause = raw.trim().replace(/^(?:a|an|the|and)\s+/i, '');
    if (clause === sentence.trim()) continue;
    const m = matchTerms(clause, glossary)[0];
    if (!m || m.start !== 0 || isAmbiguousSurface(m.surface)) continue;
    const rest = clause.slice(m.end).trim();
    const role = language === 'zh' ? /^(用于|负责|用来)(.{4,})$/u.exec(rest) : /^(runs|is used to|is used for|is responsible for)\s+(.{8,})$/i.exec(rest);
    if (!role || LOCATION_ONLY.test(rest) || hasDanglingReference(role[2]!, language)) continue;
    const predicate = stripEnd(rest);
    const noun = language === 'en' && /^is\s/i.test(predicate);
    out.push({
      entry: m.entry as GlossaryEntry, surface: m.surface,
      predicate: noun ? predicate.replace(/^is\s+/i, '') : predicate,
      form: noun ? 'noun' : 'verb', copula: noun ? 'is' : '', sentence, source: 'clause', sectionKey,
    });
  }
  return out;
}
