import { AppException } from '../../common/errors/app.exception.js';
import type { AccessTokenClaims } from '../auth-context.js';
import type { PersonStanding } from '../users/users.service.js';
import { currentAccess, type AccessFacts } from './current-access.js';

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER_ORG = '22222222-2222-4222-8222-222222222222';
const USER = '33333333-3333-4333-8333-333333333333';
const SESSION = '44444444-4444-4444-8444-444444444444';
const KEY = '55555555-5555-4555-8555-555555555555';

const personToken: AccessTokenClaims = { sub: USER, org: ORG, roles: ['author'], sid: SESSION };
const candidateToken: AccessTokenClaims = { sub: USER, org: ORG, roles: ['candidate'], act: KEY };
const liveSession = { userId: USER, revoked: false };
const liveKey = { organizationId: ORG, scopes: ['candidates:token' as const], revoked: false };
const member = (rolesByOrganization: PersonStanding['rolesByOrganization'], isPlatformAdmin = false): PersonStanding => ({
  isPlatformAdmin,
  rolesByOrganization,
});

function refusal(claims: AccessTokenClaims, facts: AccessFacts): string {
  try {
    currentAccess(claims, facts);
  } catch (error) {
    expect(error).toBeInstanceOf(AppException);
    expect((error as AppException).code).toBe('invalid-token');
    return (error as AppException).detail!;
  }
  throw new Error('the token was accepted');
}

describe('currentAccess', () => {
  describe("a person's token", () => {
    it('acts with the roles the membership has now, not those it was issued with', () => {
      const auth = currentAccess(personToken, { person: member({ [ORG]: ['candidate'] }), session: liveSession });
      expect(auth).toMatchObject({ kind: 'user', userId: USER, organizationId: ORG, roles: ['candidate'], isPlatformAdmin: false });
    });

    it('acts in no organisation once the person was removed from it', () => {
      const auth = currentAccess(personToken, { person: member({ [OTHER_ORG]: ['owner'] }), session: liveSession });
      expect(auth).toMatchObject({ organizationId: null, roles: [] });
    });

    it('keeps a platform administrator in the organisation, and follows the flag both ways', () => {
      expect(currentAccess(personToken, { person: member({}, true), session: liveSession })).toMatchObject({
        organizationId: ORG,
        roles: [],
        isPlatformAdmin: true,
      });
      const formerAdmin = currentAccess({ ...personToken, adm: true }, { person: member({ [ORG]: ['author'] }), session: liveSession });
      expect(formerAdmin.isPlatformAdmin).toBe(false);
    });

    it('dies with its session, and with its account', () => {
      const person = member({ [ORG]: ['author'] });
      expect(refusal(personToken, { person, session: { userId: USER, revoked: true } })).toContain('signed out');
      expect(refusal(personToken, { person, session: null })).toContain('signed out');
      expect(refusal(personToken, { person, session: { userId: '66666666-6666-4666-8666-666666666666', revoked: false } })).toContain('signed out');
      expect(refusal({ ...personToken, sid: undefined }, { person, session: undefined })).toContain('signed out');
      expect(refusal(personToken, { person: null, session: liveSession })).toContain('no longer exists');
    });

    it('does not hand out the cached roles array itself', () => {
      const person = member({ [ORG]: ['author'] });
      currentAccess(personToken, { person, session: liveSession }).roles.push('owner');
      expect(person.rolesByOrganization[ORG]).toEqual(['author']);
    });
  });

  describe('a candidate token minted by an API key', () => {
    it('acts as the candidate while key and membership stand', () => {
      const auth = currentAccess(candidateToken, { person: member({ [ORG]: ['candidate'] }), mintingKey: liveKey });
      expect(auth).toMatchObject({ organizationId: ORG, roles: ['candidate'], isPlatformAdmin: false, actingApiKeyId: KEY });
    });

    it('never carries staff roles the person also holds', () => {
      const auth = currentAccess(candidateToken, { person: member({ [ORG]: ['candidate', 'owner'] }, true), mintingKey: liveKey });
      expect(auth).toMatchObject({ roles: ['candidate'], isPlatformAdmin: false });
    });

    it('dies with the key: revoked, deleted, moved, or stripped of the token scope', () => {
      const person = member({ [ORG]: ['candidate'] });
      expect(refusal(candidateToken, { person, mintingKey: { ...liveKey, revoked: true } })).toContain('revoked');
      expect(refusal(candidateToken, { person, mintingKey: null })).toContain('revoked');
      expect(refusal(candidateToken, { person, mintingKey: { ...liveKey, organizationId: OTHER_ORG } })).toContain('revoked');
      expect(refusal(candidateToken, { person, mintingKey: { ...liveKey, scopes: ['results:read'] as never } })).toContain('revoked');
    });

    it('dies when the candidate leaves the organisation or stops being a candidate', () => {
      expect(refusal(candidateToken, { person: member({}), mintingKey: liveKey })).toContain('no longer belongs');
      expect(refusal(candidateToken, { person: member({ [ORG]: ['author'] }), mintingKey: liveKey })).toContain('no longer belongs');
    });
  });
});
