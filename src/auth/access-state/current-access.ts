import { AppException } from '../../common/errors/app.exception.js';
import type { ApiKeyStanding } from '../../organizations/api-keys.service.js';
import type { AccessTokenClaims, AuthContext } from '../auth-context.js';
import type { SessionStanding } from '../refresh-tokens.service.js';
import type { PersonStanding } from '../users/users.service.js';

/** What the database (or the cache in front of it) says about a token's sources right now. */
export interface AccessFacts {
  person: PersonStanding | null;
  /** The sign-in session of a person's token; undefined when the token names none. */
  session?: SessionStanding | null;
  /** The API key that minted a candidate token; undefined for a person's own token. */
  mintingKey?: ApiKeyStanding | null;
}

/**
 * What a valid access token may do now. The signature only proves who the token was
 * issued to; roles, platform administration and the token's very life follow the current
 * membership, session and API key:
 *
 * - a person's token dies with its session (logout, refresh-token replay); its roles are
 *   the membership's roles now, and a person removed from the organisation acts in none
 *   (as a refresh would give them);
 * - a candidate token minted by an integration dies with the key that minted it, and with
 *   the candidate's place in the organisation; the roles it was minted with are a ceiling,
 *   so a candidate who is also staff never acts as staff through the integration.
 */
export function currentAccess(claims: AccessTokenClaims, facts: AccessFacts): AuthContext {
  const { person } = facts;
  if (!person) throw ended('The account no longer exists');
  const held = claims.org ? person.rolesByOrganization[claims.org] : undefined;
  if (claims.act) {
    const key = facts.mintingKey;
    if (!key || key.revoked || key.organizationId !== claims.org || !key.scopes.includes('candidates:token')) {
      throw ended('The API key that minted this token was revoked');
    }
    const roles = claims.roles.filter((role) => held?.includes(role));
    if (roles.length === 0) throw ended('The candidate no longer belongs to this organization');
    return {
      kind: 'user',
      userId: claims.sub,
      organizationId: claims.org,
      roles,
      isPlatformAdmin: false,
      apiKeyId: null,
      scopes: [],
      actingApiKeyId: claims.act,
    };
  }
  const session = facts.session;
  if (!session || session.revoked || session.userId !== claims.sub) {
    throw ended('The session of this token was signed out or revoked; sign in again');
  }
  return {
    kind: 'user',
    userId: claims.sub,
    organizationId: held || person.isPlatformAdmin ? claims.org : null,
    roles: held ? [...held] : [],
    isPlatformAdmin: person.isPlatformAdmin,
    apiKeyId: null,
    scopes: [],
  };
}

function ended(detail: string): AppException {
  return new AppException('invalid-token', detail);
}
