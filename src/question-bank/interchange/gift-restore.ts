import type { AnswerKey, Choice, QuestionContent } from '../model/question-types.js';
import type { GiftBody } from './gift-body.js';
import { clozeStem, stemAround } from './gift-from-body.js';
import type { GiftMeta } from './gift-metadata.js';

export type Restored = { content: QuestionContent; answerKey: AnswerKey };

const sameSet = (a: number[], b: number[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

const fromTexts = (ids: string[] | undefined, texts: Record<string, string> | undefined): Choice[] =>
  (ids ?? []).map((id) => ({ id, text: texts?.[id] as string }));

/**
 * Rebuilds the exact question from its kubequiz metadata, with the texts taken from the GIFT
 * body (so edits to wording are kept). Returns undefined when the body no longer has the shape
 * the metadata describes (answers added, removed or re-marked): then the body is read on its own.
 */
export function restoreFromMeta(meta: GiftMeta, body: GiftBody): Restored | undefined {
  if (meta.form === 'description') return body.blocks.length === 0 ? fromDescription(meta, body.texts[0].trim()) : undefined;
  if (body.blocks.length !== 1) return undefined;
  const block = body.blocks[0];
  const key = meta.key;
  switch (key.type) {
    case 'single-choice':
    case 'multiple-response': {
      const ids = meta.options ?? [];
      if (block.kind !== 'multichoice' || block.answers.length !== ids.length) return undefined;
      const marked = block.answers.flatMap((a, i) => (key.type === 'single-choice' ? a.weight >= 100 : a.weight > 0) ? [i] : []);
      const expected = (key.type === 'single-choice' ? [key.correct] : key.correct).map((id) => ids.indexOf(id));
      if (!sameSet(marked, expected)) return undefined;
      const options = ids.map((id, i) => ({ id, text: block.answers[i].text }));
      return { content: { type: key.type, stem: stemAround(body), options }, answerKey: key };
    }
    case 'true-false':
      if (block.kind !== 'truefalse' || block.value !== key.correct) return undefined;
      return { content: { type: 'true-false', stem: stemAround(body) }, answerKey: key };
    case 'cloze': {
      // The body holds the first blank; the others are literal {{n}} in its text and only in the metadata's key.
      if (block.kind !== 'shortanswer') return undefined;
      const first = [...new Set(block.answers.filter((a) => a.weight > 0).map((a) => a.text))];
      return {
        content: { type: 'cloze', stem: clozeStem(body), blanks: meta.blanks ?? key.accepted.length },
        answerKey: { type: 'cloze', accepted: [first, ...key.accepted.slice(1)] },
      };
    }
    case 'matching': {
      const promptIds = meta.prompts ?? [];
      if (block.kind !== 'match' || block.pairs.length !== promptIds.length || block.pairs.some((p) => !p.prompt)) return undefined;
      const prompts = promptIds.map((id, i) => ({ id, text: block.pairs[i].prompt }));
      const choices: Choice[] = [];
      for (const id of meta.choices ?? []) {
        const shown = new Set(block.pairs.filter((_, i) => key.pairs[promptIds[i]] === id).map((p) => p.choice));
        if (shown.size > 1) return undefined;
        choices.push({ id, text: shown.size ? [...shown][0] : (meta.texts?.choices?.[id] as string) });
      }
      return { content: { type: 'matching', stem: stemAround(body), prompts, choices }, answerKey: key };
    }
    case 'ordering': {
      const ids = meta.items ?? [];
      if (block.kind !== 'match' || block.pairs.length !== ids.length || key.order.length !== ids.length) return undefined;
      const items = ids.map((id) => ({ id, text: block.pairs[key.order.indexOf(id)]?.choice as string }));
      return { content: { type: 'ordering', stem: stemAround(body), items }, answerKey: key };
    }
  }
}

function fromDescription(meta: GiftMeta, stem: string): Restored {
  const key = meta.key;
  const t = meta.texts ?? {};
  switch (key.type) {
    case 'single-choice':
    case 'multiple-response':
      return { content: { type: key.type, stem, options: fromTexts(meta.options, t.choices) }, answerKey: key };
    case 'true-false':
      return { content: { type: 'true-false', stem }, answerKey: key };
    case 'cloze':
      return { content: { type: 'cloze', stem, blanks: meta.blanks ?? key.accepted.length }, answerKey: key };
    case 'matching':
      return { content: { type: 'matching', stem, prompts: fromTexts(meta.prompts, t.prompts), choices: fromTexts(meta.choices, t.choices) }, answerKey: key };
    case 'ordering':
      return { content: { type: 'ordering', stem, items: fromTexts(meta.items, t.items) }, answerKey: key };
  }
}
