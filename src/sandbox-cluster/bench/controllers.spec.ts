import { benchSandboxControllers } from './controllers.bench.js';

describe('sandbox controllers benchmark', () => {
  it('reports time to 3 Ready replicas and controller CPU per 1,000 pods', async () => {
    const rows = await benchSandboxControllers({ rounds: 2, pods: 200 });
    expect(rows.map((r) => r.name)).toEqual([
      'sandbox_controllers.deployment_3_ready_p50',
      'sandbox_controllers.deployment_3_ready_max',
      'sandbox_controllers.cpu_per_1000_pods',
      'sandbox_controllers.wall_per_1000_pods',
    ]);
    for (const r of rows) expect(Number.isFinite(r.value) && r.value > 0).toBe(true);
    expect(rows[1]!.value).toBeLessThan(1000);
  });
});
