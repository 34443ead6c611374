import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { AppException } from '../common/errors/app.exception.js';
import { IdempotencyService, type IdempotentResult } from '../common/idempotency/idempotency.service.js';
import { Clock } from '../common/time/clock.js';
import { EnrollmentEntity } from '../exams/entities/enrollment.entity.js';
import { ExamsService } from '../exams/exams.service.js';
import { QuestionPool } from '../exams/question-pool.js';
import { validateResponse } from '../grading/index.js';
import { QuestionRevisionEntity } from '../question-bank/entities/question-revision.entity.js';
import { toAttemptItemView } from './attempt-form.js';
import { scheduleDeadlineSweep } from './deadline-sweep-job.js';
import { JobQueue } from '../jobs/job-queue.js';
import type { AttemptDto, SaveAnswerDto, SavedAnswerDto } from './dto/attempt.dto.js';
import { AttemptItemEntity } from './entities/attempt-item.entity.js';
import { AttemptEntity } from './entities/attempt.entity.js';

const STAFF_ROLES = ['owner', 'examiner'] as const;

/** Starting attempts, reading forms and autosaving answers. Submission lives in AttemptSubmission. */
@Injectable()
export class AttemptsService {
  private readonly logger = new Logger('Attempts');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly exams: ExamsService,
    private readonly pool: QuestionPool,
    private readonly idempotency: IdempotencyService,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
  ) {}

  async start(auth: AuthContext, examId: string, idempotencyKey?: string): Promise<IdempotentResult<AttemptDto>> {
    if (!auth.userId || !auth.roles.includes('candidate')) throw new AppException('forbidden', 'Only candidates start attempts');
    const exam = await this.exams.findOwned(auth, examId);
    if (exam.publishedVersion === 0) throw new AppException('exam-unavailable', 'The exam is not published');
    const userId = auth.userId;
    // Keys are the candidate's within one organisation: a person another organisation shares reuses none of them there.
    const result = await this.idempotency.run(`attempt-start:${exam.organizationId}:${userId}`, idempotencyKey, { examId }, async (manager) => {
      // The enrollment row serialises concurrent starts by the same candidate.
      const enrollment = await manager.getRepository(EnrollmentEntity).findOne({ where: { examId, userId }, lock: { mode: 'pessimistic_write' } });
      if (!enrollment) throw new AppException('forbidden', 'You are not enrolled in this exam');
      const open = await manager.getRepository(AttemptEntity).findOneBy({ examId, userId, status: 'in-progress' });
      if (open) return { statusCode: 200, body: open.id };
      const version = await this.exams.publishedVersion(exam.id, exam.publishedVersion, manager);
      const blueprint = version!.blueprint;
      const now = this.clock.now();
      if (blueprint.availableFrom && now < new Date(blueprint.availableFrom)) throw new AppException('exam-unavailable', `The exam opens at ${blueprint.availableFrom}`);
      if (blueprint.availableUntil && now >= new Date(blueprint.availableUntil)) throw new AppException('exam-unavailable', `The exam closed at ${blueprint.availableUntil}`);
      const previous = await manager.getRepository(AttemptEntity).find({ where: { examId, userId }, select: { id: true } });
      if (previous.length >= blueprint.maxAttempts) throw new AppException('attempts-exhausted', `All ${blueprint.maxAttempts} attempts are used`);
      const seen = previous.length
        ? new Set((await manager.getRepository(AttemptItemEntity).find({ where: { attemptId: In(previous.map((a) => a.id)) }, select: { questionId: true } })).map((i) => i.questionId))
        : new Set<string>();
      const seed = randomBytes(12).toString('base64url');
      const drawn = await this.pool.draw(blueprint, seed, seen, manager);
      const limit = now.getTime() + blueprint.timeLimitMinutes * 60_000;
      const closes = blueprint.availableUntil ? new Date(blueprint.availableUntil).getTime() : Infinity;
      const attempt = await manager.getRepository(AttemptEntity).save(
        manager.getRepository(AttemptEntity).create({
          examId,
          examVersionId: version!.id,
          organizationId: exam.organizationId,
          userId,
          attemptNumber: previous.length + 1,
          seed,
          status: 'in-progress',
          startedAt: now,
          deadlineAt: new Date(Math.min(limit, closes)),
        }),
      );
      if (drawn.length) {
        await manager.getRepository(AttemptItemEntity).insert(
          drawn.map((item, index) => ({
            attemptId: attempt.id,
            position: index + 1,
            questionId: item.questionId,
            revisionId: item.revisionId,
            sectionKey: item.sectionKey,
            weight: item.weight,
            displaySeed: blueprint.shuffleOptions ? `${seed}:${index + 1}` : null,
          })),
        );
      }
      await scheduleDeadlineSweep(this.queue, attempt.id, attempt.deadlineAt, this.logger);
      return { statusCode: 201, body: attempt.id };
    });
    return { ...result, body: await this.view(await this.findVisible(auth, result.body)) };
  }

  async get(auth: AuthContext, id: string): Promise<AttemptDto> {
    return this.view(await this.findVisible(auth, id));
  }

  /** Autosave: durable before the answer; a stale version or a closed attempt changes nothing. */
  async saveAnswer(auth: AuthContext, id: string, position: number, dto: SaveAnswerDto): Promise<SavedAnswerDto> {
    const attempt = await this.findVisible(auth, id);
    if (attempt.userId !== auth.userId) throw new AppException('forbidden', 'Only the candidate answers');
    const item = await this.dataSource.getRepository(AttemptItemEntity).findOne({ where: { attemptId: id, position }, relations: { revision: true } });
    if (!item) throw AppException.notFound('Item', String(position));
    const problems = validateResponse(item.revision!.content, dto.response);
    if (problems.length) throw AppException.validation(problems.map((message) => ({ path: 'response', message })));
    const now = this.clock.now();
    const updated: Array<{ answer_version: number }> = await this.dataSource.query(
      `UPDATE attempt_items i SET answer = $1, answer_version = i.answer_version + 1, answered_at = $2
         FROM attempts a
        WHERE i.attempt_id = $3 AND i.position = $4 AND i.answer_version = $5
          AND a.id = i.attempt_id AND a.status = 'in-progress' AND a.deadline_at > $2
        RETURNING i.answer_version`,
      [JSON.stringify(dto.response), now, id, position, dto.version],
    ).then((rows: unknown) => (Array.isArray(rows) && Array.isArray(rows[0]) ? rows[0] : rows) as Array<{ answer_version: number }>);
    if (updated.length === 1) return { position, answerVersion: updated[0]!.answer_version, savedAt: now.toISOString() };
    const current = await this.dataSource.getRepository(AttemptEntity).findOneByOrFail({ id });
    if (current.status !== 'in-progress') throw new AppException('attempt-closed', 'The attempt was submitted; answers can no longer change');
    if (current.deadlineAt <= now) throw new AppException('deadline-passed', `The deadline was ${current.deadlineAt.toISOString()}`);
    const fresh = await this.dataSource.getRepository(AttemptItemEntity).findOneByOrFail({ attemptId: id, position });
    throw new AppException('version-conflict', `The answer is at version ${fresh.answerVersion}, not ${dto.version}`, { currentVersion: fresh.answerVersion });
  }

  /** The attempt if the caller is its candidate or staff of its organisation; else 404. */
  async findVisible(auth: AuthContext, id: string, manager: EntityManager = this.dataSource.manager): Promise<AttemptEntity> {
    const attempt = await manager.getRepository(AttemptEntity).findOne({
      where: { id, organizationId: auth.organizationId ?? '00000000-0000-0000-0000-000000000000' },
      relations: { examVersion: true },
    });
    const staff = auth.kind === 'api-key' ? auth.scopes.includes('results:read') : STAFF_ROLES.some((role) => auth.roles.includes(role));
    if (!attempt || (attempt.userId !== auth.userId && !staff)) throw AppException.notFound('Attempt', id);
    return attempt;
  }

  async view(attempt: AttemptEntity): Promise<AttemptDto> {
    const items = await this.dataSource.getRepository(AttemptItemEntity).find({ where: { attemptId: attempt.id }, order: { position: 'ASC' } });
    const revisions = new Map(
      (await this.dataSource.getRepository(QuestionRevisionEntity).findBy({ id: In(items.map((i) => i.revisionId)) })).map((r) => [r.id, r]),
    );
    const blueprint = attempt.examVersion!.blueprint;
    const now = this.clock.now().getTime();
    return {
      id: attempt.id,
      examId: attempt.examId,
      examVersion: attempt.examVersion!.version,
      title: blueprint.title,
      attemptNumber: attempt.attemptNumber,
      status: attempt.status,
      startedAt: attempt.startedAt.toISOString(),
      deadlineAt: attempt.deadlineAt.toISOString(),
      timeLeftSeconds: attempt.status === 'in-progress' ? Math.max(0, Math.floor((attempt.deadlineAt.getTime() - now) / 1000)) : 0,
      submittedAt: attempt.submittedAt?.toISOString() ?? null,
      items: items.map((item) => toAttemptItemView(item, revisions.get(item.revisionId)!.content)),
      labTasks: blueprint.labTasks,
    };
  }
}
