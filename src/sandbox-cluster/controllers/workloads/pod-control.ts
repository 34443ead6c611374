import { ApiError } from '../../core/errors.js';
import { cloneJson } from '../../core/json.js';
import type { Json, KubeObject } from '../../core/types.js';
import { ownerRefTo } from '../runtime/owner-index.js';
import { isPodReady } from '../runtime/pod-state.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** FNV-1a 32 over the JSON of `value`, rendered like the controllers' SafeEncodeString. */
export function templateHash(value: Json, collisionCount = 0): string {
  let h = 0x811c9dc5;
  const text = JSON.stringify(value) + (collisionCount ? String(collisionCount) : '');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return [...String(h)].map((ch) => ALPHANUMS[ch.charCodeAt(0) % ALPHANUMS.length]).join('');
}

export interface PodCreate {
  name?: string;
  generateName?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  mutate?: (pod: KubeObject) => void;
}

/**
 * Creates a pod from `template` controlled by `owner`, with a SuccessfulCreate event
 * (or FailedCreate with the API's refusal, returned as the error message).
 */
export function createPod(rt: SimRuntime, owner: Readonly<KubeObject>, template: Json, how: PodCreate, component: string): string | undefined {
  const meta = cloneJson(template?.metadata ?? {});
  const pod: KubeObject = {
    metadata: {
      ...meta,
      ...(how.name ? { name: how.name } : { generateName: how.generateName ?? `${owner.metadata.name}-` }),
      labels: { ...meta.labels, ...how.labels },
      annotations: { ...meta.annotations, ...how.annotations },
      ownerReferences: [ownerRefTo(owner)],
    },
    spec: cloneJson(template?.spec ?? {}),
  };
  if (!Object.keys(pod.metadata.annotations!).length) delete pod.metadata.annotations;
  how.mutate?.(pod);
  try {
    const created = rt.api.create(rt.defs.pod, owner.metadata.namespace!, pod, { fieldManager: component });
    rt.event(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, component);
    return undefined;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.code === 409 && how.name) return undefined;
    rt.event(owner, 'Warning', 'FailedCreate', `Error creating: ${e.message}`, component);
    return e.message;
  }
}

export function deletePod(rt: SimRuntime, owner: Readonly<KubeObject>, pod: Readonly<KubeObject>, component: string): void {
  try {
    rt.api.delete(rt.defs.pod, pod.metadata.namespace!, pod.metadata.name!);
    rt.event(owner, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, component);
  } catch (e) {
    if (!(e instanceof ApiError && e.code === 404)) throw e;
  }
}

/** Pods to remove first when scaling down: unscheduled, pending, not ready, then newest. */
export function deletionOrder(pods: Readonly<KubeObject>[]): Readonly<KubeObject>[] {
  const rank = (p: Readonly<KubeObject>) => [p.spec?.nodeName ? 1 : 0, p.status?.phase === 'Running' ? 1 : 0, isPodReady(p) ? 1 : 0];
  return [...pods].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
    return String(b.metadata.creationTimestamp).localeCompare(String(a.metadata.creationTimestamp)) || String(b.metadata.name).localeCompare(String(a.metadata.name));
  });
}

/** Queues the controller of changed pods (by ownerReference kind). */
export function onOwnedPods(rt: SimRuntime, kind: string, enqueue: (key: string) => void): () => void {
  return rt.store.subscribe((e) => {
    if (e.resourceKey !== '/pods') return;
    for (const o of [e.object, e.previous]) {
      const ref = (o?.metadata.ownerReferences ?? []).find((r: Json) => r.controller && r.kind === kind);
      if (ref) enqueue(`${e.namespace}/${ref.name}`);
    }
  });
}
