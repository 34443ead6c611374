import { errors } from '../core/errors.js';
import type { KubeObject } from '../core/types.js';
import { fieldSelectors } from '../registry/field-selectors.js';
import { resourceKeyOf, type ResourceDef } from '../registry/resource-def.js';
import { matchesFields, parseFieldSelector, type FieldRequirement } from '../selectors/field-selector.js';
import { matchesLabels, parseLabelSelector, type LabelSelector } from '../selectors/label-selector.js';
import type { ObjectStore } from '../store/object-store.js';
import type { ListOptions } from './request-options.js';

export interface ListResult {
  items: Readonly<KubeObject>[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface ObjectFilter {
  labels: LabelSelector;
  fields: FieldRequirement[];
  matches(obj: Readonly<KubeObject>): boolean;
}

/** Parses both selectors once; unknown field labels are refused as the server does. */
export function compileFilter(def: ResourceDef, labelSelector?: string, fieldSelector?: string): ObjectFilter {
  const labels = parseLabelSelector(labelSelector);
  const fields = parseFieldSelector(fieldSelector);
  const fns = def.fieldSelectors ?? fieldSelectors();
  for (const f of fields) if (!fns[f.field]) throw errors.badRequest(`field label not supported: ${f.field}`);
  return {
    labels,
    fields,
    matches: (obj) => matchesLabels(labels, obj.metadata.labels) && matchesFields(fields, (f) => fns[f]!(obj)),
  };
}

function encodeContinue(rv: string, start: string): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: Number(rv), start })).toString('base64');
}

function decodeContinue(token: string): { start: string } {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (typeof parsed.start !== 'string') throw new Error('no start');
    return { start: parsed.start };
  } catch {
    throw errors.badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
}

const keyOf = (o: Readonly<KubeObject>) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

export function listObjects(store: ObjectStore, def: ResourceDef, namespace: string | undefined, opts: ListOptions): ListResult {
  const filter = compileFilter(def, opts.labelSelector, opts.fieldSelector);
  const all = store.list(resourceKeyOf(def), namespace);
  const filtering = filter.labels.length > 0 || filter.fields.length > 0;
  let candidates = all;
  if (opts.continue) {
    const { start } = decodeContinue(opts.continue);
    candidates = all.filter((o) => keyOf(o) > start);
  }
  const rv = String(store.currentResourceVersion());
  const limit = opts.limit && opts.limit > 0 ? opts.limit : undefined;
  const items: Readonly<KubeObject>[] = [];
  let i = 0;
  for (; i < candidates.length; i++) {
    const o = candidates[i]!;
    if (filtering && !filter.matches(o)) continue;
    if (limit !== undefined && items.length === limit) break;
    items.push(o);
  }
  const hasMore = limit !== undefined && candidates.slice(i).some((o) => !filtering || filter.matches(o));
  const result: ListResult = { items, resourceVersion: rv };
  if (hasMore) {
    result.continue = encodeContinue(rv, keyOf(items[items.length - 1]!));
    if (!filtering) result.remainingItemCount = candidates.length - i;
  }
  return result;
}
