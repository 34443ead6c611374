import { base64url, compactVerify, createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet } from 'jose';
import {
  VC_V2_CONTEXT,
  issuerIdOf,
  type BitstringStatusListCredential,
  type BitstringStatusListEntry,
  type OpenBadgeCredential,
  type VerifiableCredentialBase,
} from './credential-types.js';
import { parseStatusListIndex } from './status-list.js';
import { credentialFromPayload, parseDateTime, subjectIdOf, toNumericDate } from './vc-jwt.js';

export type VerificationCheckName = 'format' | 'signature' | 'issuer' | 'dates' | 'status';

export interface VerificationCheck {
  check: VerificationCheckName;
  passed: boolean;
  message: string;
}

/**
 * `invalid` wins over `revoked`, which wins over `expired`: a forged credential is not
 * "revoked", and a revoked one stays revoked after it would have expired anyway.
 */
export type CredentialVerdict = 'valid' | 'revoked' | 'expired' | 'invalid';

export interface VerificationReport<C = OpenBadgeCredential> {
  valid: boolean;
  /** In order; checks that cannot run (e.g. dates after a bad signature) are left out. */
  checks: VerificationCheck[];
  /** Only when format and signature passed: never hand out unauthenticated content. */
  credential?: C;
  status: CredentialVerdict;
}

/** Returns the status list bit of an entry (true = set = revoked); may throw if it cannot. */
export type StatusBitResolver = (entry: BitstringStatusListEntry) => boolean | Promise<boolean>;

export interface VerifyCredentialOptions {
  /** The issuer's published keys (/.well-known/jwks.json). */
  jwks: JSONWebKeySet;
  /** The issuer id, or every id the issuer has been known by (e.g. under an earlier host name). */
  expectedIssuerId: string | readonly string[];
  now: Date;
  /** Required to verify a credential that has a `credentialStatus`; without it `status` fails. */
  resolveStatusBit?: StatusBitResolver;
  /** Leeway for clocks that disagree, applied to both nbf and exp. Default 0. */
  clockToleranceSeconds?: number;
  /**
   * The credential type to accept. Certificates and status lists are signed with the same key,
   * so without this a status list JWT would verify as a certificate. Default OpenBadgeCredential.
   */
  expectedType?: string;
}

const ACCEPTED_ALGS = ['EdDSA', 'Ed25519'];
/** Media types compare case-insensitively; "JWT" is what credentials signed before vc+jwt carry. */
const ACCEPTED_TYPS = ['vc+jwt', 'application/vc+jwt', 'jwt'];
const jwksCache = new WeakMap<JSONWebKeySet, ReturnType<typeof createLocalJWKSet>>();

export async function verifyCredentialJwt<C extends VerifiableCredentialBase = OpenBadgeCredential>(
  jwt: string,
  options: VerifyCredentialOptions,
): Promise<VerificationReport<C>> {
  const checks: VerificationCheck[] = [];
  const header = parseHeader(jwt);
  if (typeof header === 'string') {
    checks.push({ check: 'format', passed: false, message: header });
    return { valid: false, checks, status: 'invalid' };
  }
  const parsed = parsePayload(jwt, options.expectedType ?? 'OpenBadgeCredential');
  checks.push(
    parsed.problems.length === 0
      ? { check: 'format', passed: true, message: 'well-formed VC-JWT' }
      : { check: 'format', passed: false, message: parsed.problems.join('; ') },
  );
  // Runs even when the payload is malformed: "tampered" is more useful to report than "garbled".
  const signature = await checkSignature(jwt, header, options.jwks);
  checks.push(signature);
  if (parsed.problems.length > 0 || !signature.passed || !parsed.credential || !parsed.payload) {
    return { valid: false, checks, status: 'invalid' };
  }
  const { payload, credential } = parsed;
  checks.push(checkIssuer(payload, credential, options.expectedIssuerId));
  const dates = checkDates(payload, options.now, options.clockToleranceSeconds ?? 0);
  checks.push(dates.check);
  const status = await checkStatus(credential, options.resolveStatusBit);
  checks.push(status.check);

  const valid = checks.every((c) => c.passed);
  const issuerOk = checks.find((c) => c.check === 'issuer')?.passed === true;
  const verdict: CredentialVerdict = valid
    ? 'valid'
    : !issuerOk || dates.notYetValid || (!status.check.passed && !status.revoked)
      ? 'invalid'
      : status.revoked
        ? 'revoked'
        : 'expired';
  return { valid, checks, credential: credential as unknown as C, status: verdict };
}

/** Verifies a status list credential JWT (same checks, type BitstringStatusListCredential, no status). */
export function verifyStatusListCredentialJwt(
  jwt: string,
  options: Omit<VerifyCredentialOptions, 'expectedType' | 'resolveStatusBit'>,
): Promise<VerificationReport<BitstringStatusListCredential>> {
  return verifyCredentialJwt<BitstringStatusListCredential>(jwt, { ...options, expectedType: 'BitstringStatusListCredential' });
}

interface ParsedHeader {
  alg: string;
  kid?: string;
}

function parseHeader(jwt: string): ParsedHeader | string {
  if (typeof jwt !== 'string' || jwt.split('.').length !== 3) return 'malformed JWT: expected three dot-separated parts';
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(jwt) as Record<string, unknown>;
  } catch (error) {
    return `malformed JWT header: ${(error as Error).message}`;
  }
  if (typeof header.alg !== 'string') return 'malformed JWT header: no alg';
  if (header.typ !== undefined && !ACCEPTED_TYPS.includes(String(header.typ).toLowerCase())) {
    return `unexpected typ ${JSON.stringify(header.typ)} (expected "vc+jwt", or "JWT" as signed before)`;
  }
  return { alg: header.alg, kid: typeof header.kid === 'string' ? header.kid : undefined };
}

interface ParsedPayload {
  problems: string[];
  payload?: Record<string, unknown>;
  credential?: VerifiableCredentialBase;
}

function parsePayload(jwt: string, expectedType: string): ParsedPayload {
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(jwt.split('.')[1])));
  } catch {
    return { problems: ['malformed JWT payload: not base64url-encoded JSON'] };
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { problems: ['malformed JWT payload: not a JSON object'] };
  }
  const claims = payload as Record<string, unknown>;
  const credential = credentialFromPayload(claims);
  const problems = [...credentialProblems(credential, expectedType)];
  if (problems.length === 0) problems.push(...claimProblems(claims, credential as VerifiableCredentialBase));
  return { problems, payload: claims, credential: credential as VerifiableCredentialBase };
}

function* credentialProblems(credential: Record<string, unknown>, expectedType: string): Generator<string> {
  const context = credential['@context'];
  if (!Array.isArray(context) || context[0] !== VC_V2_CONTEXT) yield `@context must start with ${VC_V2_CONTEXT}`;
  const type = credential.type;
  if (!Array.isArray(type) || !type.includes('VerifiableCredential') || !type.includes(expectedType)) {
    yield `type must include VerifiableCredential and ${expectedType}`;
  }
  if (typeof credential.id !== 'string' || credential.id === '') yield 'credential has no id';
  if (!issuerIdOf(credential as Pick<VerifiableCredentialBase, 'issuer'>)) yield 'credential has no issuer id';
  const subject = credential.credentialSubject;
  if (typeof subject !== 'object' || subject === null || Array.isArray(subject)) yield 'credentialSubject must be an object';
  for (const field of ['validFrom', 'validUntil'] as const) {
    if (field === 'validUntil' && credential[field] === undefined) continue;
    try {
      parseDateTime(credential[field], field);
    } catch (error) {
      yield (error as Error).message;
    }
  }
}

/** OB 3.0 §8.2: each registered claim must be present and agree with the credential member. */
function* claimProblems(claims: Record<string, unknown>, credential: VerifiableCredentialBase): Generator<string> {
  if (typeof claims.iss !== 'string') yield 'missing iss claim';
  if (claims.jti !== credential.id) yield `jti ${JSON.stringify(claims.jti)} does not match credential id`;
  const subjectId = subjectIdOf(credential);
  if (subjectId !== undefined && claims.sub !== subjectId) yield 'sub does not match the credential subject';
  if (!isNumericDate(claims.nbf)) yield 'missing or non-numeric nbf claim';
  else if (claims.nbf !== toNumericDate(parseDateTime(credential.validFrom, 'validFrom'))) yield 'nbf does not match validFrom';
  if (claims.exp !== undefined && !isNumericDate(claims.exp)) yield 'non-numeric exp claim';
  if (credential.validUntil !== undefined) {
    if (claims.exp === undefined) yield 'missing exp claim for validUntil';
    else if (claims.exp !== toNumericDate(parseDateTime(credential.validUntil, 'validUntil'))) yield 'exp does not match validUntil';
  }
  if (claims.iat !== undefined && !isNumericDate(claims.iat)) yield 'non-numeric iat claim';
}

async function checkSignature(jwt: string, header: ParsedHeader, jwks: JSONWebKeySet): Promise<VerificationCheck> {
  const fail = (message: string): VerificationCheck => ({ check: 'signature', passed: false, message });
  if (!ACCEPTED_ALGS.includes(header.alg)) return fail(`algorithm ${header.alg} is not accepted (EdDSA only)`);
  if (!header.kid) return fail('JWT header has no kid');
  if (!Array.isArray(jwks?.keys) || !jwks.keys.some((key) => key.kid === header.kid)) {
    return fail(`unknown kid ${header.kid}: not in the issuer's JWKS`);
  }
  let keySet = jwksCache.get(jwks);
  if (!keySet) {
    keySet = createLocalJWKSet(jwks);
    jwksCache.set(jwks, keySet);
  }
  try {
    await compactVerify(jwt, keySet, { algorithms: ACCEPTED_ALGS });
  } catch {
    return fail(`signature does not verify with key ${header.kid}`);
  }
  return { check: 'signature', passed: true, message: `signed by key ${header.kid}` };
}

function checkIssuer(claims: Record<string, unknown>, credential: VerifiableCredentialBase, expected: string | readonly string[]): VerificationCheck {
  const issuerId = issuerIdOf(credential);
  if (claims.iss !== issuerId) {
    return { check: 'issuer', passed: false, message: `iss ${JSON.stringify(claims.iss)} does not match issuer.id ${issuerId}` };
  }
  const accepted = typeof expected === 'string' ? [expected] : expected;
  if (!accepted.includes(issuerId as string)) {
    return { check: 'issuer', passed: false, message: `issued by ${issuerId}, expected ${accepted.join(' or ')}` };
  }
  return { check: 'issuer', passed: true, message: `issued by ${issuerId}` };
}

function checkDates(
  claims: Record<string, unknown>,
  now: Date,
  toleranceSeconds: number,
): { check: VerificationCheck; notYetValid: boolean } {
  const nowSeconds = now.getTime() / 1000;
  const nbf = claims.nbf as number;
  const exp = claims.exp as number | undefined;
  if (nowSeconds + toleranceSeconds < nbf) {
    return { check: { check: 'dates', passed: false, message: `not yet valid: valid from ${iso(nbf)}` }, notYetValid: true };
  }
  // RFC 7519: exp is the time "on or after which the JWT MUST NOT be accepted".
  if (exp !== undefined && nowSeconds - toleranceSeconds >= exp) {
    return { check: { check: 'dates', passed: false, message: `expired on ${iso(exp)}` }, notYetValid: false };
  }
  const until = exp !== undefined ? `until ${iso(exp)}` : 'with no expiry';
  return { check: { check: 'dates', passed: true, message: `valid from ${iso(nbf)} ${until}` }, notYetValid: false };
}

async function checkStatus(
  credential: VerifiableCredentialBase,
  resolve: StatusBitResolver | undefined,
): Promise<{ check: VerificationCheck; revoked: boolean }> {
  const fail = (message: string, revoked = false) => ({ check: { check: 'status' as const, passed: false, message }, revoked });
  const raw = credential.credentialStatus;
  const entries = (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]) as unknown[];
  // Only revocation entries are ours to judge; other purposes (e.g. "message") do not invalidate.
  const revocation = entries.filter(
    (e): e is BitstringStatusListEntry =>
      typeof e === 'object' && e !== null && (e as BitstringStatusListEntry).statusPurpose === 'revocation',
  );
  if (revocation.length === 0) {
    return { check: { check: 'status', passed: true, message: 'no revocation status entry' }, revoked: false };
  }
  if (!resolve) return fail('credential has a revocation status entry but no status resolver was given');
  for (const entry of revocation) {
    if (entry.type !== 'BitstringStatusListEntry' || typeof entry.statusListCredential !== 'string') {
      return fail(`unsupported credentialStatus entry of type ${JSON.stringify(entry.type)}`);
    }
    let index: number;
    let bit: boolean;
    try {
      index = parseStatusListIndex(entry);
      bit = await resolve(entry);
    } catch (error) {
      return fail(`status could not be resolved: ${(error as Error).message}`);
    }
    if (bit) return fail(`revoked (status list ${entry.statusListCredential}, index ${index})`, true);
  }
  return { check: { check: 'status', passed: true, message: 'not revoked' }, revoked: false };
}

function isNumericDate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}
