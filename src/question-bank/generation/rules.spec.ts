import { loadGlossary } from '../../documents/analysis/index.js';
import { parseDocument } from '../../documents/parsing/index.js';
import { validateQuestion } from '../model/validate-question.js';
import { type GeneratedQuestion, type GenerationRule, generateQuestions } from './index.js';

// Small documents of our own, one per language, with one example of every source a rule reads.
const ZH = `# 测试课程

## 1 组件

Node 组件运行在每个工作节点上，包括 kubelet、kube-proxy 和容器运行时。

etcd 是一个分布式、强一致的键值存储，负责保存集群的全部配置和状态。

kubelet 负责维护容器的生命周期。

kube-proxy 负责提供集群内部的服务发现和负载均衡。

调度器负责为新创建的 Pod 选择最合适的节点。

Kubernetes 用 ConfigMap 保存配置，用 Secret 保存密码、令牌等敏感数据。

kube-proxy 有三种代理模式：

- **userspace 模式**：在用户态转发流量，性能差，已被移除。
- **iptables 模式**：由内核 iptables 规则转发，是 Linux 上的默认模式。
- **IPVS 模式**：由内核 IPVS 转发，适合大型集群。

## 2 工作流程

以创建一个 Deployment 为例，请求的流转过程如下：

1. 管理员用 kubectl 向 API 服务器发送请求。
2. 控制器管理器发现新对象并创建 ReplicaSet。
3. 调度器为 Pod 选出节点。
4. kubelet 调用容器运行时创建容器。
`;

const EN = `# Test course

## 1 Components

The node components run on every worker node: kubelet, kube-proxy and the container runtime.

etcd is a distributed, strongly consistent key-value store that holds all configuration and state of the cluster.

The kubelet is responsible for maintaining the lifecycle of containers.

kube-proxy is responsible for service discovery and load balancing inside the cluster.

The scheduler is responsible for choosing the best node for each newly created Pod.

Kubernetes stores configuration in ConfigMaps, and it stores passwords and tokens in Secrets.

kube-proxy has three proxy modes:

- **userspace mode**: forwards traffic in user space; slow, and now removed.
- **iptables mode**: forwards with kernel iptables rules; the default on Linux.
- **IPVS mode**: forwards with kernel IPVS; suited to large clusters.

## 2 Workflow

Creating a Deployment shows how a request flows through the components:

1. The administrator sends the request to the API server with kubectl.
2. The controller manager sees the new object and creates a ReplicaSet.
3. The scheduler picks a node for the Pod.
4. The kubelet has the container runtime create the containers.
`;

const glossary = loadGlossary();
const run = (text: string, language: 'zh' | 'en', seed = 'unit') =>
  generateQuestions({ sections: parseDocument(text, { language }).sections, language, glossary, seed, maxPerRule: 8 });
const byRule = (items: GeneratedQuestion[], rule: GenerationRule) => items.filter((q) => q.rule === rule);
const correctText = (q: GeneratedQuestion): string[] => {
  const c = q.content;
  const k = q.answerKey;
  if (c.type === 'single-choice' && k.type === 'single-choice') return [c.options.find((o) => o.id === k.correct)!.text];
  if (c.type === 'multiple-response' && k.type === 'multiple-response') return c.options.filter((o) => k.correct.includes(o.id)).map((o) => o.text);
  return [];
};

describe.each([['zh', ZH], ['en', EN]] as const)('generation rules (%s)', (language, text) => {
  const { generated } = run(text, language);

  it('builds only valid items, each citing its source', () => {
    expect(generated.length).toBeGreaterThan(10);
    for (const q of generated) {
      expect(validateQuestion(q.content, q.answerKey)).toEqual([]);
      expect(q.explanation).toContain(language === 'zh' ? '原文' : 'From the course');
    }
  });

  it('definition-to-term: asks for the term a definition describes, against sibling terms', () => {
    const q = byRule(generated, 'definition-to-term').find((x) => correctText(x)[0] === 'etcd')!;
    expect(q.content.stem).toMatch(language === 'zh' ? /^下列哪个(?: Master )?组件是一个分布式、强一致的键值存储/ : /^Which (?:control plane )?component is a distributed, strongly consistent key-value store/);
    expect(q.content.type === 'single-choice' && q.content.options).toHaveLength(4);
    expect(q.content.stem).not.toMatch(/etcd/);
  });

  it('term-to-definition: asks which description fits a term', () => {
    const q = byRule(generated, 'term-to-definition').find((x) => x.content.stem.includes('kubelet'))!;
    expect(correctText(q)[0]).toMatch(language === 'zh' ? /维护容器的生命周期/ : /lifecycle of containers/);
  });

  it('enumeration: "which are node components" with control plane components as the wrong ones, and "which is not"', () => {
    const mr = byRule(generated, 'enumeration-multiple-response')[0]!;
    expect(mr.content.stem).toMatch(language === 'zh' ? /下列哪些属于 Node 组件/ : /Which of the following are node components/);
    expect(correctText(mr).sort()).toEqual(language === 'zh' ? ['kube-proxy', 'kubelet', '容器运行时'].sort() : ['container runtime', 'kube-proxy', 'kubelet'].sort());
    const not = byRule(generated, 'enumeration-not')[0]!;
    expect(['kubelet', 'kube-proxy', '容器运行时', 'container runtime']).not.toContain(correctText(not)[0]);
  });

  it('cloze: blanks a key term and accepts its forms in both languages', () => {
    const clozes = byRule(generated, 'cloze-key-term').filter((q) => q.content.type === 'cloze');
    expect(clozes.length).toBeGreaterThan(0);
    for (const q of clozes) {
      expect(q.content.stem).toContain('{{1}}');
      const accepted = q.answerKey.type === 'cloze' ? q.answerKey.accepted[0]! : [];
      for (const a of accepted) expect(q.content.stem.toLowerCase()).not.toContain(a.toLowerCase());
      expect(accepted.every((a) => !/^\d+$/.test(a))).toBe(true);
    }
  });

  it('true/false: a false statement swaps a term for a sibling of the same kind', () => {
    const falses = byRule(generated, 'true-false-swap').filter((q) => q.answerKey.type === 'true-false' && !q.answerKey.correct);
    expect(falses.length).toBeGreaterThan(0);
    // The exchange of ConfigMap and Secret is always false.
    const all = run(text, language, 'other').generated.concat(generated);
    expect(all.some((q) => q.rule === 'true-false-swap' && /Secret.*(?:保存配置|configuration)|ConfigMap.*(?:密码|passwords)|configuration in Secret|passwords and tokens in ConfigMap/.test(q.content.stem))).toBe(true);
  });

  it('ordering: puts the numbered procedure back in order', () => {
    const q = byRule(generated, 'ordering-procedure')[0]!;
    expect(q.content.type).toBe('ordering');
    if (q.content.type === 'ordering' && q.answerKey.type === 'ordering') {
      const ordered = q.answerKey.order.map((id) => (q.content as { items: Array<{ id: string; text: string }> }).items.find((i) => i.id === id)!.text);
      expect(ordered[0]).toMatch(/kubectl/);
      expect(ordered.at(-1)).toMatch(language === 'zh' ? /容器运行时/ : /container runtime/);
      expect(q.content.items.map((i) => i.text)).not.toEqual(ordered);
    }
  });

  it('matching: pairs proxy modes with their behaviour without naming the mode in its description', () => {
    const q = byRule(generated, 'matching-list').find((x) => x.content.type === 'matching' && x.content.prompts.some((p) => /iptables/.test(p.text)))!;
    expect(q).toBeDefined();
    if (q.content.type === 'matching' && q.answerKey.type === 'matching') {
      const iptables = q.content.prompts.find((p) => /iptables/.test(p.text))!;
      const choice = q.content.choices.find((c) => c.id === (q.answerKey as { pairs: Record<string, string> }).pairs[iptables.id])!;
      expect(choice.text).toMatch(language === 'zh' ? /默认模式/ : /default on Linux/);
      expect(choice.text).not.toMatch(/iptables/);
    }
  });

  it('is deterministic and seed-dependent', () => {
    expect(JSON.stringify(run(text, language))).toBe(JSON.stringify(run(text, language)));
    const a = run(text, language, 'a').generated.map((q) => JSON.stringify(q.content));
    const b = run(text, language, 'b').generated.map((q) => JSON.stringify(q.content));
    expect(a).not.toEqual(b);
  });
});
