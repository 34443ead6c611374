import { cloneJson } from '../../core/json.js';
import type { Json, KubeObject } from '../../core/types.js';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const HASH_LABEL = 'pod-template-hash';

/** Annotations a ReplicaSet does not inherit from its Deployment (and rollback does not copy back). */
export const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration', REVISION, REVISION_HISTORY, DESIRED, MAX_REPLICAS, 'deprecated.deployment.rollback.to']);

/** An intOrString (`25%` or 1) against `total`; percentages round up for surge, down for unavailable. */
export function scaledValue(v: Json, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.endsWith('%')) {
    const x = (Number.parseInt(v, 10) * total) / 100;
    return roundUp ? Math.ceil(x) : Math.floor(x);
  }
  return Number.parseInt(String(v ?? 0), 10) || 0;
}

export function surgeAndUnavailable(d: Readonly<KubeObject>): { maxSurge: number; maxUnavailable: number } {
  const replicas = d.spec?.replicas ?? 1;
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  const maxSurge = scaledValue(ru.maxSurge ?? '25%', replicas, true);
  let maxUnavailable = scaledValue(ru.maxUnavailable ?? '25%', replicas, false);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable: Math.min(maxUnavailable, replicas) };
}

export function revisionOf(rs: Readonly<KubeObject>): number {
  return Number(rs.metadata.annotations?.[REVISION] ?? 0) || 0;
}

/** The pod template without the hash label, to compare a ReplicaSet with its Deployment. */
export function templateWithoutHash(t: Json): Json {
  const out = cloneJson(t ?? {});
  if (out.metadata?.labels) {
    delete out.metadata.labels[HASH_LABEL];
  }
  return out;
}

export const specReplicas = (rs: Readonly<KubeObject> | undefined) => (rs ? (rs.spec?.replicas ?? 0) : 0);
export const sum = (xs: Array<Readonly<KubeObject>>, f: (rs: Readonly<KubeObject>) => number) => xs.reduce((n, x) => n + f(x), 0);
