import { createHash } from 'node:crypto';
import type { Language } from '../model/question-types.js';
import { validateQuestion } from '../model/validate-question.js';
import { GiftSyntaxError, parseGiftBody, type GiftBody } from './gift-body.js';
import { questionFromBody } from './gift-from-body.js';
import { parseMeta, type GiftMeta } from './gift-metadata.js';
import { readGiftQuestions, type RawQuestion } from './gift-reader.js';
import { restoreFromMeta, type Restored } from './gift-restore.js';
import type { ExchangeQuestion, GiftImportOptions, GiftImportResult, LineProblem } from './types.js';

/**
 * Reads GIFT as written by Moodle users or by toGift. A question preceded by a `// kubequiz:`
 * comment is restored exactly (ids, key, metadata) with its texts taken from the body; any
 * other question gets defaults (a deterministic uuid, the guessed language, `medium`). Every
 * question that cannot be read, or fails validateQuestion, adds an error with its line and is
 * skipped; the rest are still read.
 */
export function parseGift(text: string, options: GiftImportOptions = {}): GiftImportResult {
  const result: GiftImportResult = { questions: [], errors: [], warnings: [] };
  const seenIds = new Map<string, number>();
  const seenTexts = new Map<string, number>();
  for (const raw of readGiftQuestions(text)) {
    const question = readOne(raw, options, result, seenTexts);
    if (!question) continue;
    const first = seenIds.get(question.id);
    if (first !== undefined) {
      result.errors.push({ line: raw.line, message: `duplicate question id "${question.id}" (first used at line ${first})` });
      continue;
    }
    seenIds.set(question.id, raw.line);
    result.questions.push(question);
  }
  return result;
}

function readOne(raw: RawQuestion, options: GiftImportOptions, result: GiftImportResult, seenTexts: Map<string, number>): ExchangeQuestion | undefined {
  const warn = (message: string, line = raw.line): number => result.warnings.push({ line, message });
  const fail = (problem: LineProblem): undefined => {
    result.errors.push(problem);
    return undefined;
  };

  let meta: GiftMeta | undefined;
  if (raw.meta) {
    const parsed = parseMeta(raw.meta.text);
    if ('error' in parsed) warn(`${parsed.error}; the question is read from its GIFT text`, raw.meta.line);
    else meta = parsed;
  }

  let body: GiftBody;
  try {
    body = parseGiftBody(raw.text, raw.line, meta?.type === 'cloze' && meta.form === 'native' ? 'shortanswer' : undefined);
  } catch (error) {
    if (error instanceof GiftSyntaxError) return fail({ line: error.line, message: error.message });
    throw error;
  }

  let restored: Restored | undefined;
  if (meta) {
    try {
      restored = restoreFromMeta(meta, body);
    } catch {
      restored = undefined;
    }
    if (!restored) warn('the question no longer matches its kubequiz metadata (answers added, removed or re-marked): read from its GIFT text, option ids renumbered');
  }
  let reading = restored;
  if (!reading) {
    const fromBody = questionFromBody(body, meta?.type === 'ordering');
    if ('error' in fromBody) return fail({ line: raw.line, message: `${describe(body)}: ${fromBody.error}` });
    fromBody.warnings.forEach((w) => warn(w));
    reading = fromBody;
  }

  const problems = validateQuestion(reading.content, reading.answerKey);
  if (problems.length) return fail({ line: raw.line, message: `${describe(body)}: ${problems.map((p) => (p.message.startsWith(p.path) ? p.message : `${p.path} ${p.message}`)).join('; ')}` });

  const stem = reading.content.stem;
  const title = body.title ?? defaultTitle(stem);
  const explanation = meta?.form === 'description' && restored ? (meta.texts?.explanation ?? '') : body.generalFeedback;
  if (meta) {
    const { id, language, sectionKeys, difficulty, tags } = meta;
    return { id, title, language, sectionKeys: [...sectionKeys], difficulty, tags: [...tags], content: reading.content, answerKey: reading.answerKey, explanation };
  }
  // The same text twice in one file still gets two ids.
  const seed = `${raw.category ?? ''}\n${raw.text.trim()}`;
  const occurrence = (seenTexts.get(seed) ?? 0) + 1;
  seenTexts.set(seed, occurrence);
  return {
    id: uuidFrom(`${seed}\n${occurrence}`),
    title,
    language: options.language ?? guessLanguage(JSON.stringify(reading.content)),
    sectionKeys: sectionFromCategory(raw.category),
    difficulty: options.difficulty ?? 'medium',
    tags: [],
    content: reading.content,
    answerKey: reading.answerKey,
    explanation,
  };
}

const describe = (body: GiftBody): string => (body.title ? `question "${body.title}"` : 'question');

/** Like Moodle's default name: the start of the question text (blanks left out). */
function defaultTitle(stem: string): string {
  const flat = stem.replace(/\s*\{\{\d+\}\}\s*$/, '').replace(/\{\{\d+\}\}/g, '_____').replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}

/** Any Han character makes it Chinese: the bank's zh questions keep English terms, never the reverse. */
export function guessLanguage(text: string): Language {
  return /\p{Script=Han}/u.test(text) ? 'zh' : 'en';
}

/** A category ending in a section key ("kubequiz/3.1") files the question under that section. */
function sectionFromCategory(category: string | undefined): string[] {
  const last = category?.split('/').at(-1)?.trim();
  return last && /^\d+(\.\d+)*$/.test(last) ? [last] : [];
}

/** A name-based (v5-style) uuid, so re-importing the same file gives the same ids. */
function uuidFrom(seed: string): string {
  const hex = createHash('sha1').update(`kubequiz-gift:${seed}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
