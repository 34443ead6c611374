import type { Cause } from './types.js';

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'Forbidden'
  | 'Unauthorized'
  | 'BadRequest'
  | 'MethodNotAllowed'
  | 'Gone'
  | 'Expired'
  | 'NotAcceptable'
  | 'UnsupportedMediaType'
  | 'RequestEntityTooLarge'
  | 'InternalError'
  | 'TooManyRequests'
  | 'ServiceUnavailable';

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: Cause[];
  retryAfterSeconds?: number;
}

/** Everything the API answers with a `Status` failure body is thrown as this. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: StatusReason | '',
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
  }

  toStatus(): Record<string, unknown> {
    const body: Record<string, unknown> = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
    };
    if (this.reason) body.reason = this.reason;
    if (this.details) body.details = this.details;
    body.code = this.code;
    return body;
  }
}

/** `deployments.apps`, or just `pods` for the core group: how the server names a resource in messages. */
export function qualifiedResource(resource: string, group: string): string {
  return group ? `${resource}.${group}` : resource;
}

function details(resource: string, group: string, name?: string, extra?: Partial<StatusDetails>): StatusDetails {
  const d: StatusDetails = {};
  if (name !== undefined) d.name = name;
  if (group) d.group = group;
  d.kind = resource;
  return { ...d, ...extra };
}

export const errors = {
  notFound(resource: string, group: string, name: string): ApiError {
    return new ApiError(404, 'NotFound', `${qualifiedResource(resource, group)} "${name}" not found`, details(resource, group, name));
  },
  alreadyExists(resource: string, group: string, name: string): ApiError {
    return new ApiError(
      409,
      'AlreadyExists',
      `${qualifiedResource(resource, group)} "${name}" already exists`,
      details(resource, group, name),
    );
  },
  conflict(resource: string, group: string, name: string, why: string): ApiError {
    return new ApiError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${qualifiedResource(resource, group)} "${name}": ${why}`,
      details(resource, group, name),
    );
  },
  staleResourceVersion(resource: string, group: string, name: string): ApiError {
    return errors.conflict(
      resource,
      group,
      name,
      'the object has been modified; please apply your changes to the latest version and try again',
    );
  },
  /** `kind` here is the Kind with its group (`Deployment.apps`), as the server words validation failures. */
  invalid(groupKind: { group: string; kind: string }, name: string, causes: Cause[]): ApiError {
    const qualifiedKind = groupKind.group ? `${groupKind.kind}.${groupKind.group}` : groupKind.kind;
    const summary = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
    const listed = summary.length === 1 ? summary[0] : `[${summary.join(', ')}]`;
    const d: StatusDetails = { name };
    if (groupKind.group) d.group = groupKind.group;
    d.kind = groupKind.kind;
    d.causes = causes;
    return new ApiError(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${listed}`, d);
  },
  forbidden(resource: string, group: string, name: string | undefined, why: string): ApiError {
    const subject = name ? `${qualifiedResource(resource, group)} "${name}"` : qualifiedResource(resource, group);
    return new ApiError(403, 'Forbidden', `${subject} is forbidden: ${why}`, details(resource, group, name));
  },
  badRequest(message: string): ApiError {
    return new ApiError(400, 'BadRequest', message);
  },
  methodNotAllowed(message = 'the server does not allow this method on the requested resource'): ApiError {
    return new ApiError(405, 'MethodNotAllowed', message);
  },
  unauthorized(): ApiError {
    return new ApiError(401, 'Unauthorized', 'Unauthorized');
  },
  routeNotFound(): ApiError {
    return new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});
  },
  gone(message: string): ApiError {
    return new ApiError(410, 'Expired', message);
  },
  notAcceptable(message: string): ApiError {
    return new ApiError(406, 'NotAcceptable', message);
  },
  unsupportedMediaType(contentType: string): ApiError {
    return new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got ${contentType})`);
  },
  internal(message: string): ApiError {
    return new ApiError(500, 'InternalError', `Internal error occurred: ${message}`);
  },
};

export function cause(field: string, message: string, reason = 'FieldValueInvalid'): Cause {
  return { reason, message, field };
}
