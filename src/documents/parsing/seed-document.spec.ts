import { readFileSync } from 'node:fs';
import { parseDocument } from './parse-document.js';
import type { ParsedDocument } from './types.js';
import { findSeedFile, SEED_OUTLINE } from './seed-outline.fixture.js';

const seedFile = findSeedFile();
// The seed is a shared input outside the repository; without it there is nothing to parse.
const describeSeed = seedFile ? describe : describe.skip;

describeSeed('parseDocument: the shared seed article', () => {
  let doc: ParsedDocument;
  beforeAll(() => {
    doc = parseDocument(readFileSync(seedFile!));
  });

  it('finds the outline with no TOC duplicates and no boilerplate sections', () => {
    expect(doc.language).toBe('zh');
    expect(doc.format).toBe('text');
    expect(doc.sections.map((s) => s.key)).toEqual(SEED_OUTLINE);
    expect(doc.sections.filter((s) => s.level === 1).map((s) => s.title)).toEqual([
      'KubernetesK8s概述', 'K8s的特性', 'kubernetes的集群架构与组件', 'K8s工作流程', 'Kubernetes 核心概念',
    ]);
    expect(doc.sections.find((s) => s.key === '3.1')!.title).toBe('Master 组件');
    expect(doc.sections.find((s) => s.key === '5.10')!.title).toBe('Namespace');
  });

  it('gives every leaf section a body and drops the trailing link list', () => {
    const parents = new Set(doc.sections.map((s) => s.parentKey));
    for (const s of doc.sections.filter((x) => !parents.has(x.key))) expect(s.body.length).toBeGreaterThan(20);
    const all = JSON.stringify(doc.sections);
    for (const chrome of ['相关文章', '桂林医院', 'ho-use.cn', '当前位置', '目录']) expect(all).not.toContain(chrome);
    expect(doc.sections.find((s) => s.key === '5.10')!.body.endsWith('要带上相应的 Namespace。')).toBe(true);
  });

  it('splits the sub-items of the component sections onto lines', () => {
    const master = doc.sections.find((s) => s.key === '3.1')!.text.split('\n');
    expect(master.filter((l) => /^[①②③]/u.test(l))).toHaveLength(3);
    expect(master.filter((l) => l.startsWith('•')).length).toBeGreaterThanOrEqual(7);
    const workflow = doc.sections.find((s) => s.key === '4')!.text.split('\n');
    expect(workflow.map((l) => l.slice(0, 2))).toEqual(['1、', '2、', '3、', '4、', '5、']);
  });
});
