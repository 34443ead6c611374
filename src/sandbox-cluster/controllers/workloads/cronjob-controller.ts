import cronParser from 'cron-parser';
import { ApiError } from '../../core/errors.js';
import { cloneJson } from '../../core/json.js';
import { formatTime, type Json, type KubeObject } from '../../core/types.js';
import { ownerRefTo } from '../runtime/owner-index.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';

const COMPONENT = 'cronjob-controller';
const SCHEDULED = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** Schedule times after `from` up to `to` (epoch ms), at most `limit` of them (the latest kept). */
export function scheduleTimes(schedule: string, timeZone: string | undefined, from: number, to: number, limit = 100): number[] {
  let expr = schedule.trim();
  let tz = timeZone ?? 'UTC';
  const m = /^(?:CRON_TZ|TZ)=(\S+)\s+(.*)$/.exec(expr);
  if (m) {
    tz = m[1]!;
    expr = m[2]!;
  }
  expr = MACROS[expr] ?? expr;
  const it = cronParser.parseExpression(expr, { currentDate: new Date(from), endDate: new Date(to + 1), tz });
  const out: number[] = [];
  while (it.hasNext()) {
    const t = it.next().toDate().getTime();
    if (t > to) break;
    out.push(t);
    if (out.length > limit) out.shift();
  }
  return out;
}

export function nextScheduleTime(schedule: string, timeZone: string | undefined, after: number): number | undefined {
  try {
    let expr = schedule.trim().replace(/^(?:CRON_TZ|TZ)=\S+\s+/, '');
    expr = MACROS[expr] ?? expr;
    const tz = /^(?:CRON_TZ|TZ)=(\S+)/.exec(schedule.trim())?.[1] ?? timeZone ?? 'UTC';
    return cronParser.parseExpression(expr, { currentDate: new Date(after), tz }).next().toDate().getTime();
  } catch {
    return undefined;
  }
}

const jobFinished = (j: Readonly<KubeObject>) => (j.status?.conditions ?? []).find((c: Json) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')?.type as string | undefined;

/**
 * CronJobs on the injected clock: a Job per schedule time (the latest missed one, within
 * startingDeadlineSeconds), concurrencyPolicy Allow/Forbid/Replace, suspend, and
 * successful/failed history limits.
 */
export function startCronJobs(rt: SimRuntime): () => void {
  const { api, defs } = rt;
  const timers = new Map<string, () => void>();

  const sync = (key: string) => {
    const [ns, name] = key.split('/') as [string, string];
    const cj = api.store.get('batch/cronjobs', ns, name);
    timers.get(key)?.();
    timers.delete(key);
    if (!cj || cj.metadata.deletionTimestamp) return;
    const s = cj.spec ?? {};
    const now = rt.now();
    let jobs = rt.owners.controlledBy(cj.metadata.uid!, 'batch/jobs');
    const status: Json = cloneJson(cj.status ?? {});
    // Finished jobs leave `active` and may set lastSuccessfulTime.
    for (const j of jobs) {
      const done = jobFinished(j);
      if (!done) continue;
      const wasActive = (status.active ?? []).some((r: Json) => r.uid === j.metadata.uid);
      if (wasActive) rt.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, condition: ${done}`, COMPONENT);
      if (done === 'Complete' && j.status?.completionTime && (!status.lastSuccessfulTime || status.lastSuccessfulTime < j.status.completionTime)) status.lastSuccessfulTime = j.status.completionTime;
    }
    let active = jobs.filter((j) => !jobFinished(j) && !j.metadata.deletionTimestamp);
    const from = Date.parse(status.lastScheduleTime ?? cj.metadata.creationTimestamp!);
    let times: number[] = [];
    try {
      times = scheduleTimes(s.schedule, s.timeZone, from, now);
    } catch {
      rt.event(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: "${s.schedule}"`, COMPONENT);
      return;
    }
    const due = times[times.length - 1];
    const tooLate = due !== undefined && s.startingDeadlineSeconds !== undefined && due + s.startingDeadlineSeconds * 1000 < now;
    if (due !== undefined && !s.suspend && !tooLate) {
      const policy = s.concurrencyPolicy ?? 'Allow';
      if (policy === 'Forbid' && active.length) {
        rt.event(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid', COMPONENT);
      } else {
        if (policy === 'Replace') {
          for (const j of active) {
            tryDelete(() => api.delete(defs.job, ns, j.metadata.name!, { propagationPolicy: 'Background' }));
            rt.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`, COMPONENT);
          }
          active = [];
        }
        const tmpl = cloneJson(s.jobTemplate ?? {});
        const jobName = `${name}-${Math.floor(due / 60000)}`;
        try {
          const job = api.create(
            defs.job,
            ns,
            {
              metadata: {
                name: jobName,
                labels: { ...tmpl.metadata?.labels },
                annotations: { ...tmpl.metadata?.annotations, [SCHEDULED]: formatTime(new Date(due)) },
                ownerReferences: [ownerRefTo(cj)],
              },
              spec: tmpl.spec,
            },
            { fieldManager: COMPONENT },
          );
          active.push(job);
          rt.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${jobName}`, COMPONENT);
        } catch (e) {
          if (!(e instanceof ApiError && e.code === 409)) {
            if (e instanceof ApiError) rt.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${e.message}`, COMPONENT);
            else throw e;
          }
        }
      }
    }
    if (due !== undefined) status.lastScheduleTime = formatTime(new Date(due));
    status.active = active.map((j) => ({ kind: 'Job', namespace: ns, name: j.metadata.name, uid: j.metadata.uid, apiVersion: 'batch/v1', resourceVersion: j.metadata.resourceVersion }));
    if (!status.active.length) delete status.active;
    // History limits: oldest finished jobs beyond the limits go (with their pods).
    jobs = rt.owners.controlledBy(cj.metadata.uid!, 'batch/jobs');
    for (const [kind, limit] of [['Complete', s.successfulJobsHistoryLimit ?? 3], ['Failed', s.failedJobsHistoryLimit ?? 1]] as const) {
      const done = jobs.filter((j) => jobFinished(j) === kind && !j.metadata.deletionTimestamp).sort((a, b) => String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)) || String(a.metadata.name).localeCompare(String(b.metadata.name)));
      for (const j of done.slice(0, Math.max(0, done.length - limit))) {
        tryDelete(() => api.delete(defs.job, ns, j.metadata.name!, { propagationPolicy: 'Background' }));
        rt.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`, COMPONENT);
      }
    }
    rt.writeStatus(defs.cronjob, cj, status, COMPONENT);
    const next = nextScheduleTime(s.schedule, s.timeZone, Math.max(now, due ?? 0));
    if (next !== undefined) timers.set(key, rt.timers.at(next, () => queue.add(key)));
  };

  const tryDelete = (f: () => void) => {
    try {
      f();
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 404)) throw e;
    }
  };

  const queue = rt.queue(sync);
  for (const c of api.store.list('batch/cronjobs')) queue.add(`${c.metadata.namespace}/${c.metadata.name}`);
  const unsub = api.store.subscribe((e) => {
    if (e.resourceKey === 'batch/cronjobs' && e.type !== 'DELETED') queue.add(`${e.namespace}/${e.name}`);
    if (e.resourceKey === 'batch/jobs') {
      const ref = (e.object.metadata.ownerReferences ?? []).find((r: Json) => r.controller && r.kind === 'CronJob');
      if (ref && (e.type === 'DELETED' || jobFinished(e.object) !== (e.previous ? jobFinished(e.previous) : undefined))) queue.add(`${e.namespace}/${ref.name}`);
    }
  });
  return () => {
    unsub();
    queue.stop();
    for (const t of timers.values()) t();
  };
}
