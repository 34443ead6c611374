import { readFileSync } from 'node:fs';
import { loadGlossary, outdatedClaim } from '../../documents/analysis/index.js';
import { parseDocument } from '../../documents/parsing/index.js';
import { bankDefects, bankFigures } from './audit/bank-audit.js';
import { generateQuestions } from './index.js';

// Documents the generator was not tuned on, one per style authors really upload (our own text).
const dir = new URL('../../../test/fixtures/documents/evaluation/', import.meta.url);
const glossary = loadGlossary();

const documents = [
  { file: 'deployment-docs.en.md', language: 'en', title: 'Deployments', opening: 'keeps a chosen number of identical', outdated: [] },
  { file: 'deployment-docs.zh.md', language: 'zh', title: 'Deployment', opening: '让指定数量的相同', outdated: [] },
  {
    file: 'networking-article.zh.txt', language: 'zh', title: null, opening: null,
    outdated: ['kubelet-calls-cni', 'loadbalancer-without-node-ports', 'userspace-proxy-mode-supported'],
  },
  { file: 'storage-chapter.en.md', language: 'en', title: 'Chapter 6: Storage', opening: null, outdated: ['statefulset-no-rolling-update'] },
] as const;

describe.each(documents)('a generated bank from $file', ({ file, language, title, opening, outdated }) => {
  // Uploaded without a declared language: the parser must find it from the prose alone.
  const doc = parseDocument(readFileSync(new URL(file, dir)));
  const report = generateQuestions({ sections: doc.sections, language: doc.language, glossary, seed: 'evaluation' });
  const figures = bankFigures(report.generated);

  it('is read in its own language, with its title', () => {
    expect({ language: doc.language, title: doc.title }).toEqual({ language, title });
  });

  it('prints its figures and has no structurally defective item', () => {
    process.stdout.write(`${file}: ${JSON.stringify(figures)}; skipped ${JSON.stringify(report.skipped.map((s) => `${s.sectionKey}:${s.reason}`))}\n`);
    // Short pages: two items per sentence at most, and weak items are not drafted at all.
    expect(figures.items).toBeGreaterThanOrEqual(10);
    for (const q of report.generated) expect(q.quality.score).toBeGreaterThanOrEqual(0.6);
    expect(bankDefects(report.generated, language)).toEqual([]);
  });

  it('asks at most two items per source sentence and keeps true/false keys balanced', () => {
    expect(figures.perSource.max).toBeLessThanOrEqual(2);
    const { true: yes, false: no } = figures.trueFalse;
    expect(yes + no).toBeGreaterThanOrEqual(4);
    expect(Math.abs(yes - no)).toBeLessThanOrEqual(Math.max(1, Math.floor((yes + no) * 0.2)));
  });

  it('flags the sentences that contradict current Kubernetes and builds no item on them', () => {
    expect([...new Set(report.flagged.map((f) => f.factId))].sort()).toEqual([...outdated].sort());
    const wrong = report.generated.filter((q) => outdatedClaim(q.sourceSentence, language, glossary) || outdatedClaim(q.content.stem, language, glossary));
    expect(wrong.map((q) => q.content.stem)).toEqual([]);
    for (const f of report.flagged) expect(f.note.length).toBeGreaterThan(20);
  });

  it('draws on the opening definition of the page', () => {
    if (opening === null) return;
    expect(report.generated.some((q) => q.sourceSentence.includes(opening))).toBe(true);
  });
});
