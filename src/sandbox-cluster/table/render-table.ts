import type { Json, KubeObject } from '../core/types.js';
import type { ResourceDef } from '../registry/resource-def.js';
import { DEFAULT_TABLE } from './table-def.js';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export function partialMetadata(obj: Readonly<KubeObject>, version = 'v1'): Json {
  return { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${version}`, metadata: obj.metadata };
}

/** A meta.k8s.io Table of objects, with the kind's printer columns. */
export function renderTable(
  def: ResourceDef,
  items: Readonly<KubeObject>[],
  now: Date,
  opts: { version?: string; include?: IncludeObject; resourceVersion?: string; continue?: string; remainingItemCount?: number } = {},
): Json {
  const table = def.table ?? DEFAULT_TABLE;
  const version = opts.version ?? 'v1';
  const include = opts.include ?? 'Metadata';
  const metadata: Json = {};
  if (opts.resourceVersion) metadata.resourceVersion = opts.resourceVersion;
  if (opts.continue) metadata.continue = opts.continue;
  if (opts.remainingItemCount !== undefined) metadata.remainingItemCount = opts.remainingItemCount;
  return {
    kind: 'Table',
    apiVersion: `meta.k8s.io/${version}`,
    metadata,
    columnDefinitions: table.columns,
    rows: items.map((o) => {
      const row: Json = { cells: table.row(o, now) };
      if (include === 'Metadata') row.object = partialMetadata(o, version);
      else if (include === 'Object') row.object = o;
      return row;
    }),
  };
}
