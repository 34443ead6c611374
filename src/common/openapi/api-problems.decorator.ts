import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CATALOG } from '../errors/problem-catalog.js';
import { ProblemDetailsDto } from '../errors/problem-details.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request (e.g. invalid JSON)',
  401: 'Missing or invalid credentials',
  403: 'The caller lacks the role or scope',
  404: 'Not found, or not visible to the caller',
  409: 'Conflicts with the current state',
  413: 'Request body too large',
  415: 'Unsupported content type',
  422: 'Validation failed; `errors[]` lists each field',
  429: 'Rate limited; see Retry-After',
  503: 'A dependency is unavailable',
};

/** Documents the problem+json error answers a route can give. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDetailsDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? Object.values(PROBLEM_CATALOG).find((p) => p.status === status)?.title,
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
      }),
    ),
  );
}
