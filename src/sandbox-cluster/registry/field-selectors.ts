import { getPath } from '../core/json.js';
import type { KubeObject } from '../core/types.js';

type FieldFn = (obj: Readonly<KubeObject>) => string | undefined;

/** Field selectors every resource supports, plus the kind's own dotted paths. */
export function fieldSelectors(...paths: string[]): Record<string, FieldFn> {
  const out: Record<string, FieldFn> = {
    'metadata.name': (o) => o.metadata.name,
    'metadata.namespace': (o) => o.metadata.namespace,
  };
  for (const p of paths) {
    out[p] = (o) => {
      const v = getPath(o, p);
      return v === undefined || v === null ? '' : String(v);
    };
  }
  return out;
}
