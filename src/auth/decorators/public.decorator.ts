import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';

export const IS_PUBLIC = 'kubequiz:is-public';
export const PUBLIC_UNLIMITED = 'kubequiz:public-unlimited';

export interface PublicOptions {
  /**
   * Public routes count against the per-address budget (PUBLIC_RATE_LIMIT_PER_MINUTE);
   * `false` only for routes that do no work worth abusing and are polled by machines.
   */
  rateLimited?: boolean;
}

/** Opts a route out of the global authentication guard, into the per-address rate limit. */
export const Public = (options: PublicOptions = {}) =>
  options.rateLimited === false
    ? applyDecorators(SetMetadata(IS_PUBLIC, true), SetMetadata(PUBLIC_UNLIMITED, true))
    : applyDecorators(SetMetadata(IS_PUBLIC, true), ApiProblems(429));
