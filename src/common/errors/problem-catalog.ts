/**
 * Every error code the API can answer with, its HTTP status and its title. Services throw
 * `AppException(code)`; only the exception filter turns a code into HTTP.
 */
export const PROBLEM_CATALOG = {
  'bad-request': { status: 400, title: 'Bad request' },
  'malformed-json': { status: 400, title: 'The request body is not valid JSON' },
  'json-too-deep': { status: 400, title: 'The JSON body is nested too deeply' },
  'malformed-multipart': { status: 400, title: 'The multipart body is malformed' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  'invalid-credentials': { status: 401, title: 'Invalid credentials' },
  'invalid-token': { status: 401, title: 'Invalid or expired token' },
  'refresh-token-reused': { status: 401, title: 'Refresh token already used; its session was revoked' },
  forbidden: { status: 403, title: 'Forbidden' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'not-acceptable': { status: 406, title: 'Not acceptable' },
  conflict: { status: 409, title: 'Conflict' },
  'already-exists': { status: 409, title: 'Already exists' },
  'version-conflict': { status: 409, title: 'The resource changed since you read it' },
  'attempt-closed': { status: 409, title: 'The attempt is already submitted' },
  'deadline-passed': { status: 409, title: 'The attempt deadline has passed' },
  'exam-unavailable': { status: 409, title: 'The exam cannot be started now' },
  'attempts-exhausted': { status: 409, title: 'No attempts left' },
  'item-in-running-attempt': { status: 409, title: 'The question is in your exam attempt in progress' },
  'certificate-not-earned': { status: 409, title: 'The attempt did not pass; it earns no certificate' },
  'idempotency-key-reused': { status: 422, title: 'Idempotency-Key reused with a different request' },
  gone: { status: 410, title: 'Gone' },
  'precondition-failed': { status: 412, title: 'Precondition failed' },
  'payload-too-large': { status: 413, title: 'Request body too large' },
  'uri-too-long': { status: 414, title: 'A path parameter is too long' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'validation-failed': { status: 422, title: 'The request is invalid' },
  'offline-bundle-too-large': { status: 422, title: 'The offline bundle is over its size budget; ask for one chapter at a time' },
  'unprocessable-content': { status: 422, title: 'The content cannot be processed' },
  'too-many-requests': { status: 429, title: 'Too many requests' },
  'internal-error': { status: 500, title: 'Internal server error' },
  'bad-gateway': { status: 502, title: 'Bad gateway' },
  'service-unavailable': { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEM_CATALOG;

export const PROBLEM_TYPE_PREFIX = 'urn:kubequiz:problem:';

export function problemCodeForStatus(status: number): ProblemCode {
  const byStatus: Record<number, ProblemCode> = {
    400: 'bad-request',
    401: 'unauthenticated',
    403: 'forbidden',
    404: 'not-found',
    405: 'method-not-allowed',
    406: 'not-acceptable',
    409: 'conflict',
    410: 'gone',
    412: 'precondition-failed',
    413: 'payload-too-large',
    414: 'uri-too-long',
    415: 'unsupported-media-type',
    422: 'unprocessable-content',
    429: 'too-many-requests',
    502: 'bad-gateway',
    503: 'service-unavailable',
  };
  return byStatus[status] ?? (status >= 500 ? 'internal-error' : 'bad-request');
}
