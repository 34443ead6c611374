import { jsonEqual } from '../../core/json.js';
import type { Json, KubeObject } from '../../core/types.js';
import { isPodActive, isPodAvailable, isPodReady } from '../runtime/pod-state.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';
import { scaledValue } from './deployment-math.js';
import { unfitReason } from './node-fit.js';
import { createPod, deletePod, onOwnedPods, templateHash } from './pod-control.js';

const COMPONENT = 'daemonset-controller';
const GENERATION_LABEL = 'pod-template-generation';

/** The tolerations the DaemonSet controller adds to every daemon pod. */
const DAEMON_TOLERATIONS: Json[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

function nodeOf(pod: Readonly<KubeObject>): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms: Json[] = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  return terms[0]?.matchFields?.find((f: Json) => f.key === 'metadata.name')?.values?.[0];
}

/**
 * DaemonSets: one pod per eligible node (nodeSelector, affinity, taints against the
 * template's tolerations plus the daemon ones), pinned with a metadata.name node
 * affinity as the real controller does, removed from nodes that stop being eligible,
 * and replaced node by node on a RollingUpdate.
 */
export function startDaemonSets(rt: SimRuntime): () => void {
  const { api, defs } = rt;

  const sync = (key: string) => {
    const [ns, name] = key.split('/') as [string, string];
    const ds = api.store.get('apps/daemonsets', ns, name);
    if (!ds || ds.metadata.deletionTimestamp) return;
    const template = ds.spec.template ?? {};
    const tolerations = [...(template.spec?.tolerations ?? []), ...DAEMON_TOLERATIONS];
    const probe = { metadata: { ownerReferences: [{ kind: 'DaemonSet', controller: true }] }, spec: { ...template.spec, tolerations } } as KubeObject;
    const nodes = api.store.list('/nodes');
    const eligible = new Set(nodes.filter((n) => !unfitReason(probe, n) || unfitReason(probe, n) === 'node(s) were unschedulable').map((n) => n.metadata.name!));
    const generation = String(ds.metadata.generation ?? 1);
    const hash = templateHash(template);
    const pods = rt.owners.controlledBy(ds.metadata.uid!, '/pods').filter(isPodActive);
    const byNode = new Map<string, Readonly<KubeObject>[]>();
    for (const p of pods) {
      const n = nodeOf(p) ?? '';
      byNode.set(n, [...(byNode.get(n) ?? []), p]);
    }
    for (const [n, list] of byNode) {
      if (!eligible.has(n)) for (const p of list) deletePod(rt, ds, p, COMPONENT);
      else for (const p of list.slice(1)) deletePod(rt, ds, p, COMPONENT);
    }
    for (const n of eligible) {
      if (byNode.get(n)?.length) continue;
      createPod(
        rt,
        ds,
        template,
        { labels: { 'controller-revision-hash': hash, [GENERATION_LABEL]: generation }, mutate: (p) => {
          p.spec.tolerations = tolerations;
          p.spec.affinity = {
            ...p.spec.affinity,
            nodeAffinity: { ...p.spec.affinity?.nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [n] }] }] } },
          };
        } },
        COMPONENT,
      );
    }
    let live = rt.owners.controlledBy(ds.metadata.uid!, '/pods').filter(isPodActive);
    const strategy = ds.spec?.updateStrategy ?? { type: 'RollingUpdate' };
    if (strategy.type === 'RollingUpdate') {
      const maxUnavailable = Math.max(1, scaledValue(strategy.rollingUpdate?.maxUnavailable ?? 1, eligible.size, false));
      const unavailable = live.filter((p) => !isPodReady(p)).length;
      const outdated = live.filter((p) => p.metadata.labels?.[GENERATION_LABEL] !== generation);
      for (const p of outdated.slice(0, Math.max(0, maxUnavailable - unavailable))) deletePod(rt, ds, p, COMPONENT);
      live = rt.owners.controlledBy(ds.metadata.uid!, '/pods').filter(isPodActive);
    }
    const scheduled = live.filter((p) => p.spec?.nodeName);
    const now = rt.now();
    const available = scheduled.filter((p) => isPodAvailable(p, ds.spec?.minReadySeconds ?? 0, now)).length;
    const status: Json = {
      currentNumberScheduled: scheduled.filter((p) => eligible.has(p.spec.nodeName)).length,
      numberMisscheduled: scheduled.filter((p) => !eligible.has(p.spec.nodeName)).length,
      desiredNumberScheduled: eligible.size,
      numberReady: scheduled.filter(isPodReady).length,
      observedGeneration: ds.metadata.generation,
      updatedNumberScheduled: scheduled.filter((p) => p.metadata.labels?.[GENERATION_LABEL] === generation).length,
      numberAvailable: available,
      numberUnavailable: Math.max(0, eligible.size - available),
    };
    for (const k of ['numberAvailable', 'numberUnavailable', 'updatedNumberScheduled']) if (!status[k]) delete status[k];
    rt.writeStatus(defs.ds, ds, status, COMPONENT);
  };

  const queue = rt.queue(sync);
  const all = () => {
    for (const d of api.store.list('apps/daemonsets')) queue.add(`${d.metadata.namespace}/${d.metadata.name}`);
  };
  all();
  const unsubPods = onOwnedPods(rt, 'DaemonSet', (k) => queue.add(k));
  const unsub = api.store.subscribe((e) => {
    if (e.resourceKey === 'apps/daemonsets' && e.type !== 'DELETED') queue.add(`${e.namespace}/${e.name}`);
    if (e.resourceKey === '/nodes') {
      // Heartbeats change nothing that matters here.
      const ready = (o: Readonly<KubeObject> | undefined) => (o?.status?.conditions ?? []).find((c: Json) => c.type === 'Ready')?.status;
      if (e.type === 'MODIFIED' && jsonEqual(e.previous?.metadata.labels, e.object.metadata.labels) && jsonEqual(e.previous?.spec, e.object.spec) && ready(e.previous) === ready(e.object)) return;
      all();
    }
  });
  return () => {
    unsub();
    unsubPods();
    queue.stop();
  };
}
