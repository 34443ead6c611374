import { formatQuantity, parseQuantity, quantityValue, type QuantityFormat } from '../core/quantity.js';
import type { Json, KubeObject } from '../core/types.js';
import type { ResourceRegistry } from '../registry/resource-registry.js';
import type { ObjectStore } from '../store/object-store.js';

/** Object-count names the quota system accepts without the `count/` prefix. */
const LEGACY_COUNTS: Record<string, string> = {
  pods: '/pods',
  services: '/services',
  configmaps: '/configmaps',
  secrets: '/secrets',
  persistentvolumeclaims: '/persistentvolumeclaims',
  replicationcontrollers: '/replicationcontrollers',
  resourcequotas: '/resourcequotas',
};

const COMPUTE = ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory', 'cpu', 'memory', 'requests.ephemeral-storage', 'limits.ephemeral-storage'];

function podActive(pod: Readonly<KubeObject>): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

/** Effective pod requests/limits: sum of containers, at least the largest init container. */
function podResource(pod: Readonly<KubeObject>, kind: 'requests' | 'limits', resource: string): number {
  const sum = ((pod.spec?.containers ?? []) as Json[]).reduce((n, c) => n + quantityValue(c.resources?.[kind]?.[resource]), 0);
  const init = ((pod.spec?.initContainers ?? []) as Json[]).reduce((n, c) => Math.max(n, quantityValue(c.resources?.[kind]?.[resource])), 0);
  return Math.max(sum, init);
}

function computeKey(key: string): { kind: 'requests' | 'limits'; resource: string } | undefined {
  if (key === 'cpu' || key === 'memory') return { kind: 'requests', resource: key };
  const m = /^(requests|limits)\.(.+)$/.exec(key);
  if (!m || m[2] === 'storage') return undefined;
  return { kind: m[1] as 'requests' | 'limits', resource: m[2]! };
}

/** The resourceKey counted by a `count/<resource>[.<group>]` or legacy quota name. */
export function countedResourceKey(key: string): string | undefined {
  if (LEGACY_COUNTS[key]) return LEGACY_COUNTS[key];
  const m = /^count\/([^.]+)(?:\.(.+))?$/.exec(key);
  if (!m) return undefined;
  return `${m[2] ?? ''}/${m[1]}`;
}

/** How much of quota resource `key` one object uses (0 when it is not counted). */
export function objectUsage(key: string, resourceKey: string, obj: Readonly<KubeObject>): number {
  if (resourceKey === '/pods' && !podActive(obj)) return 0;
  if (countedResourceKey(key) === resourceKey) return 1;
  if (resourceKey === '/pods') {
    const ck = computeKey(key);
    return ck ? podResource(obj, ck.kind, ck.resource) : 0;
  }
  if (resourceKey === '/services') {
    if (key === 'services.nodeports') return obj.spec?.type === 'NodePort' || obj.spec?.type === 'LoadBalancer' ? (obj.spec?.ports ?? []).length : 0;
    if (key === 'services.loadbalancers') return obj.spec?.type === 'LoadBalancer' ? 1 : 0;
  }
  if (resourceKey === '/persistentvolumeclaims' && key === 'requests.storage') return quantityValue(obj.spec?.resources?.requests?.storage);
  return 0;
}

/** Resource keys whose objects can change a quota's usage, for a hard-limit name. */
export function trackedResourceKeys(key: string): string[] {
  const counted = countedResourceKey(key);
  if (counted) return [counted];
  if (computeKey(key)) return ['/pods'];
  if (key.startsWith('services.')) return ['/services'];
  if (key === 'requests.storage') return ['/persistentvolumeclaims'];
  return [];
}

export function isComputeKey(key: string): boolean {
  return COMPUTE.includes(key);
}

export function namespaceUsage(store: ObjectStore, namespace: string, key: string): number {
  let total = 0;
  for (const rk of trackedResourceKeys(key)) for (const o of store.list(rk, namespace)) total += objectUsage(key, rk, o);
  return total;
}

export function formatUsage(key: string, value: number, hard: string | undefined): string {
  const format: QuantityFormat = parseQuantity(hard)?.format ?? 'DecimalSI';
  return formatQuantity(value, key.includes('memory') || key.includes('storage') ? format : 'DecimalSI');
}

export function registryHasResource(registry: ResourceRegistry, resourceKey: string): boolean {
  return registry.storedResources().some((d) => `${d.group}/${d.plural}` === resourceKey);
}
