import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { AppException, type FieldError } from '../common/errors/app.exception.js';
import { Clock } from '../common/time/clock.js';
import { AppConfig } from '../config/app-config.js';
import { CoursesService } from '../documents/courses.service.js';
import { scoreItem, validateResponse } from '../grading/index.js';
import { CandidateVisibility } from '../question-bank/candidate-visibility.service.js';
import { practiceVisibleSql } from '../question-bank/item-use.js';
import type { AnswerKey, QuestionContent } from '../question-bank/model/question-types.js';
import type { OfflineAnswerDto, RecordedAnswerDto, UploadPracticeResultsDto, UploadPracticeResultsResultDto } from './dto/offline-practice.dto.js';

/** How far ahead of the server a device clock may run before its timestamps are refused. */
const CLOCK_SKEW_MS = 5 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

interface RevisionRow {
  question_id: string;
  course_id: string;
  language: string;
  section_keys: string[];
  revision_id: string;
  is_current: boolean;
  content: QuestionContent;
  answer_key: AnswerKey;
}

interface StoredRow {
  client_id: string;
  items: Array<{ questionId: string; outcome: string; fraction: number }>;
  points: number;
  max_points: number;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Answers given offline from a practice bundle, uploaded later: graded here with the same
 * pure grading as /check (the device's own grading is never trusted), each kept once per
 * client id, and counted into the progress view like any practice.
 */
@Injectable()
export class OfflineResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly courses: CoursesService,
    private readonly visibility: CandidateVisibility,
  ) {}

  async upload(auth: AuthContext, dto: UploadPracticeResultsDto): Promise<UploadPracticeResultsResultDto> {
    const userId = auth.userId;
    if (!userId) throw new AppException('forbidden', 'Practice results belong to a person: sign in as one to upload them');
    // PostgreSQL writes uuids in lower case; compare them the same way.
    const results = dto.results.map((answer) => ({
      ...answer,
      clientId: answer.clientId.toLowerCase(),
      questionId: answer.questionId.toLowerCase(),
      revisionId: answer.revisionId?.toLowerCase(),
    }));
    this.assertWellFormed(results);
    const revisions = await this.revisionsFor(auth, results);
    await this.visibility.assertNotInRunningAttempt(userId, [...new Set(results.map((answer) => answer.questionId))]);

    const problems: FieldError[] = [];
    const graded = results.map((answer, i) => {
      const revision = this.revisionToGrade(revisions, answer);
      for (const message of validateResponse(revision.content, answer.response)) problems.push({ path: `results[${i}].response`, message });
      return { answer, revision };
    });
    if (problems.length) throw AppException.validation(problems);

    return this.dataSource.transaction(async (manager) => {
      const stored: StoredRow[] = await manager.query(
        `SELECT client_id, items, points, max_points FROM practice_results WHERE user_id = $1 AND client_id = ANY($2::uuid[])`,
        [userId, graded.map(({ answer }) => answer.clientId)],
      );
      const before = new Map(stored.map((row) => [row.client_id, row]));
      const items: RecordedAnswerDto[] = [];
      for (const [i, { answer, revision }] of graded.entries()) {
        const previous = before.get(answer.clientId);
        if (previous) {
          items.push(this.replay(previous, answer, i));
          continue;
        }
        const scored = scoreItem(revision.content, revision.answer_key, answer.response, {});
        const inserted: unknown[] = await manager.query(
          `INSERT INTO practice_results
             (user_id, organization_id, course_id, section_key, language, points, max_points, answered_count, correct_count, items, client_id, answered_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9, $10, $11)
           ON CONFLICT (user_id, client_id) WHERE client_id IS NOT NULL DO NOTHING
           RETURNING id`,
          [
            userId,
            auth.organizationId,
            revision.course_id,
            revision.section_keys[0],
            revision.language,
            scored.points,
            scored.maxPoints,
            scored.outcome === 'correct' ? 1 : 0,
            JSON.stringify([{ questionId: answer.questionId, revisionId: revision.revision_id, outcome: scored.outcome, fraction: scored.fraction }]),
            answer.clientId,
            new Date(answer.answeredAt),
          ],
        );
        items.push({
          clientId: answer.clientId,
          questionId: answer.questionId,
          recorded: inserted.length === 1,
          outcome: scored.outcome,
          score: round2(scored.points),
          maxScore: scored.maxPoints,
        });
      }
      return { items };
    });
  }

  /** Ids unique within the upload, and device times inside the accepted window. */
  private assertWellFormed(results: OfflineAnswerDto[]): void {
    const now = this.clock.now().getTime();
    const oldest = now - this.config.PRACTICE_RESULT_MAX_AGE_DAYS * DAY_MS;
    const problems: FieldError[] = [];
    const seen = new Set<string>();
    results.forEach((answer, i) => {
      if (seen.has(answer.clientId)) problems.push({ path: `results[${i}].clientId`, message: 'appears twice in this upload' });
      seen.add(answer.clientId);
      const at = Date.parse(answer.answeredAt);
      if (Number.isNaN(at)) problems.push({ path: `results[${i}].answeredAt`, message: 'is not a date-time' });
      else if (at > now + CLOCK_SKEW_MS) problems.push({ path: `results[${i}].answeredAt`, message: 'is in the future (check the device clock)' });
      else if (at < oldest) problems.push({ path: `results[${i}].answeredAt`, message: `is older than ${this.config.PRACTICE_RESULT_MAX_AGE_DAYS} days` });
    });
    if (problems.length) throw AppException.validation(problems);
  }

  /**
   * The practice-visible revisions of the questions answered, in courses the caller may
   * read. Anything else (unknown, exam-only, another tenant's) is one and the same 404.
   */
  private async revisionsFor(auth: AuthContext, results: OfflineAnswerDto[]): Promise<Map<string, RevisionRow[]>> {
    const questionIds = [...new Set(results.map((answer) => answer.questionId))];
    const revisionIds = results.flatMap((answer) => (answer.revisionId ? [answer.revisionId] : []));
    const rows: RevisionRow[] = await this.dataSource.query(
      `SELECT q.id AS question_id, q.course_id, q.language, q.section_keys, r.id AS revision_id,
              r.revision = q.current_revision AS is_current, r.content, r.answer_key
         FROM questions q
         JOIN question_revisions r ON r.question_id = q.id
        WHERE q.id = ANY($1::uuid[]) AND q.status = 'approved' AND ${practiceVisibleSql('q')}
          AND (r.revision = q.current_revision OR r.id = ANY($2::uuid[]))`,
      [questionIds, revisionIds],
    );
    const readable = new Set<string>();
    for (const courseId of new Set(rows.map((row) => row.course_id))) {
      if (await this.courses.findReadable(auth, courseId).then(() => true, () => false)) readable.add(courseId);
    }
    const byQuestion = new Map<string, RevisionRow[]>();
    for (const row of rows.filter((candidate) => readable.has(candidate.course_id))) {
      byQuestion.set(row.question_id, [...(byQuestion.get(row.question_id) ?? []), row]);
    }
    const unknown = results.find((answer) => !byQuestion.has(answer.questionId));
    if (unknown) throw AppException.notFound('Question', unknown.questionId);
    return byQuestion;
  }

  /** The revision the device held when it is one of this question's, else the current one. */
  private revisionToGrade(revisions: Map<string, RevisionRow[]>, answer: OfflineAnswerDto): RevisionRow {
    const candidates = revisions.get(answer.questionId)!;
    const held = answer.revisionId && candidates.find((row) => row.revision_id === answer.revisionId);
    return held || candidates.find((row) => row.is_current)!;
  }

  /** A retry: report what was recorded the first time; the same id for another question is a misuse. */
  private replay(previous: StoredRow, answer: OfflineAnswerDto, i: number): RecordedAnswerDto {
    const item = previous.items[0];
    if (!item || item.questionId !== answer.questionId) {
      throw new AppException('idempotency-key-reused', `results[${i}].clientId was already used for another answer`, { clientId: answer.clientId });
    }
    return { clientId: answer.clientId, questionId: item.questionId, recorded: false, outcome: item.outcome, score: round2(previous.points), maxScore: previous.max_points };
  }
}
