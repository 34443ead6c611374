import { ClusterNotFoundError } from './cluster-errors.js';
import type { HttpTransport } from './http-transport.js';

export interface ResolvedResource {
  plural: string;
  namespaced: boolean;
}

interface ApiResourceList {
  resources: Array<{ name: string; kind: string; namespaced: boolean }>;
}

/**
 * apiVersion + kind → URL segment, from the server's discovery documents (so any kind the
 * cluster serves works, CRDs included). One document per group-version, cached; a miss
 * refetches once in case the kind was installed since.
 */
export class Discovery {
  private readonly cache = new Map<string, Promise<ApiResourceList>>();

  constructor(private readonly http: HttpTransport) {}

  async resolve(apiVersion: string, kind: string): Promise<ResolvedResource> {
    let found = (await this.document(apiVersion)).resources.find((r) => r.kind === kind && !r.name.includes('/'));
    if (!found) {
      this.cache.delete(apiVersion);
      found = (await this.document(apiVersion)).resources.find((r) => r.kind === kind && !r.name.includes('/'));
    }
    if (!found) throw new ClusterNotFoundError(`the server does not serve ${kind} in ${apiVersion}`);
    return { plural: found.name, namespaced: found.namespaced };
  }

  async path(apiVersion: string, kind: string, namespace: string, name?: string): Promise<string> {
    const r = await this.resolve(apiVersion, kind);
    const root = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    const ns = r.namespaced ? `/namespaces/${encodeURIComponent(namespace)}` : '';
    return `${root}${ns}/${r.plural}${name === undefined ? '' : `/${encodeURIComponent(name)}`}`;
  }

  private document(apiVersion: string): Promise<ApiResourceList> {
    let doc = this.cache.get(apiVersion);
    if (!doc) {
      const root = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
      doc = this.http.send<ApiResourceList>(root, { idempotent: true }).catch((e: unknown) => {
        this.cache.delete(apiVersion);
        // A group the server does not serve is a missing kind, not a missing object.
        if (e instanceof ClusterNotFoundError) return { resources: [] };
        throw e;
      });
      this.cache.set(apiVersion, doc);
    }
    return doc;
  }
}
