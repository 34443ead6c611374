import type { Cause, Json, KubeObject } from '../core/types.js';
import type { TableDef } from '../table/table-def.js';

export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
export const CLUSTER_NS_VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

export interface SubresourceDef {
  name: string;
  /** Kind reported by discovery for the subresource (Scale, TokenRequest, Pod…). */
  kind: string;
  group?: string;
  version?: string;
  verbs: string[];
}

export interface ScaleDef {
  /** The label selector for `status.selector`, as a string. */
  selector(obj: Readonly<KubeObject>): string;
  statusReplicas(obj: Readonly<KubeObject>): number;
}

export interface ValidationContext {
  /** The object before the change, for updates. */
  old?: Readonly<KubeObject>;
}

/**
 * One served resource at one version. Versions of the same resource share
 * `storageKey`; non-storage versions convert with `toStorage`/`fromStorage`.
 */
export interface ResourceDef {
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  verbs: string[];
  subresources: SubresourceDef[];
  /** OpenAPI definition name, e.g. `io.k8s.api.apps.v1.Deployment`. */
  definition: string;
  /** `metadata.name` rule: DNS-1123 subdomain (most kinds), label (namespaces, services) or path segment (RBAC). */
  nameRule: 'subdomain' | 'label' | 'label1035' | 'path';
  /** Kinds without a status subresource keep status writable through the main resource. */
  hasStatus: boolean;
  /** Kinds with a spec get `metadata.generation` bumped on spec changes. */
  hasGeneration: boolean;
  /** Not stored: create answers a computed object (reviews, token requests). */
  virtual?: boolean;
  fieldSelectors?: Record<string, (obj: Readonly<KubeObject>) => string | undefined>;
  defaults?(obj: KubeObject): void;
  validate?(obj: Readonly<KubeObject>, ctx: ValidationContext): Cause[];
  /** Called on create after defaulting (status reset, initial phase…). */
  prepareCreate?(obj: KubeObject): void;
  /** Called on create after mutating admission (values derived from defaulted resources). */
  afterMutation?(obj: KubeObject): void;
  /** Fields listed here may not change on update; message per field. */
  immutable?(obj: Readonly<KubeObject>, old: Readonly<KubeObject>): Cause[];
  scale?: ScaleDef;
  table?: TableDef;
  toStorage?(obj: Json): Json;
  fromStorage?(obj: Json): Json;
}

export function resourceKeyOf(def: Pick<ResourceDef, 'group' | 'plural'>): string {
  return `${def.group}/${def.plural}`;
}

export function apiVersionOf(def: Pick<ResourceDef, 'group' | 'version'>): string {
  return def.group ? `${def.group}/${def.version}` : def.version;
}
