import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, randomBytes, scrypt } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair, importPKCS8, type CryptoKey, type JWK } from 'jose';

export const ISSUER_KEY_ALG = 'EdDSA';

/** The only members a published key carries: a JWKS must never leak `d`. */
export interface IssuerPublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  /** RFC 7638 SHA-256 thumbprint of the key, base64url. */
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

export interface Jwks {
  keys: IssuerPublicJwk[];
}

/**
 * PKCS8 PEM of the private key, AES-256-GCM encrypted under a key derived with scrypt from a
 * configured secret. Every parameter needed to decrypt is stored, so the cost can be raised
 * later without breaking keys encrypted before; JSON-serialisable for a jsonb column.
 */
export interface EncryptedPrivateKey {
  v: 1;
  alg: 'A256GCM';
  kdf: 'scrypt';
  /** scrypt cost parameters. */
  n: number;
  r: number;
  p: number;
  /** base64url */
  salt: string;
  iv: string;
  tag: string;
  ciphertext: string;
}

/** What the caller persists per issuer key. */
export interface IssuerKeyRecord {
  kid: string;
  publicJwk: IssuerPublicJwk;
  encryptedPrivateKey: EncryptedPrivateKey;
}

/** An unlocked key, ready for signing; keep it in memory only. */
export interface IssuerSigningKey {
  kid: string;
  privateKey: CryptoKey;
}

export class IssuerKeyError extends Error {
  override readonly name = 'IssuerKeyError';
}

const SCRYPT_DEFAULTS = { n: 2 ** 15, r: 8, p: 1 } as const;
const MIN_SECRET_LENGTH = 16;

export async function generateIssuerKey(secret: string): Promise<{ record: IssuerKeyRecord; signingKey: IssuerSigningKey }> {
  const { publicKey, privateKey } = await generateKeyPair(ISSUER_KEY_ALG, { crv: 'Ed25519', extractable: true });
  const publicJwk = await toIssuerPublicJwk(await exportJWK(publicKey));
  const encryptedPrivateKey = await encryptPrivateKey(privateKey, secret, publicJwk.kid);
  return {
    record: { kid: publicJwk.kid, publicJwk, encryptedPrivateKey },
    signingKey: { kid: publicJwk.kid, privateKey },
  };
}

/** Normalises an exported Ed25519 public JWK to the published shape, with its thumbprint kid. */
export async function toIssuerPublicJwk(jwk: JWK): Promise<IssuerPublicJwk> {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
    throw new IssuerKeyError('issuer keys must be Ed25519 (kty OKP)');
  }
  const kid = await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: jwk.x }, 'sha256');
  if (jwk.kid !== undefined && jwk.kid !== kid) {
    throw new IssuerKeyError(`kid ${jwk.kid} is not the RFC 7638 thumbprint of the key`);
  }
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid, alg: ISSUER_KEY_ALG, use: 'sig' };
}

/** `kid` is bound as associated data, so a ciphertext swapped onto another key record fails. */
export async function encryptPrivateKey(privateKey: CryptoKey, secret: string, kid: string): Promise<EncryptedPrivateKey> {
  const pem = await exportPKCS8(privateKey);
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await deriveKey(secret, salt, SCRYPT_DEFAULTS);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(kid));
  const ciphertext = Buffer.concat([cipher.update(pem, 'utf8'), cipher.final()]);
  return {
    v: 1,
    alg: 'A256GCM',
    kdf: 'scrypt',
    ...SCRYPT_DEFAULTS,
    salt: salt.toString('base64url'),
    iv: iv.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
    ciphertext: ciphertext.toString('base64url'),
  };
}

/**
 * Throws IssuerKeyError on a wrong secret, a wrong kid or any tampering. The key stays
 * extractable so it can be re-encrypted under a new secret; use `unlockIssuerKey` for signing.
 */
export async function decryptPrivateKey(encrypted: EncryptedPrivateKey, secret: string, kid: string): Promise<CryptoKey> {
  return importPKCS8(await decryptPem(encrypted, secret, kid), ISSUER_KEY_ALG, { extractable: true });
}

async function decryptPem(encrypted: EncryptedPrivateKey, secret: string, kid: string): Promise<string> {
  if (encrypted?.v !== 1 || encrypted.alg !== 'A256GCM' || encrypted.kdf !== 'scrypt') {
    throw new IssuerKeyError('unsupported encrypted private key format');
  }
  assertScryptParams(encrypted);
  const key = await deriveKey(secret, Buffer.from(encrypted.salt, 'base64url'), encrypted);
  const tag = Buffer.from(encrypted.tag, 'base64url');
  try {
    // Node accepts GCM tags down to 4 bytes; a truncated tag would weaken the integrity check.
    if (tag.length !== 16) throw new Error('bad tag length');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(encrypted.iv, 'base64url'));
    decipher.setAAD(associatedData(kid));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(encrypted.ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    // GCM does not say whether the secret, the kid or the bytes were wrong, and neither should we.
    throw new IssuerKeyError('private key could not be decrypted: wrong secret or tampered data');
  }
}

/**
 * Decrypts a stored key and checks that it is the private half of the stored public JWK, so a
 * record whose columns were mixed up fails at start-up rather than producing unverifiable JWTs.
 */
export async function unlockIssuerKey(record: IssuerKeyRecord, secret: string): Promise<IssuerSigningKey> {
  const pem = await decryptPem(record.encryptedPrivateKey, secret, record.kid);
  const publicJwk = await toIssuerPublicJwk(createPublicKey(createPrivateKey(pem)).export({ format: 'jwk' }) as JWK);
  if (publicJwk.kid !== record.kid || publicJwk.x !== record.publicJwk.x) {
    throw new IssuerKeyError(`private key does not match public key ${record.kid}`);
  }
  // Non-extractable: the in-memory signing key can sign but never be exported again.
  return { kid: record.kid, privateKey: await importPKCS8(pem, ISSUER_KEY_ALG, { extractable: false }) };
}

/**
 * The document served at /.well-known/jwks.json. Pass every key that may still have signed a
 * live credential: rotation adds keys, it never removes them, or older certificates stop
 * verifying. Order is kept (put the current key first); duplicates are dropped.
 */
export function buildJwks(keys: readonly IssuerPublicJwk[]): Jwks {
  const seen = new Set<string>();
  const out: IssuerPublicJwk[] = [];
  for (const key of keys) {
    if (seen.has(key.kid)) continue;
    seen.add(key.kid);
    // Copy member by member so a private `d` (or anything else) passed in by mistake is never published.
    out.push({ kty: key.kty, crv: key.crv, x: key.x, kid: key.kid, alg: key.alg, use: key.use });
  }
  return { keys: out };
}

function associatedData(kid: string): Buffer {
  return Buffer.from(`kubequiz-issuer-key:v1:${kid}`, 'utf8');
}

/** Bounds the stored cost parameters, so a corrupted record cannot make scrypt allocate gigabytes. */
function assertScryptParams({ n, r, p }: { n: number; r: number; p: number }): void {
  const powerOfTwo = Number.isInteger(n) && n >= 2 ** 14 && (n & (n - 1)) === 0;
  const integers = Number.isInteger(r) && r >= 1 && Number.isInteger(p) && p >= 1 && p <= 16;
  // scrypt needs 128·N·r bytes: cap it at 256 MiB (the default parameters need 32 MiB).
  if (!powerOfTwo || !integers || 128 * n * r > 256 * 1024 * 1024) {
    throw new IssuerKeyError('encrypted private key has out-of-range scrypt parameters');
  }
}

function deriveKey(secret: string, salt: Buffer, params: { n: number; r: number; p: number }): Promise<Buffer> {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    return Promise.reject(new IssuerKeyError(`the key encryption secret must be at least ${MIN_SECRET_LENGTH} characters`));
  }
  // scrypt needs 128·N·r bytes; Node's default 32 MiB cap would reject N = 2^15 exactly.
  const maxmem = 256 * params.n * params.r;
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, 32, { N: params.n, r: params.r, p: params.p, maxmem }, (error, key) =>
      error ? reject(new IssuerKeyError(`key derivation failed: ${error.message}`)) : resolve(key),
    );
  });
}
