import type { Glossary, GlossaryEntry, GlossaryKind } from '../../documents/analysis/index.js';
import type { Language } from '../model/question-types.js';

/**
 * What a distractor may be. The glossary's kinds are narrow on purpose (components with
 * components, modes with modes); a few kinds form one family whose members are real
 * alternatives to each other ("which are node components?" is answered against control
 * plane components). The catch-all kind `concept` is split further into small groups of
 * true alternatives; a concept outside every group never gets distractors.
 */
const FAMILIES: ReadonlyArray<readonly GlossaryKind[]> = [
  ['control-plane-component', 'node-component'],
  ['workload-object', 'object'],
];

const CONCEPT_GROUPS: Readonly<Record<string, readonly string[]>> = {
  'node-role': ['master-node', 'worker-node'],
  'application-state': ['stateless-application', 'stateful-application'],
  'network-layer': ['layer-4', 'layer-7'],
  'object-metadata': ['label', 'annotation'],
  'plugin-interface': ['cri', 'cni'],
};

/**
 * Pairs that share a kind but overlap in what they do, so one is never offered as the
 * wrong answer to a question about the other: a CronJob runs Jobs, a Deployment keeps
 * replicas through its ReplicaSet, nftables mode is the successor of iptables mode.
 */
const OVERLAPPING: ReadonlyArray<readonly string[]> = [
  ['job', 'cronjob'],
  ['deployment', 'replicaset'],
  ['kube-controller-manager', 'cloud-controller-manager'],
  ['proxy-mode-iptables', 'proxy-mode-nftables'],
  ['proxy-mode-ipvs', 'proxy-mode-nftables'],
  ['replication-controller', 'replicaset'],
];

/** Terms too general to blank or to quiz on ("容器", "cluster"): every sentence has them. */
const TOO_GENERAL = new Set(['kubernetes', 'container', 'cluster', 'node', 'resource-object', 'controller', 'name', 'replica']);

/**
 * Surfaces the glossary maps to the wrong entry. "ReplicationController" (the old workload
 * object) is matched as the Replication controller of kube-controller-manager, so
 * questions built on that spelling would pair it with the wrong siblings.
 */
const AMBIGUOUS_SURFACES = new Set(['replicationcontroller']);

export function isAmbiguousSurface(surface: string): boolean {
  return AMBIGUOUS_SURFACES.has(surface.replace(/\s+/g, '').toLowerCase().replace(/s$/, ''));
}

/**
 * What every Pod controller has (a Pod template, a selector, replicas, rolling updates,
 * scaling, revisions): a sentence about one of them on these topics is usually true of its
 * siblings too, so a sibling is neither a safe wrong option nor a safe false swap.
 */
const WORKLOAD_COMMON = /template|selector|replicas?|rolling|roll(?:s|ed)? out|rollout|update|scal(?:e|es|ed|ing)|revision|模板|选择|副本|滚动|更新|扩容|缩容|扩缩|上线|修订/iu;

export function sharedWithSiblings(entry: GlossaryEntry, sentence: string): boolean {
  return entry.kind === 'workload-object' && WORKLOAD_COMMON.test(sentence);
}

export function isTooGeneral(id: string): boolean {
  return TOO_GENERAL.has(id);
}

/** The narrow group an entry belongs to: its kind, or its concept group. */
export function groupOf(entry: GlossaryEntry): string | null {
  if (entry.kind !== 'concept') return entry.kind;
  for (const [group, ids] of Object.entries(CONCEPT_GROUPS)) if (ids.includes(entry.id)) return `concept:${group}`;
  return null;
}

/** The family key: kinds of one family share it; a concept group is its own family. */
export function familyOf(entry: GlossaryEntry): string | null {
  const group = groupOf(entry);
  if (!group) return null;
  const family = FAMILIES.find((f) => f.includes(entry.kind));
  return family ? family.join('+') : group;
}

export function overlaps(a: string, b: string): boolean {
  return OVERLAPPING.some((pair) => pair.includes(a) && pair.includes(b));
}

/** Entries of the same narrow group, other than `entry`. */
export function groupSiblings(entry: GlossaryEntry, glossary: Glossary): GlossaryEntry[] {
  const group = groupOf(entry);
  if (!group) return [];
  return glossary.entries.filter((e) => e.id !== entry.id && groupOf(e) === group && !overlaps(e.id, entry.id));
}

/** Entries of the same family (narrow group first), other than `entry`. */
export function familySiblings(entry: GlossaryEntry, glossary: Glossary): GlossaryEntry[] {
  const family = familyOf(entry);
  if (!family) return [];
  const near = groupSiblings(entry, glossary);
  const far = glossary.entries.filter((e) => e.id !== entry.id && familyOf(e) === family && groupOf(e) !== groupOf(entry) && !overlaps(e.id, entry.id));
  return [...near, ...far];
}

/** Members of kinds that can be asked as "which are X?" with the rest of the family as distractors. */
export function contrastKinds(kind: GlossaryKind): GlossaryKind[] {
  if (kind === 'control-plane-component') return ['node-component'];
  if (kind === 'node-component') return ['control-plane-component'];
  // Every workload object is an object, but no plain object is a Pod controller; not the reverse.
  if (kind === 'workload-object') return ['object'];
  return [];
}

/** Words that show a list names its category ("Master 组件包括 …", "The node components run …"). */
const CATEGORY_CUES: Partial<Record<GlossaryKind, RegExp>> = {
  'control-plane-component': /Master\s*组件|控制平面组件|master components?|control plane components?/iu,
  'node-component': /Node\s*组件|node components?/iu,
  'workload-object': /Pod\s*控制器|Pod controllers?|workload/iu,
};

export function namesCategory(text: string, kind: GlossaryKind): boolean {
  return CATEGORY_CUES[kind]?.test(text) ?? false;
}

/**
 * How many distractors a single-choice item on this group needs: three, except for
 * groups of exactly two alternatives (two selector types, two scheduling phases), whose
 * honest form is a choice between the two.
 */
export function distractorsNeeded(entry: GlossaryEntry, glossary: Glossary): number {
  const group = groupOf(entry);
  const size = group ? glossary.entries.filter((e) => groupOf(e) === group).length : 0;
  return size === 2 ? 1 : 3;
}

interface Noun { zh: string; en: string; enPlural: string }

const NOUNS: Readonly<Record<string, Noun>> = {
  'control-plane-component': { zh: 'Master 组件', en: 'control plane component', enPlural: 'control plane (master) components' },
  'node-component': { zh: 'Node 组件', en: 'node component', enPlural: 'node components' },
  'control-plane-component+node-component': { zh: '组件', en: 'component', enPlural: 'components' },
  'container-runtime': { zh: '容器运行时', en: 'container runtime', enPlural: 'container runtimes' },
  controller: { zh: '控制器', en: 'controller', enPlural: 'controllers' },
  'workload-object': { zh: 'Pod 控制器', en: 'Pod controller', enPlural: 'Pod controllers (workload resources)' },
  object: { zh: '资源对象', en: 'object', enPlural: 'objects' },
  'workload-object+object': { zh: '资源对象', en: 'object', enPlural: 'objects' },
  'object-field': { zh: '字段', en: 'field', enPlural: 'fields' },
  'proxy-mode': { zh: '代理模式', en: 'proxy mode', enPlural: 'proxy modes' },
  feature: { zh: '特性', en: 'feature', enPlural: 'features' },
  'rollout-strategy': { zh: '发布策略', en: 'rollout strategy', enPlural: 'rollout strategies' },
  'selector-type': { zh: '选择器', en: 'kind of label selector', enPlural: 'kinds of label selector' },
  'service-type': { zh: 'Service 类型', en: 'Service type', enPlural: 'Service types' },
  'scheduling-phase': { zh: '调度阶段', en: 'scheduling phase', enPlural: 'scheduling phases' },
  'builtin-namespace': { zh: '命名空间', en: 'namespace', enPlural: 'namespaces' },
  'ingress-controller': { zh: 'Ingress 控制器', en: 'Ingress controller', enPlural: 'Ingress controllers' },
  'storage-backend': { zh: '存储', en: 'storage backend', enPlural: 'storage backends' },
  application: { zh: '应用', en: 'application', enPlural: 'applications' },
  tool: { zh: '工具', en: 'tool', enPlural: 'tools' },
  project: { zh: '项目', en: 'project', enPlural: 'projects' },
  organization: { zh: '组织', en: 'organisation', enPlural: 'organisations' },
  'concept:node-role': { zh: '节点', en: 'kind of node', enPlural: 'kinds of node' },
  'concept:application-state': { zh: '应用', en: 'kind of application', enPlural: 'kinds of application' },
  'concept:network-layer': { zh: '网络层次', en: 'network layer', enPlural: 'network layers' },
  'concept:object-metadata': { zh: '元数据', en: 'kind of metadata', enPlural: 'kinds of metadata' },
  'concept:plugin-interface': { zh: '接口', en: 'plugin interface', enPlural: 'plugin interfaces' },
};

/** "哪个组件" / "Which component": the noun for a group or family key. */
export function nounFor(key: string, language: Language, plural = false): string {
  const n = NOUNS[key] ?? { zh: '术语', en: 'term', enPlural: 'terms' };
  return language === 'zh' ? n.zh : plural ? n.enPlural : n.en;
}

/** The noun that covers both the answer and its distractors. */
export function commonNoun(entries: readonly GlossaryEntry[], language: Language, plural = false): string {
  const groups = new Set(entries.map((e) => groupOf(e)));
  const key = groups.size === 1 ? [...groups][0]! : familyOf(entries[0]!) ?? 'term';
  return nounFor(key, language, plural);
}

/** Display form in a language. */
export function display(entry: GlossaryEntry, language: Language): string {
  return language === 'zh' ? entry.zh : entry.en;
}

/** Every form that names the entry (for leak checks and accepted cloze answers). */
export function formsOf(entry: GlossaryEntry): string[] {
  return [...new Set([entry.en, entry.zh, ...entry.aliases].map((f) => f.trim()).filter(Boolean))];
}

/**
 * The parts of a compound answer that give it away on their own: "服务发现和负载均衡" is
 * given away by "负载均衡", "iptables mode" by "iptables".
 */
export function revealingForms(entry: GlossaryEntry): string[] {
  const parts = new Set<string>(formsOf(entry));
  for (const form of formsOf(entry)) {
    // The head of "iptables mode" / "userspace 模式" names the mode on its own.
    const head = form.replace(/\s*(?:模式|mode|字段|field|代理模式)$/u, '').trim();
    if (head !== form && head.length >= 2) parts.add(head);
    // Each half of "服务发现和负载均衡" does too; a single English word ("configuration") does not.
    for (const part of form.split(/\s*(?:和|与|及|\band\b|&)\s*/u)) {
      const p = part.trim();
      const cjk = /[\u3400-\u9fff]/u.test(p);
      if (p !== form && (cjk ? p.length >= 2 : p.includes(' ')) && !/^(?:管理|自动|配置|服务)$/u.test(p)) parts.add(p);
    }
  }
  return [...parts];
}
