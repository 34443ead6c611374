import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { analyseSection } from '../analysis/analyse-section.js';
import { loadGlossary } from '../analysis/load-glossary.js';
import { parseDocument } from './parse-document.js';
import { findSeedFile, SEED_OUTLINE } from './seed-outline.fixture.js';

const courseDir = new URL('../../../seeds/courses/kubernetes-fundamentals/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, courseDir), 'utf8');

describe('shipped course kubernetes-fundamentals', () => {
  const zh = parseDocument(read('zh.md'));
  const en = parseDocument(read('en.md'));
  const glossary = loadGlossary();

  it('parses both languages as Markdown with explicit, identical keys', () => {
    expect(zh).toMatchObject({ language: 'zh', format: 'markdown', keySource: 'explicit', title: 'Kubernetes 基础' });
    expect(en).toMatchObject({ language: 'en', format: 'markdown', keySource: 'explicit', title: 'Kubernetes fundamentals' });
    expect(zh.sections.map((s) => s.key)).toEqual(en.sections.map((s) => s.key));
  });

  it('covers every numbered heading of the seed outline', () => {
    const keys = new Set(zh.sections.map((s) => s.key));
    for (const key of SEED_OUTLINE) expect(keys).toContain(key);
    const seedFile = findSeedFile();
    if (seedFile) {
      const seed = parseDocument(readFileSync(seedFile));
      expect(seed.sections.map((s) => s.key).filter((k) => !keys.has(k))).toEqual([]);
    }
  });

  it('gives every leaf section teaching text in both languages', () => {
    for (const doc of [zh, en]) {
      const parents = new Set(doc.sections.map((s) => s.parentKey));
      for (const s of doc.sections.filter((x) => !parents.has(x.key))) expect(s.text.length).toBeGreaterThan(60);
    }
  });

  it('has metadata naming both documents', () => {
    const meta = parse(read('course.yaml')) as Record<string, unknown>;
    expect(meta).toMatchObject({ id: 'kubernetes-fundamentals', slug: 'kubernetes-fundamentals', documents: { zh: 'zh.md', en: 'en.md' } });
    expect(meta['titles']).toEqual({ zh: zh.title, en: en.title });
  });

  it.each([['zh', zh], ['en', en]] as const)('gives the generators what they need (%s)', (language, doc) => {
    const analysis = new Map(doc.sections.map((s) => [s.key, analyseSection(s, glossary, { language })]));
    const definedIds = (key: string) => analysis.get(key)!.definitions.map((d) => d.glossaryId);
    expect(definedIds('3.1')).toEqual(expect.arrayContaining([
      'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'node-controller', 'replication-controller',
      'endpoints-controller', 'service-account-token-controllers', 'resourcequota-controller', 'namespace-controller', 'service-controller',
    ]));
    expect(definedIds('5.2')).toEqual(expect.arrayContaining(['deployment', 'replicaset', 'daemonset', 'statefulset', 'job', 'cronjob']));
    expect(definedIds('3.3')).toEqual(expect.arrayContaining(['kubelet', 'kube-proxy', 'proxy-mode-userspace', 'proxy-mode-iptables', 'proxy-mode-ipvs']));
    const inline = (key: string) => analysis.get(key)!.lists.filter((l) => l.kind === 'inline').map((l) => l.items);
    expect(inline('3.3')).toContainEqual(language === 'zh' ? ['kubelet', 'kube-proxy', '容器运行时'] : ['kubelet', 'kube-proxy', 'container runtime']);
    expect(inline('2')[0]).toHaveLength(7);
    const workflow = analysis.get('4')!.lists.find((l) => l.kind === 'numbered')!;
    expect(workflow.items).toHaveLength(5);
    const featureIds = analysis.get('2')!.terms.filter((t) => t.kind === 'feature').map((t) => t.glossaryId);
    expect(featureIds).toHaveLength(7);
    expect(doc.sections.find((s) => s.key === '5.5')!.text).toMatch(/63/);
  });
});
