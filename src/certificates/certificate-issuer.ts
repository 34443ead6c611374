import { Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AttemptGradedListener } from '../attempts/attempt-events.js';
import type { AttemptEntity } from '../attempts/entities/attempt.entity.js';
import { UserEntity } from '../auth/entities/user.entity.js';
import { Clock } from '../common/time/clock.js';
import { ExamVersionEntity } from '../exams/entities/exam-version.entity.js';
import type { AttemptResult } from '../grading/index.js';
import { OrganizationEntity } from '../organizations/entities/organization.entity.js';
import { buildOpenBadgeCredential, signCredentialJwt } from './core/index.js';
import { credentialInputFor, wholeSeconds } from './certificate-credential.js';
import { CertificateUrls } from './certificate-urls.js';
import { CertificateEntity } from './entities/certificate.entity.js';
import { IssuerBaseUrlsService } from './issuer-base-urls.service.js';
import { IssuerKeysService, lockIssuer } from './issuer-keys.service.js';
import { hashRecipientName } from './name-check/recipient-name-hash.js';
import { StatusListsService } from './status-lists.service.js';

/**
 * Issues the certificate of a passed attempt inside the grading transaction, so a pass and its
 * certificate commit together (AttemptSubmission calls every ATTEMPT_GRADED_LISTENERS entry).
 */
@Injectable()
export class CertificateIssuer extends AttemptGradedListener {
  constructor(
    private readonly keys: IssuerKeysService,
    private readonly statusLists: StatusListsService,
    private readonly baseUrls: IssuerBaseUrlsService,
    private readonly urls: CertificateUrls,
    private readonly clock: Clock,
  ) {
    super();
  }

  async onGraded(attempt: AttemptEntity, manager: EntityManager): Promise<void> {
    if (attempt.passed) await this.issue(manager, attempt);
  }

  /** The attempt's certificate, issued now unless it exists. The attempt must be a graded pass. */
  async issue(manager: EntityManager, attempt: AttemptEntity): Promise<{ certificate: CertificateEntity; created: boolean }> {
    const repo = manager.getRepository(CertificateEntity);
    // The lock serialises issuing per organisation: index allocation, first key, and this check.
    await lockIssuer(manager, attempt.organizationId);
    const existing = await repo.findOneBy({ attemptId: attempt.id });
    if (existing) return { certificate: existing, created: false };

    const version = attempt.examVersion ?? (await manager.getRepository(ExamVersionEntity).findOneByOrFail({ id: attempt.examVersionId }));
    const blueprint = version.blueprint;
    const result = attempt.result as unknown as AttemptResult;
    const user = await manager.getRepository(UserEntity).findOneByOrFail({ id: attempt.userId });
    const organization = await manager.getRepository(OrganizationEntity).findOneByOrFail({ id: attempt.organizationId });
    const key = await this.keys.currentKey(manager, organization.id);
    const status = await this.statusLists.allocate(manager, organization.id);
    const id = randomUUID();
    const issuedAt = wholeSeconds(this.clock.now());
    const sectionKeys = blueprint.sections.length ? blueprint.sections.map((s) => s.sectionKey) : result.sections.map((s) => s.sectionKey);
    const credential = buildOpenBadgeCredential(
      credentialInputFor(
        {
          certificateId: id,
          organization: { id: organization.id, name: organization.name, url: organization.url },
          exam: {
            id: attempt.examId,
            title: blueprint.title,
            passMark: blueprint.passMark,
            sectionKeys: [...new Set(sectionKeys)],
            labTaskCount: blueprint.labTasks.length,
            validityMonths: blueprint.certificateValidityMonths,
          },
          recipient: { email: user.email, salt: randomBytes(16).toString('base64url') },
          score: result.percentage,
          labTasksPassed: result.labTasks.filter((task) => task.outcome === 'correct').map((task) => task.title),
          issuedAt,
          status: { listUrl: this.urls.statusList(status.listId), index: status.index },
        },
        this.urls,
      ),
    );
    const jwt = await signCredentialJwt(credential, key, { issuedAt });
    await this.baseUrls.recordCurrent(manager, organization.id, issuedAt);
    const nameHash = hashRecipientName(user.displayName);
    const certificate = repo.create({
      id,
      organizationId: organization.id,
      attemptId: attempt.id,
      examId: attempt.examId,
      userId: user.id,
      recipientName: user.displayName,
      examTitle: blueprint.title,
      score: result.percentage,
      issuedAt,
      validUntil: credential.validUntil ? new Date(credential.validUntil) : null,
      statusListId: status.listId,
      statusListIndex: status.index,
      kid: key.kid,
      credential,
      jwt,
      showName: true,
      showNameChosenAt: null,
      recipientNameSalt: nameHash.salt,
      recipientNameHash: nameHash.hash,
      revokedAt: null,
      revocationReason: null,
      revokedById: null,
    });
    return { certificate: await repo.save(certificate), created: true };
  }
}
