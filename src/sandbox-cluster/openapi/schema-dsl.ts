/**
 * A compact schema notation for the served kinds. The OpenAPI v2 document, `kubectl
 * explain`, client-side validation and strategic-merge-patch merge keys all come from it.
 */
export type Schema =
  | { t: 'string' | 'boolean' | 'number'; d?: string; format?: string; enum?: string[] }
  | { t: 'integer'; d?: string; format: 'int32' | 'int64' }
  | { t: 'ref'; ref: string; d?: string }
  | { t: 'array'; items: Schema; d?: string; mergeKey?: string; strategy?: string; listType?: 'atomic' | 'set' | 'map'; listMapKeys?: string[] }
  | { t: 'map'; values: Schema; d?: string }
  | { t: 'any'; d?: string };

export interface ObjectDef {
  d: string;
  props: Record<string, Schema>;
  required?: string[];
  gvk?: Array<{ group: string; version: string; kind: string }>;
  /** Patch strategy for the whole object when referenced (e.g. `retainKeys`). */
  strategy?: string;
  /** OpenAPI format for scalar-like definitions (Quantity, IntOrString, Time). */
  scalar?: { type: 'string'; format: string };
}

export const str = (d?: string, extra: { format?: string; enum?: string[] } = {}): Schema => ({ t: 'string', d, ...extra });
export const int = (d?: string): Schema => ({ t: 'integer', d, format: 'int32' });
export const i64 = (d?: string): Schema => ({ t: 'integer', d, format: 'int64' });
export const bool = (d?: string): Schema => ({ t: 'boolean', d });
export const num = (d?: string): Schema => ({ t: 'number', d, format: 'double' });
export const ref = (name: string, d?: string): Schema => ({ t: 'ref', ref: name, d });
export const any = (d?: string): Schema => ({ t: 'any', d });
export const map = (values: Schema, d?: string): Schema => ({ t: 'map', values, d });
export const strMap = (d?: string): Schema => map(str(), d);
export const arr = (items: Schema, d?: string, opts: { mergeKey?: string; strategy?: string; listType?: 'atomic' | 'set' | 'map'; listMapKeys?: string[] } = {}): Schema => ({
  t: 'array',
  items,
  d,
  ...opts,
});
/** A list merged by `key` in strategic merge patches (containers by name, ports by containerPort…). */
export const keyed = (items: Schema, key: string, d?: string, strategy = 'merge'): Schema =>
  arr(items, d, { mergeKey: key, strategy, listType: 'map', listMapKeys: [key] });
export const strList = (d?: string): Schema => arr(str(), d);

/** Full definition names used across files. */
export const N = {
  meta: 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
  listMeta: 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta',
  selector: 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector',
  time: 'io.k8s.apimachinery.pkg.apis.meta.v1.Time',
  microTime: 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime',
  condition: 'io.k8s.apimachinery.pkg.apis.meta.v1.Condition',
  quantity: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
  intOrString: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
  core: (k: string) => `io.k8s.api.core.v1.${k}`,
  apps: (k: string) => `io.k8s.api.apps.v1.${k}`,
  batch: (k: string) => `io.k8s.api.batch.v1.${k}`,
  net: (k: string) => `io.k8s.api.networking.v1.${k}`,
  rbac: (k: string) => `io.k8s.api.rbac.v1.${k}`,
  as1: (k: string) => `io.k8s.api.autoscaling.v1.${k}`,
  as2: (k: string) => `io.k8s.api.autoscaling.v2.${k}`,
  disc: (k: string) => `io.k8s.api.discovery.v1.${k}`,
  authz: (k: string) => `io.k8s.api.authorization.v1.${k}`,
  authn: (k: string) => `io.k8s.api.authentication.v1.${k}`,
};

export const qty = (d?: string): Schema => ref(N.quantity, d);
export const qtyMap = (d?: string): Schema => map(ref(N.quantity), d);
export const time = (d?: string): Schema => ref(N.time, d);
export const intstr = (d?: string): Schema => ref(N.intOrString, d);
export const meta = (): Schema => ref(N.meta, "Standard object's metadata.");

/** apiVersion/kind/metadata/spec/status, the shape of every top-level kind. */
export function topLevel(
  group: string,
  version: string,
  kind: string,
  d: string,
  props: Record<string, Schema>,
): ObjectDef {
  return {
    d,
    props: {
      apiVersion: str('APIVersion defines the versioned schema of this representation of an object.'),
      kind: str('Kind is a string value representing the REST resource this object represents.'),
      metadata: meta(),
      ...props,
    },
    gvk: [{ group, version, kind }],
  };
}

/** The `<Kind>List` definition for a top-level kind. */
export function listOf(group: string, version: string, kind: string, itemRef: string): ObjectDef {
  return {
    d: `${kind}List is a list of ${kind} objects.`,
    props: {
      apiVersion: str('APIVersion defines the versioned schema of this representation of an object.'),
      items: arr(ref(itemRef), `List of ${kind} objects.`),
      kind: str('Kind is a string value representing the REST resource this object represents.'),
      metadata: ref(N.listMeta, "Standard list metadata."),
    },
    required: ['items'],
    gvk: [{ group, version, kind: `${kind}List` }],
  };
}
