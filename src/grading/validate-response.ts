import type { QuestionContent } from '../question-bank/model/question-types.js';

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

function checkKnownDistinct(ids: string[], known: ReadonlySet<string>, field: string, what: string, problems: string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (!known.has(id)) problems.push(`${field}: ${quote(id)} is not ${what} of this question`);
    else if (seen.has(id)) problems.push(`${field}: ${quote(id)} is listed more than once`);
    seen.add(id);
  }
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
      else if (!content.options.some((option) => option.id === response.choice)) {
        problems.push(`choice: ${quote(response.choice)} is not an option of this question`);
      }
      break;
    }
    case 'multiple-response': {
      const choices = stringList(response.choices, 'choices', problems);
      if (choices) checkKnownDistinct(choices, new Set(content.options.map((o) => o.id)), 'choices', 'an option', problems);
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
      const prompts = new Set(content.prompts.map((p) => p.id));
      const choices = new Set(content.choices.map((c) => c.id));
      for (const [prompt, choice] of Object.entries(response.pairs)) {
        if (!prompts.has(prompt)) problems.push(`pairs: ${quote(prompt)} is not a prompt of this question`);
        if (typeof choice !== 'string' || !choices.has(choice)) problems.push(`pairs.${prompt}: ${quote(choice)} is not a choice of this question`);
      }
      break;
    }
    case 'ordering': {
      const order = stringList(response.order, 'order', problems);
      if (!order || order.length === 0) break;
      const items = new Set(content.items.map((item) => item.id));
      checkKnownDistinct(order, items, 'order', 'an item', problems);
      if (problems.length === 0 && order.length !== items.size) problems.push(`order must list all ${items.size} items exactly once`);
      break;
    }
  }
  return problems;
}
