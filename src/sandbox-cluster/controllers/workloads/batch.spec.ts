import { createSandboxClusterCore, type SandboxClusterCore } from '../../core.js';
import type { Json } from '../../core/types.js';
import { ManualClock } from '../../testing/manual-clock.js';

describe('Jobs and CronJobs on a stepped clock', () => {
  let core: SandboxClusterCore;
  let clock: ManualClock;
  const step = async (ms: number, times = 1) => {
    for (let i = 0; i < times; i++) {
      clock.advance(ms);
      await core.simulation!.settle();
    }
  };
  const def = (k: string, g = 'batch') => core.registry.forKind(g, k)!;
  const podTemplate = (command: string[], extra: Json = {}) => ({ spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox', command, ...extra }] } });
  beforeEach(async () => {
    clock = new ManualClock(Date.parse('2025-01-01T00:00:30Z'));
    core = await createSandboxClusterCore({ clock });
  });
  afterEach(() => core.close());

  it('runs a Job with completions and parallelism to Complete', async () => {
    core.api.create(def('Job'), 'default', { metadata: { name: 'pi' }, spec: { completions: 3, parallelism: 2, template: podTemplate(['sh', '-c', 'echo done']) } });
    await step(0);
    expect(core.store.list('/pods', 'default')).toHaveLength(2);
    await step(250, 12);
    const job = core.store.get('batch/jobs', 'default', 'pi')!;
    expect(job.status).toMatchObject({ succeeded: 3, completionTime: expect.any(String) });
    expect(job.status.conditions.find((c: Json) => c.type === 'Complete').status).toBe('True');
    expect(core.store.list('/events', 'default').filter((e) => e.involvedObject.name === 'pi').map((e) => e.reason)).toContain('Completed');
  });

  it('fails a Job past its backoffLimit and one past its activeDeadlineSeconds', async () => {
    core.api.create(def('Job'), 'default', { metadata: { name: 'bad' }, spec: { backoffLimit: 1, template: podTemplate(['false'], { env: [{ name: 'SANDBOX_CRASH', value: '1' }] }) } });
    core.api.create(def('Job'), 'default', { metadata: { name: 'slow' }, spec: { activeDeadlineSeconds: 5, template: podTemplate(['sleep', '60']) } });
    await step(500, 20);
    const bad = core.store.get('batch/jobs', 'default', 'bad')!;
    expect(bad.status.conditions.find((c: Json) => c.type === 'Failed')).toMatchObject({ status: 'True', reason: 'BackoffLimitExceeded' });
    expect(bad.status.failed).toBe(2);
    const slow = core.store.get('batch/jobs', 'default', 'slow')!;
    expect(slow.status.conditions.find((c: Json) => c.type === 'Failed')).toMatchObject({ reason: 'DeadlineExceeded' });
  });

  it('fires a CronJob on schedule, keeps history limits, and honours suspend', async () => {
    core.api.create(def('CronJob'), 'default', {
      metadata: { name: 'tick' },
      spec: { schedule: '*/1 * * * *', successfulJobsHistoryLimit: 2, jobTemplate: { spec: { template: podTemplate(['sh', '-c', 'echo tick']) } } },
    });
    await step(0);
    expect(core.store.list('batch/jobs', 'default')).toHaveLength(0);
    await step(30_000);
    const jobs = core.store.list('batch/jobs', 'default');
    expect(jobs.map((j) => j.metadata.name)).toEqual([`tick-${Date.parse('2025-01-01T00:01:00Z') / 60000}`]);
    await step(1000, 2);
    expect(core.store.get('batch/cronjobs', 'default', 'tick')!.status).toMatchObject({ lastScheduleTime: '2025-01-01T00:01:00Z', lastSuccessfulTime: expect.any(String) });
    await step(60_000, 3);
    await step(1000, 2);
    expect(core.store.list('batch/jobs', 'default')).toHaveLength(2);
    const cj = core.store.get('batch/cronjobs', 'default', 'tick')!;
    core.api.update(def('CronJob'), 'default', 'tick', { ...cj, spec: { ...cj.spec, suspend: true } });
    const before = core.store.list('batch/jobs', 'default').map((j) => j.metadata.name);
    await step(120_000);
    expect(core.store.list('batch/jobs', 'default').map((j) => j.metadata.name)).toEqual(before);
  });
});
