import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { AttemptsService } from '../attempts/attempts.service.js';
import { AttemptEntity } from '../attempts/entities/attempt.entity.js';
import type { AuthContext } from '../auth/auth-context.js';
import { AppException } from '../common/errors/app.exception.js';
import { IdempotencyService, type IdempotentResult } from '../common/idempotency/idempotency.service.js';
import { decodeCursor, toPage, type Page } from '../common/pagination/page.js';
import { Clock } from '../common/time/clock.js';
import { ExamsService } from '../exams/exams.service.js';
import { CandidatesService } from '../organizations/candidates.service.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.js';
import { CertificateIssuer } from './certificate-issuer.js';
import { CertificateUrls } from './certificate-urls.js';
import { toCertificateDto, toCertificateWithCredentialDto } from './certificate.mapper.js';
import type {
  CertificateDto,
  CertificateListQueryDto,
  CertificateWithCredentialDto,
  RevokeCertificateDto,
  UpdateMyCertificateDto,
} from './dto/certificate.dto.js';
import { CertificateEntity } from './entities/certificate.entity.js';
import { StatusListsService } from './status-lists.service.js';

const NO_ORGANIZATION = '00000000-0000-0000-0000-000000000000';

/** Certificates as candidates, staff and integrations see them; revocation; issuing on request. */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly attempts: AttemptsService,
    private readonly exams: ExamsService,
    private readonly candidates: CandidatesService,
    private readonly issuer: CertificateIssuer,
    private readonly statusLists: StatusListsService,
    private readonly idempotency: IdempotencyService,
    private readonly urls: CertificateUrls,
    private readonly clock: Clock,
    private readonly outbox: WebhookOutbox,
  ) {}

  /** The caller's own certificates in the organisation they act in, with the credential for a wallet. */
  async listMine(auth: AuthContext, query: CertificateListQueryDto): Promise<Page<CertificateWithCredentialDto>> {
    if (!auth.userId) throw new AppException('forbidden', 'Only people have certificates');
    const qb = this.query(auth.organizationId).andWhere('c.user_id = :userId', { userId: auth.userId });
    return this.page(qb, query, (c, now) => toCertificateWithCredentialDto(c, this.urls, now));
  }

  async updateMine(auth: AuthContext, id: string, dto: UpdateMyCertificateDto): Promise<CertificateWithCredentialDto> {
    const certificate = await this.dataSource
      .getRepository(CertificateEntity)
      .findOneBy({ id, userId: auth.userId ?? NO_ORGANIZATION, organizationId: auth.organizationId ?? NO_ORGANIZATION });
    if (!certificate) throw AppException.notFound('Certificate', id);
    // Recorded even when unchanged: the page then says the holder chose, not that nobody did.
    certificate.showName = dto.showName;
    certificate.showNameChosenAt = this.clock.now();
    await this.dataSource.getRepository(CertificateEntity).update({ id }, { showName: certificate.showName, showNameChosenAt: certificate.showNameChosenAt });
    return toCertificateWithCredentialDto(certificate, this.urls, this.clock.now());
  }

  async listForExam(auth: AuthContext, examId: string, query: CertificateListQueryDto): Promise<Page<CertificateDto>> {
    const exam = await this.exams.findOwned(auth, examId);
    const qb = this.query(exam.organizationId).andWhere('c.exam_id = :examId', { examId: exam.id });
    return this.page(qb, query, (c, now) => toCertificateDto(c, this.urls, now));
  }

  /** For an LMS: a candidate's certificates by the LMS's own id, with the credential. */
  async listForCandidate(auth: AuthContext, organizationId: string, externalId: string, query: CertificateListQueryDto): Promise<Page<CertificateWithCredentialDto>> {
    const membership = await this.candidates.findByExternalId(auth, organizationId, externalId);
    const qb = this.query(organizationId).andWhere('c.user_id = :userId', { userId: membership.userId });
    return this.page(qb, query, (c, now) => toCertificateWithCredentialDto(c, this.urls, now));
  }

  /**
   * Flips the status list bit and writes `certificate.revoked` in the same transaction;
   * revoking twice changes nothing and announces nothing.
   */
  async revoke(auth: AuthContext, id: string, dto: RevokeCertificateDto): Promise<CertificateDto> {
    const { certificate, deliveryIds } = await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(CertificateEntity);
      const found = await repo.findOne({ where: { id, organizationId: auth.organizationId ?? NO_ORGANIZATION }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw AppException.notFound('Certificate', id);
      if (found.revokedAt) return { certificate: found, deliveryIds: [] };
      found.revokedAt = this.clock.now();
      found.revocationReason = dto.reason.trim();
      found.revokedById = auth.userId;
      await repo.update({ id }, { revokedAt: found.revokedAt, revocationReason: found.revocationReason, revokedById: found.revokedById });
      await this.statusLists.setRevoked(manager, found.statusListId, found.statusListIndex);
      const ids = await this.outbox.enqueue(manager, found.organizationId, 'certificate.revoked', {
        certificateId: found.id,
        attemptId: found.attemptId,
        examId: found.examId,
        userId: found.userId,
        validUntil: found.validUntil?.toISOString() ?? null,
        verificationUrl: this.urls.verification(found.id),
        revokedAt: found.revokedAt.toISOString(),
        reason: found.revocationReason,
      });
      return { certificate: found, deliveryIds: ids };
    });
    await this.outbox.dispatch(deliveryIds);
    return toCertificateDto(certificate, this.urls, this.clock.now());
  }

  /**
   * The certificate of a passed attempt: the one issued at grading, or issued now (e.g. for
   * attempts graded before certificates existed). 409 for an attempt that did not pass.
   */
  async issueForAttempt(auth: AuthContext, attemptId: string, idempotencyKey?: string): Promise<IdempotentResult<CertificateWithCredentialDto>> {
    const attempt = await this.attempts.findVisible(auth, attemptId);
    if (attempt.status !== 'submitted') throw new AppException('conflict', 'The attempt has not been submitted yet');
    if (!attempt.passed) throw new AppException('certificate-not-earned', 'The attempt did not pass: it earns no certificate');
    const result = await this.idempotency.run(`certificate-issue:${attempt.id}`, idempotencyKey, { attemptId: attempt.id }, async (manager) => {
      const locked = await manager.getRepository(AttemptEntity).findOneOrFail({ where: { id: attempt.id }, relations: { examVersion: true } });
      const { certificate, created } = await this.issuer.issue(manager, locked);
      return { statusCode: created ? 201 : 200, body: certificate.id };
    });
    const certificate = await this.dataSource.getRepository(CertificateEntity).findOneByOrFail({ id: result.body });
    return { ...result, body: toCertificateWithCredentialDto(certificate, this.urls, this.clock.now()) };
  }

  private query(organizationId: string | null): SelectQueryBuilder<CertificateEntity> {
    return this.dataSource
      .getRepository(CertificateEntity)
      .createQueryBuilder('c')
      .where('c.organization_id = :organizationId', { organizationId: organizationId ?? NO_ORGANIZATION });
  }

  /** Newest first, keyset on (issued_at, id); `status` filters by the server clock. */
  private async page<T>(qb: SelectQueryBuilder<CertificateEntity>, query: CertificateListQueryDto, map: (c: CertificateEntity, now: Date) => T): Promise<Page<T>> {
    const now = this.clock.now();
    if (query.status === 'revoked') qb.andWhere('c.revoked_at IS NOT NULL');
    if (query.status === 'expired') qb.andWhere('c.revoked_at IS NULL AND c.valid_until <= :now', { now });
    if (query.status === 'valid') qb.andWhere('c.revoked_at IS NULL AND (c.valid_until IS NULL OR c.valid_until > :now)', { now });
    const position = decodeCursor(query.cursor, 'timestamp');
    if (position) qb.andWhere('(c.issued_at, c.id) < (:sort, :id)', position);
    const rows = await qb.orderBy('c.issued_at', 'DESC').addOrderBy('c.id', 'DESC').take(query.limit + 1).getMany();
    return toPage(rows, query.limit, (c) => ({ sort: c.issuedAt.toISOString(), id: c.id }), (c) => map(c, now));
  }
}
