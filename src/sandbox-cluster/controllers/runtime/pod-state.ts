import type { Json, KubeObject } from '../../core/types.js';

export function podCondition(pod: Readonly<KubeObject>, type: string): Json | undefined {
  return (pod.status?.conditions ?? []).find((c: Json) => c.type === type);
}

export function isPodReady(pod: Readonly<KubeObject>): boolean {
  return podCondition(pod, 'Ready')?.status === 'True';
}

export function isPodTerminal(pod: Readonly<KubeObject>): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** Counts toward a controller's replicas: not finished and not being deleted. */
export function isPodActive(pod: Readonly<KubeObject>): boolean {
  return !isPodTerminal(pod) && !pod.metadata.deletionTimestamp;
}

/** Ready for at least `minReadySeconds` at `now` (epoch ms). */
export function isPodAvailable(pod: Readonly<KubeObject>, minReadySeconds: number, now: number): boolean {
  const ready = podCondition(pod, 'Ready');
  if (ready?.status !== 'True') return false;
  if (!minReadySeconds) return true;
  return Date.parse(ready.lastTransitionTime) + minReadySeconds * 1000 <= now;
}

/** When a ready pod becomes available (epoch ms), for re-checking with a timer. */
export function availableAt(pod: Readonly<KubeObject>, minReadySeconds: number): number | undefined {
  const ready = podCondition(pod, 'Ready');
  if (ready?.status !== 'True') return undefined;
  return Date.parse(ready.lastTransitionTime) + minReadySeconds * 1000;
}

/** Sets a condition, keeping lastTransitionTime when its status did not change. */
export function setCondition(conditions: Json[], c: Json, now: string): Json[] {
  const out = conditions.filter((x) => x.type !== c.type);
  const old = conditions.find((x) => x.type === c.type);
  const sameStatus = old && old.status === c.status;
  const next: Json = { ...c, lastTransitionTime: sameStatus ? old.lastTransitionTime : now };
  if ('lastUpdateTime' in c && sameStatus && old.reason === c.reason && old.message === c.message) next.lastUpdateTime = old.lastUpdateTime ?? now;
  const idx = conditions.findIndex((x) => x.type === c.type);
  if (idx >= 0) out.splice(idx, 0, next);
  else out.push(next);
  return out;
}
