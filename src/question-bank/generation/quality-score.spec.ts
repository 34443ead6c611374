import { loadGlossary } from '../../documents/analysis/index.js';
import { parseDocument } from '../../documents/parsing/index.js';
import { generateQuestions } from './index.js';
import { MIN_QUALITY, scoreCandidate } from './quality-score.js';
import type { Candidate } from './types.js';

const glossary = loadGlossary();
const text = [
  '# Workloads', '', '## 1 Pods', '',
  'A Pod is the smallest deployable unit, and its containers share one network namespace.', '',
  'The kubelet starts the containers of a Pod through the container runtime.', '',
  'etcd is a consistent key-value store that keeps all cluster state.', '',
  'The scheduler picks a node for every new Pod, and the kubelet on that node runs it.', '',
].join('\n');

describe('quality score of generated items', () => {
  const report = generateQuestions({ sections: parseDocument(text).sections, language: 'en', glossary, seed: 'quality' });

  it('scores every item with its reasons and drafts none below the threshold', () => {
    expect(report.generated.length).toBeGreaterThan(0);
    for (const q of report.generated) {
      expect(q.quality.score).toBeGreaterThanOrEqual(MIN_QUALITY);
      expect(q.quality.score).toBeLessThanOrEqual(1);
      expect(q.quality.score === 1).toBe(q.quality.reasons.length === 0);
    }
  });

  it('never drafts a cloze whose blank is "Pod" or is named by the section title', () => {
    const podBlanks = report.generated.filter((q) => q.rule === 'cloze-key-term' && q.tags.includes('pod'));
    expect(podBlanks).toEqual([]);
    const blank = (answer: string, tags: string[]): Candidate => ({
      rule: 'cloze-key-term', sectionKey: '1', sourceSentence: 's', answer: `cloze:${answer}`, difficulty: 'hard', tags,
      content: { type: 'cloze', stem: 'The containers of one {{1}} share a network namespace.', blanks: 1 },
      answerKey: { type: 'cloze', accepted: [[answer]] }, explanation: '', leaks: [], priority: 0,
    });
    const deployment = glossary.entries.find((e) => e.id === 'deployment')!;
    expect(scoreCandidate(blank('Pod', ['pod', 'object']), { language: 'en', topic: null, sourceUses: 0 })).toEqual({ score: 0.55, reasons: ['obvious-blank'] });
    expect(scoreCandidate(blank('Deployment', ['deployment']), { language: 'en', topic: deployment, sourceUses: 1 })).toEqual({ score: 0.4, reasons: ['source-reused', 'answer-in-section-title'] });
    expect(scoreCandidate(blank('ReplicaSet', ['replicaset']), { language: 'en', topic: deployment, sourceUses: 0 })).toEqual({ score: 1, reasons: [] });
  });

  it('marks the second item on one sentence as reused', () => {
    const bySource = new Map<string, string[][]>();
    for (const q of report.generated) bySource.set(q.sourceSentence, [...(bySource.get(q.sourceSentence) ?? []), q.quality.reasons]);
    const pairs = [...bySource.values()].filter((r) => r.length === 2);
    expect(pairs.length).toBeGreaterThan(0);
    for (const [first, second] of pairs) {
      expect(first).not.toContain('source-reused');
      expect(second).toContain('source-reused');
    }
  });
});
