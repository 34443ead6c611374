import type { Json } from '../core/types.js';
import type { ResourceDef } from '../registry/resource-def.js';
import type { ResourceRegistry } from '../registry/resource-registry.js';

export const SERVER_VERSION = {
  major: '1',
  minor: '28',
  gitVersion: 'v1.28.0+sandbox',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2024-01-01T00:00:00Z',
  goVersion: 'go1.21.0',
  compiler: 'gc',
  platform: 'linux/amd64',
};

function resourceEntries(def: ResourceDef): Json[] {
  const main: Json = {
    name: def.plural,
    singularName: def.singular,
    namespaced: def.namespaced,
    kind: def.kind,
    verbs: def.verbs,
  };
  if (def.shortNames?.length) main.shortNames = def.shortNames;
  if (def.categories?.length) main.categories = def.categories;
  const subs = def.subresources.map((s) => {
    const e: Json = { name: `${def.plural}/${s.name}`, singularName: '', namespaced: def.namespaced };
    if (s.group !== undefined) e.group = s.group;
    if (s.version !== undefined) e.version = s.version;
    e.kind = s.kind;
    e.verbs = s.verbs;
    return e;
  });
  return [main, ...subs];
}

export function apiResourceList(registry: ResourceRegistry, group: string, version: string): Json | undefined {
  const defs = registry.resourcesIn(group, version);
  if (!defs.length) return undefined;
  const resources = [...defs].sort((a, b) => (a.plural < b.plural ? -1 : 1)).flatMap(resourceEntries);
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

export function apiVersions(serverAddress: string): Json {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

function groupEntry(registry: ResourceRegistry, name: string): Json | undefined {
  const g = registry.groups().find((x) => x.name === name);
  if (!g) return undefined;
  return {
    name: g.name,
    versions: g.versions.map((v) => ({ groupVersion: `${g.name}/${v}`, version: v })),
    preferredVersion: { groupVersion: `${g.name}/${g.preferredVersion}`, version: g.preferredVersion },
  };
}

export function apiGroupList(registry: ResourceRegistry): Json {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: registry.groups().map((g) => groupEntry(registry, g.name)) };
}

export function apiGroup(registry: ResourceRegistry, name: string): Json | undefined {
  const g = groupEntry(registry, name);
  return g ? { kind: 'APIGroup', apiVersion: 'v1', ...g } : undefined;
}
