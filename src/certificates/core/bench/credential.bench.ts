// Throughput of the certificate core, for the project bench table (`npm run bench`).
import { performance } from 'node:perf_hooks';
import { renderCertificatePdf } from '../certificate-pdf.js';
import { buildJwks, generateIssuerKey } from '../issuer-keys.js';
import { buildOpenBadgeCredential } from '../open-badge-credential.js';
import { StatusBitstring, statusResolverFromLists } from '../status-list.js';
import { SAMPLE_ISSUER, SAMPLE_STATUS_LIST_URL, sampleCredentialInput, samplePdfInput } from '../testing/sample-certificate.js';
import { signCredentialJwt } from '../vc-jwt.js';
import { verifyCredentialJwt } from '../vc-jwt-verify.js';

export interface CredentialBenchRow {
  name: string;
  value: number;
  unit: string;
}

export interface CredentialBenchOptions {
  /** Warm-up before each measurement (JIT, font parsing). Default 300 ms. */
  warmupMs?: number;
  /** Measuring time per operation. Default 1500 ms (2000 ms for the slower PDF). */
  measureMs?: number;
}

/** Runs `op` back to back for `ms` after a warm-up, returning operations per second. */
async function opsPerSecond(op: (i: number) => Promise<unknown>, ms: number, warmupMs: number): Promise<number> {
  let i = 0;
  const warmupEnd = performance.now() + warmupMs;
  // At least one warm-up call, so one-off costs (parsing the CJK fonts) never count.
  do {
    await op(i);
    i += 1;
  } while (performance.now() < warmupEnd);
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    await op(i + count);
    count += 1;
    elapsed = performance.now() - start;
  }
  return (count * 1000) / elapsed;
}

export async function benchCredentials(options: CredentialBenchOptions = {}): Promise<CredentialBenchRow[]> {
  const warmupMs = options.warmupMs ?? 300;
  const measureMs = options.measureMs ?? 1500;
  const { record, signingKey } = await generateIssuerKey('bench-secret-at-least-16');
  const jwks = buildJwks([record.publicJwk]);
  const issuedAt = new Date('2025-03-14T09:27:00Z');
  const base = sampleCredentialInput();
  const issue = (i: number) =>
    signCredentialJwt(
      buildOpenBadgeCredential({
        ...base,
        credentialId: `https://kubequiz.example/certificates/bench-${i}`,
        recipient: { ...base.recipient, salt: `salt-${i}` },
        status: { statusListCredential: SAMPLE_STATUS_LIST_URL, statusListIndex: i % 131_072 },
      }),
      signingKey,
      { issuedAt },
    );

  const jwt = await issue(1);
  const resolveStatusBit = statusResolverFromLists(new Map([[SAMPLE_STATUS_LIST_URL, new StatusBitstring()]]));
  const verifyOptions = { jwks, expectedIssuerId: SAMPLE_ISSUER.id, now: new Date('2026-01-01T00:00:00Z'), resolveStatusBit };
  const check = await verifyCredentialJwt(jwt, verifyOptions);
  if (!check.valid) throw new Error(`bench credential does not verify: ${JSON.stringify(check.checks)}`);

  const issued = await opsPerSecond(issue, measureMs, warmupMs);
  const verified = await opsPerSecond(() => verifyCredentialJwt(jwt, verifyOptions), measureMs, warmupMs);
  const pdfInput = samplePdfInput();
  const pdfs = await opsPerSecond(() => renderCertificatePdf(pdfInput), options.measureMs ?? 2000, warmupMs);
  return [
    { name: 'certificate issue (build OB 3.0 credential + sign VC-JWT)', value: issued, unit: 'ops/s' },
    { name: 'certificate verify (format, signature, issuer, dates, status)', value: verified, unit: 'ops/s' },
    { name: 'certificate PDF render (A4, CJK font subset, QR)', value: pdfs, unit: 'ops/s' },
  ];
}
