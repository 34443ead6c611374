import { calculateJwkThumbprint, compactVerify, CompactSign, importJWK, type CryptoKey } from 'jose';
import {
  buildJwks,
  decryptPrivateKey,
  encryptPrivateKey,
  generateIssuerKey,
  IssuerKeyError,
  toIssuerPublicJwk,
  unlockIssuerKey,
  type IssuerKeyRecord,
} from './issuer-keys.js';

const SECRET = 'correct horse battery staple, but longer';

async function signAndVerify(record: IssuerKeyRecord, privateKey: CryptoKey): Promise<string> {
  const jws = await new CompactSign(new TextEncoder().encode('hello')).setProtectedHeader({ alg: 'EdDSA' }).sign(privateKey);
  const { payload } = await compactVerify(jws, await importJWK(record.publicJwk, 'EdDSA'));
  return new TextDecoder().decode(payload);
}

describe('issuer keys', () => {
  let record: IssuerKeyRecord;
  let privateKey: CryptoKey;

  beforeAll(async () => {
    const generated = await generateIssuerKey(SECRET);
    record = generated.record;
    privateKey = generated.signingKey.privateKey;
  });

  it('publishes an Ed25519 public JWK with an RFC 7638 thumbprint kid and nothing private', async () => {
    const { publicJwk } = record;
    expect(Object.keys(publicJwk).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
    expect(publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(publicJwk.kid).toBe(await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: publicJwk.x }));
    expect(record.kid).toBe(publicJwk.kid);
  });

  it('computes the RFC 8037 Appendix A.3 thumbprint for the RFC test key', async () => {
    const jwk = await toIssuerPublicJwk({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' });
    expect(jwk.kid).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });

  it('stores the private key encrypted, not as PEM', () => {
    const stored = JSON.stringify(record.encryptedPrivateKey);
    expect(stored).not.toContain('PRIVATE KEY');
    expect(record.encryptedPrivateKey).toMatchObject({ v: 1, alg: 'A256GCM', kdf: 'scrypt' });
    expect(Buffer.from(record.encryptedPrivateKey.iv, 'base64url')).toHaveLength(12);
    expect(Buffer.from(record.encryptedPrivateKey.tag, 'base64url')).toHaveLength(16);
  });

  it('decrypts back to a key that signs for the published public key', async () => {
    const unlocked = await unlockIssuerKey(record, SECRET);
    expect(unlocked.kid).toBe(record.kid);
    expect(await signAndVerify(record, unlocked.privateKey)).toBe('hello');
  });

  it('unlocks a signing key that cannot be exported again', async () => {
    const unlocked = await unlockIssuerKey(record, SECRET);
    expect(unlocked.privateKey.extractable).toBe(false);
    await expect(encryptPrivateKey(unlocked.privateKey, SECRET, record.kid)).rejects.toThrow();
  });

  it('re-encrypts under a new secret (secret rotation)', async () => {
    const extractable = await decryptPrivateKey(record.encryptedPrivateKey, SECRET, record.kid);
    const rotated = await encryptPrivateKey(extractable, 'the-next-secret-value', record.kid);
    const unlocked = await unlockIssuerKey({ ...record, encryptedPrivateKey: rotated }, 'the-next-secret-value');
    expect(await signAndVerify(record, unlocked.privateKey)).toBe('hello');
  });

  it('uses a fresh salt and IV on every encryption', async () => {
    const again = await encryptPrivateKey(privateKey, SECRET, record.kid);
    expect(again.salt).not.toBe(record.encryptedPrivateKey.salt);
    expect(again.iv).not.toBe(record.encryptedPrivateKey.iv);
    expect(again.ciphertext).not.toBe(record.encryptedPrivateKey.ciphertext);
  });

  it('fails on a wrong secret', async () => {
    await expect(decryptPrivateKey(record.encryptedPrivateKey, `${SECRET}!`, record.kid)).rejects.toThrow(IssuerKeyError);
  });

  it.each(['ciphertext', 'tag', 'iv', 'salt'] as const)('fails when %s is tampered with', async (field) => {
    const value = Buffer.from(record.encryptedPrivateKey[field], 'base64url');
    value[0] ^= 0x01;
    const tampered = { ...record.encryptedPrivateKey, [field]: value.toString('base64url') };
    await expect(decryptPrivateKey(tampered, SECRET, record.kid)).rejects.toThrow(/wrong secret or tampered/);
  });

  it('fails on a truncated authentication tag', async () => {
    const tag = Buffer.from(record.encryptedPrivateKey.tag, 'base64url').subarray(0, 4).toString('base64url');
    await expect(decryptPrivateKey({ ...record.encryptedPrivateKey, tag }, SECRET, record.kid)).rejects.toThrow(IssuerKeyError);
  });

  it('refuses scrypt parameters that would allocate too much memory', async () => {
    for (const params of [{ n: 2 ** 24 }, { n: 3 * 2 ** 14 }, { r: 1024 }, { p: 0 }]) {
      await expect(decryptPrivateKey({ ...record.encryptedPrivateKey, ...params }, SECRET, record.kid)).rejects.toThrow(
        /out-of-range scrypt parameters/,
      );
    }
  });

  it('fails when the ciphertext is moved onto another kid (kid is authenticated)', async () => {
    await expect(decryptPrivateKey(record.encryptedPrivateKey, SECRET, 'another-kid')).rejects.toThrow(IssuerKeyError);
  });

  it('refuses a record whose private key is not the pair of its public key', async () => {
    const other = (await generateIssuerKey(SECRET)).record;
    const mixed: IssuerKeyRecord = {
      kid: record.kid,
      publicJwk: record.publicJwk,
      encryptedPrivateKey: await encryptPrivateKey(await decryptPrivateKey(other.encryptedPrivateKey, SECRET, other.kid), SECRET, record.kid),
    };
    await expect(unlockIssuerKey(mixed, SECRET)).rejects.toThrow(/does not match public key/);
  });

  it('refuses short secrets and unknown formats', async () => {
    await expect(generateIssuerKey('too short')).rejects.toThrow(/at least 16 characters/);
    const future = { ...record.encryptedPrivateKey, v: 2 } as unknown as IssuerKeyRecord['encryptedPrivateKey'];
    await expect(decryptPrivateKey(future, SECRET, record.kid)).rejects.toThrow(/unsupported/);
  });

  it('refuses non-Ed25519 keys and a kid that is not the thumbprint', async () => {
    await expect(toIssuerPublicJwk({ kty: 'EC', crv: 'P-256', x: 'a', y: 'b' })).rejects.toThrow(/Ed25519/);
    await expect(toIssuerPublicJwk({ ...record.publicJwk, kid: 'key-1' })).rejects.toThrow(/thumbprint/);
  });

  describe('buildJwks', () => {
    it('keeps old keys published after rotation, in order, without duplicates', async () => {
      const next = (await generateIssuerKey(SECRET)).record;
      const jwks = buildJwks([next.publicJwk, record.publicJwk, next.publicJwk]);
      expect(jwks.keys.map((k) => k.kid)).toEqual([next.kid, record.kid]);
    });

    it('never publishes private members passed in by mistake', async () => {
      const leaky = { ...record.publicJwk, d: 'private!' } as typeof record.publicJwk;
      const jwks = buildJwks([leaky]);
      expect(JSON.stringify(jwks)).not.toContain('private!');
      expect(jwks.keys[0]).toEqual(record.publicJwk);
    });
  });
});
