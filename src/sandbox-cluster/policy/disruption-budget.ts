import type { ObjectService } from '../api/object-service.js';
import { cloneJson, jsonEqual } from '../core/json.js';
import { formatTime, type Json, type KubeObject } from '../core/types.js';
import { fromLabelSelectorObject, matchesLabels } from '../selectors/label-selector.js';
import type { ObjectStore } from '../store/object-store.js';
import type { Controller } from '../controllers/controller.js';

type O = Readonly<KubeObject>;
const PDBS = 'policy/poddisruptionbudgets';
const MANAGER = 'controllermanager';

function isHealthy(pod: O): boolean {
  return !pod.metadata.deletionTimestamp && (pod.status?.conditions ?? []).some((c: Json) => c.type === 'Ready' && c.status === 'True');
}

/** The pods a budget covers: an empty selector selects the whole namespace, a missing one nothing (policy/v1). */
export function podsCoveredBy(store: ObjectStore, pdb: O): O[] {
  const selector = pdb.spec?.selector;
  if (!selector) return [];
  const parsed = fromLabelSelectorObject(selector);
  return store.list('/pods', pdb.metadata.namespace).filter((p) => matchesLabels(parsed, p.metadata.labels));
}

/** The budgets that cover one pod (the eviction API refuses to choose between several). */
export function budgetsFor(store: ObjectStore, pod: O): O[] {
  return store.list(PDBS, pod.metadata.namespace).filter((pdb) => {
    const selector = pdb.spec?.selector;
    return !!selector && matchesLabels(fromLabelSelectorObject(selector), pod.metadata.labels);
  });
}

function scaled(value: number | string, total: number): number {
  if (typeof value === 'number') return value;
  return Math.ceil((parseInt(value, 10) * total) / 100);
}

/** Replicas wanted by the controllers behind the pods (a Deployment through its ReplicaSet), each counted once. */
function expectedScale(store: ObjectStore, pods: O[]): number | string {
  const counted = new Map<string, number>();
  for (const pod of pods) {
    const ref = (pod.metadata.ownerReferences ?? []).find((r: Json) => r.controller);
    if (!ref) return `found no controllers for pod "${pod.metadata.name}"`;
    const ns = pod.metadata.namespace ?? '';
    let owner: O | undefined;
    if (ref.kind === 'ReplicaSet') {
      const rs = store.get('apps/replicasets', ns, ref.name);
      const deployRef = (rs?.metadata.ownerReferences ?? []).find((r: Json) => r.controller && r.kind === 'Deployment');
      owner = deployRef ? store.get('apps/deployments', ns, deployRef.name) : rs;
    } else if (ref.kind === 'StatefulSet') {
      owner = store.get('apps/statefulsets', ns, ref.name);
    }
    if (!owner) return `found no controllers for pod "${pod.metadata.name}"`;
    counted.set(owner.metadata.uid!, owner.spec?.replicas ?? 1);
  }
  return [...counted.values()].reduce((a, b) => a + b, 0);
}

/** The status the disruption controller computes for a budget, from the pods it covers now. */
export function budgetStatus(store: ObjectStore, pdb: O, now: Date): Json {
  const pods = podsCoveredBy(store, pdb);
  const currentHealthy = pods.filter(isHealthy).length;
  const spec = pdb.spec ?? {};
  let expectedPods: number;
  let desiredHealthy: number;
  let failure: string | undefined;
  if (spec.maxUnavailable !== undefined || typeof spec.minAvailable === 'string') {
    const scale = expectedScale(store, pods);
    if (typeof scale === 'string') failure = scale;
    expectedPods = typeof scale === 'number' ? scale : 0;
    desiredHealthy =
      spec.maxUnavailable !== undefined ? Math.max(0, expectedPods - scaled(spec.maxUnavailable, expectedPods)) : scaled(spec.minAvailable, expectedPods);
  } else {
    expectedPods = pods.length;
    desiredHealthy = spec.minAvailable ?? 0;
  }
  const disruptionsAllowed = failure ? 0 : Math.max(0, currentHealthy - desiredHealthy);
  const reason = failure ? 'SyncFailed' : disruptionsAllowed > 0 ? 'SufficientPods' : 'InsufficientPods';
  const previous = (pdb.status?.conditions ?? []).find((c: Json) => c.type === 'DisruptionAllowed');
  const status = disruptionsAllowed > 0 ? 'True' : 'False';
  const condition = {
    type: 'DisruptionAllowed',
    status,
    observedGeneration: pdb.metadata.generation,
    lastTransitionTime: previous?.status === status ? previous.lastTransitionTime : formatTime(now),
    reason,
    message: failure ?? '',
  };
  return { observedGeneration: pdb.metadata.generation, disruptionsAllowed, currentHealthy, desiredHealthy, expectedPods, conditions: [condition] };
}

/** Keeps every PodDisruptionBudget's status current as its pods come, go and change readiness. */
export const disruptionController: Controller = (api: ObjectService) => {
  const def = api.registry.forKind('policy', 'PodDisruptionBudget')!;
  const refresh = (namespace: string) => {
    for (const pdb of api.store.list(PDBS, namespace)) {
      const status = budgetStatus(api.store, pdb, api.now());
      if (jsonEqual(pdb.status, status)) continue;
      const next = cloneJson(pdb) as KubeObject;
      next.status = status;
      api.update(def, namespace, pdb.metadata.name!, next, { subresource: 'status', fieldManager: MANAGER });
    }
  };
  for (const pdb of api.store.list(PDBS)) refresh(pdb.metadata.namespace!);
  return api.store.subscribe((e) => {
    if (!e.namespace) return;
    const relevant =
      e.resourceKey === '/pods' ||
      (e.resourceKey === PDBS && e.type !== 'DELETED' && !jsonEqual(e.previous?.spec, e.object.spec)) ||
      ((e.resourceKey === 'apps/deployments' || e.resourceKey === 'apps/statefulsets') && e.previous?.spec?.replicas !== e.object.spec?.replicas);
    if (relevant && api.store.list(PDBS, e.namespace).length) refresh(e.namespace);
  });
};
