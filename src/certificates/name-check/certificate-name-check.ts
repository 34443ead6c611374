import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/time/clock.js';
import { CertificateVerification, type VerifiedCertificate } from '../certificate-verification.js';
import { NameCheckRateLimit } from './name-check-rate-limit.js';
import { recipientNameMatches } from './recipient-name-hash.js';

export type NameCheckOutcome =
  | { kind: 'unknown-certificate' }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'answered'; matches: boolean; checkedAt: Date };

/**
 * "Was this certificate issued to 王芳?": a yes or no against the salted hash of the printed
 * name, so a visitor holding a PDF can check it even when the holder hid the name, and learns
 * nothing but that one answer. Every check counts against its own budget.
 */
@Injectable()
export class CertificateNameCheck {
  constructor(
    private readonly verification: CertificateVerification,
    private readonly limit: NameCheckRateLimit,
    private readonly clock: Clock,
  ) {}

  async check(certificateId: string, name: string, clientAddress: string | undefined): Promise<{ verified: VerifiedCertificate; outcome: NameCheckOutcome }> {
    const verified = await this.verification.byId(certificateId);
    const { certificate } = verified;
    if (!certificate) return { verified, outcome: { kind: 'unknown-certificate' } };
    const allowance = await this.limit.consume(clientAddress, certificate.id);
    if (!allowance.allowed) return { verified, outcome: { kind: 'rate-limited', retryAfterSeconds: allowance.retryAfterSeconds } };
    const matches = recipientNameMatches(name, { salt: certificate.recipientNameSalt, hash: certificate.recipientNameHash });
    return { verified, outcome: { kind: 'answered', matches, checkedAt: this.clock.now() } };
  }
}
