import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCuratedFile } from './curated-file.js';
import { CuratedQuestionsError, ProblemSink, type CuratedQuestion } from './curated-types.js';

export { CuratedQuestionsError, type CuratedQuestion } from './curated-types.js';

/**
 * The shipped `seeds/questions/` folder. `../../../seeds/questions/` from this module is
 * right from `src/question-bank/curated/` (tests) but lands in `dist/` when built
 * (`dist/src/question-bank/curated/`), so fall back to the folder holding package.json.
 */
export function curatedQuestionsDir(): string {
  const relative = fileURLToPath(new URL('../../../seeds/questions/', import.meta.url));
  if (existsSync(relative)) return relative;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'seeds', 'questions');
    dir = dirname(dir);
  }
  return join(process.cwd(), 'seeds', 'questions');
}

/**
 * Parses curated question files given as `{ name: yamlText }` (file order is by name).
 * Returns one record per item and language, or throws a {@link CuratedQuestionsError}
 * listing every problem with its file and item id.
 */
export function parseCuratedQuestions(files: Record<string, string>): CuratedQuestion[] {
  const sink = new ProblemSink();
  const seen = new Set<string>();
  const questions = Object.keys(files)
    .sort()
    .flatMap((name) => parseCuratedFile(files[name]!, name, sink, seen));
  if (sink.problems.length) throw new CuratedQuestionsError(sink.problems);
  return questions;
}

/** Reads every `*.yaml` / `*.yml` file of `dir` (default: the shipped seeds) and parses them. */
export function loadCuratedQuestions(dir: string = curatedQuestionsDir()): CuratedQuestion[] {
  if (!existsSync(dir)) throw new CuratedQuestionsError([`${dir}: folder not found`]);
  const names = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));
  if (names.length === 0) throw new CuratedQuestionsError([`${dir}: no .yaml files`]);
  return parseCuratedQuestions(Object.fromEntries(names.map((name) => [name, readFileSync(join(dir, name), 'utf8')])));
}
