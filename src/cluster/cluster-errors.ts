/**
 * Domain errors of the ClusterAdapter. Callers (the labs service, the HTTP layer) never see
 * client-node's ApiException or socket errors: they decide on these four.
 */
export class ClusterError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = new.target.name;
  }
}

/** Unreachable, TLS failure, timeout or 5xx from the API server: the HTTP layer answers 503. */
export class ClusterUnavailableError extends ClusterError {}

/** 401/403: our credentials are wrong or lack a permission; the HTTP layer answers 502. */
export class ClusterForbiddenError extends ClusterError {}

/** The object (or its kind) does not exist; `get` returns null instead of throwing this. */
export class ClusterNotFoundError extends ClusterError {}

/** The API server refused the request as invalid (400, 409, 422…); carries its message. */
export class ClusterRequestError extends ClusterError {}

/**
 * Manifests applied to a namespace asked for something beyond it (a cluster-scoped kind, another
 * namespace, or a right the namespace's own identity lacks). A fault of the manifests, not of
 * our credentials.
 */
export class ClusterScopeError extends ClusterError {}

/** Alias named as in the design notes. */
export const ClusterNotFound = ClusterNotFoundError;
