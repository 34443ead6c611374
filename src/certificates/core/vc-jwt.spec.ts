import { base64url, createLocalJWKSet, decodeProtectedHeader, errors, jwtVerify, SignJWT } from 'jose';
import type { OpenBadgeCredential } from './credential-types.js';
import { buildJwks, generateIssuerKey, type IssuerKeyRecord, type IssuerSigningKey, type Jwks } from './issuer-keys.js';
import { buildOpenBadgeCredential } from './open-badge-credential.js';
import { buildStatusListCredential, StatusBitstring } from './status-list.js';
import { signCredentialJwt } from './vc-jwt.js';
import { verifyCredentialJwt, verifyStatusListCredentialJwt, type VerifyCredentialOptions } from './vc-jwt-verify.js';
import { SAMPLE_ISSUER, SAMPLE_STATUS_LIST_URL, sampleCredentialInput } from './testing/sample-certificate.js';

const SECRET = 'a-long-enough-test-secret';
const ISSUED_AT = new Date('2025-03-14T09:27:00Z');
const DURING = new Date('2026-01-01T00:00:00Z');

function decodePayload(jwt: string): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(base64url.decode(jwt.split('.')[1]))) as Record<string, unknown>;
}

/** Replaces the payload segment, keeping the original header and signature. */
function withPayload(jwt: string, payloadJson: string): string {
  const [header, , signature] = jwt.split('.');
  return `${header}.${base64url.encode(payloadJson)}.${signature}`;
}

describe('VC-JWT', () => {
  let key: IssuerSigningKey;
  let record: IssuerKeyRecord;
  let jwks: Jwks;
  let credential: OpenBadgeCredential;
  let jwt: string;
  const notRevoked = () => false;
  let options: VerifyCredentialOptions;

  beforeAll(async () => {
    ({ record, signingKey: key } = await generateIssuerKey(SECRET));
    jwks = buildJwks([record.publicJwk]);
    credential = buildOpenBadgeCredential(sampleCredentialInput());
    jwt = await signCredentialJwt(credential, key, { issuedAt: ISSUED_AT });
    options = { jwks, expectedIssuerId: SAMPLE_ISSUER.id, now: DURING, resolveStatusBit: notRevoked };
  });

  const sign = (payload: Record<string, unknown>, header: Record<string, unknown> = {}) =>
    new SignJWT(payload).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: key.kid, ...header }).sign(key.privateKey);

  describe('signing', () => {
    it('uses exactly the OB 3.0 JOSE header', () => {
      expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'EdDSA', typ: 'vc+jwt', kid: record.kid });
    });

    it('maps the credential to the registered claims, credential members at the top level', () => {
      const payload = decodePayload(jwt);
      const identityHash = credential.credentialSubject.identifier[0].identityHash;
      expect(payload).toEqual({
        ...credential,
        iss: SAMPLE_ISSUER.id,
        jti: credential.id,
        sub: identityHash,
        nbf: Date.parse('2025-03-14T09:26:53Z') / 1000,
        exp: Date.parse('2027-03-14T09:26:53Z') / 1000,
        iat: ISSUED_AT.getTime() / 1000,
      });
      expect(payload).not.toHaveProperty('vc');
    });

    it('omits exp without validUntil and prefers credentialSubject.id for sub', async () => {
      const subjectWithId = {
        ...buildOpenBadgeCredential(sampleCredentialInput({ validUntil: undefined })),
      } as OpenBadgeCredential;
      subjectWithId.credentialSubject = { ...subjectWithId.credentialSubject, id: 'did:example:holder' };
      const payload = decodePayload(await signCredentialJwt(subjectWithId, key, { issuedAt: ISSUED_AT }));
      expect(payload).not.toHaveProperty('exp');
      expect(payload.sub).toBe('did:example:holder');
    });
  });

  describe('independent verification with plain jose', () => {
    it('verifies with jwtVerify + createLocalJWKSet over the published JWKS', async () => {
      const published = JSON.parse(JSON.stringify(jwks)) as Jwks;
      const { payload, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(published), {
        issuer: SAMPLE_ISSUER.id,
        algorithms: ['EdDSA'],
        typ: 'vc+jwt',
        currentDate: DURING,
      });
      expect(protectedHeader.kid).toBe(record.kid);
      expect(payload.jti).toBe(credential.id);
      expect(payload.credentialSubject).toEqual(credential.credentialSubject);
    });

    it('changing one character of the payload breaks the signature, for jose and for us', async () => {
      const original = new TextDecoder().decode(base64url.decode(jwt.split('.')[1]));
      expect(original).toContain('"value":"87.5"');
      const tampered = withPayload(jwt, original.replace('"value":"87.5"', '"value":"97.5"'));

      await expect(jwtVerify(tampered, createLocalJWKSet(jwks), { currentDate: DURING })).rejects.toBeInstanceOf(
        errors.JWSSignatureVerificationFailed,
      );
      const report = await verifyCredentialJwt(tampered, options);
      expect(report.valid).toBe(false);
      expect(report.status).toBe('invalid');
      expect(report.checks).toEqual([
        { check: 'format', passed: true, message: 'well-formed VC-JWT' },
        { check: 'signature', passed: false, message: `signature does not verify with key ${record.kid}` },
      ]);
      expect(report.credential).toBeUndefined();
    });
  });

  describe('verifyCredentialJwt', () => {
    it('reports every check passed for a good credential', async () => {
      const report = await verifyCredentialJwt(jwt, options);
      expect(report.valid).toBe(true);
      expect(report.status).toBe('valid');
      expect(report.checks.map((c) => [c.check, c.passed])).toEqual([
        ['format', true],
        ['signature', true],
        ['issuer', true],
        ['dates', true],
        ['status', true],
      ]);
      expect(report.checks.find((c) => c.check === 'dates')?.message).toBe(
        'valid from 2025-03-14T09:26:53Z until 2027-03-14T09:26:53Z',
      );
      expect(report.credential).toEqual(credential);
    });

    it('passes the credential status entry to the resolver', async () => {
      const seen: unknown[] = [];
      await verifyCredentialJwt(jwt, { ...options, resolveStatusBit: (entry) => (seen.push(entry), false) });
      expect(seen).toEqual([credential.credentialStatus]);
    });

    describe('signature', () => {
      it('fails with "unknown kid" when the key is not in the JWKS', async () => {
        const other = await generateIssuerKey(SECRET);
        const report = await verifyCredentialJwt(jwt, { ...options, jwks: buildJwks([other.record.publicJwk]) });
        expect(report.status).toBe('invalid');
        expect(report.checks[1]).toEqual({ check: 'signature', passed: false, message: `unknown kid ${record.kid}: not in the issuer's JWKS` });
      });

      it('still verifies old credentials after rotation (old key kept in the JWKS)', async () => {
        const next = await generateIssuerKey(SECRET);
        const rotated = buildJwks([next.record.publicJwk, record.publicJwk]);
        expect((await verifyCredentialJwt(jwt, { ...options, jwks: rotated })).valid).toBe(true);
      });

      it('fails when a different key is published under the same kid', async () => {
        const other = await generateIssuerKey(SECRET);
        const forged = { keys: [{ ...other.record.publicJwk, kid: record.kid }] };
        const report = await verifyCredentialJwt(jwt, { ...options, jwks: forged });
        expect(report.checks[1]).toMatchObject({ check: 'signature', passed: false, message: expect.stringContaining('does not verify') });
      });

      it('refuses other algorithms, including "none", and a missing kid', async () => {
        const unsigned = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT', kid: record.kid }))}.${jwt.split('.')[1]}.`;
        expect((await verifyCredentialJwt(unsigned, options)).checks[1].message).toMatch(/algorithm none is not accepted/);
        const noKid = await new SignJWT(decodePayload(jwt)).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' }).sign(key.privateKey);
        expect((await verifyCredentialJwt(noKid, options)).checks[1].message).toBe('JWT header has no kid');
      });
    });

    describe('issuer', () => {
      it('fails when the credential is from another issuer than expected', async () => {
        const report = await verifyCredentialJwt(jwt, { ...options, expectedIssuerId: 'https://evil.example/issuer' });
        expect(report.status).toBe('invalid');
        expect(report.checks.find((c) => c.check === 'issuer')).toEqual({
          check: 'issuer',
          passed: false,
          message: `issued by ${SAMPLE_ISSUER.id}, expected https://evil.example/issuer`,
        });
      });

      it('fails when iss does not match issuer.id', async () => {
        const forged = await sign({ ...decodePayload(jwt), iss: 'https://other.example' });
        const report = await verifyCredentialJwt(forged, options);
        expect(report.checks.find((c) => c.check === 'issuer')?.message).toMatch(/does not match issuer.id/);
        expect(report.status).toBe('invalid');
      });
    });

    describe('dates', () => {
      it('is not yet valid before validFrom', async () => {
        const report = await verifyCredentialJwt(jwt, { ...options, now: new Date('2025-03-14T09:26:52Z') });
        expect(report.status).toBe('invalid');
        expect(report.checks.find((c) => c.check === 'dates')).toEqual({
          check: 'dates',
          passed: false,
          message: 'not yet valid: valid from 2025-03-14T09:26:53Z',
        });
      });

      it('is valid from the validFrom second on', async () => {
        expect((await verifyCredentialJwt(jwt, { ...options, now: new Date('2025-03-14T09:26:53Z') })).valid).toBe(true);
      });

      it('is expired at and after validUntil', async () => {
        for (const now of ['2027-03-14T09:26:53Z', '2030-01-01T00:00:00Z']) {
          const report = await verifyCredentialJwt(jwt, { ...options, now: new Date(now) });
          expect(report.status).toBe('expired');
          expect(report.valid).toBe(false);
          expect(report.checks.find((c) => c.check === 'dates')?.message).toBe('expired on 2027-03-14T09:26:53Z');
          // Authentic but expired: the credential is still returned for display.
          expect(report.credential?.id).toBe(credential.id);
        }
      });

      it('applies the clock tolerance', async () => {
        const now = new Date('2027-03-14T09:27:00Z');
        expect((await verifyCredentialJwt(jwt, { ...options, now, clockToleranceSeconds: 60 })).valid).toBe(true);
      });

      it('never expires without validUntil', async () => {
        const forever = await signCredentialJwt(buildOpenBadgeCredential(sampleCredentialInput({ validUntil: undefined })), key, {
          issuedAt: ISSUED_AT,
        });
        const report = await verifyCredentialJwt(forever, { ...options, now: new Date('2100-01-01T00:00:00Z') });
        expect(report.valid).toBe(true);
        expect(report.checks.find((c) => c.check === 'dates')?.message).toMatch(/with no expiry$/);
      });
    });

    describe('status', () => {
      it('is revoked when the status bit is set', async () => {
        const report = await verifyCredentialJwt(jwt, { ...options, resolveStatusBit: async () => true });
        expect(report.status).toBe('revoked');
        expect(report.checks.find((c) => c.check === 'status')).toEqual({
          check: 'status',
          passed: false,
          message: `revoked (status list ${SAMPLE_STATUS_LIST_URL}, index 94567)`,
        });
      });

      it('revoked wins over expired', async () => {
        const report = await verifyCredentialJwt(jwt, { ...options, now: new Date('2030-01-01T00:00:00Z'), resolveStatusBit: () => true });
        expect(report.status).toBe('revoked');
      });

      it('is invalid, not valid, when the status cannot be resolved or no resolver is given', async () => {
        const failing = await verifyCredentialJwt(jwt, {
          ...options,
          resolveStatusBit: () => {
            throw new Error('status list unavailable');
          },
        });
        expect(failing.status).toBe('invalid');
        expect(failing.checks.find((c) => c.check === 'status')?.message).toBe('status could not be resolved: status list unavailable');
        const unresolved = await verifyCredentialJwt(jwt, { ...options, resolveStatusBit: undefined });
        expect(unresolved.status).toBe('invalid');
        expect(unresolved.checks.find((c) => c.check === 'status')?.message).toMatch(/no status resolver/);
      });
    });

    describe('format', () => {
      it.each([
        ['not a JWT', 'malformed JWT: expected three dot-separated parts'],
        ['a.b', 'malformed JWT: expected three dot-separated parts'],
        ['!!!.e30.sig', 'malformed JWT header'],
      ])('rejects %j', async (input, message) => {
        const report = await verifyCredentialJwt(input, options);
        expect(report).toEqual({ valid: false, status: 'invalid', checks: [expect.objectContaining({ check: 'format', passed: false })] });
        expect(report.checks[0].message).toContain(message);
      });

      it('rejects a payload that is not JSON (and reports the broken signature too)', async () => {
        const [header, , signature] = jwt.split('.');
        const report = await verifyCredentialJwt(`${header}.${base64url.encode('{not json')}.${signature}`, options);
        expect(report.checks).toEqual([
          { check: 'format', passed: false, message: 'malformed JWT payload: not base64url-encoded JSON' },
          expect.objectContaining({ check: 'signature', passed: false }),
        ]);
      });

      it('rejects a validly signed JWT that is not an OpenBadgeCredential', async () => {
        const notACredential = await sign({ iss: SAMPLE_ISSUER.id, hello: 'world' });
        const report = await verifyCredentialJwt(notACredential, options);
        expect(report.checks[0]).toMatchObject({ check: 'format', passed: false });
        expect(report.checks[0].message).toMatch(/@context must start with/);
        expect(report.checks[1]).toMatchObject({ check: 'signature', passed: true });
        expect(report.status).toBe('invalid');
      });

      it('rejects claims that disagree with the credential', async () => {
        const payload = decodePayload(jwt);
        for (const [claims, message] of [
          [{ jti: 'https://kubequiz.example/certificates/other' }, /jti .* does not match credential id/],
          [{ nbf: (payload.nbf as number) - 1 }, /nbf does not match validFrom/],
          [{ exp: undefined }, /missing exp claim for validUntil/],
          [{ sub: 'sha256$0000' }, /sub does not match/],
          [{ iat: 'yesterday' }, /non-numeric iat/],
        ] as const) {
          const report = await verifyCredentialJwt(await sign({ ...payload, ...claims }), options);
          expect(report.checks[0].message).toMatch(message);
          expect(report.valid).toBe(false);
        }
      });

      it('rejects a typ other than vc+jwt, or JWT as signed before', async () => {
        for (const typ of ['vp+jwt', 'at+jwt', 'JOSE']) {
          const report = await verifyCredentialJwt(await sign(decodePayload(jwt), { typ }), options);
          expect({ typ, message: report.checks[0].message }).toEqual({ typ, message: expect.stringMatching(/unexpected typ/) });
        }
        for (const typ of ['JWT', 'vc+jwt', 'application/vc+jwt']) {
          const report = await verifyCredentialJwt(await sign(decodePayload(jwt), { typ }), options);
          expect({ typ, valid: report.valid }).toEqual({ typ, valid: true });
        }
      });

      it('accepts the VC 1.1 layout with the credential under a vc claim', async () => {
        const { iss, jti, sub, nbf, exp } = decodePayload(jwt);
        const legacy = await sign({ iss, jti, sub, nbf, exp, vc: credential });
        const report = await verifyCredentialJwt(legacy, options);
        expect(report.valid).toBe(true);
        expect(report.credential).toEqual(credential);
      });
    });
  });

  describe('status list credential', () => {
    it('signs and verifies a list, and revokes a credential end to end', async () => {
      const list = new StatusBitstring();
      list.set(94_567, true);
      const listJwt = await signCredentialJwt(
        buildStatusListCredential({ id: SAMPLE_STATUS_LIST_URL, issuer: SAMPLE_ISSUER, list, validFrom: ISSUED_AT }),
        key,
        { issuedAt: ISSUED_AT },
      );
      expect(decodePayload(listJwt).sub).toBe(`${SAMPLE_STATUS_LIST_URL}#list`);

      const listReport = await verifyStatusListCredentialJwt(listJwt, { jwks, expectedIssuerId: SAMPLE_ISSUER.id, now: DURING });
      expect(listReport.valid).toBe(true);
      const verifiedList = StatusBitstring.decode(listReport.credential!.credentialSubject.encodedList);

      const report = await verifyCredentialJwt(jwt, {
        ...options,
        resolveStatusBit: (entry) => verifiedList.get(Number(entry.statusListIndex)),
      });
      expect(report.status).toBe('revoked');
    });

    it('a status list JWT does not verify as a certificate (same key, different type)', async () => {
      const listJwt = await signCredentialJwt(
        buildStatusListCredential({ id: SAMPLE_STATUS_LIST_URL, issuer: SAMPLE_ISSUER, list: new StatusBitstring(), validFrom: ISSUED_AT }),
        key,
        { issuedAt: ISSUED_AT },
      );
      const report = await verifyCredentialJwt(listJwt, options);
      expect(report.valid).toBe(false);
      expect(report.checks[0].message).toMatch(/type must include VerifiableCredential and OpenBadgeCredential/);
    });
  });
});
