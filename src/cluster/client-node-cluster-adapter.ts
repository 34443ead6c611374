import { KubeConfig } from '@kubernetes/client-node';
import {
  ClusterAdapter,
  type CandidateAccess,
  type CandidateAccessOptions,
  type ClusterObject,
  type ClusterVersion,
  type EventsQuery,
  type LabNamespaceOptions,
  type LabQuota,
  type LabLimitRange,
  type ListQuery,
  type ObjectRef,
} from './cluster-adapter.js';
import { ClusterForbiddenError, ClusterNotFoundError, ClusterRequestError } from './cluster-errors.js';
import { candidateAccessManifests, candidateKubeconfig } from './candidate-access.js';
import { Discovery } from './discovery.js';
import { HttpTransport } from './http-transport.js';

export interface ClientNodeClusterAdapterOptions {
  /** Per attempt (reads get one retry), default 5000. */
  timeoutMs?: number;
  /** Owner of the fields we apply (server-side apply). */
  fieldManager?: string;
}

export const LAB_QUOTA_NAME = 'lab-quota';
export const LAB_LIMITS_NAME = 'lab-defaults';

/** The ClusterAdapter for any API server reachable through a kubeconfig (the sandbox or a real cluster). */
export class ClientNodeClusterAdapter extends ClusterAdapter {
  readonly kubeConfig: KubeConfig;
  private readonly http: HttpTransport;
  private readonly discovery: Discovery;
  private readonly fieldManager: string;

  constructor(kubeconfigYaml: string, opts: ClientNodeClusterAdapterOptions = {}) {
    super();
    this.kubeConfig = new KubeConfig();
    this.kubeConfig.loadFromString(kubeconfigYaml);
    this.http = new HttpTransport(this.kubeConfig, { timeoutMs: opts.timeoutMs ?? 5000 });
    this.discovery = new Discovery(this.http);
    this.fieldManager = opts.fieldManager ?? 'kubequiz';
  }

  /** Releases pooled connections (tests, shutdown). */
  close(): void {
    this.http.close();
  }

  async createLabNamespace(name: string, opts: LabNamespaceOptions = {}): Promise<void> {
    const manifests: object[] = [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: opts.labels ?? {} } }];
    const limits = opts.limitRange ?? (opts.quota?.cpu || opts.quota?.memory ? {} : undefined);
    // A LimitRange first: a quota on cpu/memory rejects pods without requests and limits, and
    // learners' manifests rarely set them.
    if (limits) manifests.push(limitRangeManifest(name, limits));
    if (opts.quota) manifests.push(quotaManifest(name, opts.quota));
    await this.apply(name, manifests);
  }

  async createCandidateAccess(namespace: string, opts: CandidateAccessOptions): Promise<CandidateAccess> {
    await this.apply(namespace, candidateAccessManifests(namespace, opts.serviceAccount));
    const review = await this.http.send<{ status?: { token?: string; expirationTimestamp?: string } }>(
      `/api/v1/namespaces/${encodeURIComponent(namespace)}/serviceaccounts/${encodeURIComponent(opts.serviceAccount)}/token`,
      { method: 'POST', body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: opts.expirationSeconds } } },
    );
    const token = review.status?.token;
    if (!token) throw new ClusterRequestError('TokenRequest returned no token');
    const expiresAt = review.status?.expirationTimestamp ? new Date(review.status.expirationTimestamp) : new Date(Date.now() + opts.expirationSeconds * 1000);
    return { token, expiresAt, kubeconfig: candidateKubeconfig(this.kubeConfig, this.http.serverUrl, namespace, opts.serviceAccount, token) };
  }

  async apply(namespace: string, manifests: object[]): Promise<ClusterObject[]> {
    const out: ClusterObject[] = [];
    // In order: a Service may need its ConfigMap, a RoleBinding its Role.
    for (const m of manifests) {
      const obj = m as ClusterObject;
      const name = obj.metadata?.name;
      if (!obj.apiVersion || !obj.kind || !name) throw new ClusterRequestError('each manifest needs apiVersion, kind and metadata.name');
      const resolved = await this.discovery.resolve(obj.apiVersion, obj.kind);
      const body = resolved.namespaced ? { ...obj, metadata: { ...obj.metadata, namespace } } : obj;
      const path = await this.discovery.path(obj.apiVersion, obj.kind, namespace, name);
      try {
        out.push(
          await this.http.send<ClusterObject>(path, {
            method: 'PATCH',
            // JSON is YAML: the apply content type takes it as is.
            contentType: 'application/apply-patch+yaml',
            query: { fieldManager: this.fieldManager, force: 'true' },
            body,
          }),
        );
      } catch (e) {
        // Apply is a PATCH, so an identity allowed to create but not to patch a kind (candidates
        // and ResourceQuotas) is refused even for a new object: create it as kubectl create would.
        if (!(e instanceof ClusterForbiddenError)) throw e;
        out.push(await this.createInstead(obj, body, e));
      }
    }
    return out;
  }

  private async createInstead(obj: ClusterObject, body: object, refusal: ClusterForbiddenError): Promise<ClusterObject> {
    const collection = await this.discovery.path(obj.apiVersion!, obj.kind!, (body as ClusterObject).metadata?.namespace ?? '');
    try {
      return await this.http.send<ClusterObject>(collection, { method: 'POST', query: { fieldManager: this.fieldManager }, body });
    } catch (e) {
      // Already there, or creating is refused too: the original refusal explains it best.
      if (e instanceof ClusterForbiddenError || e instanceof ClusterRequestError) throw refusal;
      throw e;
    }
  }

  async get(namespace: string, ref: ObjectRef): Promise<ClusterObject | null> {
    try {
      const path = await this.discovery.path(ref.apiVersion, ref.kind, namespace, ref.name);
      return await this.http.send<ClusterObject>(path, { idempotent: true });
    } catch (e) {
      if (e instanceof ClusterNotFoundError) return null;
      throw e;
    }
  }

  async list(namespace: string, q: ListQuery): Promise<ClusterObject[]> {
    const path = await this.discovery.path(q.apiVersion, q.kind, namespace);
    const items: ClusterObject[] = [];
    let cont: string | undefined;
    // Paged so a large namespace cannot make one response huge.
    do {
      const page = await this.http.send<{ items?: ClusterObject[]; metadata?: { continue?: string } }>(path, {
        idempotent: true,
        query: { labelSelector: q.labelSelector || undefined, fieldSelector: q.fieldSelector || undefined, limit: '500', continue: cont },
      });
      for (const item of page.items ?? []) items.push({ apiVersion: q.apiVersion, kind: q.kind, ...item });
      cont = page.metadata?.continue || undefined;
    } while (cont);
    return items;
  }

  async podLogs(namespace: string, pod: string, container?: string): Promise<string> {
    return this.http.send<string>(`/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log`, {
      idempotent: true,
      text: true,
      query: { container, tailLines: '1000' },
    });
  }

  async events(namespace: string, q: EventsQuery = {}): Promise<ClusterObject[]> {
    const items = await this.list(namespace, {
      apiVersion: 'v1',
      kind: 'Event',
      fieldSelector: q.involvedName ? `involvedObject.name=${q.involvedName}` : undefined,
    });
    const at = (e: ClusterObject): string => String(e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? '');
    return items.sort((a, b) => at(a).localeCompare(at(b)));
  }

  async deleteNamespace(name: string): Promise<void> {
    try {
      await this.http.send(`/api/v1/namespaces/${encodeURIComponent(name)}`, { method: 'DELETE', query: { propagationPolicy: 'Background' } });
    } catch (e) {
      if (!(e instanceof ClusterNotFoundError)) throw e;
    }
  }

  async ping(): Promise<ClusterVersion> {
    const v = await this.http.send<{ gitVersion?: string }>('/version', { idempotent: true });
    return { gitVersion: v?.gitVersion ?? 'unknown' };
  }
}

function quotaManifest(namespace: string, q: LabQuota): object {
  const hard: Record<string, string> = { ...q.hard };
  if (q.pods !== undefined) hard.pods = String(q.pods);
  if (q.services !== undefined) hard.services = String(q.services);
  if (q.persistentVolumeClaims !== undefined) hard.persistentvolumeclaims = String(q.persistentVolumeClaims);
  if (q.storage) hard['requests.storage'] = q.storage;
  if (q.cpu) Object.assign(hard, { 'requests.cpu': q.cpu, 'limits.cpu': q.cpu });
  if (q.memory) Object.assign(hard, { 'requests.memory': q.memory, 'limits.memory': q.memory });
  return { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: LAB_QUOTA_NAME, namespace }, spec: { hard } };
}

function limitRangeManifest(namespace: string, l: LabLimitRange): object {
  return {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: LAB_LIMITS_NAME, namespace },
    spec: {
      limits: [
        {
          type: 'Container',
          default: { cpu: l.defaultCpu ?? '200m', memory: l.defaultMemory ?? '128Mi' },
          defaultRequest: { cpu: l.defaultRequestCpu ?? '50m', memory: l.defaultRequestMemory ?? '32Mi' },
        },
      ],
    },
  };
}
