import { QUESTION_TYPES, type AnswerKey, type Choice, type QuestionContent } from './question-types.js';

export interface QuestionProblem {
  path: string;
  message: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkChoices(value: unknown, path: string, min: number, problems: QuestionProblem[]): Choice[] {
  if (!Array.isArray(value)) {
    problems.push({ path, message: `${path} must be a list` });
    return [];
  }
  if (value.length < min) problems.push({ path, message: `${path} needs at least ${min} entries` });
  const ids = new Set<string>();
  const texts = new Set<string>();
  value.forEach((choice, index) => {
    if (!isRecord(choice) || typeof choice.id !== 'string' || !/^[a-z0-9]{1,8}$/.test(choice.id) || typeof choice.text !== 'string' || !choice.text.trim()) {
      problems.push({ path: `${path}[${index}]`, message: 'each entry needs an id (a-z, 0-9) and a non-empty text' });
      return;
    }
    if (ids.has(choice.id)) problems.push({ path: `${path}[${index}].id`, message: `duplicate id "${choice.id}"` });
    if (texts.has(choice.text.trim().toLowerCase())) problems.push({ path: `${path}[${index}].text`, message: 'duplicate text' });
    ids.add(choice.id);
    texts.add(choice.text.trim().toLowerCase());
  });
  return value as Choice[];
}

/**
 * Structural checks of a question's content and key, with paths for problem+json:
 * everything grading and serving rely on (ids exist, blanks match, answers are possible).
 */
export function validateQuestion(content: unknown, key: unknown): QuestionProblem[] {
  const problems: QuestionProblem[] = [];
  if (!isRecord(content) || !QUESTION_TYPES.includes(content.type as never)) {
    return [{ path: 'content.type', message: `content.type must be one of ${QUESTION_TYPES.join(', ')}` }];
  }
  if (typeof content.stem !== 'string' || content.stem.trim().length < 3 || content.stem.length > 4000) {
    problems.push({ path: 'content.stem', message: 'content.stem must be 3 to 4000 characters' });
  }
  if (!isRecord(key) || key.type !== content.type) {
    return [...problems, { path: 'answerKey.type', message: 'answerKey.type must equal content.type' }];
  }
  const c = content as QuestionContent;
  const k = key as AnswerKey;
  switch (c.type) {
    case 'single-choice': {
      const ids = checkChoices(c.options, 'content.options', 2, problems).map((o) => o.id);
      if (k.type === 'single-choice' && !ids.includes(k.correct)) problems.push({ path: 'answerKey.correct', message: 'must be one of the option ids' });
      break;
    }
    case 'multiple-response': {
      const ids = checkChoices(c.options, 'content.options', 3, problems).map((o) => o.id);
      if (k.type === 'multiple-response') {
        if (!Array.isArray(k.correct) || k.correct.length < 1 || k.correct.some((id) => !ids.includes(id)) || new Set(k.correct).size !== k.correct.length) {
          problems.push({ path: 'answerKey.correct', message: 'must list distinct option ids, at least one' });
        }
      }
      break;
    }
    case 'true-false':
      if (k.type === 'true-false' && typeof k.correct !== 'boolean') problems.push({ path: 'answerKey.correct', message: 'must be true or false' });
      break;
    case 'cloze': {
      const marks = [...(typeof c.stem === 'string' ? c.stem.matchAll(/\{\{(\d+)\}\}/g) : [])].map((m) => Number(m[1]));
      const expected = marks.map((_, i) => i + 1);
      if (!Number.isInteger(c.blanks) || c.blanks < 1 || marks.length !== c.blanks || marks.some((n, i) => n !== expected[i])) {
        problems.push({ path: 'content.blanks', message: 'the stem must mark blanks {{1}}…{{n}} in order, n = blanks' });
      }
      if (k.type === 'cloze' && (!Array.isArray(k.accepted) || k.accepted.length !== c.blanks || k.accepted.some((a) => !Array.isArray(a) || a.length === 0 || a.some((s) => typeof s !== 'string' || !s.trim())))) {
        problems.push({ path: 'answerKey.accepted', message: 'needs one non-empty list of accepted answers per blank' });
      }
      break;
    }
    case 'matching': {
      const prompts = checkChoices(c.prompts, 'content.prompts', 2, problems).map((p) => p.id);
      const choices = checkChoices(c.choices, 'content.choices', 2, problems).map((p) => p.id);
      if (k.type === 'matching') {
        const pairs = isRecord(k.pairs) ? k.pairs : {};
        if (prompts.some((p) => !choices.includes(pairs[p] as string)) || Object.keys(pairs).length !== prompts.length) {
          problems.push({ path: 'answerKey.pairs', message: 'must map every prompt id to a choice id' });
        }
      }
      break;
    }
    case 'ordering': {
      const ids = checkChoices(c.items, 'content.items', 3, problems).map((i) => i.id);
      if (k.type === 'ordering' && (!Array.isArray(k.order) || k.order.length !== ids.length || [...k.order].sort().join() !== [...ids].sort().join())) {
        problems.push({ path: 'answerKey.order', message: 'must list every item id exactly once' });
      }
      break;
    }
  }
  return problems;
}
