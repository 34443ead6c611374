import type { AdmissionPlugin } from '../api/admission.js';
import { errors } from '../core/errors.js';
import { parseQuantity } from '../core/quantity.js';
import { resourceKeyOf } from '../registry/resource-def.js';
import type { ObjectStore } from '../store/object-store.js';
import { formatUsage, isComputeKey, namespaceUsage, objectUsage } from './quota-usage.js';

/** Refuses creates that would exceed a ResourceQuota in the namespace, with the server's wording. */
export function resourceQuotaAdmission(store: ObjectStore): AdmissionPlugin {
  return {
    name: 'ResourceQuota',
    validate(req) {
      if (!req.def.namespaced || !req.object) return;
      if (req.operation !== 'CREATE' && !(req.operation === 'UPDATE' && req.def.kind === 'Service')) return;
      const quotas = store.list('/resourcequotas', req.namespace);
      if (!quotas.length) return;
      const rk = resourceKeyOf(req.def);
      for (const q of quotas) {
        const hard = (q.spec?.hard ?? {}) as Record<string, string>;
        if (req.def.kind === 'Pod') {
          const missing = Object.keys(hard)
            .filter((k) => isComputeKey(k) && k !== 'cpu' && k !== 'memory')
            .filter((k) => objectUsage(k, rk, req.object!) === 0)
            .sort();
          if (missing.length) throw errors.forbidden(req.def.plural, req.def.group, req.name, `failed quota: ${q.metadata.name}: must specify ${missing.join(',')}`);
        }
        const requested: string[] = [];
        const used: string[] = [];
        const limited: string[] = [];
        let exceeded = false;
        for (const key of Object.keys(hard).sort()) {
          const delta = objectUsage(key, rk, req.object) - (req.old ? objectUsage(key, rk, req.old) : 0);
          if (delta <= 0) continue;
          const current = namespaceUsage(store, req.namespace, key) - (req.old ? objectUsage(key, rk, req.old) : 0);
          const limit = parseQuantity(hard[key])?.value ?? 0;
          if (current + delta <= limit + 1e-9) continue;
          exceeded = true;
          requested.push(`${key}=${formatUsage(key, delta, hard[key])}`);
          used.push(`${key}=${formatUsage(key, current, hard[key])}`);
          limited.push(`${key}=${hard[key]}`);
        }
        if (exceeded) {
          throw errors.forbidden(
            req.def.plural,
            req.def.group,
            req.name,
            `exceeded quota: ${q.metadata.name}, requested: ${requested.join(',')}, used: ${used.join(',')}, limited: ${limited.join(',')}`,
          );
        }
      }
    },
  };
}
