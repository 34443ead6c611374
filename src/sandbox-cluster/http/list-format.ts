import type { ListResult } from '../api/list.js';
import type { Json, KubeObject } from '../core/types.js';
import { apiVersionOf, type ResourceDef } from '../registry/resource-def.js';
import { partialMetadata, renderTable } from '../table/render-table.js';
import type { Representation } from './body.js';

/** List items omit apiVersion/kind, as the real server serialises typed lists. */
function bare(obj: Readonly<KubeObject>): Json {
  const { apiVersion: _a, kind: _k, ...rest } = obj;
  return rest;
}

export function formatList(def: ResourceDef, result: ListResult, rep: Representation, now: Date, includeObject?: string): Json {
  if (rep.kind === 'table') {
    return renderTable(def, result.items, now, {
      version: rep.version,
      include: (includeObject as 'None' | 'Metadata' | 'Object') || 'Metadata',
      resourceVersion: result.resourceVersion,
      continue: result.continue,
      remainingItemCount: result.remainingItemCount,
    });
  }
  const metadata: Json = { resourceVersion: result.resourceVersion };
  if (result.continue) metadata.continue = result.continue;
  if (result.remainingItemCount !== undefined) metadata.remainingItemCount = result.remainingItemCount;
  if (rep.kind === 'partial') {
    return {
      kind: 'PartialObjectMetadataList',
      apiVersion: `meta.k8s.io/${rep.version}`,
      metadata,
      items: result.items.map((o) => partialMetadata(o, rep.version)),
    };
  }
  return { kind: `${def.kind}List`, apiVersion: apiVersionOf(def), metadata, items: result.items.map(bare) };
}

export function formatObject(def: ResourceDef, obj: Readonly<KubeObject>, rep: Representation, now: Date, includeObject?: string): Json {
  if (rep.kind === 'table') {
    return renderTable(def, [obj], now, { version: rep.version, include: (includeObject as 'None' | 'Metadata' | 'Object') || 'Metadata' });
  }
  if (rep.kind === 'partial') return partialMetadata(obj, rep.version);
  return obj;
}
