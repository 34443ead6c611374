import { benchChecksWith } from './checks.bench.js';

describe('lab checks benchmark', () => {
  it('validates through the adapter and, when kubectl runs, the kubectl-per-check way', async () => {
    const metrics = await benchChecksWith({ adapterSamples: 10, kubectlSamples: 1 });
    const byName = Object.fromEntries(metrics.map((m) => [m.name, m.value]));
    expect(byName['labs_checks.checks_per_task']).toBe(10);
    expect(byName['labs_checks.adapter_validate_p99']).toBeGreaterThanOrEqual(byName['labs_checks.adapter_validate_p50']!);
    for (const m of metrics) expect(Number.isFinite(m.value)).toBe(true);
    if ('labs_checks.kubectl_validate_p50' in byName) expect(byName['labs_checks.kubectl_over_adapter_p50']).toBeGreaterThan(1);
  });
});
