import type { Cause, Json } from '../core/types.js';

/** Renders a bad value the way Go's `%#v`-ish formatting shows it in Kubernetes messages. */
export function goValue(v: Json): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string')) return `[]string{${v.map((x) => JSON.stringify(x)).join(', ')}}`;
    return JSON.stringify(v);
  }
  const entries = Object.entries(v);
  if (entries.every(([, x]) => typeof x === 'string')) {
    return `map[string]string{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, x]) => `${JSON.stringify(k)}:${JSON.stringify(x)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(v);
}

export function labelSelectorValue(sel: Json): string {
  const ml = sel?.matchLabels ? goValue(sel.matchLabels) : 'map[string]string(nil)';
  const me = sel?.matchExpressions?.length ? JSON.stringify(sel.matchExpressions) : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${ml}, MatchExpressions:${me}}`;
}

export const fe = {
  required(field: string, detail = ''): Cause {
    return { reason: 'FieldValueRequired', message: detail ? `Required value: ${detail}` : 'Required value', field };
  },
  invalid(field: string, value: Json, detail: string): Cause {
    return { reason: 'FieldValueInvalid', message: `Invalid value: ${goValue(value)}: ${detail}`, field };
  },
  invalidRaw(field: string, rendered: string, detail: string): Cause {
    return { reason: 'FieldValueInvalid', message: `Invalid value: ${rendered}: ${detail}`, field };
  },
  unsupported(field: string, value: Json, supported: string[]): Cause {
    return {
      reason: 'FieldValueNotSupported',
      message: `Unsupported value: ${goValue(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
      field,
    };
  },
  duplicate(field: string, value: Json): Cause {
    return { reason: 'FieldValueDuplicate', message: `Duplicate value: ${goValue(value)}`, field };
  },
  forbidden(field: string, detail: string): Cause {
    return { reason: 'FieldValueForbidden', message: `Forbidden: ${detail}`, field };
  },
  tooLong(field: string, value: Json, max: number): Cause {
    return { reason: 'FieldValueTooLong', message: `Too long: must have at most ${max} bytes`, field };
  },
  immutable(field: string, value: Json): Cause {
    return fe.invalid(field, value, 'field is immutable');
  },
  typeInvalid(field: string, value: Json, detail: string): Cause {
    return { reason: 'FieldValueTypeInvalid', message: `Invalid value: ${goValue(value)}: ${detail}`, field };
  },
};
