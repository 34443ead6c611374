import type { Cause, Json } from '../core/types.js';
import { fe } from './field-errors.js';
import { dns1035Label, dns1123Label, dns1123Subdomain, labelValue, pathSegmentName, qualifiedName } from './names.js';

export type NameRule = 'subdomain' | 'label' | 'label1035' | 'path';

const RULES: Record<NameRule, (v: string) => string[]> = {
  subdomain: dns1123Subdomain,
  label: dns1123Label,
  label1035: dns1035Label,
  path: pathSegmentName,
};

const TOTAL_ANNOTATION_BYTES = 256 * 1024;

export function validateLabels(labels: Json, field: string): Cause[] {
  const out: Cause[] = [];
  if (labels === undefined || labels === null) return out;
  for (const [k, v] of Object.entries(labels as Record<string, Json>)) {
    for (const m of qualifiedName(k)) out.push(fe.invalid(field, k, m));
    if (typeof v !== 'string') out.push(fe.invalid(field, v, 'must be a string'));
    else for (const m of labelValue(v)) out.push(fe.invalid(field, v, m));
  }
  return out;
}

export function validateAnnotations(annotations: Json, field: string): Cause[] {
  const out: Cause[] = [];
  if (!annotations) return out;
  let total = 0;
  for (const [k, v] of Object.entries(annotations as Record<string, Json>)) {
    for (const m of qualifiedName(k.toLowerCase())) out.push(fe.invalid(field, k, m));
    total += k.length + String(v).length;
  }
  if (total > TOTAL_ANNOTATION_BYTES) out.push(fe.tooLong(field, '', TOTAL_ANNOTATION_BYTES));
  return out;
}

/** ObjectMeta checks shared by every kind: name rule, labels, annotations, finalizers. */
export function validateObjectMeta(meta: Json, rule: NameRule, namespaced: boolean): Cause[] {
  const out: Cause[] = [];
  const name: string | undefined = meta?.name;
  if (!name) {
    out.push(fe.required('metadata.name', 'name or generateName is required'));
  } else {
    for (const m of RULES[rule](name)) out.push(fe.invalid('metadata.name', name, m));
  }
  if (namespaced && !meta?.namespace) out.push(fe.required('metadata.namespace'));
  if (!namespaced && meta?.namespace) out.push(fe.forbidden('metadata.namespace', 'not allowed on this type'));
  out.push(...validateLabels(meta?.labels, 'metadata.labels'));
  out.push(...validateAnnotations(meta?.annotations, 'metadata.annotations'));
  (meta?.finalizers ?? []).forEach((f: Json, i: number) => {
    for (const m of qualifiedName(String(f))) out.push(fe.invalid(`metadata.finalizers[${i}]`, f, m));
  });
  return out;
}
