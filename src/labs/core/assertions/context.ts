import type { ClusterObject, ClusterReader, ListQuery, ObjectRef } from '../../../cluster/cluster-adapter.js';
import type { CheckTarget, Localized } from '../task-types.js';

export interface Verdict {
  passed: boolean;
  message: Localized;
}

export interface EvalContext {
  namespace: string;
  target: CheckTarget;
  /** The target's objects: the named one (or none), or all matching the selector, by name. */
  objects: ClusterObject[];
  reader: ClusterReader;
}

/** `Deployment/web` or `Pods (app=web)` for messages. */
export function describeTarget(t: CheckTarget): string {
  if (t.name) return `${t.kind}/${t.name}`;
  return t.labelSelector ? `${t.kind} (${t.labelSelector})` : t.kind;
}

/** One validation reads each object once: checks on the same target share the answer. */
export function memoReader(reader: ClusterReader): ClusterReader {
  const cache = new Map<string, Promise<unknown>>();
  const memo = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    let p = cache.get(key) as Promise<T> | undefined;
    if (!p) {
      p = load();
      cache.set(key, p);
    }
    return p;
  };
  return {
    get: (ns: string, ref: ObjectRef) => memo(`g|${ns}|${ref.apiVersion}|${ref.kind}|${ref.name}`, () => reader.get(ns, ref)),
    list: (ns: string, q: ListQuery) => memo(`l|${ns}|${q.apiVersion}|${q.kind}|${q.labelSelector ?? ''}|${q.fieldSelector ?? ''}`, () => reader.list(ns, q)),
  };
}

export async function resolveTarget(reader: ClusterReader, namespace: string, t: CheckTarget): Promise<ClusterObject[]> {
  if (t.name) {
    const o = await reader.get(namespace, { apiVersion: t.apiVersion, kind: t.kind, name: t.name });
    return o ? [o] : [];
  }
  const items = await reader.list(namespace, { apiVersion: t.apiVersion, kind: t.kind, labelSelector: t.labelSelector });
  return [...items].sort((a, b) => String(a.metadata?.name).localeCompare(String(b.metadata?.name)));
}

/** matchLabels as a selector string (matchExpressions with In/NotIn/Exists/DoesNotExist too). */
export function selectorString(sel: { matchLabels?: Record<string, string>; matchExpressions?: Array<{ key: string; operator: string; values?: string[] }> } | undefined): string | null {
  if (!sel) return null;
  const parts = Object.entries(sel.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of sel.matchExpressions ?? []) {
    if (e.operator === 'In') parts.push(`${e.key} in (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.length ? parts.join(',') : null;
}

export function isPodReady(p: ClusterObject): boolean {
  if (p.metadata?.deletionTimestamp) return false;
  const conds = (p.status?.conditions ?? []) as Array<{ type?: string; status?: string }>;
  return p.status?.phase === 'Running' && conds.some((c) => c.type === 'Ready' && c.status === 'True');
}

/** Pods of the target: the target itself when it is pods, else those its selector picks. */
export async function podsOf(ctx: EvalContext): Promise<ClusterObject[] | null> {
  if (ctx.target.kind === 'Pod') return ctx.objects;
  const owner = ctx.objects[0];
  if (!owner) return null;
  const sel = ctx.target.kind === 'Service' ? selectorString({ matchLabels: owner.spec?.selector }) : selectorString(owner.spec?.selector);
  if (!sel) return [];
  const pods = await ctx.reader.list(ctx.namespace, { apiVersion: 'v1', kind: 'Pod', labelSelector: sel });
  return pods.filter((p) => !p.metadata?.deletionTimestamp);
}
