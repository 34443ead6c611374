import { parseDocument } from 'yaml';
import { DIFFICULTIES, LANGUAGES, QUESTION_TYPES, type AnswerKey, type Difficulty, type QuestionContent, type QuestionType } from '../model/question-types.js';
import { readLanguageBlock, type LanguageBlock } from './curated-language.js';
import { isRecord, type CuratedQuestion, type ProblemSink } from './curated-types.js';

const ITEM_FIELDS = new Set(['id', 'section', 'type', 'difficulty', 'tags', ...LANGUAGES]);
const KEBAB = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const SECTION = /^\d+(?:\.\d+)*$/;

type Report = (message: string) => void;

/** The ids of every choice list, in order, so both languages can be compared. */
function idShape(content: QuestionContent): string {
  const lists: string[] = [];
  if ('options' in content) lists.push(`options ${content.options.map((o) => o.id).join(',')}`);
  if ('prompts' in content) lists.push(`prompts ${content.prompts.map((p) => p.id).join(',')}`);
  if ('choices' in content) lists.push(`choices ${content.choices.map((c) => c.id).join(',')}`);
  if ('items' in content) lists.push(`items ${content.items.map((i) => i.id).join(',')}`);
  if (content.type === 'cloze') lists.push(`${content.blanks} blank(s)`);
  return lists.join('; ');
}

/** Answers that must be identical in every language (cloze answers are words, so they may differ). */
function comparableKey(key: AnswerKey): string {
  switch (key.type) {
    case 'cloze':
      return `${key.accepted.length} blank(s)`;
    case 'multiple-response':
      return JSON.stringify([...key.correct].sort());
    case 'matching':
      return JSON.stringify(Object.entries(key.pairs).sort(([a], [b]) => a.localeCompare(b)));
    default:
      return JSON.stringify(key);
  }
}

function compareLanguages(zh: LanguageBlock, en: LanguageBlock, report: Report): void {
  if (idShape(zh.content) !== idShape(en.content)) {
    report(`ids differ between languages: zh has ${idShape(zh.content)}, en has ${idShape(en.content)}`);
  }
  if (comparableKey(zh.key) !== comparableKey(en.key)) {
    report(`answers differ between languages: zh ${comparableKey(zh.key)}, en ${comparableKey(en.key)}`);
  }
}

function readHeader(raw: Record<string, unknown>, report: Report): { section: string; type?: QuestionType; difficulty: Difficulty; tags: string[] } {
  let section = '';
  if (typeof raw.section === 'number') report(`section must be a quoted string, e.g. "${raw.section}"`);
  else if (typeof raw.section !== 'string' || !SECTION.test(raw.section)) report('section must be a section key such as "3.1"');
  else section = raw.section;
  const type = QUESTION_TYPES.find((t) => t === raw.type);
  if (!type) report(`unknown type "${String(raw.type)}"; expected one of ${QUESTION_TYPES.join(', ')}`);
  const difficulty = DIFFICULTIES.find((d) => d === raw.difficulty) ?? 'medium';
  if (!DIFFICULTIES.includes(raw.difficulty as Difficulty)) report(`difficulty must be one of ${DIFFICULTIES.join(', ')}`);
  const tags = Array.isArray(raw.tags) ? raw.tags : [];
  if (!Array.isArray(raw.tags) || tags.length === 0 || tags.some((t) => typeof t !== 'string' || !KEBAB.test(t))) {
    report('tags must be a non-empty list of kebab-case strings');
  }
  return { section, type, difficulty, tags: tags.map(String) };
}

function readItem(raw: unknown, index: number, courseSlug: string, file: string, seen: Set<string>, sink: ProblemSink): CuratedQuestion[] {
  if (!isRecord(raw) || typeof raw.id !== 'string' || !KEBAB.test(raw.id)) {
    sink.at(file, `#${index + 1}`)('id must be a kebab-case string');
    return [];
  }
  const id = raw.id;
  const report = sink.at(file, id);
  if (seen.has(id)) report('duplicate id');
  seen.add(id);
  for (const field of Object.keys(raw)) if (!ITEM_FIELDS.has(field)) report(`unexpected field "${field}"`);
  const header = readHeader(raw, report);
  if (!header.type) return [];
  const type = header.type;
  const blocks = LANGUAGES.map((language) => readLanguageBlock(type, language, raw[language], sink.at(file, id, language)));
  const [zh, en] = blocks;
  if (!zh || !en) return [];
  compareLanguages(zh, en, report);
  return LANGUAGES.map((language, i) => ({
    curatedId: id,
    courseSlug,
    sectionKey: header.section,
    language,
    type,
    difficulty: header.difficulty,
    tags: header.tags,
    ...blocks[i]!,
  }));
}

/**
 * Parses one curated YAML file (`course:` + `questions:`). Problems go to `sink`, each
 * prefixed with `file` and the item id; `seen` carries ids across files to catch duplicates.
 */
export function parseCuratedFile(text: string, file: string, sink: ProblemSink, seen = new Set<string>()): CuratedQuestion[] {
  const report = sink.at(file);
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    for (const error of doc.errors) report(`YAML: ${error.message.split('\n')[0]}`);
    return [];
  }
  const root: unknown = doc.toJS();
  if (!isRecord(root)) {
    report('expected a mapping with course and questions');
    return [];
  }
  for (const field of Object.keys(root)) if (field !== 'course' && field !== 'questions') report(`unexpected top-level field "${field}"`);
  const courseSlug = typeof root.course === 'string' && KEBAB.test(root.course) ? root.course : '';
  if (!courseSlug) report('course must be a kebab-case course slug');
  if (!Array.isArray(root.questions) || root.questions.length === 0) {
    report('questions must be a non-empty list');
    return [];
  }
  return root.questions.flatMap((item, index) => readItem(item, index, courseSlug, file, seen, sink));
}
