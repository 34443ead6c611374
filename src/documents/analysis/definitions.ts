import type { DocumentLanguage } from '../parsing/types.js';
import type { Glossary } from './glossary.js';
import { findEntry } from './glossary-matcher.js';

/** A definition-like statement: "调度器负责……", "A Pod is …", "Node controller: …". */
export interface Definition {
  /** The defined term, without article or parenthetical ("scheduler", "调度器"). */
  term: string;
  /** What the sentence says about the term (the part after the verb or colon). */
  definition: string;
  /** The whole sentence it came from. */
  sentence: string;
  /** Which pattern matched: `is` (是 / is / are), `role` (负责 / 用于 / 作用是 / is responsible for / is used to), `colon`. */
  pattern: 'is' | 'role' | 'colon';
  /** Glossary id of the term (or of the alias in its parentheses), when known. */
  glossaryId: string | null;
}

// Longest verbs first: "的作用是" before "是", "is responsible for" before "is".
const ZH_VERBS: ReadonlyArray<[string, Definition['pattern']]> = [
  ['的作用是', 'role'], ['作用是', 'role'], ['负责', 'role'], ['用于', 'role'], ['用来', 'role'],
  ['是指', 'is'], ['指的是', 'is'], ['是', 'is'],
];
/** 是 after these is an adverb phrase (就是, 也是, 不是…), not a definition. */
const ZH_NOT_BEFORE_SHI = /[就也都还总正但于即或要可只不并]$/u;
const ZH_ADVERB_TAIL = /(?:主要|其实|就是|实际上|本身|通常|一般|就|也|都|还|只)+$/u;
const ZH_BAD_SUBJECT = /^(?:这|那|它|其|此|如果|但|而|因为|所以|可以|我们|你|他|当|在|对于|由于|只|就|也|还|都|每|一个|一种|同时|然后|比如|例如)/u;
const EN_VERB =
  /\s(?:(is|are)\s+(responsible\s+for|used\s+(?:to|for)|in\s+charge\s+of)|(is|are)\s+(?=(?:a|an|the|one|two|three|what|how)\s)|(refers?\s+to|means|stands\s+for))\s*/i;
const EN_BAD_SUBJECT = /^(?:it|this|that|these|those|there|they|he|she|we|you|what|which|who|here|its|each|every|such|one|some|all|both|if|when|so|because)\b/i;
const LEADING_PHRASE = /^(?:in|on|for|at|with|by|after|before|when|if|once|today|usually|in\s+short)\b[^,]*,\s*/i;

/** Finds definition-like statements in sentences (already split). */
export function findDefinitions(sentences: readonly string[], language: DocumentLanguage, glossary: Glossary): Definition[] {
  const out: Definition[] = [];
  for (const sentence of sentences) {
    const d = colonDefinition(sentence, language) ?? (language === 'zh' ? zhDefinition(sentence) : enDefinition(sentence));
    if (!d) continue;
    const term = cleanTerm(d.subject, language);
    if (!/\p{L}/u.test(term) || d.definition.length < 2) continue;
    const alias = /[（(]([^）)]+)[）)]/u.exec(d.subject)?.[1];
    const entry = findEntry(term, glossary) ?? (alias ? findEntry(alias, glossary) : null);
    out.push({ term, definition: d.definition, sentence, pattern: d.pattern, glossaryId: entry?.id ?? null });
  }
  return out;
}

interface Raw { subject: string; definition: string; pattern: Definition['pattern'] }

/** "Node 控制器：负责……", "Node controller: notices …" — a short label before a colon. */
function colonDefinition(sentence: string, language: DocumentLanguage): Raw | null {
  const m = /^([^：:。，,]{1,60}?)\s*[：:]\s*(\S.*)$/su.exec(sentence);
  if (!m) return null;
  const subject = m[1]!.trim();
  if (/https?$/i.test(subject) || /(?:如下|包括|以下|following|these|steps?)$/iu.test(subject)) return null;
  // A label names something; a clause before the colon ("它采用声明式配置：") does not.
  const bare = subject.replace(/[（(][^）)]*[）)]/gu, '').trim();
  const ok = language === 'zh'
    ? bare.length <= 16 && !/[是有]/u.test(subject) && !ZH_BAD_SUBJECT.test(subject)
    : subject.split(/\s+/).length <= 4 && !EN_BAD_SUBJECT.test(subject) &&
      !/\b(?:is|are|has|have|was|were|runs?|works?|says?|uses?|does|do|also)\b/i.test(subject);
  return ok ? { subject, definition: m[2]!.trim(), pattern: 'colon' } : null;
}

/** The earliest verb in the sentence decides; 是 after an adverb (就是, 也是) is skipped. */
function zhDefinition(sentence: string): Raw | null {
  for (let at = 1; at < sentence.length; at++) {
    const hit = ZH_VERBS.find(([verb]) => sentence.startsWith(verb, at));
    if (!hit) continue;
    const [verb, pattern] = hit;
    const rawSubject = sentence.slice(0, at).trim();
    if (verb === '是' && ZH_NOT_BEFORE_SHI.test(rawSubject)) continue;
    // "作用于" is "acts on", not "用于".
    if (verb === '用于' && rawSubject.endsWith('作')) continue;
    const subject = rawSubject.replace(ZH_ADVERB_TAIL, '').trim();
    if (!zhSubjectOk(subject)) return null;
    const rest = sentence.slice(at + verb.length).trim();
    const definition = pattern === 'role' && !verb.endsWith('是') ? verb + rest : rest;
    return { subject, definition, pattern };
  }
  return null;
}

function zhSubjectOk(subject: string): boolean {
  const bare = subject.replace(/[（(][^）)]*[）)]/gu, '').trim();
  return bare.length >= 1 && bare.length <= 20 && !/[，,、；;：:。]/u.test(bare) && !ZH_BAD_SUBJECT.test(bare) && !/不$/u.test(bare);
}

function enDefinition(sentence: string): Raw | null {
  const m = EN_VERB.exec(sentence);
  if (!m) return null;
  let subject = sentence.slice(0, m.index).trim().replace(LEADING_PHRASE, '');
  if (subject.includes(',') || subject.split(/\s+/).length > 8 || EN_BAD_SUBJECT.test(subject)) return null;
  subject = subject.replace(/^(?:the|a|an)\s+/i, '');
  const role = m[2];
  const definition = sentence.slice(m.index + m[0].length).replace(/[.!?]$/, '').trim();
  if (role) return { subject, definition: `${role.replace(/\s+/g, ' ')} ${definition}`, pattern: 'role' };
  return { subject, definition, pattern: 'is' };
}

function cleanTerm(subject: string, language: DocumentLanguage): string {
  let t = subject.replace(/[（(][^）)]*[）)]/gu, '').replace(/[“”"'‘’]/gu, '').replace(/\s+/g, ' ').trim();
  if (language === 'en') t = t.replace(/^(?:the|a|an)\s+/i, '');
  else t = t.replace(/^(?:而|所谓|其中)/u, '');
  return t.trim();
}
