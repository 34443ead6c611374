import { ApiError } from '../../core/errors.js';
import type { Json, KubeObject } from '../../core/types.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';
import { tolerates } from './node-fit.js';

const SOURCE = 'taint-eviction-controller';

/**
 * Seconds a pod may stay on a node with these NoExecute taints: 0 when one is not
 * tolerated, the smallest tolerationSeconds among the matching tolerations, or undefined
 * (forever) when every taint is tolerated without a limit.
 */
function allowedSeconds(pod: Readonly<KubeObject>, taints: Json[]): number | undefined {
  const tolerations: Json[] = pod.spec?.tolerations ?? [];
  let limit: number | undefined;
  for (const taint of taints) {
    const matching = tolerations.filter((t) => tolerates([t], taint));
    if (!matching.length) return 0;
    for (const t of matching) if (typeof t.tolerationSeconds === 'number') limit = Math.min(limit ?? Infinity, Math.max(0, t.tolerationSeconds));
  }
  return limit;
}

/** The taint manager: pods leave nodes whose NoExecute taints they do not tolerate (after tolerationSeconds, if any). */
export function startTaintEviction(rt: SimRuntime): () => void {
  const { api, defs } = rt;
  const scheduled = new Map<string, () => void>();
  const evict = (ns: string, name: string) => {
    scheduled.delete(`${ns}/${name}`);
    const pod = api.store.get('/pods', ns, name);
    if (!pod || pod.metadata.deletionTimestamp) return;
    rt.event(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${ns}/${name}`, SOURCE);
    try {
      api.delete(defs.pod, ns, name);
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 404)) throw e;
    }
  };
  const check = (pod: Readonly<KubeObject>) => {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const node = pod.spec?.nodeName ? api.store.get('/nodes', '', pod.spec.nodeName) : undefined;
    const taints = ((node?.spec?.taints ?? []) as Json[]).filter((t) => t.effect === 'NoExecute');
    const seconds = taints.length ? allowedSeconds(pod, taints) : undefined;
    if (seconds === undefined) {
      scheduled.get(key)?.();
      scheduled.delete(key);
      return;
    }
    if (scheduled.has(key)) return;
    scheduled.set(key, rt.timers.after(seconds * 1000, () => evict(pod.metadata.namespace!, pod.metadata.name!)));
  };
  const unsub = api.store.subscribe((e) => {
    if (e.resourceKey === '/nodes' && e.type !== 'DELETED') {
      for (const pod of api.store.list('/pods')) if (pod.spec?.nodeName === e.name) check(pod);
    } else if (e.resourceKey === '/pods') {
      if (e.type === 'DELETED') {
        scheduled.get(`${e.namespace}/${e.name}`)?.();
        scheduled.delete(`${e.namespace}/${e.name}`);
      } else if (e.object.spec?.nodeName && e.object.spec.nodeName !== e.previous?.spec?.nodeName) check(e.object);
    }
  });
  return () => {
    unsub();
    for (const cancel of scheduled.values()) cancel();
    scheduled.clear();
  };
}
