import { seedsPath } from '../../common/repo-paths.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseSection } from '../analysis/analyse-section.js';
import { loadGlossary } from '../analysis/load-glossary.js';
import { parseDocument } from '../parsing/parse-document.js';
import type { DocumentLanguage } from '../parsing/types.js';

const WARM_UP = 5;
const RUNS = 25;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Times parse + analyse of every section of the shipped course (zh and en), reporting
 * the median of several runs after warm-up, so one slow GC pause does not decide it.
 */
export async function benchParseCourse(): Promise<Array<{ name: string; value: number; unit: string }>> {
  const dir = seedsPath('courses', 'kubernetes-fundamentals');
  const glossary = loadGlossary();
  const docs: Array<[DocumentLanguage, string]> = [['zh', readFileSync(join(dir, 'zh.md'), 'utf8')], ['en', readFileSync(join(dir, 'en.md'), 'utf8')]];
  const timings: Record<DocumentLanguage | 'both', number[]> = { zh: [], en: [], both: [] };
  let sections = 0;
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    let total = 0;
    sections = 0;
    for (const [language, text] of docs) {
      const start = process.hrtime.bigint();
      const doc = parseDocument(text, { language });
      for (const s of doc.sections) analyseSection(s, glossary, { language });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      sections += doc.sections.length;
      total += ms;
      if (run >= WARM_UP) timings[language].push(ms);
    }
    if (run >= WARM_UP) timings.both.push(total);
    await Promise.resolve();
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return [
    { name: 'documents: parse+analyse shipped course, zh+en (median)', value: round(median(timings.both)), unit: 'ms' },
    { name: 'documents: parse+analyse shipped course, zh (median)', value: round(median(timings.zh)), unit: 'ms' },
    { name: 'documents: parse+analyse shipped course, en (median)', value: round(median(timings.en)), unit: 'ms' },
    { name: 'documents: sections analysed per run', value: sections, unit: 'sections' },
  ];
}
