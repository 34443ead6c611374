import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessTokenService } from '../auth/access-token.service.js';
import { AppException } from '../common/errors/app.exception.js';
import { preloadCertificateFonts, renderCertificatePdf } from './core/index.js';
import { CertificateUrls } from './certificate-urls.js';
import { CertificateEntity } from './entities/certificate.entity.js';

const STAFF_ROLES = ['owner', 'examiner'] as const;
/** Rendering takes ~70 ms of CPU; a PDF never changes, so recent ones are kept (~60 KB each). */
const PDF_CACHE_ENTRIES = 64;

/**
 * The PDF and the credential downloads. Public when the candidate allowed showing the name;
 * otherwise only for the candidate and staff of the organisation (a bearer token on a
 * public route, so the same link works for anyone once the candidate made it public).
 */
@Injectable()
export class CertificateDocuments {
  private fontsLoaded = false;
  private readonly rendered = new Map<string, Buffer>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: AccessTokenService,
    private readonly urls: CertificateUrls,
  ) {}

  async pdf(id: string, authorization: string | undefined): Promise<{ certificate: CertificateEntity; pdf: Buffer }> {
    const certificate = await this.readable(id, authorization);
    const pdf = this.rendered.get(certificate.id) ?? (await this.render(certificate));
    // Map order is insertion order: re-inserting marks the entry as most recently used.
    this.rendered.delete(certificate.id);
    this.rendered.set(certificate.id, pdf);
    if (this.rendered.size > PDF_CACHE_ENTRIES) this.rendered.delete(this.rendered.keys().next().value!);
    return { certificate, pdf };
  }

  /** Everything printed is fixed at issue time, so the bytes depend on the certificate alone. */
  private render(certificate: CertificateEntity): Promise<Buffer> {
    this.preloadFonts();
    return renderCertificatePdf({
      certificateId: certificate.id,
      recipientName: certificate.recipientName,
      examTitle: certificate.examTitle,
      scorePercent: certificate.score,
      issuedAt: certificate.issuedAt,
      ...(certificate.validUntil ? { expiresAt: certificate.validUntil } : {}),
      issuerName: certificate.credential.issuer.name,
      verificationUrl: this.urls.verification(certificate.id),
    });
  }

  credential(id: string, authorization: string | undefined): Promise<CertificateEntity> {
    return this.readable(id, authorization);
  }

  /** Parses the CJK fonts once (~0.5 s); called at start-up outside tests, else on the first PDF. */
  preloadFonts(): void {
    if (this.fontsLoaded) return;
    preloadCertificateFonts();
    this.fontsLoaded = true;
  }

  private async readable(id: string, authorization: string | undefined): Promise<CertificateEntity> {
    const certificate = await this.dataSource.getRepository(CertificateEntity).findOneBy({ id });
    if (!certificate) throw AppException.notFound('Certificate', id);
    if (certificate.showName) return certificate;
    const auth = await this.tokens.authenticate(authorization);
    if (!auth) throw new AppException('unauthenticated', 'This certificate is private: sign in as its candidate or as staff of its organization');
    const sameOrganization = auth.organizationId === certificate.organizationId;
    const staff = STAFF_ROLES.some((role) => auth.roles.includes(role));
    if (!sameOrganization || (auth.userId !== certificate.userId && !staff)) throw AppException.notFound('Certificate', id);
    return certificate;
  }
}
