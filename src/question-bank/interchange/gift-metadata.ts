import { DIFFICULTIES, LANGUAGES, QUESTION_TYPES, type AnswerKey, type QuestionType } from '../model/question-types.js';
import type { ExchangeQuestion } from './types.js';

/** Moodle skips `//` lines, so the exact kubequiz question survives a trip through a GIFT file. */
export const META_PREFIX = '// kubequiz:';

/**
 * How the GIFT body shows the question: `native` when its texts can be read back from the body
 * (the matching used for ordering counts as native), `description` when only the stem is shown
 * and the other texts live in the metadata.
 */
export type GiftForm = 'native' | 'description';

export interface GiftMeta {
  v: 1;
  id: string;
  type: QuestionType;
  language: ExchangeQuestion['language'];
  sectionKeys: string[];
  difficulty: ExchangeQuestion['difficulty'];
  tags: string[];
  form: GiftForm;
  key: AnswerKey;
  /** Ids in content order; texts are matched to them by position in the body. */
  options?: string[];
  prompts?: string[];
  choices?: string[];
  items?: string[];
  blanks?: number;
  /** Texts the body cannot carry (matching distractors; everything but the stem in the description form). */
  texts?: { prompts?: Record<string, string>; choices?: Record<string, string>; items?: Record<string, string>; explanation?: string };
}

const textsOf = (list: { id: string; text: string }[]): Record<string, string> => Object.fromEntries(list.map((c) => [c.id, c.text]));

export function buildMeta(q: ExchangeQuestion, form: GiftForm): GiftMeta {
  const meta: GiftMeta = {
    v: 1,
    id: q.id,
    type: q.content.type,
    language: q.language,
    sectionKeys: q.sectionKeys,
    difficulty: q.difficulty,
    tags: q.tags,
    form,
    key: q.answerKey,
  };
  const c = q.content;
  switch (c.type) {
    case 'single-choice':
    case 'multiple-response':
      meta.options = c.options.map((o) => o.id);
      if (form === 'description') meta.texts = { choices: textsOf(c.options) };
      break;
    case 'cloze':
      meta.blanks = c.blanks;
      break;
    case 'matching': {
      meta.prompts = c.prompts.map((p) => p.id);
      meta.choices = c.choices.map((ch) => ch.id);
      const used = new Set(Object.values(q.answerKey.type === 'matching' ? q.answerKey.pairs : {}));
      const shown = form === 'description' ? [] : c.choices.filter((ch) => used.has(ch.id));
      const hidden = c.choices.filter((ch) => !shown.includes(ch));
      if (hidden.length) meta.texts = { choices: textsOf(hidden) };
      if (form === 'description') meta.texts = { ...meta.texts, prompts: textsOf(c.prompts) };
      break;
    }
    case 'ordering':
      meta.items = c.items.map((i) => i.id);
      if (form === 'description') meta.texts = { items: textsOf(c.items) };
      break;
    case 'true-false':
      break;
  }
  // A description question has no answer block, hence no `####` general feedback.
  if (form === 'description') meta.texts = { ...meta.texts, explanation: q.explanation };
  return meta;
}

export function formatMeta(meta: GiftMeta): string {
  return `${META_PREFIX} ${JSON.stringify(meta)}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isTextMap = (v: unknown): boolean => v === undefined || (isRecord(v) && Object.values(v).every((s) => typeof s === 'string'));

/**
 * Reads the JSON after `// kubequiz:`. Only the shape is checked here; whether the restored
 * question makes sense is left to validateQuestion.
 */
export function parseMeta(line: string): GiftMeta | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(line.trim().slice(META_PREFIX.length));
  } catch {
    return { error: 'the kubequiz metadata comment is not valid JSON' };
  }
  if (!isRecord(value) || value.v !== 1) return { error: 'the kubequiz metadata comment has an unknown version' };
  const v = value;
  const wrong: string[] = [];
  if (typeof v.id !== 'string' || !v.id) wrong.push('id');
  if (!QUESTION_TYPES.includes(v.type as QuestionType)) wrong.push('type');
  if (!LANGUAGES.includes(v.language as never)) wrong.push('language');
  if (!DIFFICULTIES.includes(v.difficulty as never)) wrong.push('difficulty');
  if (!isStringList(v.sectionKeys)) wrong.push('sectionKeys');
  if (!isStringList(v.tags)) wrong.push('tags');
  if (v.form !== 'native' && v.form !== 'description') wrong.push('form');
  if (!isRecord(v.key) || v.key.type !== v.type) wrong.push('key');
  for (const list of ['options', 'prompts', 'choices', 'items'] as const) {
    if (v[list] !== undefined && !isStringList(v[list])) wrong.push(list);
  }
  if (v.blanks !== undefined && !Number.isInteger(v.blanks)) wrong.push('blanks');
  const texts = v.texts;
  if (texts !== undefined && (!isRecord(texts) || !isTextMap(texts.prompts) || !isTextMap(texts.choices) || !isTextMap(texts.items) || (texts.explanation !== undefined && typeof texts.explanation !== 'string'))) {
    wrong.push('texts');
  }
  if (wrong.length) return { error: `the kubequiz metadata comment has invalid ${wrong.join(', ')}` };
  return v as unknown as GiftMeta;
}
