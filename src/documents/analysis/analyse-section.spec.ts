import { analyseSection } from './analyse-section.js';
import { findDefinitions } from './definitions.js';
import { findInlineLists } from './list-items.js';
import { loadGlossary } from './load-glossary.js';

const glossary = loadGlossary();

const zhSection = {
  key: '3.1',
  title: 'Master 组件',
  text: [
    'Master 组件包括 kube-apiserver、kube-controller-manager 和 kube-scheduler。',
    '控制器管理器（kube-controller-manager）负责运行各种控制器。kube-apiserver 是资源操作的唯一入口。',
    '主要的控制器有：',
    '- 节点控制器：负责在节点故障时作出响应。',
    '- 命名空间控制器：负责管理命名空间的生命周期。',
    '节点组件有三个：kubelet、kube-proxy 和容器运行时。',
    '调度器的作用是为 Pod 选择节点。这也是调度的难点。',
  ].join('\n'),
};

const enSection = {
  key: '3.3',
  title: 'Node components',
  text: [
    'The node components are kubelet, kube-proxy and the container runtime.',
    'The scheduler (kube-scheduler) is responsible for choosing a node, e.g. one with free CPU. It runs in the control plane.',
    'A Pod is the smallest deployable unit. Pods are used to group containers.',
    'kube-proxy has three modes:',
    '1. userspace mode: removed.',
    '2. iptables mode: the default.',
    '3. IPVS mode: uses hash tables.',
    'This is why IPVS scales: version 1.11 made it GA.',
  ].join('\n'),
};

describe('analyseSection (zh)', () => {
  const a = analyseSection(zhSection, glossary, { language: 'zh' });

  it('splits sentences', () => {
    expect(a.sentences).toContain('kube-apiserver 是资源操作的唯一入口。');
    expect(a.sentences).toContain('节点控制器：负责在节点故障时作出响应。');
  });

  it('finds marked and inline lists, including the node-component enumeration', () => {
    expect(a.lists).toContainEqual({ kind: 'bulleted', intro: '主要的控制器有：', items: ['节点控制器：负责在节点故障时作出响应。', '命名空间控制器：负责管理命名空间的生命周期。'] });
    const inline = a.lists.filter((l) => l.kind === 'inline').map((l) => l.items);
    expect(inline).toContainEqual(['kubelet', 'kube-proxy', '容器运行时']);
    expect(inline).toContainEqual(['kube-apiserver', 'kube-controller-manager', 'kube-scheduler']);
  });

  it('finds definitions with their glossary ids', () => {
    const defs = a.definitions.map((d) => [d.term, d.pattern, d.glossaryId, d.definition]);
    expect(defs).toEqual([
      ['控制器管理器', 'role', 'kube-controller-manager', '负责运行各种控制器。'],
      ['kube-apiserver', 'is', 'kube-apiserver', '资源操作的唯一入口。'],
      ['节点控制器', 'colon', 'node-controller', '负责在节点故障时作出响应。'],
      ['命名空间控制器', 'colon', 'namespace-controller', '负责管理命名空间的生命周期。'],
      ['调度器', 'role', 'kube-scheduler', '为 Pod 选择节点。'],
    ]);
  });

  it('keeps glossary terms whole and ranks heading and defined terms high', () => {
    const byId = new Map(a.terms.map((t) => [t.glossaryId, t]));
    expect(byId.get('kube-controller-manager')).toMatchObject({ term: '控制器管理器', kind: 'control-plane-component' });
    expect(byId.get('kube-apiserver')!.count).toBe(2);
    expect(byId.get('control-plane')!.sources).toContain('heading');
    expect(a.terms.filter((t) => ['管理器', 'kube', 'apiserver', '控制'].includes(t.term))).toEqual([]);
    expect(a.terms.find((t) => t.term === '控制器')).toMatchObject({ glossaryId: 'controller', kind: 'concept' });
  });
});

describe('analyseSection (en)', () => {
  const a = analyseSection(enSection, glossary);

  it('detects the language and splits sentences without breaking at e.g.', () => {
    expect(a.language).toBe('en');
    expect(a.sentences).toContain('The scheduler (kube-scheduler) is responsible for choosing a node, e.g. one with free CPU.');
  });

  it('finds the numbered list and the inline enumeration', () => {
    expect(a.lists).toContainEqual({ kind: 'numbered', intro: 'kube-proxy has three modes:', items: ['userspace mode: removed.', 'iptables mode: the default.', 'IPVS mode: uses hash tables.'] });
    expect(a.lists).toContainEqual(expect.objectContaining({ kind: 'inline', items: ['kubelet', 'kube-proxy', 'container runtime'] }));
  });

  it('finds is / is responsible for / is used to / colon definitions and skips pronoun subjects', () => {
    const defs = a.definitions.map((d) => [d.term, d.pattern, d.glossaryId]);
    expect(defs).toEqual([
      ['scheduler', 'role', 'kube-scheduler'],
      ['Pod', 'is', 'pod'],
      ['Pods', 'role', 'pod'],
      ['userspace mode', 'colon', 'proxy-mode-userspace'],
      ['iptables mode', 'colon', 'proxy-mode-iptables'],
      ['IPVS mode', 'colon', 'proxy-mode-ipvs'],
    ]);
    expect(a.definitions[0]!.definition).toBe('responsible for choosing a node, e.g. one with free CPU');
  });

  it('links terms to the glossary', () => {
    const ids = a.terms.filter((t) => t.glossaryId).map((t) => t.glossaryId);
    expect(ids).toEqual(expect.arrayContaining(['kubelet', 'kube-proxy', 'container-runtime', 'kube-scheduler', 'pod', 'proxy-mode-ipvs']));
    expect(a.terms.find((t) => t.glossaryId === 'worker-node')!.sources).toContain('heading');
  });
});

describe('inline enumerations', () => {
  it('keeps glossary terms containing 和 / and as one item', () => {
    expect(findInlineLists(['特性有：弹性伸缩、服务发现和负载均衡、存储编排等。'], 'zh', glossary)[0]!.items).toEqual([
      '弹性伸缩', '服务发现和负载均衡', '存储编排',
    ]);
    expect(findInlineLists(['Features include self-healing, service discovery and load balancing, and storage orchestration.'], 'en', glossary)[0]!.items)
      .toEqual(['self-healing', 'service discovery and load balancing', 'storage orchestration']);
  });

  it('ignores sentences without an enumeration', () => {
    expect(findInlineLists(['Kubernetes runs containers, and it heals them.'], 'en', glossary)).toEqual([]);
  });
});

describe('definitions', () => {
  it('skips adverbial 是 and pronoun subjects', () => {
    expect(findDefinitions(['这就是调度器的工作。', '它是一个平台。', 'It is a platform.'], 'zh', glossary)).toEqual([]);
  });
});
