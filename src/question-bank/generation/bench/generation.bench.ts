import { seedsPath } from '../../../common/repo-paths.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGlossary } from '../../../documents/analysis/index.js';
import { parseDocument } from '../../../documents/parsing/index.js';
import { generateQuestions } from '../generate-questions.js';

const WARM_UP = 3;
const RUNS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Times question generation (analysis included) for every section of the shipped course in
 * both languages; the median after warm-up, so one GC pause does not decide it.
 */
export async function benchGeneration(): Promise<Array<{ name: string; value: number; unit: string }>> {
  const dir = seedsPath('courses', 'kubernetes-fundamentals');
  const glossary = loadGlossary();
  const docs = (['zh', 'en'] as const).map((language) => ({ language, sections: parseDocument(readFileSync(join(dir, `${language}.md`), 'utf8'), { language }).sections }));
  const both: number[] = [];
  let items = 0;
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    const start = process.hrtime.bigint();
    items = 0;
    for (const { language, sections } of docs) items += generateQuestions({ sections, language, glossary, seed: `bench-${run}` }).generated.length;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (run >= WARM_UP) both.push(ms);
    await Promise.resolve();
  }
  return [
    { name: 'question-bank: generate shipped course, zh+en (median)', value: Math.round(median(both) * 100) / 100, unit: 'ms' },
    { name: 'question-bank: items generated per run, zh+en', value: items, unit: 'items' },
  ];
}
