import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThanOrEqual, type EntityManager } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { AppException } from '../common/errors/app.exception.js';
import { Clock } from '../common/time/clock.js';
import { gradeAttempt, type AttemptResult, type LabTaskInput } from '../grading/index.js';
import { CandidateVisibility } from '../question-bank/candidate-visibility.service.js';
import { QuestionRevisionEntity } from '../question-bank/entities/question-revision.entity.js';
import { ATTEMPT_GRADED_LISTENERS, type AttemptGradedListener } from './attempt-events.js';
import { AttemptsService } from './attempts.service.js';
import { toAttemptItemView } from './attempt-form.js';
import type { AttemptResultDto } from './dto/attempt-result.dto.js';
import { AttemptItemEntity } from './entities/attempt-item.entity.js';
import { AttemptEntity } from './entities/attempt.entity.js';
import { LabTaskScorer } from './lab-task-scorer.js';
import type { Role } from '../organizations/roles.js';

const STAFF_ROLES: Role[] = ['owner', 'examiner'];

/** Submission (by the candidate or the deadline), grading, and results by review policy. */
@Injectable()
export class AttemptSubmission {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly attempts: AttemptsService,
    private readonly clock: Clock,
    private readonly visibility: CandidateVisibility,
    @Optional() private readonly labs?: LabTaskScorer,
    @Optional() @Inject(ATTEMPT_GRADED_LISTENERS) private readonly listeners: AttemptGradedListener[] = [],
  ) {}

  /** Idempotent: submitting a submitted attempt returns its result unchanged. */
  async submitByCandidate(auth: AuthContext, id: string): Promise<AttemptResultDto> {
    const attempt = await this.attempts.findVisible(auth, id);
    if (attempt.userId !== auth.userId) throw new AppException('forbidden', 'Only the candidate submits');
    await this.submit(id, 'candidate');
    return this.result(auth, id);
  }

  /** Submits every in-progress attempt whose deadline has passed, with what was saved. */
  async submitOverdue(): Promise<number> {
    const overdue = await this.dataSource.getRepository(AttemptEntity).find({
      where: { status: 'in-progress', deadlineAt: LessThanOrEqual(this.clock.now()) },
      select: { id: true },
      take: 500,
    });
    for (const { id } of overdue) await this.submit(id, 'deadline');
    return overdue.length;
  }

  async submit(id: string, by: 'candidate' | 'deadline'): Promise<void> {
    const labScores = await this.labScoresFor(id);
    const graded = await this.dataSource.transaction(async (manager) => {
      const attempt = await manager.getRepository(AttemptEntity).findOne({ where: { id }, relations: { examVersion: true }, lock: { mode: 'pessimistic_write', tables: ['attempts'] } });
      if (!attempt || attempt.status !== 'in-progress') return null;
      const blueprint = attempt.examVersion!.blueprint;
      const { items, revisions } = await this.itemsWithRevisions(manager, id);
      const result = gradeAttempt({
        items: items.map((item) => {
          const revision = revisions.get(item.revisionId)!;
          return { id: String(item.position), sectionKey: item.sectionKey, content: revision.content, key: revision.answerKey, weight: item.weight, response: item.answer };
        }),
        labTasks: labScores,
        passMark: blueprint.passMark,
        multipleResponsePolicy: blueprint.multipleResponsePolicy,
      });
      const now = this.clock.now();
      attempt.status = 'submitted';
      attempt.submittedAt = now < attempt.deadlineAt ? now : attempt.deadlineAt;
      attempt.submittedBy = by;
      attempt.percentage = result.percentage;
      attempt.passed = result.passed;
      attempt.result = result as unknown as Record<string, unknown>;
      await manager.getRepository(AttemptEntity).update(
        { id },
        { status: attempt.status, submittedAt: attempt.submittedAt, submittedBy: by, percentage: result.percentage, passed: result.passed, result: attempt.result as never },
      );
      for (const listener of this.listeners ?? []) await listener.onGraded(attempt, manager);
      return attempt;
    });
    if (graded) for (const listener of this.listeners ?? []) await listener.afterCommit?.(graded);
  }

  async result(auth: AuthContext, id: string): Promise<AttemptResultDto> {
    const attempt = await this.attempts.findVisible(auth, id);
    if (attempt.status !== 'submitted' || !attempt.result) throw new AppException('conflict', 'The attempt has not been submitted yet');
    const blueprint = attempt.examVersion!.blueprint;
    const result = attempt.result as unknown as AttemptResult;
    const staff = auth.kind === 'api-key' || STAFF_ROLES.some((role) => auth.roles.includes(role));
    const windowCloses = blueprint.availableUntil ? new Date(blueprint.availableUntil) : null;
    const held = !staff && blueprint.reviewAfterWindowCloses && windowCloses !== null && this.clock.now() < windowCloses;
    const review = staff ? 'full-review' : held ? 'score-only' : blueprint.reviewPolicy;
    const dto: AttemptResultDto = {
      attemptId: attempt.id,
      status: attempt.status,
      review,
      percentage: result.percentage,
      passed: result.passed,
      points: result.points,
      maxPoints: result.maxPoints,
      passMark: result.passMark,
      submittedAt: attempt.submittedAt!.toISOString(),
      submittedBy: attempt.submittedBy!,
      ...(held ? { reviewAvailableAt: windowCloses!.toISOString() } : {}),
    };
    if (review === 'score-only') return dto;
    dto.sections = result.sections;
    dto.labTasks = result.labTasks.map((task) => ({ taskId: task.taskId, title: task.title, points: task.points, maxPoints: task.maxPoints, passed: task.outcome === 'correct' }));
    if (review !== 'full-review') return dto;
    const { items, revisions } = await this.itemsWithRevisions(this.dataSource.manager, id);
    const scores = new Map(result.items.map((score) => [score.id, score]));
    // A full review still keeps exam-only keys from candidates: the item will be drawn again.
    const withheld = staff ? new Set<string>() : await this.visibility.keysWithheld(items.map((item) => item.questionId));
    dto.items = items.map((item) => {
      const revision = revisions.get(item.revisionId)!;
      const score = scores.get(String(item.position))!;
      const { answer: _answer, answerVersion: _version, ...question } = toAttemptItemView(item, revision.content);
      const keyShown = !withheld.has(item.questionId);
      return {
        position: item.position,
        sectionKey: item.sectionKey,
        question,
        answer: item.answer,
        correctAnswer: keyShown ? revision.answerKey : null,
        outcome: score.outcome,
        points: score.points,
        maxPoints: score.maxPoints,
        explanation: keyShown ? revision.explanation : null,
      };
    });
    return dto;
  }

  private async labScoresFor(id: string): Promise<LabTaskInput[]> {
    const attempt = await this.dataSource.getRepository(AttemptEntity).findOne({ where: { id }, relations: { examVersion: true } });
    const tasks = attempt?.examVersion?.blueprint.labTasks ?? [];
    if (!attempt || attempt.status !== 'in-progress' || tasks.length === 0) return [];
    if (this.labs) return this.labs.scoreForAttempt(id, tasks);
    // Without a lab module the tasks cannot be checked: they count, unscored.
    return tasks.map((task) => ({ taskId: task.taskId, title: task.taskId, weight: task.weight, points: 0, maxPoints: 1 }));
  }

  private async itemsWithRevisions(manager: EntityManager, id: string) {
    const items = await manager.getRepository(AttemptItemEntity).find({ where: { attemptId: id }, order: { position: 'ASC' } });
    const revisions = new Map(
      (await manager.getRepository(QuestionRevisionEntity).findBy({ id: In(items.map((i) => i.revisionId)) })).map((r) => [r.id, r]),
    );
    return { items, revisions };
  }
}
