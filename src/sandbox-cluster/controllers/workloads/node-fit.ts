import { quantityValue } from '../../core/quantity.js';
import type { Json, KubeObject } from '../../core/types.js';
import { isPodTerminal } from '../runtime/pod-state.js';

export interface Resources {
  cpu: number;
  memory: number;
  pods: number;
}

/** Effective requests of a pod: sum over containers, at least the largest init container. */
export function podRequests(pod: Readonly<KubeObject>): Resources {
  const sum = { cpu: 0, memory: 0, pods: 1 };
  for (const c of pod.spec?.containers ?? []) {
    sum.cpu += quantityValue(c.resources?.requests?.cpu);
    sum.memory += quantityValue(c.resources?.requests?.memory);
  }
  for (const c of pod.spec?.initContainers ?? []) {
    sum.cpu = Math.max(sum.cpu, quantityValue(c.resources?.requests?.cpu));
    sum.memory = Math.max(sum.memory, quantityValue(c.resources?.requests?.memory));
  }
  return sum;
}

export function allocatable(node: Readonly<KubeObject>): Resources {
  const a = node.status?.allocatable ?? {};
  return { cpu: quantityValue(a.cpu), memory: quantityValue(a.memory), pods: quantityValue(a.pods) || 110 };
}

/** Requests of the non-terminal pods bound to each node. */
export function nodeUsage(pods: Iterable<Readonly<KubeObject>>): Map<string, Resources> {
  const out = new Map<string, Resources>();
  for (const p of pods) {
    const node = p.spec?.nodeName;
    if (!node || isPodTerminal(p)) continue;
    const r = podRequests(p);
    const u = out.get(node) ?? { cpu: 0, memory: 0, pods: 0 };
    u.cpu += r.cpu;
    u.memory += r.memory;
    u.pods += 1;
    out.set(node, u);
  }
  return out;
}

function matchExpression(e: Json, value: string | undefined): boolean {
  const values: string[] = e.values ?? [];
  switch (e.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
      return value !== undefined && Number(value) > Number(values[0]);
    case 'Lt':
      return value !== undefined && Number(value) < Number(values[0]);
    default:
      return false;
  }
}

export function matchNodeSelectorTerm(term: Json, node: Readonly<KubeObject>): boolean {
  const labels = node.metadata.labels ?? {};
  const exprs: Json[] = term?.matchExpressions ?? [];
  const fields: Json[] = term?.matchFields ?? [];
  if (!exprs.length && !fields.length) return false;
  return (
    exprs.every((e) => matchExpression(e, labels[e.key])) &&
    fields.every((f) => matchExpression(f, f.key === 'metadata.name' ? node.metadata.name : undefined))
  );
}

/** nodeSelector and required node affinity. */
export function matchesNodeAffinity(pod: Readonly<KubeObject>, node: Readonly<KubeObject>): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries<string>(pod.spec?.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const terms: Json[] | undefined = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms && terms.length && !terms.some((t) => matchNodeSelectorTerm(t, node))) return false;
  return true;
}

export function tolerates(tolerations: Json[], taint: Json): boolean {
  return tolerations.some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (!t.key) return t.operator === 'Exists';
    if (t.key !== taint.key) return false;
    return t.operator === 'Exists' || (t.value ?? '') === (taint.value ?? '');
  });
}

/** The first taint with a scheduling effect that the pod does not tolerate. */
export function untoleratedTaint(pod: Readonly<KubeObject>, node: Readonly<KubeObject>): Json | undefined {
  const tolerations: Json[] = pod.spec?.tolerations ?? [];
  return (node.spec?.taints ?? []).find((t: Json) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(tolerations, t));
}

/** Untolerated PreferNoSchedule taints: the scheduler avoids such nodes when others fit. */
export function preferNoScheduleTaints(pod: Readonly<KubeObject>, node: Readonly<KubeObject>): number {
  const tolerations: Json[] = pod.spec?.tolerations ?? [];
  return (node.spec?.taints ?? []).filter((t: Json) => t.effect === 'PreferNoSchedule' && !tolerates(tolerations, t)).length;
}

export function isNodeReady(node: Readonly<KubeObject>): boolean {
  return (node.status?.conditions ?? []).some((c: Json) => c.type === 'Ready' && c.status === 'True');
}

/**
 * Why `pod` cannot run on `node`, in the scheduler's words, or undefined when it fits.
 * `usage` is the node's current requests (omit to skip the resource check, as DaemonSets
 * deciding eligibility do).
 */
export function unfitReason(pod: Readonly<KubeObject>, node: Readonly<KubeObject>, usage?: Resources): string | undefined {
  const isDaemon = (pod.metadata.ownerReferences ?? []).some((r: Json) => r.kind === 'DaemonSet');
  if (node.spec?.unschedulable && !isDaemon && !tolerates(pod.spec?.tolerations ?? [], { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })) {
    return 'node(s) were unschedulable';
  }
  if (!isNodeReady(node) && !tolerates(pod.spec?.tolerations ?? [], { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' })) {
    return "node(s) had untolerated taint {node.kubernetes.io/not-ready: }";
  }
  if (!matchesNodeAffinity(pod, node)) return "node(s) didn't match Pod's node affinity/selector";
  const taint = untoleratedTaint(pod, node);
  if (taint) return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
  if (usage) {
    const need = podRequests(pod);
    const cap = allocatable(node);
    if (usage.pods + 1 > cap.pods) return 'Too many pods';
    if (need.cpu > 0 && usage.cpu + need.cpu > cap.cpu + 1e-9) return 'Insufficient cpu';
    if (need.memory > 0 && usage.memory + need.memory > cap.memory) return 'Insufficient memory';
  }
  return undefined;
}
