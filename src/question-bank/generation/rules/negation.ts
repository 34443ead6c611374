import type { Language } from '../../model/question-types.js';

/**
 * The opposite of a negated claim, for false statements that need no sibling term:
 * "Scaling the Deployment does not start a rollout." → "Scaling the Deployment starts a
 * rollout."; "扩缩 Deployment 不会触发上线。" → "扩缩 Deployment 会触发上线。". Only the
 * negation is removed — adding one would need to know which words carry the claim — and only
 * in sentences with exactly one negation, that state a fact (no instruction, no condition),
 * so the result is false exactly when the source is true.
 */
export function withoutNegation(sentence: string, language: Language): string | null {
  return language === 'zh' ? zh(sentence) : en(sentence);
}

const ZH_NEGATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/不会/u, '会'],
  [/不能/u, '能'],
  [/无法/u, '能够'],
  [/不需要|无需|无须/u, '需要'],
  [/不属于/u, '属于'],
  [/不支持/u, '支持'],
  [/不再/u, '仍然'],
  [/从不/u, '总是'],
];

/** Instructions, conditions and contrasts: removing their negation does not give a false fact. */
const ZH_SKIP = /^(?:不要|请|务必|切勿|别)|如果|除非|只要|否则|而是|而应|任何|并非|不仅/u;

function zh(sentence: string): string | null {
  if (ZH_SKIP.test(sentence)) return null;
  const hits = ZH_NEGATIONS.filter(([re]) => re.test(sentence));
  // "不" stands in many words (不同, 不稳定); only the listed forms count, and only one of them.
  const count = (sentence.match(/不会|不能|无法|不需要|无需|无须|不属于|不支持|不再|从不|不是|没有|未/gu) ?? []).length;
  if (hits.length !== 1 || count !== 1) return null;
  const [re, positive] = hits[0]!;
  return sentence.replace(re, positive);
}

const EN_SKIP = /^(?:do not|don't|never|please|make sure|avoid)\b|\b(?:if|unless|otherwise|instead|any|either|neither|nor|not only|rather than)\b/i;
const EN_NEGATION = /\b(?:not|never|cannot|can't|doesn't|don't|isn't|aren't|won't|no longer|no)\b/gi;

function en(sentence: string): string | null {
  if (EN_SKIP.test(sentence) || (sentence.match(EN_NEGATION) ?? []).length !== 1) return null;
  let m = /\b(does|do) not ([a-z]+)\b/i.exec(sentence) ?? /\b(doesn't|don't) ([a-z]+)\b/i.exec(sentence);
  if (m) {
    const third = /^does/i.test(m[1]!);
    const verb = third ? thirdPerson(m[2]!) : m[2]!;
    return sentence.slice(0, m.index) + verb + sentence.slice(m.index + m[0].length);
  }
  m = /\b(is|are|was|were|can|must|will|should) not\b/i.exec(sentence);
  if (m) return sentence.slice(0, m.index) + m[1]! + sentence.slice(m.index + m[0].length);
  m = /\b(isn't|aren't|won't|can't)\b/i.exec(sentence);
  if (m) return sentence.slice(0, m.index) + ({ "isn't": 'is', "aren't": 'are', "won't": 'will', "can't": 'can' } as Record<string, string>)[m[1]!.toLowerCase()]! + sentence.slice(m.index + m[0].length);
  m = /\bcannot\b/i.exec(sentence);
  if (m) return sentence.slice(0, m.index) + 'can' + sentence.slice(m.index + m[0].length);
  m = /\bno longer\b/i.exec(sentence);
  if (m) return sentence.slice(0, m.index) + 'still' + sentence.slice(m.index + m[0].length);
  return null;
}

function thirdPerson(verb: string): string {
  if (verb === 'have') return 'has';
  if (/(?:s|x|z|ch|sh|o)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}
