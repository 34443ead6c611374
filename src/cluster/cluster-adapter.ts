import type { ClusterObject } from './cluster-object.js';

export type { ClusterObject } from './cluster-object.js';

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
}

export interface ListQuery {
  apiVersion: string;
  kind: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/** Limits of a lab namespace. cpu/memory cap both requests and limits (a LimitRange supplies defaults). */
export interface LabQuota {
  pods?: number;
  cpu?: string;
  memory?: string;
  services?: number;
  persistentVolumeClaims?: number;
  storage?: string;
  /** Any other `hard` entries, passed through (e.g. `count/deployments.apps`). */
  hard?: Record<string, string>;
}

export interface LabLimitRange {
  defaultCpu?: string;
  defaultMemory?: string;
  defaultRequestCpu?: string;
  defaultRequestMemory?: string;
}

export interface LabNamespaceOptions {
  labels?: Record<string, string>;
  quota?: LabQuota;
  limitRange?: LabLimitRange;
}

export interface CandidateAccessOptions {
  serviceAccount: string;
  expirationSeconds: number;
}

export interface CandidateAccess {
  /** Namespace-scoped kubeconfig (YAML) for kubectl or any client. */
  kubeconfig: string;
  token: string;
  expiresAt: Date;
}

export interface EventsQuery {
  involvedName?: string;
}

export interface ClusterVersion {
  gitVersion: string;
}

/** The read side, all the check engine needs (and all a fake needs to implement in specs). */
export interface ClusterReader {
  /** null when the object (or its namespace) does not exist. */
  get(namespace: string, ref: ObjectRef): Promise<ClusterObject | null>;
  /** Items carry apiVersion and kind; cluster-scoped kinds ignore the namespace. */
  list(namespace: string, query: ListQuery): Promise<ClusterObject[]>;
}

/**
 * The port through which labs reach a Kubernetes API server. Abstract class rather than
 * interface so it can serve as a Nest injection token.
 */
export abstract class ClusterAdapter implements ClusterReader {
  /** Creates (or converges) the namespace, its ResourceQuota `lab-quota` and LimitRange `lab-defaults`. */
  abstract createLabNamespace(name: string, opts?: LabNamespaceOptions): Promise<void>;
  /** ServiceAccount + Role + RoleBinding in `namespace`, and a kubeconfig with a TokenRequest token. */
  abstract createCandidateAccess(namespace: string, opts: CandidateAccessOptions): Promise<CandidateAccess>;
  /** Server-side apply of each manifest, in order, with our own (admin) credentials; returns the objects as stored. */
  abstract apply(namespace: string, manifests: object[]): Promise<ClusterObject[]>;
  /**
   * Applies manifests as a short-lived identity of `namespace` itself (a ServiceAccount bound to
   * a Role there, deleted afterwards), for content we did not write ourselves: whatever it asks
   * for, it cannot reach another namespace or anything cluster-scoped. Throws ClusterScopeError
   * for a cluster-scoped kind, another namespace, or a right that identity lacks.
   */
  abstract applyInNamespace(namespace: string, manifests: object[]): Promise<ClusterObject[]>;
  abstract get(namespace: string, ref: ObjectRef): Promise<ClusterObject | null>;
  abstract list(namespace: string, query: ListQuery): Promise<ClusterObject[]>;
  abstract podLogs(namespace: string, pod: string, container?: string): Promise<string>;
  /** Events of the namespace, oldest first. */
  abstract events(namespace: string, query?: EventsQuery): Promise<ClusterObject[]>;
  /** Idempotent: a missing namespace is not an error. */
  abstract deleteNamespace(name: string): Promise<void>;
  /** For readiness probes; throws ClusterUnavailableError. */
  abstract ping(): Promise<ClusterVersion>;
}
