import type { Cause, Json, KubeObject } from '../core/types.js';
import { fe } from './field-errors.js';

const EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'];
const PERCENT = /^[0-9]+%$/;

function validateIntOrPercent(value: Json, field: string, out: Cause[]): void {
  if (value === undefined || value === null) return;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) out.push(fe.invalid(field, value, 'must be greater than or equal to 0'));
    return;
  }
  if (typeof value !== 'string' || !PERCENT.test(value)) {
    out.push(fe.invalid(field, value, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%')"));
    return;
  }
  if (parseInt(value, 10) > 100) out.push(fe.invalid(field, value, 'must not be greater than 100%'));
}

/** policy/v1 PodDisruptionBudget: one of minAvailable/maxUnavailable, each a count or a percentage. */
export function validatePodDisruptionBudget(obj: Readonly<KubeObject>): Cause[] {
  const out: Cause[] = [];
  const spec = obj.spec ?? {};
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    out.push(fe.invalidRaw('spec', 'policy.PodDisruptionBudgetSpec{…}', 'minAvailable and maxUnavailable cannot be both set'));
  }
  validateIntOrPercent(spec.minAvailable, 'spec.minAvailable', out);
  validateIntOrPercent(spec.maxUnavailable, 'spec.maxUnavailable', out);
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy !== undefined && !EVICTION_POLICIES.includes(policy)) out.push(fe.unsupported('spec.unhealthyPodEvictionPolicy', policy, EVICTION_POLICIES));
  return out;
}
