import type { GlossaryEntry } from '../../documents/analysis/index.js';
import type { AnswerKey, Choice, Language, QuestionContent } from '../model/question-types.js';
import type { DocumentMaterial } from './material.js';
import type { Rng } from './seeded-random.js';
import { clauses, containsForm, joinClauses } from './text.js';

/** What every rule receives besides the section's material. */
export interface RuleContext {
  language: Language;
  doc: DocumentMaterial;
  sectionKey: string;
  /** A seeded stream for this section and rule. */
  rng: Rng;
  /** True for a section with subsections (a chapter): its material includes theirs. */
  chapter: boolean;
  /** The section's own sentences, to prefer distractors it names. */
  sectionText: string;
}

const IDS = 'abcdefghijklmnop';

function choices(texts: readonly string[]): Choice[] {
  return texts.map((text, i) => ({ id: IDS[i]!, text }));
}

export function singleChoice(stem: string, correct: string, wrong: readonly string[], rng: Rng): { content: QuestionContent; answerKey: AnswerKey } {
  const order = rng.shuffle([correct, ...wrong]);
  const options = choices(order);
  return { content: { type: 'single-choice', stem, options }, answerKey: { type: 'single-choice', correct: IDS[order.indexOf(correct)]! } };
}

export function multipleResponse(stem: string, correct: readonly string[], wrong: readonly string[], rng: Rng): { content: QuestionContent; answerKey: AnswerKey } {
  const order = rng.shuffle([...correct, ...wrong]);
  const options = choices(order);
  const ids = correct.map((c) => IDS[order.indexOf(c)]!).sort();
  return { content: { type: 'multiple-response', stem, options }, answerKey: { type: 'multiple-response', correct: ids } };
}

export function trueFalse(stem: string, value: boolean): { content: QuestionContent; answerKey: AnswerKey } {
  return { content: { type: 'true-false', stem }, answerKey: { type: 'true-false', correct: value } };
}

export function cloze(stem: string, accepted: string[]): { content: QuestionContent; answerKey: AnswerKey } {
  return { content: { type: 'cloze', stem, blanks: 1 }, answerKey: { type: 'cloze', accepted: [accepted] } };
}

/** Prompts in a shuffled order against shuffled choices; extra choices are decoys. */
export function matching(stem: string, pairs: ReadonlyArray<readonly [string, string]>, extra: readonly string[], rng: Rng): { content: QuestionContent; answerKey: AnswerKey } {
  const prompts = rng.shuffle(pairs).map(([p, c], i) => ({ id: `p${i + 1}`, text: p, answer: c }));
  const order = rng.shuffle([...pairs.map(([, c]) => c), ...extra]);
  const cs = choices(order);
  const keyPairs: Record<string, string> = {};
  for (const p of prompts) keyPairs[p.id] = IDS[order.indexOf(p.answer)]!;
  return {
    content: { type: 'matching', stem, prompts: prompts.map(({ id, text }) => ({ id, text })), choices: cs },
    answerKey: { type: 'matching', pairs: keyPairs },
  };
}

/** Items shown out of order (never in the right order, which would give the answer away). */
export function ordering(stem: string, inOrder: readonly string[], rng: Rng): { content: QuestionContent; answerKey: AnswerKey } {
  let shown = rng.shuffle(inOrder);
  for (let i = 0; i < 5 && shown.every((s, j) => s === inOrder[j]); i++) shown = rng.shuffle(inOrder);
  if (shown.every((s, j) => s === inOrder[j])) shown = [...inOrder].reverse();
  const items = choices(shown);
  return { content: { type: 'ordering', stem, items }, answerKey: { type: 'ordering', order: inOrder.map((t) => IDS[shown.indexOf(t)]!) } };
}

/** "原文：“…”" / 'From the course: "…"' — every explanation cites where the item came from. */
export function cite(source: string, language: Language): string {
  const s = source.trim().replace(/[：:]?\n- /, language === 'zh' ? '：' : ': ').replace(/\n- /g, language === 'zh' ? '；' : '; ').replace(/\n(\d+)\. /g, ' $1. ').replace(/\n+/g, ' ');
  return language === 'zh' ? `原文：“${s}”` : `From the course: "${s}"`;
}

/**
 * Drops the clauses of `text` that name any of `forms`, so a stem or option does not give
 * away its own answer ("由内核 iptables 规则转发，是 Linux 上的默认模式" → "是 Linux 上的默认模式").
 * Returns the text unchanged when every clause names one (the leak check then rejects it).
 */
export function withoutClausesNaming(text: string, forms: readonly string[], language: Language): string {
  const parts = clauses(text, language);
  const kept: string[] = [];
  let dropping = false;
  for (const c of parts) {
    // Once a dropped clause opens an enumeration ("such as A, B and C"), its items go with it.
    if (dropping && !/\s(?:is|are|does|do|has|was)\s|[\u3400-\u9fff]{6}/u.test(c)) continue;
    dropping = false;
    if (forms.some((f) => containsForm(c, f))) {
      dropping = /such as|including|\blike\b|例如|比如|如\s|包括/iu.test(c);
      continue;
    }
    kept.push(c);
  }
  if (kept.length === parts.length || kept.length === 0) return text;
  // What is left must stand on its own: not "so they do not …", not "并……".
  if (/^(?:so|and|but|which|that|then|while|or|并|而|所以|但|且|即|它|其)/iu.test(kept[0]!) || /^(?:it|they|them|its|their)\b/i.test(kept[0]!)) return text;
  return joinClauses(kept, language);
}

/** Keeps a description short enough to be an option: whole clauses, up to `max` units. */
export function shorten(text: string, language: Language, max = language === 'zh' ? 36 : 20): string {
  const parts = clauses(text, language);
  let out = parts[0]!;
  for (const p of parts.slice(1)) {
    const next = joinClauses([out, p], language);
    const len = language === 'zh' ? [...next].length : next.split(/\s+/).length;
    if (len > max) break;
    out = next;
  }
  return out;
}

/** Puts spaces between Latin and CJK where a replacement created a seam ("由etcd写入" → "由 etcd 写入"). */
export function tidySpacing(text: string): string {
  return text
    .replace(/([\u3400-\u9fff]) +(?=[\u3400-\u9fff])/gu, '$1')
    .replace(/([\u3400-\u9fff])([A-Za-z0-9])/gu, '$1 $2')
    .replace(/([A-Za-z0-9])([\u3400-\u9fff])/gu, '$1 $2')
    .replace(/ {2,}/g, ' ');
}

export function tagsOf(entries: ReadonlyArray<GlossaryEntry | null | undefined>): string[] {
  const out = new Set<string>();
  for (const e of entries) if (e) { out.add(e.id); out.add(e.kind); }
  return [...out];
}
