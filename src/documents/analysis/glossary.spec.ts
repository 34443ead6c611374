import { GLOSSARY_KINDS, GlossaryError, parseGlossary } from './glossary.js';
import { findEntry, matchTerms } from './glossary-matcher.js';
import { loadGlossary } from './load-glossary.js';

describe('glossary', () => {
  const glossary = loadGlossary();
  const kindOf = (id: string) => glossary.entries.find((e) => e.id === id)?.kind;

  it('loads the shipped glossary with valid, unique entries', () => {
    expect(glossary.entries.length).toBeGreaterThan(100);
    expect(new Set(glossary.entries.map((e) => e.id)).size).toBe(glossary.entries.length);
    for (const e of glossary.entries) expect(GLOSSARY_KINDS).toContain(e.kind);
  });

  it('puts true alternatives in the same kind, for distractors', () => {
    const ids = (kind: string) => glossary.entries.filter((e) => e.kind === kind).map((e) => e.id).sort();
    expect(ids('control-plane-component')).toEqual(
      ['cloud-controller-manager', 'etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'],
    );
    expect(ids('node-component')).toEqual(['container-runtime', 'kube-proxy', 'kubelet']);
    expect(ids('proxy-mode')).toEqual(['proxy-mode-iptables', 'proxy-mode-ipvs', 'proxy-mode-nftables', 'proxy-mode-userspace']);
    expect(ids('workload-object')).toEqual(['cronjob', 'daemonset', 'deployment', 'job', 'replicaset', 'statefulset']);
    expect(ids('controller')).toEqual(expect.arrayContaining([
      'node-controller', 'replication-controller', 'endpoints-controller', 'service-account-token-controllers',
      'resourcequota-controller', 'namespace-controller', 'service-controller',
    ]));
    expect(ids('feature')).toHaveLength(7);
    expect(ids('selector-type')).toEqual(['equality-based-selector', 'set-based-selector']);
    expect(kindOf('pod')).toBe('object');
    expect(kindOf('rkt')).toBe('container-runtime');
  });

  it('matches the longest form so compound terms come out whole', () => {
    const found = matchTerms('控制器管理器和节点控制器都通过 kube-apiserver 工作，调度器也是。', glossary);
    expect(found.map((m) => [m.surface, m.entry.id])).toEqual([
      ['控制器管理器', 'kube-controller-manager'],
      ['节点控制器', 'node-controller'],
      ['kube-apiserver', 'kube-apiserver'],
      ['调度器', 'kube-scheduler'],
    ]);
  });

  it('respects word boundaries, plurals, optional spaces and case-sensitive entries', () => {
    const ids = (t: string) => matchTerms(t, glossary).map((m) => m.entry.id);
    expect(ids('kube-proxy is not a proxy for Pods')).toEqual(['kube-proxy', 'pod']);
    expect(ids('Master节点 和 Master 节点')).toEqual(['master-node', 'master-node']);
    expect(ids('The Service is a service')).toEqual(['service']);
    expect(ids('ReplicaSets and Deployments')).toEqual(['replicaset', 'deployment']);
    expect(findEntry('scheduler', glossary)?.id).toBe('kube-scheduler');
    expect(findEntry('scheduler of things', glossary)).toBeNull();
  });

  it('rejects an invalid glossary naming every problem', () => {
    const bad = 'entries:\n  - id: Bad_Id\n    kind: gadget\n    en: x\n  - id: ok\n    kind: concept\n    en: a\n    zh: 甲\n    aliases: [1, ""]\n';
    try {
      parseGlossary(bad);
      throw new Error('expected GlossaryError');
    } catch (e) {
      expect(e).toBeInstanceOf(GlossaryError);
      expect((e as GlossaryError).problems).toEqual([
        'entry Bad_Id: id must be kebab-case', 'entry Bad_Id: unknown kind gadget', 'entry Bad_Id: zh is required',
        'entry ok: aliases must be a list of strings',
      ]);
    }
  });
});
