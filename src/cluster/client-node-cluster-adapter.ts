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
import { ClusterForbiddenError, ClusterNotFoundError, ClusterRequestError, ClusterScopeError } from './cluster-errors.js';
import { candidateAccessManifests, candidateKubeconfig, LAB_SETUP_IDENTITY, labSetupRoleRules, namespaceIdentityManifests } from './candidate-access.js';
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
  private readonly timeoutMs: number;

  constructor(kubeconfigYaml: string, opts: ClientNodeClusterAdapterOptions = {}) {
    super();
    this.kubeConfig = new KubeConfig();
    this.kubeConfig.loadFromString(kubeconfigYaml);
    this.timeoutMs = opts.timeoutMs ?? 5000;
    this.http = new HttpTransport(this.kubeConfig, { timeoutMs: this.timeoutMs });
    this.discovery = new Discovery(this.http);
    this.fieldManager = opts.fieldManager ?? 'kubequiz';
  }

  /** Releases pooled connections (tests, shutdown). */
  close(): void {
    this.http.close();
  }

  async createLabNamespace(name: string, opts: LabNamespaceOptions = {}): Promise<void> {
    // On a real cluster, Pod Security admission then refuses pods that reach the node (hostPath,
    // privileged, host namespaces), whoever writes them: a task's setup or the candidate.
    const labels = { ...opts.labels, 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/warn': 'baseline' };
    const manifests: object[] = [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } }];
    const limits = opts.limitRange ?? (opts.quota?.cpu || opts.quota?.memory ? {} : undefined);
    // A LimitRange first: a quota on cpu/memory rejects pods without requests and limits, and
    // learners' manifests rarely set them.
    if (limits) manifests.push(limitRangeManifest(name, limits));
    if (opts.quota) manifests.push(quotaManifest(name, opts.quota));
    await this.apply(name, manifests);
  }

  async createCandidateAccess(namespace: string, opts: CandidateAccessOptions): Promise<CandidateAccess> {
    await this.apply(namespace, candidateAccessManifests(namespace, opts.serviceAccount));
    return this.requestToken(namespace, opts.serviceAccount, opts.expirationSeconds);
  }

  async applyInNamespace(namespace: string, manifests: object[]): Promise<ClusterObject[]> {
    for (const m of manifests) await this.assertInside(namespace, m as ClusterObject);
    await this.apply(namespace, namespaceIdentityManifests(namespace, LAB_SETUP_IDENTITY, labSetupRoleRules()));
    try {
      // The shortest lifetime a real API server issues; the account's deletion below ends it sooner.
      const access = await this.requestToken(namespace, LAB_SETUP_IDENTITY, 600);
      const identity = new ClientNodeClusterAdapter(access.kubeconfig, { timeoutMs: this.timeoutMs, fieldManager: this.fieldManager });
      try {
        return await identity.apply(namespace, manifests);
      } catch (e) {
        if (e instanceof ClusterForbiddenError) throw new ClusterScopeError(`the namespace's own identity may not do this: ${e.message}`, e.status);
        throw e;
      } finally {
        identity.close();
      }
    } finally {
      // Bound tokens die with their ServiceAccount, so nothing can reuse the setup's rights.
      const ns = `/namespaces/${encodeURIComponent(namespace)}`;
      for (const path of [`/apis/rbac.authorization.k8s.io/v1${ns}/rolebindings`, `/apis/rbac.authorization.k8s.io/v1${ns}/roles`, `/api/v1${ns}/serviceaccounts`]) {
        await this.deleteIfPresent(`${path}/${LAB_SETUP_IDENTITY}`);
      }
    }
  }

  /** Refuses, before anything is sent, what would land outside `namespace`. */
  private async assertInside(namespace: string, obj: ClusterObject): Promise<void> {
    if (!obj.apiVersion || !obj.kind || !obj.metadata?.name) throw new ClusterRequestError('each manifest needs apiVersion, kind and metadata.name');
    const what = `${obj.kind} "${obj.metadata.name}"`;
    if (!(await this.discovery.resolve(obj.apiVersion, obj.kind)).namespaced) throw new ClusterScopeError(`${what} is cluster-scoped; only namespaced objects are applied to a lab`);
    const named = obj.metadata.namespace;
    if (named !== undefined && named !== namespace) throw new ClusterScopeError(`${what} names namespace "${String(named)}", not "${namespace}"`);
  }

  private async requestToken(namespace: string, serviceAccount: string, expirationSeconds: number): Promise<CandidateAccess> {
    const review = await this.http.send<{ status?: { token?: string; expirationTimestamp?: string } }>(
      `/api/v1/namespaces/${encodeURIComponent(namespace)}/serviceaccounts/${encodeURIComponent(serviceAccount)}/token`,
      { method: 'POST', body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds } } },
    );
    const token = review.status?.token;
    if (!token) throw new ClusterRequestError('TokenRequest returned no token');
    const expiresAt = review.status?.expirationTimestamp ? new Date(review.status.expirationTimestamp) : new Date(Date.now() + expirationSeconds * 1000);
    return { token, expiresAt, kubeconfig: candidateKubeconfig(this.kubeConfig, this.http.serverUrl, namespace, serviceAccount, token) };
  }

  private async deleteIfPresent(path: string, query?: Record<string, string>): Promise<void> {
    try {
      await this.http.send(path, { method: 'DELETE', query });
    } catch (e) {
      if (!(e instanceof ClusterNotFoundError)) throw e;
    }
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
    await this.deleteIfPresent(`/api/v1/namespaces/${encodeURIComponent(name)}`, { propagationPolicy: 'Background' });
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
