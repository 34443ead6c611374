import type { AuthContext } from './auth-context.js';

/** The platform itself acting (seeding, background jobs): a platform admin without a person. */
export const SYSTEM_CONTEXT: AuthContext = Object.freeze({
  kind: 'user',
  userId: null,
  organizationId: null,
  roles: [],
  isPlatformAdmin: true,
  apiKeyId: null,
  scopes: [],
}) as AuthContext;
