import type { Language } from '../model/question-types.js';
import { escapeGift } from './gift-escape.js';
import { buildMeta, formatMeta, type GiftForm } from './gift-metadata.js';
import type { ExchangeQuestion, GiftExportOptions } from './types.js';

/**
 * Moodle GIFT export. Every question is preceded by a `// kubequiz: {json}` comment so that
 * parseGift can restore it exactly; Moodle ignores the comment and imports the body:
 * - ordering has no GIFT type: it becomes matching of "Position n" → item text;
 * - a cloze embeds its first blank as a short answer where the blank is; further blanks stay
 *   as literal `{{n}}` in the text and their answers live in the metadata only;
 * - matching distractors (choices no prompt uses) cannot be written in GIFT: metadata only;
 * - what GIFT cannot show at all (matching with fewer than 3 pairs, "->" inside a prompt or a
 *   short answer) becomes a description question (stem only) with the rest in the metadata.
 */
export function toGift(questions: ExchangeQuestion[], options: GiftExportOptions = {}): string {
  const blocks: string[] = [];
  let category: string | undefined;
  for (const q of questions) {
    if (options.category !== undefined) {
      const next = q.sectionKeys.length ? `${options.category}/${q.sectionKeys[0]}` : options.category;
      if (next !== category) blocks.push(`$CATEGORY: ${next}`);
      category = next;
    }
    blocks.push(giftQuestion(q));
  }
  return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}

const POSITION: Record<Language, (n: number) => string> = {
  en: (n) => `Position ${n}`,
  zh: (n) => `第 ${n} 位`,
};

/** Moodle reads a leading `%n%` of an answer as its weight, so such a text gets an explicit one. */
const guardWeight = (escaped: string, weight: string): string => (escaped.startsWith('%') ? `%${weight}%${escaped}` : escaped);

/** Multiple-response weights: the right ones share 100 %, each wrong one costs 100 % (Moodle floors at 0). */
export function rightWeight(rightCount: number): string {
  return String(Number((100 / rightCount).toFixed(5)));
}

function formOf(q: ExchangeQuestion): GiftForm {
  const c = q.content;
  const k = q.answerKey;
  // Moodle takes any answer block holding both "=" and "->" for matching, and splits a pair at its first "->".
  if (c.type === 'matching') return c.prompts.length < 3 || c.prompts.some((p) => p.text.includes('->')) ? 'description' : 'native';
  if (c.type === 'ordering') return c.items.length < 3 ? 'description' : 'native';
  if (c.type === 'cloze' && k.type === 'cloze') return (k.accepted[0] ?? []).some((a) => a.includes('->')) || !c.stem.includes('{{1}}') ? 'description' : 'native';
  return 'native';
}

function giftQuestion(q: ExchangeQuestion): string {
  const form = formOf(q);
  const head = `${formatMeta(buildMeta(q, form))}\n::${escapeGift(q.title, false)}::`;
  const stem = escapeGift(q.content.stem);
  if (form === 'description') return head + stem;
  const feedback = q.explanation ? `\t####${escapeGift(q.explanation)}\n` : '';
  const block = (lines: string[]): string => `${head}${stem}{\n${lines.map((l) => `\t${l}\n`).join('')}${feedback}}`;
  const c = q.content;
  const k = q.answerKey;
  if (c.type === 'single-choice' && k.type === 'single-choice') {
    return block(c.options.map((o) => (o.id === k.correct ? `=${escapeGift(o.text)}` : `~${guardWeight(escapeGift(o.text), '0')}`)));
  }
  if (c.type === 'multiple-response' && k.type === 'multiple-response') {
    const right = rightWeight(k.correct.length);
    return block(c.options.map((o) => `~%${k.correct.includes(o.id) ? right : '-100'}%${escapeGift(o.text)}`));
  }
  if (c.type === 'true-false' && k.type === 'true-false') {
    return `${head}${stem}{${k.correct ? 'T' : 'F'}${q.explanation ? `####${escapeGift(q.explanation)}` : ''}}`;
  }
  if (c.type === 'cloze' && k.type === 'cloze') {
    // The answer block sits where the first blank is; Moodle shows it as "_____" there.
    const at = c.stem.indexOf('{{1}}');
    const answers = k.accepted[0].map((a) => `=${guardWeight(escapeGift(a), '100')}`).join(' ');
    const general = q.explanation ? `####${escapeGift(q.explanation)}` : '';
    return `${head}${escapeGift(c.stem.slice(0, at))}{${answers}${general}}${escapeGift(c.stem.slice(at + 5), false)}`;
  }
  if (c.type === 'matching' && k.type === 'matching') {
    const choiceText = new Map(c.choices.map((ch) => [ch.id, ch.text]));
    return block(c.prompts.map((p) => `=${escapeGift(p.text)} -> ${escapeGift(choiceText.get(k.pairs[p.id]) ?? '')}`));
  }
  if (c.type === 'ordering' && k.type === 'ordering') {
    const itemText = new Map(c.items.map((i) => [i.id, i.text]));
    return block(k.order.map((id, i) => `=${POSITION[q.language](i + 1)} -> ${escapeGift(itemText.get(id) ?? '')}`));
  }
  throw new Error(`question ${q.id}: answer key type ${k.type} does not match content type ${c.type}`);
}
