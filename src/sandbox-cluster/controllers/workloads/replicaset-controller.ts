import { formatTime, type Json } from '../../core/types.js';
import { availableAt, isPodActive, isPodAvailable, isPodReady, setCondition } from '../runtime/pod-state.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';
import { createPod, deletePod, deletionOrder, onOwnedPods } from './pod-control.js';

const COMPONENT = 'replicaset-controller';

/** Keeps `spec.replicas` pods of each ReplicaSet: replaces deleted ones, removes extras, reports status. */
export function startReplicaSets(rt: SimRuntime): () => void {
  const { api, defs } = rt;
  const reconcile = (key: string) => {
    const [ns, name] = key.split('/') as [string, string];
    const rs = api.store.get('apps/replicasets', ns, name);
    if (!rs || rs.metadata.deletionTimestamp) return;
    let pods = rt.owners.controlledBy(rs.metadata.uid!, '/pods').filter(isPodActive);
    const want = rs.spec?.replicas ?? 1;
    let failure: string | undefined;
    if (pods.length < want) {
      for (let i = pods.length; i < want && !failure; i++) failure = createPod(rt, rs, rs.spec.template, {}, COMPONENT);
    } else if (pods.length > want) {
      for (const p of deletionOrder(pods).slice(0, pods.length - want)) deletePod(rt, rs, p, COMPONENT);
    }
    pods = rt.owners.controlledBy(rs.metadata.uid!, '/pods').filter(isPodActive);
    const current = api.store.get('apps/replicasets', ns, name)!;
    const minReady = current.spec?.minReadySeconds ?? 0;
    const now = rt.now();
    const labels = current.spec?.template?.metadata?.labels ?? {};
    let conditions: Json[] = current.status?.conditions ?? [];
    if (failure) conditions = setCondition(conditions, { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: failure }, formatTime(new Date(now)));
    else conditions = conditions.filter((c) => c.type !== 'ReplicaFailure');
    const status: Json = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.filter((p) => Object.entries<string>(labels).every(([k, v]) => p.metadata.labels?.[k] === v)).length,
      readyReplicas: pods.filter(isPodReady).length,
      availableReplicas: pods.filter((p) => isPodAvailable(p, minReady, now)).length,
      observedGeneration: current.metadata.generation,
      ...(conditions.length ? { conditions } : {}),
    };
    for (const k of ['readyReplicas', 'availableReplicas', 'fullyLabeledReplicas'] as const) if (!status[k]) delete status[k];
    rt.writeStatus(defs.rs, current, status, COMPONENT);
    if (minReady) {
      for (const p of pods) {
        const at = availableAt(p, minReady);
        if (at !== undefined && at > now) rt.timers.at(at, () => queue.add(key));
      }
    }
    if (failure) rt.timers.after(rt.opts.backoffBaseMs, () => queue.add(key));
  };
  const queue = rt.queue(reconcile);
  for (const rs of api.store.list('apps/replicasets')) queue.add(`${rs.metadata.namespace}/${rs.metadata.name}`);
  const unsubPods = onOwnedPods(rt, 'ReplicaSet', (k) => queue.add(k));
  const unsub = api.store.subscribe((e) => {
    if (e.resourceKey === 'apps/replicasets' && e.type !== 'DELETED') queue.add(`${e.namespace}/${e.name}`);
  });
  return () => {
    unsub();
    unsubPods();
    queue.stop();
  };
}
