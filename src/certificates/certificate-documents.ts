import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { FastifyRequest } from 'fastify';
import { AccessTokenService } from '../auth/access-token.service.js';
import { ApiKeyStrategy } from '../auth/strategies/api-key.strategy.js';
import { AppException } from '../common/errors/app.exception.js';
import { preloadCertificateFonts, renderCertificatePdf } from './core/index.js';
import { CertificateUrls } from './certificate-urls.js';
import { CertificateEntity } from './entities/certificate.entity.js';

const STAFF_ROLES = ['owner', 'examiner'] as const;
const READ_SCOPE = 'certificates:read';
/** Rendering takes ~70 ms of CPU; a PDF never changes, so recent ones are kept (~60 KB each). */
const PDF_CACHE_ENTRIES = 64;

/**
 * The PDF and the credential downloads. Public when the candidate allowed showing the name;
 * otherwise only for the candidate, staff of the organisation and its API keys with
 * certificates:read (credentials on a public route, so the same link works for anyone once
 * the candidate made it public).
 */
@Injectable()
export class CertificateDocuments {
  private fontsLoaded = false;
  private readonly rendered = new Map<string, Buffer>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: AccessTokenService,
    private readonly apiKeys: ApiKeyStrategy,
    private readonly urls: CertificateUrls,
  ) {}

  async pdf(id: string, request: FastifyRequest): Promise<{ certificate: CertificateEntity; pdf: Buffer }> {
    const certificate = await this.readable(id, request);
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

  credential(id: string, request: FastifyRequest): Promise<CertificateEntity> {
    return this.readable(id, request);
  }

  /** Parses the CJK fonts once (~0.5 s); called at start-up outside tests, else on the first PDF. */
  preloadFonts(): void {
    if (this.fontsLoaded) return;
    preloadCertificateFonts();
    this.fontsLoaded = true;
  }

  private async readable(id: string, request: FastifyRequest): Promise<CertificateEntity> {
    const certificate = await this.dataSource.getRepository(CertificateEntity).findOneBy({ id });
    if (!certificate) throw AppException.notFound('Certificate', id);
    if (certificate.showName) return certificate;
    // The API key strategy counts wrong keys against the address, as the guard would.
    const auth = (await this.tokens.authenticate(request.headers.authorization)) ?? (await this.apiKeys.validate(request));
    if (!auth) throw new AppException('unauthenticated', 'This certificate is private: sign in as its candidate or as staff of its organization, or send an API key with certificates:read');
    const sameOrganization = auth.organizationId === certificate.organizationId;
    if (auth.kind === 'api-key') {
      if (!sameOrganization) throw AppException.notFound('Certificate', id);
      if (!auth.scopes.includes(READ_SCOPE)) throw new AppException('forbidden', `This download needs an API key with the scope ${READ_SCOPE}`);
      return certificate;
    }
    const staff = STAFF_ROLES.some((role) => auth.roles.includes(role));
    if (!sameOrganization || (auth.userId !== certificate.userId && !staff)) throw AppException.notFound('Certificate', id);
    return certificate;
  }
}
