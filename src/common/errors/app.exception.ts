import { PROBLEM_CATALOG, type ProblemCode } from './problem-catalog.js';

export interface FieldError {
  /** JSON path of the offending field, e.g. `items[2].answer`. */
  path: string;
  message: string;
}

/** A domain error with a code; the HTTP mapping lives in the exception filter. */
export class AppException extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly extensions: { errors?: FieldError[]; headers?: Record<string, string>; [key: string]: unknown } = {},
  ) {
    super(detail ?? PROBLEM_CATALOG[code].title);
    this.name = 'AppException';
  }

  static notFound(what: string, id?: string): AppException {
    return new AppException('not-found', id ? `${what} ${id} was not found` : `${what} was not found`);
  }

  static validation(errors: FieldError[], detail = 'One or more fields are invalid'): AppException {
    return new AppException('validation-failed', detail, { errors });
  }
}
