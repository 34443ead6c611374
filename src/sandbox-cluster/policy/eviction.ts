import type { ObjectService } from '../api/object-service.js';
import { ApiError, errors } from '../core/errors.js';
import { isPlainObject } from '../core/json.js';
import type { Json, KubeObject, UserInfo } from '../core/types.js';
import type { ResourceDef } from '../registry/resource-def.js';
import { budgetsFor } from './disruption-budget.js';

type O = Readonly<KubeObject>;

function isReady(pod: O): boolean {
  return (pod.status?.conditions ?? []).some((c: Json) => c.type === 'Ready' && c.status === 'True');
}

/** Pods that no budget protects: finished, not started, or already going away. */
function ignoresBudgets(pod: O): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || !!pod.metadata.deletionTimestamp;
}

function tooManyRequests(pdb: O): ApiError {
  const status = pdb.status ?? {};
  return new ApiError(429, 'TooManyRequests', "Cannot evict pod as it would violate the pod's disruption budget.", {
    causes: [
      {
        reason: 'DisruptionBudget',
        message: `The disruption budget ${pdb.metadata.name} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently`,
        field: '',
      },
    ],
  });
}

/** Why a pod may not be evicted now, or undefined when it may (the eviction subresource's admission). */
function refusal(service: ObjectService, pod: O): ApiError | undefined {
  if (ignoresBudgets(pod)) return undefined;
  const budgets = budgetsFor(service.store, pod);
  if (budgets.length > 1) return errors.internal("This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.");
  const pdb = budgets[0];
  if (!pdb) return undefined;
  const status = pdb.status ?? {};
  if (!isReady(pod)) {
    // An unhealthy pod may go when the budget is already met, or always if the budget says so.
    if (pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow') return undefined;
    if ((status.currentHealthy ?? 0) >= (status.desiredHealthy ?? 0) && (status.desiredHealthy ?? 0) > 0) return undefined;
  }
  if ((status.disruptionsAllowed ?? 0) <= 0) return tooManyRequests(pdb);
  return undefined;
}

export interface EvictionRequest {
  namespace: string;
  name: string;
  body: Json;
  user: UserInfo;
  dryRun: boolean;
}

/**
 * policy/v1 Eviction: deletes the pod unless a PodDisruptionBudget covering it has no
 * disruption left (429 TooManyRequests, which kubectl drain retries).
 */
export function evictPod(service: ObjectService, podDef: ResourceDef, req: EvictionRequest): void {
  const bodyName = req.body?.metadata?.name;
  if (bodyName && bodyName !== req.name) throw errors.badRequest('name in URL does not match name in Eviction object');
  const pod = service.getStored(podDef, req.namespace, req.name);
  const refused = refusal(service, pod);
  if (refused) throw refused;
  const options = isPlainObject(req.body?.deleteOptions) ? req.body.deleteOptions : {};
  const dryRun = req.dryRun || (Array.isArray(options.dryRun) && options.dryRun.includes('All'));
  service.delete(podDef, req.namespace, req.name, {
    user: req.user,
    dryRun,
    preconditions: isPlainObject(options.preconditions) ? options.preconditions : undefined,
    propagationPolicy: options.propagationPolicy,
  });
}
