import { HttpException } from '@nestjs/common';
import { AppException, type FieldError } from './app.exception.js';
import { PROBLEM_CATALOG, PROBLEM_TYPE_PREFIX, problemCodeForStatus, type ProblemCode } from './problem-catalog.js';
import type { ProblemDetailsDto } from './problem-details.js';

export interface ProblemResponse {
  status: number;
  body: ProblemDetailsDto & Record<string, unknown>;
  headers: Record<string, string>;
  /** True when the cause is ours, not the client's: worth logging with its stack. */
  internal: boolean;
}

/** Fastify's own errors for requests it refuses before any route runs. */
const FASTIFY_CODES: Record<string, ProblemCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload-too-large',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed-json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed-json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad-request',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_EMPTY_TYPE: 'unsupported-media-type',
  FST_ERR_VALIDATION: 'validation-failed',
  FST_REQ_FILE_TOO_LARGE: 'payload-too-large',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported-media-type',
  FST_FILES_LIMIT: 'payload-too-large',
  FST_FIELDS_LIMIT: 'payload-too-large',
  FST_PARTS_LIMIT: 'payload-too-large',
  FST_PROTO_VIOLATION: 'bad-request',
  FST_ERR_BAD_URL: 'bad-request',
  FST_ERR_MAX_PARAM_LENGTH: 'uri-too-long',
};

interface ErrorWithCode {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
}

function build(
  code: ProblemCode,
  detail: string | undefined,
  requestId: string,
  instance: string | undefined,
  extras: Record<string, unknown> = {},
): ProblemDetailsDto & Record<string, unknown> {
  const { status, title } = PROBLEM_CATALOG[code];
  return {
    type: PROBLEM_TYPE_PREFIX + code,
    title,
    status,
    ...(detail ? { detail } : {}),
    ...(instance ? { instance } : {}),
    requestId,
    ...extras,
  };
}

/** Turns anything thrown while serving a request into an RFC 9457 answer. */
export function toProblem(error: unknown, requestId: string, instance?: string): ProblemResponse {
  if (error instanceof AppException) {
    const { errors, headers, ...rest } = error.extensions;
    const extras: Record<string, unknown> = { ...rest };
    if (errors) extras.errors = errors satisfies FieldError[];
    const body = build(error.code, error.detail, requestId, instance, extras);
    return { status: body.status, body, headers: headers ?? {}, internal: body.status >= 500 };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'string' ? response : (response as { message?: unknown }).message ?? error.message;
    const cause = (error as { cause?: ErrorWithCode }).cause;
    const fastifyCause = typeof cause?.code === 'string' ? FASTIFY_CODES[cause.code] : undefined;
    const code = fastifyCause ?? problemCodeForStatus(status);
    const detail = Array.isArray(message) ? message.join('; ') : String(message);
    const body = build(code, status >= 500 ? undefined : detail, requestId, instance);
    body.status = status;
    return { status, body, headers: {}, internal: status >= 500 };
  }
  const candidate = (error ?? {}) as ErrorWithCode;
  const fastifyCode = typeof candidate.code === 'string' ? FASTIFY_CODES[candidate.code] : undefined;
  if (fastifyCode) {
    const body = build(fastifyCode, String(candidate.message ?? ''), requestId, instance);
    return { status: body.status, body, headers: {}, internal: false };
  }
  // A body parser SyntaxError (or any error fastify tagged as a client error).
  if (error instanceof SyntaxError || (typeof candidate.statusCode === 'number' && candidate.statusCode < 500)) {
    const status = typeof candidate.statusCode === 'number' ? candidate.statusCode : 400;
    const code = error instanceof SyntaxError ? 'malformed-json' : problemCodeForStatus(status);
    const body = build(code, String(candidate.message ?? ''), requestId, instance);
    return { status: body.status, body, headers: {}, internal: false };
  }
  const body = build('internal-error', 'An unexpected error occurred; quote the request id when reporting it', requestId, instance);
  return { status: 500, body, headers: {}, internal: true };
}
