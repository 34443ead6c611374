import { Global, Module, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';
import { AttemptsModule } from '../attempts/attempts.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { IdempotencyService } from '../common/idempotency/idempotency.service.js';
import { AppConfig } from '../config/app-config.js';
import { ExamsModule } from '../exams/exams.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { CertificateExpiryAnnouncer } from './certificate-expiry-announcer.js';
import { CertificateDocuments } from './certificate-documents.js';
import { CertificateIssuer } from './certificate-issuer.js';
import { CertificateUrls } from './certificate-urls.js';
import { CertificateVerification } from './certificate-verification.js';
import { CertificatesController } from './certificates.controller.js';
import { CertificatesService } from './certificates.service.js';
import { CertificateEntity } from './entities/certificate.entity.js';
import { IssuerKeyEntity } from './entities/issuer-key.entity.js';
import { StatusListEntity } from './entities/status-list.entity.js';
import { IssuerBaseUrlEntity } from './entities/issuer-base-url.entity.js';
import { IssuerBaseUrlsService } from './issuer-base-urls.service.js';
import { IssuerKeysService } from './issuer-keys.service.js';
import { IssuersController } from './issuers.controller.js';
import { IssuersService } from './issuers.service.js';
import { PublicCertificatesController, VC_JWT_MEDIA_TYPE } from './public-certificates.controller.js';
import { StatusListsService } from './status-lists.service.js';
import { CertificateNameCheck } from './name-check/certificate-name-check.js';
import { FORM_MEDIA_TYPE, NameCheckController } from './name-check/name-check.controller.js';
import { NameCheckRateLimit } from './name-check/name-check-rate-limit.js';

/** The page's name-check form is the only urlencoded body the API takes. */
const FORM_ROUTE_SUFFIX = '/name-check';

/**
 * Global so that AttemptsModule can list CertificateIssuer among its ATTEMPT_GRADED_LISTENERS
 * without importing this module (which imports it): a pass issues its certificate in the
 * grading transaction.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([CertificateEntity, IssuerKeyEntity, StatusListEntity, IssuerBaseUrlEntity]),
    AttemptsModule,
    ExamsModule,
    OrganizationsModule,
    AuthModule,
    WebhooksModule,
  ],
  controllers: [CertificatesController, PublicCertificatesController, NameCheckController, IssuersController],
  providers: [
    CertificateUrls,
    IssuerBaseUrlsService,
    IssuerKeysService,
    StatusListsService,
    CertificateIssuer,
    CertificatesService,
    CertificateVerification,
    CertificateDocuments,
    IssuersService,
    CertificateNameCheck,
    NameCheckRateLimit,
    IdempotencyService,
    CertificateExpiryAnnouncer,
  ],
  exports: [CertificateIssuer],
})
export class CertificatesModule implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly http: HttpAdapterHost,
    private readonly config: AppConfig,
    private readonly documents: CertificateDocuments,
  ) {}

  onModuleInit(): void {
    // POST /v1/verify takes the JWT itself as its body; Fastify knows only JSON and text/plain.
    const fastify = this.http.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    if (!fastify.hasContentTypeParser(VC_JWT_MEDIA_TYPE)) {
      fastify.addContentTypeParser([VC_JWT_MEDIA_TYPE, 'application/jwt'], { parseAs: 'string' }, (_request, body, done) => done(null, body));
    }
    // The verification page is script-free, so its name check is a plain HTML form post.
    if (!fastify.hasContentTypeParser(FORM_MEDIA_TYPE)) {
      fastify.addContentTypeParser(FORM_MEDIA_TYPE, { parseAs: 'string', bodyLimit: 4096 }, (request, body, done) => {
        if (!request.routeOptions.url?.endsWith(FORM_ROUTE_SUFFIX)) {
          done(Object.assign(new Error(`Unsupported Media Type: ${FORM_MEDIA_TYPE}`), { statusCode: 415 }), undefined);
          return;
        }
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      });
    }
  }

  onApplicationBootstrap(): void {
    // ~0.5 s of font parsing: worth it before the first download in a server, not in every e2e suite.
    if (this.config.NODE_ENV !== 'test') this.documents.preloadFonts();
  }
}
