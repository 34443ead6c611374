import { coreKinds } from './kinds-core.js';
import { otherKinds } from './kinds-other.js';
import { policyKinds } from './kinds-policy.js';
import { storageKinds } from './kinds-storage.js';
import { workloadKinds } from './kinds-workloads.js';
import { resourceKeyOf, type ResourceDef } from './resource-def.js';

export interface GroupInfo {
  name: string;
  versions: string[];
  preferredVersion: string;
}

/** Served groups, in the order discovery lists them; the first version is preferred and stored. */
const GROUP_ORDER: Array<[string, string[]]> = [
  ['apps', ['v1']],
  ['authentication.k8s.io', ['v1']],
  ['authorization.k8s.io', ['v1']],
  ['autoscaling', ['v2', 'v1']],
  ['batch', ['v1', 'v1beta1']],
  ['networking.k8s.io', ['v1']],
  ['policy', ['v1', 'v1beta1']],
  ['rbac.authorization.k8s.io', ['v1']],
  ['discovery.k8s.io', ['v1']],
  ['storage.k8s.io', ['v1']],
];

export class ResourceRegistry {
  private readonly byGvr = new Map<string, ResourceDef>();
  private readonly byGroupVersion = new Map<string, ResourceDef[]>();
  private readonly storage = new Map<string, ResourceDef>();
  private readonly byKind = new Map<string, ResourceDef>();

  constructor(readonly defs: ResourceDef[] = [...coreKinds, ...workloadKinds, ...otherKinds, ...policyKinds, ...storageKinds]) {
    for (const d of defs) {
      this.byGvr.set(`${d.group}/${d.version}/${d.plural}`, d);
      const gv = `${d.group}/${d.version}`;
      if (!this.byGroupVersion.has(gv)) this.byGroupVersion.set(gv, []);
      this.byGroupVersion.get(gv)!.push(d);
      const key = resourceKeyOf(d);
      if (!d.toStorage && !this.storage.has(key)) this.storage.set(key, d);
      const kindKey = `${d.group}/${d.kind}`;
      if (!this.byKind.has(kindKey) || this.preferredVersion(d.group) === d.version) this.byKind.set(kindKey, d);
    }
  }

  get(group: string, version: string, plural: string): ResourceDef | undefined {
    return this.byGvr.get(`${group}/${version}/${plural}`);
  }

  /** The preferred-version definition of a kind (`apps`, `Deployment`). */
  forKind(group: string, kind: string): ResourceDef | undefined {
    return this.byKind.get(`${group}/${kind}`);
  }

  /** The version a resource is stored in. */
  storageOf(def: Pick<ResourceDef, 'group' | 'plural'>): ResourceDef {
    return this.storage.get(resourceKeyOf(def))!;
  }

  resourcesIn(group: string, version: string): ResourceDef[] {
    return this.byGroupVersion.get(`${group}/${version}`) ?? [];
  }

  groups(): GroupInfo[] {
    return GROUP_ORDER.map(([name, versions]) => ({ name, versions, preferredVersion: versions[0]! }));
  }

  preferredVersion(group: string): string {
    if (group === '') return 'v1';
    return GROUP_ORDER.find(([g]) => g === group)?.[1][0] ?? 'v1';
  }

  /** Stored resources (one entry per resourceKey), for namespace cleanup and quota counting. */
  storedResources(): ResourceDef[] {
    return [...this.storage.values()].filter((d) => !d.virtual);
  }
}
