import type { ApiKeyScope, Role } from '../organizations/roles.js';

/** Who is calling, resolved once by the global guard and handed to services explicitly. */
export interface AuthContext {
  kind: 'user' | 'api-key';
  /** The person acting; for an API key, only when it acts for a candidate (never here). */
  userId: string | null;
  /** The organisation the caller acts in; null for a user with no organisation yet. */
  organizationId: string | null;
  roles: Role[];
  isPlatformAdmin: boolean;
  apiKeyId: string | null;
  scopes: ApiKeyScope[];
  /** Set when an integration minted this token for one of its candidates. */
  actingApiKeyId?: string;
}

/**
 * What an access token says. Only `sub`, `org`, `sid` and `act` are trusted as such: the
 * roles and `adm` record what held at issue time, and what the token may do is decided
 * per request from the current membership (auth/access-state).
 */
export interface AccessTokenClaims {
  sub: string;
  org: string | null;
  roles: Role[];
  adm?: boolean;
  /** The sign-in session (refresh-token family) of a person's token; logout ends it. */
  sid?: string;
  /** API key that minted a candidate token; revoking the key ends the token. */
  act?: string;
}
