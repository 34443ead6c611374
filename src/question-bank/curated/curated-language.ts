import type { AnswerKey, Choice, Language, QuestionContent, QuestionType } from '../model/question-types.js';
import { validateQuestion } from '../model/validate-question.js';
import { isRecord } from './curated-types.js';

/** What one language block (`zh:` or `en:`) of a YAML item yields. */
export interface LanguageBlock {
  content: QuestionContent;
  key: AnswerKey;
  explanation: string;
}

type Report = (message: string) => void;

const CHOICE_FIELDS: Record<QuestionType, string[]> = {
  'single-choice': ['options'],
  'multiple-response': ['options'],
  'true-false': [],
  cloze: [],
  matching: ['prompts', 'choices'],
  ordering: ['items'],
};
const ANSWER_FIELD: Record<QuestionType, string> = {
  'single-choice': 'correct',
  'multiple-response': 'correct',
  'true-false': 'correct',
  cloze: 'accepted',
  matching: 'pairs',
  ordering: 'order',
};
const CJK = /[\u3400-\u9fff]/;
const BLANK = /\{\{(\d+)\}\}/g;

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

function readText(value: unknown, field: string, report: Report): string {
  if (typeof value !== 'string' || !value.trim()) {
    report(`${field} must be a non-empty string`);
    return '';
  }
  return value.trim();
}

function readChoices(value: unknown, field: string, report: Report): Choice[] {
  if (!Array.isArray(value)) {
    report(`${field} must be a list of { id, text }`);
    return [];
  }
  const choices: Choice[] = [];
  value.forEach((entry, index) => {
    if (!isRecord(entry) || typeof entry.id !== 'string' || typeof entry.text !== 'string' || !entry.text.trim()) {
      report(`${field}[${index}] must be { id: <string>, text: <non-empty string> } (quote numbers)`);
      return;
    }
    choices.push({ id: entry.id, text: entry.text.trim() });
  });
  return choices;
}

function readStringList(value: unknown, field: string, report: Report): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    report(`${field} must be a list of strings (quote numbers)`);
    return [];
  }
  return value as string[];
}

function readKey(type: QuestionType, answer: unknown, report: Report): AnswerKey | undefined {
  const field = ANSWER_FIELD[type];
  if (!isRecord(answer) || Object.keys(answer).length !== 1 || !(field in answer)) {
    report(`answer must be { ${field}: … } for a ${type} question`);
    return undefined;
  }
  const value = answer[field];
  switch (type) {
    case 'single-choice':
      if (typeof value !== 'string') report('answer.correct must be one option id');
      return { type, correct: String(value) };
    case 'multiple-response':
      return { type, correct: readStringList(value, 'answer.correct', report) };
    case 'true-false':
      if (typeof value !== 'boolean') report('answer.correct must be true or false');
      return { type, correct: value === true };
    case 'cloze':
      if (!Array.isArray(value)) {
        report('answer.accepted must be a list with one list of accepted answers per blank');
        return { type, accepted: [] };
      }
      return { type, accepted: value.map((list, i) => readStringList(list, `answer.accepted[${i}]`, report).map((s) => s.trim())) };
    case 'matching': {
      if (!isRecord(value) || Object.values(value).some((v) => typeof v !== 'string')) {
        report('answer.pairs must map prompt ids to choice ids');
        return { type, pairs: {} };
      }
      return { type, pairs: value as Record<string, string> };
    }
    case 'ordering':
      return { type, order: readStringList(value, 'answer.order', report) };
  }
}

function buildContent(type: QuestionType, stem: string, raw: Record<string, unknown>, report: Report): QuestionContent {
  switch (type) {
    case 'single-choice':
    case 'multiple-response':
      return { type, stem, options: readChoices(raw.options, 'options', report) };
    case 'true-false':
      return { type, stem };
    case 'cloze':
      return { type, stem, blanks: [...stem.matchAll(BLANK)].length };
    case 'matching':
      return { type, stem, prompts: readChoices(raw.prompts, 'prompts', report), choices: readChoices(raw.choices, 'choices', report) };
    case 'ordering':
      return { type, stem, items: readChoices(raw.items, 'items', report) };
  }
}

/** Checks beyond the shared structural validation: quality rules for hand-written items. */
function checkQuality(content: QuestionContent, key: AnswerKey, report: Report): void {
  if (content.type === 'single-choice' && key.type === 'single-choice') {
    const answer = content.options.find((o) => o.id === key.correct);
    if (content.options.length < 2) report('a single-choice question needs at least 2 options');
    if (answer && squash(answer.text).length > 1 && squash(content.stem).includes(squash(answer.text))) {
      report(`the stem contains the answer text "${answer.text}"`);
    }
  }
  if (content.type === 'multiple-response' && key.type === 'multiple-response') {
    if (content.options.length < 4) report('a multiple-response question needs at least 4 options');
    if (key.correct.length < 2) report('a multiple-response question needs at least 2 correct options');
    if (key.correct.length >= content.options.length) report('a multiple-response question needs at least 1 wrong option');
  }
  if (content.type === 'cloze' && key.type === 'cloze' && key.accepted.length !== content.blanks) {
    report(`the stem has ${content.blanks} blank(s) but answer.accepted has ${key.accepted.length} list(s)`);
  }
  if (content.type === 'ordering' && key.type === 'ordering' && content.items.map((i) => i.id).join() === key.order.join()) {
    report('items are listed in the answer order; list them scrambled');
  }
  if (content.type === 'matching' && key.type === 'matching') {
    const unknown = Object.keys(key.pairs).filter((p) => !content.prompts.some((prompt) => prompt.id === p));
    if (unknown.length) report(`answer.pairs names unknown prompt id(s) ${unknown.join(', ')}`);
  }
}

function allTexts(content: QuestionContent, explanation: string): string[] {
  const lists = [content.stem, explanation];
  for (const field of ['options', 'prompts', 'choices', 'items'] as const) {
    const choices = (content as Partial<Record<typeof field, Choice[]>>)[field];
    if (choices) lists.push(...choices.map((c) => c.text));
  }
  return lists;
}

/** Reads and checks one language block; every problem goes to `report`. */
export function readLanguageBlock(type: QuestionType, language: Language, raw: unknown, report: Report): LanguageBlock | undefined {
  if (!isRecord(raw)) {
    report(`missing ${language} block`);
    return undefined;
  }
  const allowed = new Set(['stem', 'answer', 'explanation', ...CHOICE_FIELDS[type]]);
  for (const field of Object.keys(raw)) if (!allowed.has(field)) report(`unexpected field "${field}" for a ${type} question`);
  const stem = readText(raw.stem, 'stem', report);
  const explanation = readText(raw.explanation, 'explanation', report);
  const content = buildContent(type, stem, raw, report);
  const key = readKey(type, raw.answer, report);
  if (!key) return undefined;
  for (const problem of validateQuestion(content, key)) {
    const path = problem.path.replace(/^content\./, '').replace(/^answerKey\./, 'answer.');
    report(`${path}: ${problem.message}`);
  }
  checkQuality(content, key, report);
  const texts = allTexts(content, explanation);
  if (language === 'zh' && !CJK.test(stem)) report('the zh stem has no Chinese text');
  if (language === 'en' && texts.some((t) => CJK.test(t))) report('the en block contains Chinese text');
  return { content, key, explanation };
}
