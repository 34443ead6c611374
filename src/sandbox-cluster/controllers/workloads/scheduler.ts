import { cloneJson } from '../../core/json.js';
import { formatTime, type Json, type KubeObject } from '../../core/types.js';
import { controllerRef } from '../runtime/owner-index.js';
import { isPodTerminal, setCondition } from '../runtime/pod-state.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';
import { allocatable, podRequests, preferNoScheduleTaints, unfitReason, type Resources } from './node-fit.js';

const SOURCE = 'default-scheduler';

/** Per-node requests and per-(owner, node) pod counts, kept current from pod events. */
class Placement {
  readonly usage = new Map<string, Resources>();
  readonly byOwner = new Map<string, Map<string, number>>();

  apply(pod: Readonly<KubeObject> | undefined, sign: 1 | -1): void {
    const node = pod?.spec?.nodeName;
    if (!pod || !node || isPodTerminal(pod)) return;
    const r = podRequests(pod);
    const u = this.usage.get(node) ?? { cpu: 0, memory: 0, pods: 0 };
    u.cpu += sign * r.cpu;
    u.memory += sign * r.memory;
    u.pods += sign;
    this.usage.set(node, u);
    const owner = controllerRef(pod)?.uid;
    if (!owner) return;
    let m = this.byOwner.get(owner);
    if (!m) this.byOwner.set(owner, (m = new Map()));
    m.set(node, (m.get(node) ?? 0) + sign);
  }
}

function claimProblem(rt: SimRuntime, pod: Readonly<KubeObject>): string | undefined {
  for (const v of pod.spec?.volumes ?? []) {
    const claim = v.persistentVolumeClaim?.claimName;
    if (!claim) continue;
    const pvc = rt.store.get('/persistentvolumeclaims', pod.metadata.namespace!, claim);
    if (!pvc) return `persistentvolumeclaim "${claim}" not found`;
    if (pvc.metadata.deletionTimestamp) return `persistentvolumeclaim "${claim}" is being deleted`;
    if (pvc.status?.phase !== 'Bound') return 'pod has unbound immediate PersistentVolumeClaims';
  }
  return undefined;
}

/**
 * The scheduler: filters nodes (unschedulable, readiness, nodeSelector and required
 * affinity, taints, requests against allocatable, claims), scores the rest (least
 * allocated, spreading pods of one owner, preferred affinity, PreferNoSchedule taints) and binds. Pods that fit
 * nowhere stay Pending with PodScheduled=False and a FailedScheduling event, and are
 * retried when nodes, pods or claims change.
 */
export function startScheduler(rt: SimRuntime): () => void {
  const { api, defs } = rt;
  const placement = new Placement();
  for (const p of api.store.list('/pods')) placement.apply(p, 1);
  const unschedulable = new Set<string>();

  const schedule = (key: string) => {
    const [ns, name] = key.split('/');
    const pod = api.store.get('/pods', ns!, name!);
    if (!pod || pod.spec?.nodeName || pod.metadata.deletionTimestamp || isPodTerminal(pod)) {
      unschedulable.delete(key);
      return;
    }
    if ((pod.spec?.schedulerName ?? 'default-scheduler') !== 'default-scheduler') return;
    const nodes = api.store.list('/nodes');
    const reasons = new Map<string, number>();
    const feasible: Readonly<KubeObject>[] = [];
    const claim = claimProblem(rt, pod);
    if (!claim) {
      for (const node of nodes) {
        const why = unfitReason(pod, node, placement.usage.get(node.metadata.name!) ?? { cpu: 0, memory: 0, pods: 0 });
        if (why) reasons.set(why, (reasons.get(why) ?? 0) + 1);
        else feasible.push(node);
      }
    }
    const now = formatTime(api.now());
    if (!feasible.length) {
      const detail = claim ? `${claim}.` : [...reasons].sort(([a], [b]) => a.localeCompare(b)).map(([r, n]) => `${n} ${r}`).join(', ') + '.';
      const message = `0/${nodes.length} nodes are available: ${nodes.length ? detail : 'no nodes available to schedule pods.'} preemption: 0/${nodes.length} nodes are available: ${nodes.length} Preemption is not helpful for scheduling.`;
      const conditions = setCondition(pod.status?.conditions ?? [], { type: 'PodScheduled', status: 'False', lastProbeTime: null, reason: 'Unschedulable', message }, now);
      const before = (pod.status?.conditions ?? []).find((c: Json) => c.type === 'PodScheduled');
      rt.writeStatus(defs.pod, pod, { ...pod.status, conditions }, SOURCE);
      if (!unschedulable.has(key) || before?.message !== message) rt.event(pod, 'Warning', 'FailedScheduling', message, SOURCE);
      unschedulable.add(key);
      return;
    }
    unschedulable.delete(key);
    const owner = controllerRef(pod)?.uid;
    const need = podRequests(pod);
    const preferred: Json[] = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    let best: Readonly<KubeObject> | undefined;
    let bestScore = -Infinity;
    for (const node of feasible) {
      const n = node.metadata.name!;
      const cap = allocatable(node);
      const u = placement.usage.get(n) ?? { cpu: 0, memory: 0, pods: 0 };
      const free = (used: number, total: number) => (total > 0 ? Math.max(0, (total - used) / total) : 0);
      let score = 50 * free(u.cpu + need.cpu, cap.cpu) + 50 * free(u.memory + need.memory, cap.memory) + 10 * free(u.pods, cap.pods);
      if (owner) score -= 1000 * (placement.byOwner.get(owner)?.get(n) ?? 0);
      score -= 100 * preferNoScheduleTaints(pod, node);
      for (const p of preferred) {
        const labels = node.metadata.labels ?? {};
        const exprs: Json[] = p.preference?.matchExpressions ?? [];
        if (exprs.every((e) => (e.operator === 'In' ? (e.values ?? []).includes(labels[e.key]) : e.operator === 'Exists' ? e.key in labels : true))) score += p.weight ?? 0;
      }
      if (score > bestScore) {
        bestScore = score;
        best = node;
      }
    }
    const next = cloneJson(pod) as KubeObject;
    next.spec.nodeName = best!.metadata.name;
    next.status = { ...next.status, conditions: setCondition(next.status?.conditions ?? [], { type: 'PodScheduled', status: 'True', lastProbeTime: null }, now) };
    const bound = api.commitUpdate(defs.pod, defs.pod, pod, next, { fieldManager: SOURCE });
    rt.event(bound, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${best!.metadata.name}`, SOURCE);
  };

  const queue = rt.queue(schedule);
  const retryAll = () => {
    for (const k of unschedulable) queue.add(k);
  };
  for (const p of api.store.list('/pods')) if (!p.spec?.nodeName) queue.add(`${p.metadata.namespace}/${p.metadata.name}`);
  const unsubscribe = api.store.subscribe((e) => {
    if (e.resourceKey === '/pods') {
      placement.apply(e.previous, -1);
      if (e.type !== 'DELETED') placement.apply(e.object, 1);
      const key = `${e.namespace}/${e.name}`;
      if (e.type === 'DELETED') unschedulable.delete(key);
      else if (!e.object.spec?.nodeName && !unschedulable.has(key)) queue.add(key);
      // Capacity freed: pods waiting for room may fit now.
      if (e.type === 'DELETED' || (isPodTerminal(e.object) && e.previous && !isPodTerminal(e.previous))) retryAll();
    } else if (e.resourceKey === '/nodes' || e.resourceKey === '/persistentvolumeclaims') {
      retryAll();
    }
  });
  return () => {
    unsubscribe();
    queue.stop();
  };
}
