import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { AppException, type FieldError } from '../common/errors/app.exception.js';
import { toPage, type PageQueryDto } from '../common/pagination/page.js';
import { TtlCache } from '../common/cache/ttl-cache.js';
import { SeededRandom } from '../common/random/seeded-random.js';
import { CoursesService } from '../documents/courses.service.js';
import { DocumentsService } from '../documents/documents.service.js';
import { scoreItem, validateResponse } from '../grading/index.js';
import { toCandidateView } from '../question-bank/candidate-view.js';
import { CandidateVisibility } from '../question-bank/candidate-visibility.service.js';
import { practiceVisibleSql } from '../question-bank/item-use.js';
import { compareKeys } from '../question-bank/question-bank.service.js';
import type { AnswerKey, Language, QuestionContent, QuestionType } from '../question-bank/model/question-types.js';
import type { CheckQuizDto, ProgressDto, QuizCheckResultDto, QuizDto, QuizListDto, QuizSummaryDto } from './dto/quiz.dto.js';
import { PracticeResultEntity } from './entities/practice-result.entity.js';
import { inScope, parseQuizId, quizId, quizListPosition } from './quiz-id.js';

interface ApprovedRow {
  question_id: string;
  revision_id: string;
  section_keys: string[];
  type: QuestionType;
  content: QuestionContent;
  answer_key: AnswerKey;
  explanation: string;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Quizzes are read far more than the bank changes; a newly approved question reaches
 * practice quizzes within this many milliseconds. Changes made through this process are
 * seen at once (the cache key carries the bank version); other replicas follow within it.
 */
const QUIZ_CACHE_MS = 3000;

/** Practice quizzes: one per chapter and per section, over approved questions. */
@Injectable()
export class QuizzesService {
  private readonly approvedCache = new TtlCache<ApprovedRow[]>(QUIZ_CACHE_MS);
  private readonly indexCache = new TtlCache<Awaited<ReturnType<DocumentsService['sectionIndex']>>>(QUIZ_CACHE_MS);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly courses: CoursesService,
    private readonly documents: DocumentsService,
    private readonly visibility: CandidateVisibility,
  ) {}

  async listForCourse(auth: AuthContext, courseId: string, language: Language, page: PageQueryDto): Promise<QuizListDto> {
    const course = await this.courses.findReadable(auth, courseId);
    const rows: Array<{ key: string }> = await this.dataSource.query(
      `SELECT k.key FROM questions q CROSS JOIN LATERAL unnest(q.section_keys) AS k(key)
        WHERE q.course_id = $1 AND q.language = $2 AND q.status = 'approved' AND ${practiceVisibleSql('q')}`,
      [course.id, language],
    );
    const index = await this.documents.sectionIndex(course.id, language);
    const scopes = new Set<string>();
    for (const { key } of rows) {
      const parts = key.split('.');
      scopes.add(parts[0]!);
      if (parts.length > 1) scopes.add(parts.slice(0, 2).join('.'));
    }
    const after = quizListPosition(page.cursor, course.id);
    const ordered = [...scopes].sort(compareKeys).filter((scope) => after === undefined || compareKeys(scope, after) > 0);
    // Keyset by section key (the list's order), the course id standing in as the row id.
    return toPage(ordered.slice(0, page.limit + 1), page.limit, (scope) => ({ sort: scope, id: course.id }), (scope) =>
      this.summary(course.id, scope, language, index?.titles, rows.filter((r) => inScope(r.key, scope)).length),
    );
  }

  async get(auth: AuthContext, id: string, language: Language, seed = randomBytes(6).toString('base64url')): Promise<QuizDto> {
    const { courseId, sectionKey } = parseQuizId(id);
    const course = await this.courses.findReadable(auth, courseId);
    const [rows, index] = await Promise.all([
      this.approvedCache.get(`${course.id}|${sectionKey}|${language}|${this.visibility.bankVersion}`, () => this.approved(course.id, sectionKey, language)),
      this.indexCache.get(`${course.id}|${language}`, () => this.documents.sectionIndex(course.id, language)),
    ]);
    if (rows.length === 0) throw AppException.notFound('Quiz', id);
    const random = new SeededRandom(`${id}|${language}|${seed}`);
    const questions = random.shuffle(rows).map((row) => toCandidateView(row.question_id, row.revision_id, row.content, random));
    return { ...this.summary(course.id, sectionKey, language, index?.titles, rows.length), seed, questions };
  }

  async check(auth: AuthContext, id: string, dto: CheckQuizDto): Promise<QuizCheckResultDto> {
    const { courseId, sectionKey } = parseQuizId(id);
    const course = await this.courses.findReadable(auth, courseId);
    const rows = new Map((await this.approved(course.id, sectionKey, dto.language)).map((row) => [row.question_id, row]));
    // An exam-only item is answered exactly as an id that does not exist, so /check cannot tell them apart.
    const unknown = dto.answers.find((answer) => !rows.has(answer.questionId));
    if (unknown) throw AppException.notFound('Question', unknown.questionId);
    await this.visibility.assertNotInRunningAttempt(auth.userId, dto.answers.map((answer) => answer.questionId));
    const problems: FieldError[] = [];
    dto.answers.forEach((answer, i) => {
      for (const message of validateResponse(rows.get(answer.questionId)!.content, answer.response)) problems.push({ path: `answers[${i}].response`, message });
    });
    if (new Set(dto.answers.map((a) => a.questionId)).size !== dto.answers.length) problems.push({ path: 'answers', message: 'each question may be answered once' });
    if (problems.length) throw AppException.validation(problems);

    const index = await this.documents.sectionIndex(course.id, dto.language);
    const items = dto.answers.map((answer) => {
      const row = rows.get(answer.questionId)!;
      const scored = scoreItem(row.content, row.answer_key, answer.response, {});
      const sectionKey = row.section_keys[0]!;
      return {
        revisionId: row.revision_id,
        feedback: {
          questionId: row.question_id,
          correct: scored.outcome === 'correct',
          outcome: scored.outcome,
          score: round2(scored.points),
          correctAnswer: row.answer_key,
          explanation: row.explanation,
          sectionKey,
          sectionLink: index ? `/v1/documents/${index.documentId}/sections/${sectionKey}` : null,
        },
        fraction: scored.fraction,
        maxPoints: scored.maxPoints,
      };
    });
    const score = items.reduce((sum, item) => sum + item.feedback.score, 0);
    const maxScore = items.reduce((sum, item) => sum + item.maxPoints, 0);
    if (auth.userId) {
      await this.dataSource.getRepository(PracticeResultEntity).insert({
        userId: auth.userId,
        organizationId: auth.organizationId,
        courseId: course.id,
        sectionKey,
        language: dto.language,
        points: score,
        maxPoints: maxScore,
        answeredCount: items.length,
        correctCount: items.filter((item) => item.feedback.correct).length,
        items: items.map((item) => ({ questionId: item.feedback.questionId, revisionId: item.revisionId, outcome: item.feedback.outcome, fraction: item.fraction })),
      });
    }
    return { score: round2(score), maxScore, percentage: maxScore ? round2((score / maxScore) * 100) : 0, items: items.map((item) => item.feedback) };
  }

  /** Practice in the organisation the caller acts in: another organisation sharing the person sees none of it. */
  async progress(auth: AuthContext): Promise<ProgressDto> {
    if (!auth.userId) return { sections: [] };
    const rows: Array<{ course_id: string; section_key: string; attempts: string; best: number; last: number; last_at: Date }> = await this.dataSource.query(
      `SELECT course_id, section_key, count(*) AS attempts,
              max(points / NULLIF(max_points, 0)) AS best,
              (array_agg(points / NULLIF(max_points, 0) ORDER BY coalesce(answered_at, created_at) DESC))[1] AS last,
              max(coalesce(answered_at, created_at)) AS last_at
         FROM practice_results WHERE user_id = $1 AND organization_id IS NOT DISTINCT FROM $2
        GROUP BY course_id, section_key`,
      [auth.userId, auth.organizationId],
    );
    const sections = rows
      .map((row) => ({
        courseId: row.course_id,
        sectionKey: row.section_key,
        attempts: Number(row.attempts),
        bestPercentage: round2((row.best ?? 0) * 100),
        lastPercentage: round2((row.last ?? 0) * 100),
        lastPracticedAt: new Date(row.last_at).toISOString(),
      }))
      .sort((a, b) => a.courseId.localeCompare(b.courseId) || compareKeys(a.sectionKey, b.sectionKey));
    return { sections };
  }

  private summary(courseId: string, sectionKey: string, language: Language, titles: Map<string, string> | undefined, questionCount: number): QuizSummaryDto {
    const title = titles?.get(sectionKey);
    return {
      id: quizId(courseId, sectionKey),
      courseId,
      sectionKey,
      scope: sectionKey.includes('.') ? 'section' : 'chapter',
      title: title ? `${sectionKey} ${title}` : sectionKey,
      language,
      questionCount,
    };
  }

  private approved(courseId: string, sectionKey: string, language: Language): Promise<ApprovedRow[]> {
    return this.dataSource.query(
      `SELECT q.id AS question_id, r.id AS revision_id, q.section_keys, q.type, r.content, r.answer_key, r.explanation
         FROM questions q
         JOIN question_revisions r ON r.question_id = q.id AND r.revision = q.current_revision
        WHERE q.course_id = $1 AND q.language = $2 AND q.status = 'approved' AND ${practiceVisibleSql('q')}
          AND EXISTS (SELECT 1 FROM unnest(q.section_keys) k WHERE k = $3 OR k LIKE $3 || '.%')
        ORDER BY q.id`,
      [courseId, language, sectionKey],
    );
  }
}
