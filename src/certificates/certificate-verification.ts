import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeJwt } from 'jose';
import { DataSource } from 'typeorm';
import { Clock } from '../common/time/clock.js';
import { OrganizationEntity } from '../organizations/entities/organization.entity.js';
import { verifyCredentialJwt, type VerificationReport } from './core/index.js';
import { CertificateUrls } from './certificate-urls.js';
import type { CertificateVerificationDto, VerificationReportDto } from './dto/verification.dto.js';
import { CertificateEntity } from './entities/certificate.entity.js';
import { IssuerBaseUrlsService } from './issuer-base-urls.service.js';
import { IssuerKeysService } from './issuer-keys.service.js';
import { StatusListsService } from './status-lists.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface VerifiedCertificate {
  answer: CertificateVerificationDto;
  /** Null for an unknown id. */
  certificate: CertificateEntity | null;
}

/**
 * Public verification. Both routes run the same core verifier over a VC-JWT: our stored one
 * (by certificate id) or one a third party sends, against the issuer's published keys, the
 * server clock and the status list bit, so they cannot disagree.
 */
@Injectable()
export class CertificateVerification {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly keys: IssuerKeysService,
    private readonly statusLists: StatusListsService,
    private readonly baseUrls: IssuerBaseUrlsService,
    private readonly urls: CertificateUrls,
    private readonly clock: Clock,
  ) {}

  async byId(id: string): Promise<VerifiedCertificate> {
    const checkedAt = this.clock.now();
    const certificate = UUID.test(id) ? await this.dataSource.getRepository(CertificateEntity).findOneBy({ id: id.toLowerCase() }) : null;
    if (!certificate) return { certificate: null, answer: unknownAnswer(checkedAt) };
    const report = await this.verify(certificate.jwt, certificate.organizationId, checkedAt);
    const issuer = certificate.credential.issuer;
    return {
      certificate,
      answer: {
        status: report.status,
        certificateId: certificate.id,
        issuer: { id: issuer.id, name: issuer.name, url: issuer.url ?? null },
        recipient: {
          displayName: certificate.showName ? certificate.recipientName : null,
          nameShown: certificate.showName,
          nameCheckUrl: this.urls.nameCheck(certificate.id),
        },
        exam: { id: certificate.examId, title: certificate.examTitle },
        issuedAt: certificate.issuedAt.toISOString(),
        validUntil: certificate.validUntil?.toISOString() ?? null,
        revokedAt: certificate.revokedAt?.toISOString() ?? null,
        revocationReason: certificate.revokedAt ? certificate.revocationReason : null,
        checkedAt: checkedAt.toISOString(),
        checks: report.checks,
      },
    };
  }

  /** Any VC-JWT: the detailed report naming the check that failed. */
  async jwt(jwt: string): Promise<VerificationReportDto> {
    const checkedAt = this.clock.now();
    const organizationId = await this.claimedIssuer(jwt);
    const report = await this.verify(jwt, organizationId, checkedAt);
    return { valid: report.valid, status: report.status, checks: report.checks, ...(report.credential ? { credential: report.credential as never } : {}), checkedAt: checkedAt.toISOString() };
  }

  /**
   * With a known issuer, only that organisation's keys and lists count, under any base URL it
   * issued under. Otherwise every key of ours is tried (so a forged signature still reads
   * "signature"), and the issuer check says the issuer is not one of ours.
   */
  private async verify(jwt: string, organizationId: string | null, now: Date): Promise<VerificationReport> {
    const bases = organizationId ? await this.baseUrls.basesOf(organizationId) : [];
    const expectedIssuerId = organizationId ? bases.map((base) => this.urls.issuer(organizationId, base)) : `${this.urls.base}/v1/issuers/{organizationId}`;
    const report = await verifyCredentialJwt(jwt, {
      jwks: await this.keys.jwks(organizationId ?? undefined),
      expectedIssuerId,
      now,
      resolveStatusBit: organizationId ? this.statusLists.resolverFor(organizationId, bases) : () => Promise.reject(new Error('not an issuer of this service')),
    });
    if (!organizationId) {
      for (const check of report.checks) {
        if (check.check === 'issuer' && !check.passed) check.message = `${check.message.replace(/, expected .*$/, '')}: not an issuer of this service`;
      }
    }
    return report;
  }

  /** The organisation named by the (not yet verified) `iss`, if it is one of ours under a base it issued under. */
  private async claimedIssuer(jwt: string): Promise<string | null> {
    let iss: unknown;
    try {
      iss = decodeJwt(jwt).iss;
    } catch {
      return null;
    }
    const claimed = this.urls.parseIssuer(iss);
    if (!claimed) return null;
    if (!(await this.dataSource.getRepository(OrganizationEntity).existsBy({ id: claimed.organizationId }))) return null;
    return (await this.baseUrls.basesOf(claimed.organizationId)).includes(claimed.base) ? claimed.organizationId : null;
  }
}

function unknownAnswer(checkedAt: Date): CertificateVerificationDto {
  return {
    status: 'unknown',
    certificateId: null,
    issuer: null,
    recipient: null,
    exam: null,
    issuedAt: null,
    validUntil: null,
    revokedAt: null,
    revocationReason: null,
    checkedAt: checkedAt.toISOString(),
    checks: [],
  };
}
