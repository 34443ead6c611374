import { randomUUID } from 'node:crypto';
import { generateKeyPair, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { Clock } from '../core/types.js';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;
type Key = KeyPair['privateKey'];

export const ISSUER = 'https://kubernetes.default.svc.cluster.local';
export const DEFAULT_AUDIENCE = 'https://kubernetes.default.svc.cluster.local';

export interface ServiceAccountClaims {
  namespace: string;
  name: string;
  uid: string;
}

export interface IssuedToken {
  token: string;
  expirationTimestamp: Date;
}

/** Signs and verifies bound service-account tokens (JWTs) with a per-cluster key pair. */
export class TokenIssuer {
  private constructor(
    private readonly privateKey: Key,
    private readonly publicKey: Key,
    private readonly clock: Clock,
  ) {}

  static async create(clock: Clock): Promise<TokenIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    return new TokenIssuer(privateKey, publicKey, clock);
  }

  async issue(sa: ServiceAccountClaims, expirationSeconds: number, audiences: string[]): Promise<IssuedToken> {
    const now = this.clock.now();
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + expirationSeconds;
    const token = await new SignJWT({
      'kubernetes.io': { namespace: sa.namespace, serviceaccount: { name: sa.name, uid: sa.uid } },
    })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'sandbox' })
      .setIssuer(ISSUER)
      .setSubject(`system:serviceaccount:${sa.namespace}:${sa.name}`)
      .setAudience(audiences)
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(exp)
      .setJti(randomUUID())
      .sign(this.privateKey);
    return { token, expirationTimestamp: new Date(exp * 1000) };
  }

  /** The token's service account, or undefined when the token is invalid or expired. */
  async verify(token: string): Promise<(ServiceAccountClaims & { audiences: string[] }) | undefined> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.publicKey, { issuer: ISSUER, currentDate: this.clock.now() }));
    } catch {
      return undefined;
    }
    const k8s = payload['kubernetes.io'] as { namespace?: string; serviceaccount?: { name?: string; uid?: string } } | undefined;
    if (!k8s?.namespace || !k8s.serviceaccount?.name || !k8s.serviceaccount.uid) return undefined;
    const aud = payload.aud === undefined ? [] : Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    return { namespace: k8s.namespace, name: k8s.serviceaccount.name, uid: k8s.serviceaccount.uid, audiences: aud };
  }
}
