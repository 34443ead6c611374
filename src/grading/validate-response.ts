import type { Choice, QuestionContent } from '../question-bank/model/question-types.js';

/** Longest text accepted for one cloze blank; longer input is abuse, not an answer. */
export const MAX_CLOZE_ANSWER_LENGTH = 500;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const quote = (value: unknown): string => JSON.stringify(value) ?? String(value);

function stringList(value: unknown, field: string, problems: string[]): string[] | null {
  if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string')) {
    problems.push(`${field} must be a list of strings`);
    return null;
  }
  return value as string[];
}

// Option lists hold a handful of entries: a linear scan beats building a Set per call.
const hasId = (list: readonly Choice[], id: unknown): boolean => list.some((entry) => entry.id === id);

function checkKnownDistinct(ids: string[], known: readonly Choice[], field: string, what: string, problems: string[]): void {
  ids.forEach((id, i) => {
    if (!hasId(known, id)) problems.push(`${field}: ${quote(id)} is not ${what} of this question`);
    else if (ids.indexOf(id) !== i) problems.push(`${field}: ${quote(id)} is listed more than once`);
  });
}

/**
 * Everything wrong with a candidate's response to `content`, as messages for a 422; an
 * empty list means it can be stored and graded. `null` (no answer) is always acceptable,
 * and so are cleared answers: no choices, blank cloze fields, no pairs, an empty order.
 * The key is not consulted, so the messages never reveal it.
 */
export function validateResponse(content: QuestionContent, response: unknown): string[] {
  if (response === null) return [];
  if (!isRecord(response)) return ['response must be an object or null'];
  if (response.type !== content.type) return [`response.type must be ${quote(content.type)}`];
  const problems: string[] = [];
  switch (content.type) {
    case 'single-choice': {
      if (typeof response.choice !== 'string') problems.push('choice must be an option id');
      else if (!hasId(content.options, response.choice)) {
        problems.push(`choice: ${quote(response.choice)} is not an option of this question`);
      }
      break;
    }
    case 'multiple-response': {
      const choices = stringList(response.choices, 'choices', problems);
      if (choices) checkKnownDistinct(choices, content.options, 'choices', 'an option', problems);
      break;
    }
    case 'true-false':
      if (typeof response.value !== 'boolean') problems.push('value must be true or false');
      break;
    case 'cloze': {
      const blanks = stringList(response.blanks, 'blanks', problems);
      if (!blanks) break;
      if (blanks.length !== content.blanks) problems.push(`blanks must hold exactly ${content.blanks} answer(s), one per blank`);
      blanks.forEach((text, i) => {
        if (text.length > MAX_CLOZE_ANSWER_LENGTH) problems.push(`blanks[${i}] is longer than ${MAX_CLOZE_ANSWER_LENGTH} characters`);
      });
      break;
    }
    case 'matching': {
      if (!isRecord(response.pairs)) {
        problems.push('pairs must be an object mapping prompt ids to choice ids');
        break;
      }
      for (const [prompt, choice] of Object.entries(response.pairs)) {
        if (!hasId(content.prompts, prompt)) problems.push(`pairs: ${quote(prompt)} is not a prompt of this question`);
        if (typeof choice !== 'string' || !hasId(content.choices, choice)) problems.push(`pairs.${prompt}: ${quote(choice)} is not a choice of this question`);
      }
      break;
    }
    case 'ordering': {
      const order = stringList(response.order, 'order', problems);
      if (!order || order.length === 0) break;
      checkKnownDistinct(order, content.items, 'order', 'an item', problems);
      if (problems.length === 0 && order.length !== content.items.length) problems.push(`order must list all ${content.items.length} items exactly once`);
      break;
    }
  }
  return problems;
}
