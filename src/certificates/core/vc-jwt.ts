import { SignJWT } from 'jose';
import { assertValidDate, issuerIdOf, type VerifiableCredentialBase } from './credential-types.js';
import { ISSUER_KEY_ALG, type IssuerSigningKey } from './issuer-keys.js';

/**
 * JWT claims of a VC-JWT as Open Badges 3.0 §8.2 (VC 2.0 edition) defines them: the payload IS
 * the credential, with the registered claims added beside its members. OB 3.0 verifiers also
 * accept the VC 1.1 layout (credential under a `vc` claim); `decodeCredentialPayload` does too.
 */
export interface VcJwtRegisteredClaims {
  /** issuer.id */
  iss: string;
  /** credential id */
  jti: string;
  /** credentialSubject.id, or the recipient's identityHash when the subject has no id. */
  sub?: string;
  /** validFrom */
  nbf: number;
  /** validUntil, when set */
  exp?: number;
}

export interface VcJwtClaims extends VcJwtRegisteredClaims {
  /** When the JWT was signed. */
  iat: number;
}

export type VcJwtPayload<C extends VerifiableCredentialBase = VerifiableCredentialBase> = C & VcJwtClaims;

export interface SignCredentialOptions {
  /** Signing time, for `iat`; not read from the clock so output is reproducible. */
  issuedAt: Date;
}

/**
 * `typ` of what we sign: the media type the credential is served as (VC-JOSE-COSE,
 * application/vc+jwt without its "application/" prefix, RFC 7515 §4.1.9). Credentials signed
 * before carry "JWT", as OB 3.0's VC 1.1 edition had it; both verify.
 */
export const VC_JWT_TYP = 'vc+jwt';

/** Compact JWS, header `{ alg: 'EdDSA', typ: 'vc+jwt', kid }` and nothing else (OB 3.0 forbids other headers). */
export async function signCredentialJwt(
  credential: VerifiableCredentialBase,
  key: IssuerSigningKey,
  options: SignCredentialOptions,
): Promise<string> {
  assertValidDate(options.issuedAt, 'issuedAt');
  const claims = claimsFor(credential);
  const payload: VcJwtPayload = { ...credential, ...claims, iat: toNumericDate(options.issuedAt) };
  return new SignJWT(payload).setProtectedHeader({ alg: ISSUER_KEY_ALG, typ: VC_JWT_TYP, kid: key.kid }).sign(key.privateKey);
}

/** The registered claims a credential maps to; the verifier recomputes them to compare. */
export function claimsFor(credential: VerifiableCredentialBase): VcJwtRegisteredClaims {
  const iss = issuerIdOf(credential);
  if (!iss) throw new TypeError('credential has no issuer id');
  if (typeof credential.id !== 'string' || credential.id === '') throw new TypeError('credential has no id');
  const sub = subjectIdOf(credential);
  const validUntil = credential.validUntil;
  return {
    iss,
    jti: credential.id,
    ...(sub ? { sub } : {}),
    nbf: toNumericDate(parseDateTime(credential.validFrom, 'validFrom')),
    ...(validUntil !== undefined ? { exp: toNumericDate(parseDateTime(validUntil, 'validUntil')) } : {}),
  };
}

/**
 * OB 3.0 requires `sub` = credentialSubject.id. Our subjects are identified by a salted email
 * hash instead of an id (no DID or account URL is published), so the hash stands in for it.
 */
export function subjectIdOf(credential: VerifiableCredentialBase): string | undefined {
  const subject = credential.credentialSubject as { id?: unknown; identifier?: unknown } | undefined;
  if (typeof subject?.id === 'string' && subject.id !== '') return subject.id;
  const identifiers = subject?.identifier;
  if (!Array.isArray(identifiers)) return undefined;
  const hashed = identifiers.find(
    (entry: unknown): entry is { identityHash: string } =>
      typeof entry === 'object' &&
      entry !== null &&
      (entry as { hashed?: unknown }).hashed === true &&
      typeof (entry as { identityHash?: unknown }).identityHash === 'string',
  );
  return hashed?.identityHash;
}

const REGISTERED_CLAIMS = ['iss', 'jti', 'sub', 'nbf', 'exp', 'iat', 'aud'] as const;

/**
 * Extracts the credential from a decoded payload: the payload itself without the registered
 * claims (VC 2.0 layout), or the `vc` claim (VC 1.1 layout). Does not check anything else.
 */
export function credentialFromPayload(payload: Record<string, unknown>): Record<string, unknown> {
  if (typeof payload.vc === 'object' && payload.vc !== null && !Array.isArray(payload.vc) && !('@context' in payload)) {
    return payload.vc as Record<string, unknown>;
  }
  const credential: Record<string, unknown> = { ...payload };
  for (const claim of REGISTERED_CLAIMS) delete credential[claim];
  return credential;
}

export function toNumericDate(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

export function parseDateTime(value: unknown, label: string): Date {
  // XSD dateTime with a mandatory zone, as VC 2.0 requires; Date.parse alone accepts far more.
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw new TypeError(`${label} must be an XML Schema dateTime with a time zone, got ${JSON.stringify(value)}`);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new TypeError(`${label} is not a valid date: ${value}`);
  return date;
}
