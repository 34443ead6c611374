import { benchSandboxScaleWith } from './namespace-scale.bench.js';

describe('sandbox scale benchmark', () => {
  it('runs end to end on a small cluster and reports every metric', async () => {
    const metrics = await benchSandboxScaleWith({ namespaces: 6, samples: 12, concurrency: 3 });
    const byName = Object.fromEntries(metrics.map((m) => [m.name, m]));
    expect(Object.keys(byName)).toEqual([
      'sandbox_scale.namespaces',
      'sandbox_scale.setup_total',
      'sandbox_scale.namespace_bundle_create_p50',
      'sandbox_scale.heap_per_namespace',
      'sandbox_scale.list_deployments_p50',
      'sandbox_scale.list_deployments_p99',
      'sandbox_scale.get_configmap_p50',
      'sandbox_scale.get_configmap_p99',
      'sandbox_scale.list_services_all_namespaces_p50',
    ]);
    expect(byName['sandbox_scale.namespaces']!.value).toBe(6);
    for (const m of metrics) expect(Number.isFinite(m.value)).toBe(true);
    expect(byName['sandbox_scale.list_deployments_p99']!.value).toBeGreaterThanOrEqual(byName['sandbox_scale.list_deployments_p50']!.value);
    expect(byName['sandbox_scale.get_configmap_p50']!.value).toBeGreaterThan(0);
  });
});
