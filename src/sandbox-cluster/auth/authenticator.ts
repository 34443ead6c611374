import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { UserInfo } from '../core/types.js';
import type { ObjectStore } from '../store/object-store.js';
import type { TokenIssuer } from './token-issuer.js';

export const ADMIN_USER: UserInfo = { username: 'sandbox-admin', uid: 'sandbox-admin', groups: ['system:masters', 'system:authenticated'] };

export function serviceAccountUser(namespace: string, name: string, uid: string): UserInfo {
  return {
    username: `system:serviceaccount:${namespace}:${name}`,
    uid,
    groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
  };
}

function sameSecret(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

export type AuthResult = { kind: 'user'; user: UserInfo } | { kind: 'anonymous' } | { kind: 'invalid' };

/** Bearer tokens: the admin token, or a service-account JWT whose account still exists. */
export class Authenticator {
  constructor(
    private readonly adminToken: string,
    private readonly issuer: TokenIssuer,
    private readonly store: ObjectStore,
  ) {}

  async authenticate(req: IncomingMessage): Promise<AuthResult> {
    const header = req.headers.authorization;
    if (!header) return { kind: 'anonymous' };
    const m = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!m) return { kind: 'invalid' };
    return this.authenticateToken(m[1]!.trim());
  }

  async authenticateToken(token: string): Promise<AuthResult> {
    if (sameSecret(token, this.adminToken)) return { kind: 'user', user: ADMIN_USER };
    const claims = await this.issuer.verify(token);
    if (!claims) return { kind: 'invalid' };
    // Bound tokens die with their service account, as the real token authenticator checks.
    const sa = this.store.get('/serviceaccounts', claims.namespace, claims.name);
    if (!sa || sa.metadata.uid !== claims.uid) return { kind: 'invalid' };
    return { kind: 'user', user: serviceAccountUser(claims.namespace, claims.name, claims.uid) };
  }
}
