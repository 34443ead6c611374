import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ProblemDetailsDto } from '../../common/errors/problem-details.js';
import type { ApiKeyScope, Role } from '../../organizations/roles.js';

export const AUTH_REQUIREMENTS = 'kubequiz:auth-requirements';

export interface AuthRequirements {
  /** A person must hold one of these roles in the organisation they act in. */
  roles?: Role[];
  /** An API key must carry one of these scopes; with none listed, API keys are refused. */
  scopes?: ApiKeyScope[];
  /** Platform administrators may call the route whatever their roles. */
  platformAdmin?: boolean;
  /** Any API key of the organisation may call the route, whatever its scopes. */
  anyApiKey?: boolean;
  /** Only API keys may call the route (e.g. minting tokens for candidates). */
  integrationsOnly?: boolean;
}

export const BEARER_SCHEME = 'bearer';
export const API_KEY_SCHEME = 'apiKey';

/** Who may call a route, declared once: guard metadata and the OpenAPI security entry. */
export function Authenticated(requirements: AuthRequirements = {}) {
  const decorators = [
    SetMetadata(AUTH_REQUIREMENTS, requirements),
    ...(requirements.integrationsOnly ? [] : [ApiBearerAuth(BEARER_SCHEME)]),
    ApiUnauthorizedResponse({ description: 'No valid credentials', type: ProblemDetailsDto }),
    ApiForbiddenResponse({ description: 'The caller lacks the role or scope', type: ProblemDetailsDto }),
  ];
  if (requirements.scopes?.length || requirements.anyApiKey) decorators.push(ApiSecurity(API_KEY_SCHEME));
  return applyDecorators(...decorators);
}
