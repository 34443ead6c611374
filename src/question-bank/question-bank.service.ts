import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository, type EntityManager } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { AppException } from '../common/errors/app.exception.js';
import { decodeCursor, toPage, type Page } from '../common/pagination/page.js';
import { assertCanAuthor, scopeToReadableCourses } from '../documents/course-access.js';
import { CoursesService } from '../documents/courses.service.js';
import type {
  BankStatsDto,
  BulkApproveResultDto,
  CreateQuestionDto,
  QuestionEditDto,
  QuestionQueryDto,
  QuestionWithKeyDto,
} from './dto/question.dto.js';
import { CandidateVisibility } from './candidate-visibility.service.js';
import { QuestionRevisionEntity } from './entities/question-revision.entity.js';
import { QuestionEntity, type QuestionStatus } from './entities/question.entity.js';
import { DEFAULT_QUESTION_USE, QUESTION_USES, type QuestionUse } from './item-use.js';
import type { AnswerKey, QuestionContent } from './model/question-types.js';
import { validateQuestion } from './model/validate-question.js';
import { toQuestionWithKey } from './question-mappers.js';

export interface NewQuestion {
  organizationId: string | null;
  courseId: string;
  sectionKeys: string[];
  language: QuestionEntity['language'];
  type: QuestionEntity['type'];
  difficulty: QuestionEntity['difficulty'];
  tags: string[];
  status: QuestionStatus;
  origin: QuestionEntity['origin'];
  /** Defaults to `both`. */
  use?: QuestionUse;
  translationKey?: string | null;
  fingerprint?: string | null;
  source?: QuestionEntity['source'];
  content: QuestionContent;
  answerKey: AnswerKey;
  explanation: string;
  createdById?: string | null;
}

/** Questions and their immutable revisions: authoring, review and queries. */
@Injectable()
export class QuestionBankService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(QuestionEntity) private readonly questions: Repository<QuestionEntity>,
    @InjectRepository(QuestionRevisionEntity) private readonly revisions: Repository<QuestionRevisionEntity>,
    private readonly courses: CoursesService,
    private readonly visibility: CandidateVisibility,
  ) {}

  async create(auth: AuthContext, dto: CreateQuestionDto): Promise<QuestionWithKeyDto> {
    const course = await this.courses.findReadable(auth, dto.courseId);
    assertCanAuthor(auth, course.organizationId);
    this.assertValid(dto.content, dto.answerKey);
    return this.dataSource.transaction(async (manager) => {
      const { question, revision } = await this.insert(manager, {
        organizationId: course.organizationId,
        courseId: course.id,
        sectionKeys: [...new Set(dto.sectionKeys)],
        language: dto.language,
        type: dto.content.type,
        difficulty: dto.difficulty ?? 'medium',
        tags: dto.tags ?? [],
        status: 'draft',
        origin: 'authored',
        use: dto.use,
        content: dto.content,
        answerKey: dto.answerKey,
        explanation: dto.explanation ?? '',
        createdById: auth.userId,
      });
      return toQuestionWithKey(question, revision);
    });
  }

  /** An edit is a new revision; an approved question goes back to draft for review. */
  async edit(auth: AuthContext, id: string, dto: QuestionEditDto): Promise<QuestionWithKeyDto> {
    this.assertValid(dto.content, dto.answerKey);
    return this.dataSource.transaction(async (manager) => {
      const question = await this.findForUpdate(manager, auth, id);
      if (question.status === 'retired') throw new AppException('conflict', 'A retired question cannot be edited');
      if (dto.content.type !== question.type) throw AppException.validation([{ path: 'content.type', message: `must stay ${question.type}` }]);
      question.currentRevision += 1;
      question.status = 'draft';
      if (dto.difficulty) question.difficulty = dto.difficulty;
      if (dto.tags) question.tags = dto.tags;
      if (dto.use) question.use = dto.use;
      const revision = await manager.getRepository(QuestionRevisionEntity).save(
        manager.getRepository(QuestionRevisionEntity).create({
          questionId: question.id,
          revision: question.currentRevision,
          content: dto.content,
          answerKey: dto.answerKey,
          explanation: dto.explanation ?? '',
          createdById: auth.userId,
        }),
      );
      const saved = await manager.getRepository(QuestionEntity).save(question);
      return toQuestionWithKey(saved, revision);
    }).finally(() => this.visibility.bankChanged());
  }

  /** Approving may also set the use; `use` is ignored when retiring. */
  async setStatus(auth: AuthContext, id: string, status: 'approved' | 'retired', use?: QuestionUse): Promise<QuestionWithKeyDto> {
    return this.dataSource.transaction(async (manager) => {
      const question = await this.findForUpdate(manager, auth, id);
      if (status === 'approved' && question.status === 'retired') {
        throw new AppException('conflict', 'A retired question cannot be approved; edit it into a new draft instead');
      }
      question.status = status;
      if (status === 'approved' && use) question.use = use;
      const saved = await manager.getRepository(QuestionEntity).save(question);
      const revision = await manager.getRepository(QuestionRevisionEntity).findOneByOrFail({ questionId: id, revision: question.currentRevision });
      return toQuestionWithKey(saved, revision);
    }).finally(() => this.visibility.bankChanged());
  }

  async bulkApprove(auth: AuthContext, ids: string[]): Promise<BulkApproveResultDto> {
    const candidates = await scopeToReadableCourses(this.questions.createQueryBuilder('q'), 'q', auth)
      .andWhere('q.id IN (:...ids)', { ids })
      .andWhere("q.status IN ('draft', 'stale')")
      .getMany();
    const allowed = candidates.filter((q) => {
      try {
        assertCanAuthor(auth, q.organizationId);
        return true;
      } catch {
        return false;
      }
    });
    if (allowed.length) {
      await this.questions.update({ id: In(allowed.map((q) => q.id)) }, { status: 'approved' });
      this.visibility.bankChanged();
    }
    const approved = new Set(allowed.map((q) => q.id));
    return { approved: approved.size, skipped: ids.filter((id) => !approved.has(id)) };
  }

  async get(auth: AuthContext, id: string): Promise<QuestionWithKeyDto> {
    const question = await scopeToReadableCourses(this.questions.createQueryBuilder('q'), 'q', auth).andWhere('q.id = :id', { id }).getOne();
    if (!question) throw AppException.notFound('Question', id);
    const revision = await this.revisions.findOneByOrFail({ questionId: id, revision: question.currentRevision });
    return toQuestionWithKey(question, revision);
  }

  async list(auth: AuthContext, query: QuestionQueryDto): Promise<Page<QuestionWithKeyDto>> {
    const position = decodeCursor(query.cursor, 'timestamp');
    const qb = scopeToReadableCourses(this.questions.createQueryBuilder('q'), 'q', auth)
      .innerJoinAndMapOne('q.current', QuestionRevisionEntity, 'r', 'r.question_id = q.id AND r.revision = q.current_revision')
      .orderBy('q.created_at', 'ASC')
      .addOrderBy('q.id', 'ASC');
    if (query.courseId) qb.andWhere('q.course_id = :courseId', { courseId: query.courseId });
    if (query.section) qb.andWhere(':section = ANY(q.section_keys)', { section: query.section });
    if (query.type) qb.andWhere('q.type = :type', { type: query.type });
    if (query.status) qb.andWhere('q.status = :status', { status: query.status });
    if (query.origin) qb.andWhere('q.origin = :origin', { origin: query.origin });
    if (query.language) qb.andWhere('q.language = :language', { language: query.language });
    if (query.use) qb.andWhere('q.use = :use', { use: query.use });
    if (position) qb.andWhere('(q.created_at, q.id) > (:sort, :id)', position);
    const rows = (await qb.take(query.limit + 1).getMany()) as Array<QuestionEntity & { current: QuestionRevisionEntity }>;
    return toPage(rows, query.limit, (q) => ({ sort: q.createdAt.toISOString(), id: q.id }), (q) => toQuestionWithKey(q, q.current));
  }

  async stats(auth: AuthContext, courseId: string): Promise<BankStatsDto> {
    const course = await this.courses.findReadable(auth, courseId);
    const rows: Array<{ section_key: string; language: BankStatsDto['sections'][0]['language']; status: QuestionStatus; type: string; use: QuestionUse; n: string }> =
      await this.questions.query(
        `SELECT s.section_key, q.language, q.status, q.type, q.use, count(*) AS n
           FROM questions q CROSS JOIN LATERAL unnest(q.section_keys) AS s(section_key)
          WHERE q.course_id = $1
          GROUP BY 1, 2, 3, 4, 5`,
        [course.id],
      );
    const bySection = new Map<string, BankStatsDto['sections'][0]>();
    for (const row of rows) {
      const id = `${row.section_key}|${row.language}`;
      const entry =
        bySection.get(id) ??
        {
          sectionKey: row.section_key,
          language: row.language,
          byStatus: { draft: 0, approved: 0, retired: 0, stale: 0 },
          approvedByType: {},
          approvedByUse: Object.fromEntries(QUESTION_USES.map((use) => [use, 0])) as Record<QuestionUse, number>,
        };
      entry.byStatus[row.status] += Number(row.n);
      if (row.status === 'approved') {
        const type = row.type as keyof typeof entry.approvedByType;
        entry.approvedByType[type] = (entry.approvedByType[type] ?? 0) + Number(row.n);
        entry.approvedByUse[row.use] += Number(row.n);
      }
      bySection.set(id, entry);
    }
    const sections = [...bySection.values()].sort((a, b) => compareKeys(a.sectionKey, b.sectionKey) || a.language.localeCompare(b.language));
    return { courseId: course.id, sections };
  }

  /** Inserts a question with revision 1 inside the caller's transaction. */
  async insert(manager: EntityManager, fields: NewQuestion): Promise<{ question: QuestionEntity; revision: QuestionRevisionEntity }> {
    const question = await manager.getRepository(QuestionEntity).save(
      manager.getRepository(QuestionEntity).create({
        organizationId: fields.organizationId,
        courseId: fields.courseId,
        sectionKeys: fields.sectionKeys,
        language: fields.language,
        type: fields.type,
        difficulty: fields.difficulty,
        tags: fields.tags,
        status: fields.status,
        origin: fields.origin,
        use: fields.use ?? DEFAULT_QUESTION_USE,
        translationKey: fields.translationKey ?? null,
        fingerprint: fields.fingerprint ?? null,
        source: fields.source ?? null,
        currentRevision: 1,
      }),
    );
    const revision = await manager.getRepository(QuestionRevisionEntity).save(
      manager.getRepository(QuestionRevisionEntity).create({
        questionId: question.id,
        revision: 1,
        content: fields.content,
        answerKey: fields.answerKey,
        explanation: fields.explanation,
        createdById: fields.createdById ?? null,
      }),
    );
    return { question, revision };
  }

  private async findForUpdate(manager: EntityManager, auth: AuthContext, id: string): Promise<QuestionEntity> {
    const question = await scopeToReadableCourses(manager.getRepository(QuestionEntity).createQueryBuilder('q'), 'q', auth)
      .andWhere('q.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!question) throw AppException.notFound('Question', id);
    assertCanAuthor(auth, question.organizationId);
    return question;
  }

  private assertValid(content: unknown, key: unknown): void {
    const problems = validateQuestion(content, key);
    if (problems.length) throw AppException.validation(problems, 'The question is not well formed');
  }
}

/** Orders section keys numerically: 2 < 2.10 < 10. */
export function compareKeys(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const diff = (left[i] ?? -1) - (right[i] ?? -1);
    if (diff) return diff;
  }
  return 0;
}
