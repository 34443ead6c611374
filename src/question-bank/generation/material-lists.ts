import { type Glossary, type GlossaryEntry, matchTerms, type SectionAnalysis, splitSentences } from '../../documents/analysis/index.js';
import { exactEntry } from './title-entry.js';
import type { Section } from '../../documents/parsing/index.js';
import type { Language } from '../model/question-types.js';
import { groupOf, isAmbiguousSurface } from './kinds.js';
import type { LabeledList, StatementList, TermList } from './material-types.js';
import { stripEnd, textLength } from './text.js';

const OPEN_LIST = /等|例如|比如|诸如|such as|\blike\b|for example|e\.g\.|and other/iu;
const PROCEDURE = /过程|流程|步骤|依次|先后|flows?\b|steps?\b|process|workflow|in order/iu;
const LABEL = /^((?:[^：:。，,（(]|[（(][^）)]*[）)]){1,40}?)\s*[：:]\s*(\S.*)$/su;

/** The glossary entry an item or label names: the text itself or the alias in its parentheses. */
function entryOf(text: string, glossary: Glossary): GlossaryEntry | null {
  const bare = text.replace(/[（(][^）)]*[）)]/gu, '').replace(/^(?:the|a|an)\s+/i, '').trim();
  if (isAmbiguousSurface(bare)) return null;
  const direct = exactEntry(bare, glossary);
  if (direct) return direct;
  const alias = /[（(]([^）)]+)[）)]/u.exec(text)?.[1];
  if (alias && !isAmbiguousSurface(alias)) {
    const viaAlias = exactEntry(alias, glossary);
    if (viaAlias) return viaAlias;
  }
  const matches = matchTerms(bare, glossary).filter((m) => !isAmbiguousSurface(m.surface));
  const m = matches[0];
  return m && matches.length === 1 && m.surface.length >= bare.length * 0.6 ? m.entry : null;
}

/** Lists of glossary terms, kept to one narrow group (the majority), in order of mention. */
export function termLists(section: Section, analysis: SectionAnalysis, language: Language, glossary: Glossary): TermList[] {
  const out: TermList[] = [];
  for (const list of analysis.lists) {
    const labeled = list.kind !== 'inline' && list.items.every((i) => LABEL.test(i));
    const sentence = list.kind === 'inline' ? list.intro ?? '' : lastSentence(list.intro ?? '', language);
    let entries = list.items.map((item) => entryOf(labeled ? LABEL.exec(item)![1]! : item, glossary)).filter((e): e is GlossaryEntry => e !== null);
    if (entries.length < 2 || entries.length < list.items.length * 0.6) continue;
    const counts = new Map<string, number>();
    for (const e of entries) counts.set(groupOf(e) ?? '', (counts.get(groupOf(e) ?? '') ?? 0) + 1);
    const group = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    if (!group) continue;
    // "ClusterIP（默认）、NodePort …": a member the splitter missed is still in the sentence.
    const extra = list.kind === 'inline'
      ? matchTerms(sentence, glossary).filter((m) => !isAmbiguousSurface(m.surface)).map((m) => m.entry)
      : [];
    entries = unique([...entries, ...extra].filter((e) => groupOf(e) === group));
    entries = orderByMention(entries, `${sentence}\n${list.items.join('\n')}`, language);
    if (entries.length < 2) continue;
    const open = OPEN_LIST.test(list.kind === 'inline' ? sentence : list.items.join(' ')) && list.kind === 'inline';
    if (out.some((o) => o.entries.map((e) => e.id).join() === entries.map((e) => e.id).join())) continue;
    out.push({ sectionKey: section.key, sentence: list.kind === 'inline' ? sentence : `${sentence}\n${list.items.map((i) => `- ${i}`).join('\n')}`, entries, closed: !open });
  }
  return out;
}

/** Marked lists whose items are statements rather than "label: description" pairs. */
export function statementLists(section: Section, analysis: SectionAnalysis, language: Language): StatementList[] {
  const out: StatementList[] = [];
  for (const list of analysis.lists) {
    if (list.kind === 'inline' || list.items.length < 2) continue;
    const labeled = list.items.filter((i) => LABEL.test(i)).length;
    if (labeled > list.items.length / 2) continue;
    const items = list.items.map((i) => stripEnd(i));
    if (items.some((i) => textLength(i, language) < (language === 'zh' ? 6 : 4))) continue;
    const introSentences = splitSentences(list.intro ?? '', language);
    const intro = introSentences.at(-1) ?? '';
    out.push({
      sectionKey: section.key, intro, context: introSentences.at(-2) ?? '', items,
      numbered: list.kind === 'numbered', procedure: PROCEDURE.test(intro),
    });
  }
  return out;
}

/** Marked lists of "label：description" items ("节点控制器（Node Controller）：负责……"). */
export function labeledLists(section: Section, analysis: SectionAnalysis, language: Language, glossary: Glossary): LabeledList[] {
  const out: LabeledList[] = [];
  for (const list of analysis.lists) {
    if (list.kind === 'inline' || list.items.length < 2) continue;
    const pairs: LabeledList['pairs'] = [];
    for (const item of list.items) {
      const m = LABEL.exec(item) ?? subjectItem(item, language, glossary);
      if (!m) continue;
      const label = m[1]!.replace(/\*\*/g, '').trim();
      pairs.push({ label, entry: entryOf(label, glossary), description: stripEnd(firstSentence(m[2]!, language)), item });
    }
    if (pairs.length < list.items.length * 0.8) continue;
    out.push({ sectionKey: section.key, intro: lastSentence(list.intro ?? '', language), pairs });
  }
  return out;
}

/** "Equality-based selectors use equals (=) …": an item that opens with its term. */
function subjectItem(item: string, language: Language, glossary: Glossary): [string, string, string] | null {
  if (language !== 'en') return null;
  const m = matchTerms(item, glossary)[0];
  if (!m || m.start !== 0) return null;
  const rest = item.slice(m.end).trim();
  return /^[a-z]+s?\s/.test(rest) ? [item, m.surface, rest] : null;
}

function firstSentence(text: string, language: Language): string {
  return splitSentences(text, language)[0] ?? text;
}

function lastSentence(text: string, language: Language): string {
  return splitSentences(text, language).at(-1) ?? text;
}

function unique(entries: GlossaryEntry[]): GlossaryEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => !seen.has(e.id) && seen.add(e.id));
}

function orderByMention(entries: GlossaryEntry[], text: string, language: Language): GlossaryEntry[] {
  const at = (e: GlossaryEntry): number => {
    const forms = [e[language], e.en, e.zh, ...e.aliases];
    const hits = forms.map((f) => text.toLowerCase().indexOf(f.toLowerCase())).filter((i) => i >= 0);
    return hits.length > 0 ? Math.min(...hits) : Number.MAX_SAFE_INTEGER;
  };
  return [...entries].sort((a, b) => at(a) - at(b));
}
