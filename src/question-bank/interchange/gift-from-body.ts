import type { AnswerKey, Choice, QuestionContent } from '../model/question-types.js';
import type { GiftAnswer, GiftBody } from './gift-body.js';

/** A question read from a GIFT body alone, or the reason it cannot be one. */
export type BodyReading = { content: QuestionContent; answerKey: AnswerKey; warnings: string[] } | { error: string };

/** Option ids as the bank writes them: a, b, … z, then o26, o27, … */
export const optionId = (index: number): string => (index < 26 ? String.fromCharCode(97 + index) : `o${index}`);

const choices = (texts: string[], id: (i: number) => string = optionId): Choice[] => texts.map((text, i) => ({ id: id(i), text }));

/** The stem of a one-block question: Moodle's "missing word" form puts "_____" where the block was. */
export function stemAround(body: GiftBody): string {
  const [before, after = ''] = body.texts;
  return after.trim() ? `${before}_____${after}` : before.trim();
}

/** The stem of a cloze: every block becomes a numbered blank. */
export const clozeStem = (body: GiftBody): string => body.texts.map((t, i) => (i ? `{{${i}}}${t}` : t)).join('');

function acceptedOf(answers: GiftAnswer[], warnings: string[]): string[] {
  if (answers.some((a) => a.weight > 0 && a.weight < 100)) warnings.push('partial-credit short answers are accepted as fully correct');
  return [...new Set(answers.filter((a) => a.weight > 0).map((a) => a.text))];
}

function feedbackWarning(answers: GiftAnswer[], warnings: string[]): void {
  if (answers.some((a) => a.feedback)) warnings.push('per-answer feedback is not kept');
}

/**
 * Reads a question written by a Moodle user. `orderingHint` turns a matching body back into an
 * ordering (kubequiz writes ordering as "Position n -> item").
 */
export function questionFromBody(body: GiftBody, orderingHint = false): BodyReading {
  const warnings: string[] = [];
  const { blocks } = body;
  if (blocks.length === 0) return { error: 'no answer block {…}: description questions are not supported' };
  if (blocks.length > 1) {
    // Several short-answer blocks are read as a cloze with one blank per block (Moodle itself reads only the first).
    if (blocks.some((b) => b.kind !== 'shortanswer')) return { error: `only one answer block per question is supported, found ${blocks.length}` };
    const accepted = blocks.map((b) => (b.kind === 'shortanswer' ? acceptedOf(b.answers, warnings) : []));
    blocks.forEach((b) => b.kind === 'shortanswer' && feedbackWarning(b.answers, warnings));
    return { content: { type: 'cloze', stem: clozeStem(body), blanks: blocks.length }, answerKey: { type: 'cloze', accepted }, warnings: [...new Set(warnings)] };
  }
  const block = blocks[0];
  switch (block.kind) {
    case 'essay':
      return { error: 'essay questions ({}) are not supported' };
    case 'numerical':
      return { error: 'numerical questions ({#…}) are not supported' };
    case 'truefalse':
      if (block.feedback) warnings.push('per-answer feedback is not kept');
      return { content: { type: 'true-false', stem: stemAround(body) }, answerKey: { type: 'true-false', correct: block.value }, warnings };
    case 'shortanswer': {
      feedbackWarning(block.answers, warnings);
      const accepted = acceptedOf(block.answers, warnings);
      if (!accepted.length) return { error: 'the short answer has no answer with a positive weight' };
      return { content: { type: 'cloze', stem: clozeStem(body), blanks: 1 }, answerKey: { type: 'cloze', accepted: [accepted] }, warnings };
    }
    case 'multichoice': {
      feedbackWarning(block.answers, warnings);
      const options = choices(block.answers.map((a) => a.text));
      if (block.single) {
        const right = options.filter((_, i) => block.answers[i].weight >= 100);
        if (right.length !== 1) return { error: `a single-answer question needs exactly one answer marked "=", found ${right.length}` };
        if (block.answers.some((a) => a.weight > 0 && a.weight < 100)) warnings.push('partial-credit answers are counted as wrong');
        return { content: { type: 'single-choice', stem: stemAround(body), options }, answerKey: { type: 'single-choice', correct: right[0].id }, warnings };
      }
      const correct = options.filter((_, i) => block.answers[i].weight > 0).map((o) => o.id);
      if (!correct.length) return { error: 'no answer of the multiple-answer question has a positive weight' };
      return { content: { type: 'multiple-response', stem: stemAround(body), options }, answerKey: { type: 'multiple-response', correct }, warnings };
    }
    case 'match': {
      const real = block.pairs.filter((p) => p.prompt);
      if (orderingHint) {
        const items = choices(real.map((p) => p.choice));
        return { content: { type: 'ordering', stem: stemAround(body), items }, answerKey: { type: 'ordering', order: items.map((i) => i.id) }, warnings };
      }
      // Moodle stores a pair with an empty prompt ("= -> text") as a distractor choice.
      const choiceIds = new Map<string, string>();
      const choiceList: Choice[] = [];
      for (const { choice } of block.pairs) {
        const norm = choice.trim().toLowerCase();
        if (!choiceIds.has(norm)) {
          choiceIds.set(norm, optionId(choiceList.length));
          choiceList.push({ id: optionId(choiceList.length), text: choice });
        }
      }
      const prompts = choices(real.map((p) => p.prompt), (i) => `p${i + 1}`);
      const pairs = Object.fromEntries(real.map((p, i) => [prompts[i].id, choiceIds.get(p.choice.trim().toLowerCase()) as string]));
      return { content: { type: 'matching', stem: stemAround(body), prompts, choices: choiceList }, answerKey: { type: 'matching', pairs }, warnings };
    }
  }
}
