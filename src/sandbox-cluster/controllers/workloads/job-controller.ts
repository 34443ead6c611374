import { ApiError } from '../../core/errors.js';
import { formatTime, type Json, type KubeObject } from '../../core/types.js';
import { isPodActive, isPodReady, setCondition } from '../runtime/pod-state.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';
import { createPod, deletePod, onOwnedPods } from './pod-control.js';

const COMPONENT = 'job-controller';
const INDEX = 'batch.kubernetes.io/job-completion-index';

/**
 * Jobs: up to `parallelism` pods at a time until `completions` succeed (Indexed mode
 * too), `backoffLimit` failures (with back-off between retries), `activeDeadlineSeconds`,
 * suspend, `ttlSecondsAfterFinished`, and the Complete/Failed conditions.
 */
export function startJobs(rt: SimRuntime): () => void {
  const { api, defs } = rt;
  const timers = new Map<string, () => void>();
  const wakeAt = (key: string, at: number) => {
    timers.get(key)?.();
    timers.set(key, rt.timers.at(at, () => queue.add(key)));
  };

  const sync = (key: string) => {
    const [ns, name] = key.split('/') as [string, string];
    const job = api.store.get('batch/jobs', ns, name);
    if (!job || job.metadata.deletionTimestamp) return;
    const s = job.spec ?? {};
    const now = rt.now();
    const nowText = formatTime(new Date(now));
    const pods = rt.owners.controlledBy(job.metadata.uid!, '/pods');
    const active = pods.filter(isPodActive);
    const succeededPods = pods.filter((p) => p.status?.phase === 'Succeeded');
    const failedPods = pods.filter((p) => p.status?.phase === 'Failed');
    const restarts = pods.reduce((n, p) => n + (p.status?.containerStatuses ?? []).reduce((m: number, c: Json) => m + (c.restartCount ?? 0), 0), 0);
    const failed = failedPods.length + (s.template?.spec?.restartPolicy === 'OnFailure' ? restarts : 0);
    const status: Json = { ...(job.status ?? {}) };
    let conditions: Json[] = status.conditions ?? [];
    const finished = conditions.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
    const indexed = s.completionMode === 'Indexed';
    const doneIndexes = new Set(succeededPods.map((p) => Number(p.metadata.annotations?.[INDEX])));
    const succeeded = indexed ? doneIndexes.size : succeededPods.length;

    if (!finished) {
      if (!s.suspend && !status.startTime) status.startTime = nowText;
      const deadline = s.activeDeadlineSeconds && status.startTime ? Date.parse(status.startTime) + s.activeDeadlineSeconds * 1000 : undefined;
      let failure: [string, string] | undefined;
      if (failed > (s.backoffLimit ?? 6)) failure = ['BackoffLimitExceeded', 'Job has reached the specified backoff limit'];
      else if (deadline !== undefined && now >= deadline) failure = ['DeadlineExceeded', 'Job was active longer than specified deadline'];
      const completions: number | undefined = s.completions ?? undefined;
      const complete = completions !== undefined ? succeeded >= completions : succeeded > 0 && active.length === 0;
      if (failure) {
        for (const p of active) deletePod(rt, job, p, COMPONENT);
        conditions = setCondition(conditions, { type: 'FailureTarget', status: 'True', reason: failure[0], message: failure[1], lastProbeTime: nowText }, nowText);
        conditions = setCondition(conditions, { type: 'Failed', status: 'True', reason: failure[0], message: failure[1], lastProbeTime: nowText }, nowText);
        rt.event(job, 'Warning', failure[0], failure[1], COMPONENT);
      } else if (complete) {
        for (const p of active) deletePod(rt, job, p, COMPONENT);
        conditions = setCondition(conditions, { type: 'SuccessCriteriaMet', status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods', lastProbeTime: nowText }, nowText);
        conditions = setCondition(conditions, { type: 'Complete', status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods', lastProbeTime: nowText }, nowText);
        status.completionTime = nowText;
        rt.event(job, 'Normal', 'Completed', 'Job completed', COMPONENT);
      } else if (s.suspend) {
        for (const p of active) deletePod(rt, job, p, COMPONENT);
        if (!conditions.some((c) => c.type === 'Suspended' && c.status === 'True')) rt.event(job, 'Normal', 'Suspended', 'Job suspended', COMPONENT);
        conditions = setCondition(conditions, { type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended', lastProbeTime: nowText }, nowText);
      } else {
        if (conditions.some((c) => c.type === 'Suspended' && c.status === 'True')) {
          conditions = setCondition(conditions, { type: 'Suspended', status: 'False', reason: 'JobResumed', message: 'Job resumed', lastProbeTime: nowText }, nowText);
          rt.event(job, 'Normal', 'Resumed', 'Job resumed', COMPONENT);
        }
        // Back-off after failures, as the controller delays recreating failed pods.
        const lastFailure = Math.max(0, ...failedPods.map((p) => Date.parse(p.status?.containerStatuses?.[0]?.state?.terminated?.finishedAt ?? p.metadata.creationTimestamp!)));
        const retryAt = failedPods.length ? lastFailure + Math.min(rt.opts.backoffMaxMs, rt.opts.backoffBaseMs * 2 ** (failedPods.length - 1)) : 0;
        if (retryAt > now) wakeAt(key, retryAt);
        else {
          const parallelism = s.parallelism ?? 1;
          const remaining = completions !== undefined ? completions - succeeded : succeeded > 0 ? 0 : parallelism;
          const want = Math.min(parallelism, remaining);
          if (indexed) {
            const running = new Set(active.map((p) => Number(p.metadata.annotations?.[INDEX])));
            let n = active.length;
            for (let i = 0; i < (completions ?? 0) && n < want; i++) {
              if (doneIndexes.has(i) || running.has(i)) continue;
              createPod(rt, job, s.template, { generateName: `${name}-${i}-`, annotations: { [INDEX]: String(i) }, labels: { [INDEX]: String(i) }, mutate: (p) => {
                p.spec.hostname ??= `${name}-${i}`;
                p.spec.containers = p.spec.containers.map((c: Json) => ({ ...c, env: [...(c.env ?? []), { name: 'JOB_COMPLETION_INDEX', value: String(i) }] }));
              } }, COMPONENT);
              n++;
            }
          } else {
            for (let n = active.length; n < want; n++) createPod(rt, job, s.template, { generateName: `${name}-` }, COMPONENT);
          }
        }
        if (deadline !== undefined) wakeAt(key, deadline);
      }
    }
    const nowActive = rt.owners.controlledBy(job.metadata.uid!, '/pods').filter(isPodActive);
    Object.assign(status, {
      active: nowActive.length || undefined,
      ready: nowActive.filter(isPodReady).length,
      succeeded: succeeded || undefined,
      failed: failedPods.length || undefined,
      terminating: 0,
      uncountedTerminatedPods: {},
      ...(indexed ? { completedIndexes: [...doneIndexes].sort((a, b) => a - b).join(',') || undefined } : {}),
      ...(conditions.length ? { conditions } : {}),
    });
    const written = rt.writeStatus(defs.job, job, JSON.parse(JSON.stringify(status)), COMPONENT);
    ttl(written, key);
  };

  const ttl = (job: Readonly<KubeObject>, key: string) => {
    const seconds = job.spec?.ttlSecondsAfterFinished;
    const finishedAt = (job.status?.conditions ?? []).find((c: Json) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')?.lastTransitionTime;
    if (seconds === undefined || !finishedAt) return;
    const at = Date.parse(finishedAt) + seconds * 1000;
    if (at > rt.now()) return wakeAt(key, at);
    try {
      api.delete(defs.job, job.metadata.namespace!, job.metadata.name!, { propagationPolicy: 'Background' });
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 404)) throw e;
    }
  };

  const queue = rt.queue(sync);
  for (const j of api.store.list('batch/jobs')) queue.add(`${j.metadata.namespace}/${j.metadata.name}`);
  const unsubPods = onOwnedPods(rt, 'Job', (k) => queue.add(k));
  const unsub = api.store.subscribe((e) => {
    if (e.resourceKey !== 'batch/jobs') return;
    const key = `${e.namespace}/${e.name}`;
    if (e.type === 'DELETED') {
      timers.get(key)?.();
      timers.delete(key);
    } else queue.add(key);
  });
  return () => {
    unsub();
    unsubPods();
    queue.stop();
    for (const t of timers.values()) t();
  };
}
