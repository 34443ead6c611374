import { generate } from 'selfsigned';

export interface TlsMaterial {
  cert: string;
  key: string;
}

let shared: Promise<TlsMaterial> | undefined;

/**
 * A self-signed serving certificate for 127.0.0.1/localhost (also valid as its own CA).
 * Generated once per process: every sandbox in a test run can share it.
 */
export function sandboxCertificate(): Promise<TlsMaterial> {
  shared ??= (async () => {
    const notBeforeDate = new Date(Date.now() - 60 * 60 * 1000);
    const notAfterDate = new Date(Date.now() + 365 * 24 * 60 * 60 * 1000);
    const pems = await generate([{ name: 'commonName', value: 'sandbox-cluster' }], {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate,
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 2, value: 'kubernetes' },
            { type: 2, value: 'kubernetes.default' },
            { type: 2, value: 'kubernetes.default.svc' },
            { type: 7, ip: '127.0.0.1' },
            { type: 7, ip: '::1' },
            { type: 7, ip: '10.96.0.1' },
          ],
        },
      ],
    });
    return { cert: pems.cert, key: pems.private };
  })();
  return shared;
}
