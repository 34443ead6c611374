import { cloneJson } from '../core/json.js';
import { formatTime, type Json, type KubeObject } from '../core/types.js';
import type { Controller } from './controller.js';

export const UNSCHEDULABLE_TAINT_KEY = 'node.kubernetes.io/unschedulable';

const isCordonTaint = (t: Json) => t?.key === UNSCHEDULABLE_TAINT_KEY && t?.effect === 'NoSchedule';

/**
 * The node lifecycle controller's part that kubectl cordon relies on: a node whose
 * `spec.unschedulable` is true carries the `node.kubernetes.io/unschedulable:NoSchedule`
 * taint, and loses it when uncordoned.
 */
export const nodeLifecycleController: Controller = (api) => {
  const def = api.registry.forKind('', 'Node')!;
  const reconcile = (node: Readonly<KubeObject>) => {
    if (node.metadata.deletionTimestamp) return;
    const taints: Json[] = node.spec?.taints ?? [];
    const cordoned = node.spec?.unschedulable === true;
    const tainted = taints.some(isCordonTaint);
    if (cordoned === tainted) return;
    const next = cloneJson(node) as KubeObject;
    const kept = taints.filter((t) => !isCordonTaint(t));
    const wanted = cordoned ? [...kept, { key: UNSCHEDULABLE_TAINT_KEY, effect: 'NoSchedule', timeAdded: formatTime(api.now()) }] : kept;
    next.spec = { ...next.spec, taints: wanted };
    if (!wanted.length) delete next.spec.taints;
    api.update(def, '', node.metadata.name!, next, { fieldManager: 'kube-controller-manager' });
  };
  for (const node of api.store.list('/nodes')) reconcile(node);
  return api.store.subscribe((e) => {
    if (e.resourceKey === '/nodes' && e.type !== 'DELETED') reconcile(api.store.get('/nodes', '', e.name) ?? e.object);
  });
};
