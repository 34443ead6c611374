import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { AppException, type FieldError } from '../common/errors/app.exception.js';
import { decodeCursor, toPage, type Page, type PageQueryDto } from '../common/pagination/page.js';
import { CoursesService } from '../documents/courses.service.js';
import { MembershipEntity } from '../organizations/entities/membership.entity.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.js';
import type { Blueprint } from './blueprint.js';
import type { BlueprintDto, CreateExamDto } from './dto/blueprint.dto.js';
import { toExamDto, type EnrollDto, type EnrollmentDto, type EnrollResultDto, type ExamDto, type PublishedExamDto } from './dto/exam.dto.js';
import { EnrollmentEntity } from './entities/enrollment.entity.js';
import { ExamVersionEntity } from './entities/exam-version.entity.js';
import { ExamEntity } from './entities/exam.entity.js';
import { QuestionPool } from './question-pool.js';

function toBlueprint(courseId: string, dto: BlueprintDto): Blueprint {
  return {
    courseId,
    title: dto.title,
    language: dto.language,
    sections: (dto.sections ?? []).map((s) => ({ sectionKey: s.sectionKey, count: s.count, ...(s.difficulty ? { difficulty: { ...s.difficulty } } : {}) })),
    fixedQuestionIds: dto.fixedQuestionIds ?? [],
    labTasks: (dto.labTasks ?? []).map((l) => ({ taskId: l.taskId, weight: l.weight })),
    questionWeight: dto.questionWeight ?? 1,
    timeLimitMinutes: dto.timeLimitMinutes ?? 60,
    passMark: dto.passMark ?? 70,
    maxAttempts: dto.maxAttempts ?? 1,
    combine: dto.combine ?? 'highest',
    availableFrom: dto.availableFrom ?? null,
    availableUntil: dto.availableUntil ?? null,
    shuffleQuestions: dto.shuffleQuestions ?? true,
    shuffleOptions: dto.shuffleOptions ?? true,
    reviewPolicy: dto.reviewPolicy ?? 'score-and-sections',
    reviewAfterWindowCloses: dto.reviewAfterWindowCloses ?? false,
    certificateValidityMonths: dto.certificateValidityMonths ?? null,
    multipleResponsePolicy: dto.multipleResponsePolicy ?? 'partial',
    highStakes: dto.highStakes ?? false,
  };
}

/** Problems a blueprint has on its own, before looking at the bank. */
function blueprintProblems(blueprint: Blueprint): FieldError[] {
  const problems: FieldError[] = [];
  if (blueprint.sections.length === 0 && blueprint.fixedQuestionIds.length === 0 && blueprint.labTasks.length === 0) {
    problems.push({ path: 'sections', message: 'an exam needs section draws, a fixed item list or lab tasks' });
  }
  if (blueprint.sections.length > 0 && blueprint.fixedQuestionIds.length > 0) {
    problems.push({ path: 'fixedQuestionIds', message: 'use either section draws or a fixed item list, not both' });
  }
  blueprint.sections.forEach((section, i) => {
    if (section.difficulty) {
      const sum = Object.values(section.difficulty).reduce((a, b) => a + (b ?? 0), 0);
      if (sum !== section.count) problems.push({ path: `sections[${i}].difficulty`, message: `must add up to count (${section.count}), not ${sum}` });
    }
  });
  if (new Set(blueprint.labTasks.map((l) => l.taskId)).size !== blueprint.labTasks.length) {
    problems.push({ path: 'labTasks', message: 'each lab task may appear once' });
  }
  if (blueprint.availableFrom && blueprint.availableUntil && blueprint.availableFrom >= blueprint.availableUntil) {
    problems.push({ path: 'availableUntil', message: 'must be after availableFrom' });
  }
  return problems;
}

/** Names the short sections, so an examiner knows where the bank needs items. */
function supplyProblemDetail(blueprint: Blueprint, problems: FieldError[]): string {
  const short = [...new Set(problems.map((p) => /^sections\[(\d+)\]/.exec(p.path)).filter((m) => m !== null).map((m) => blueprint.sections[Number(m[1])]!.sectionKey))];
  const pool = blueprint.highStakes ? 'exam-only questions' : 'questions';
  const where = short.length ? ` in section${short.length > 1 ? 's' : ''} ${short.join(', ')}` : '';
  return `The question bank cannot supply this blueprint: too few approved ${pool}${where}`;
}

@Injectable()
export class ExamsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ExamEntity) private readonly exams: Repository<ExamEntity>,
    @InjectRepository(ExamVersionEntity) private readonly versions: Repository<ExamVersionEntity>,
    private readonly courses: CoursesService,
    private readonly pool: QuestionPool,
    private readonly outbox: WebhookOutbox,
  ) {}

  async create(auth: AuthContext, dto: CreateExamDto): Promise<ExamDto> {
    if (!auth.organizationId) throw new AppException('forbidden', 'Sign in to an organization to create exams');
    const course = await this.courses.findReadable(auth, dto.courseId);
    const blueprint = toBlueprint(course.id, dto);
    const problems = blueprintProblems(blueprint);
    if (problems.length) throw AppException.validation(problems);
    const saved = await this.exams.save(this.exams.create({ organizationId: auth.organizationId, courseId: course.id, draft: blueprint, createdById: auth.userId }));
    return toExamDto(saved);
  }

  async update(auth: AuthContext, id: string, dto: BlueprintDto): Promise<ExamDto> {
    const exam = await this.findOwned(auth, id);
    const blueprint = toBlueprint(exam.courseId, dto);
    const problems = blueprintProblems(blueprint);
    if (problems.length) throw AppException.validation(problems);
    exam.draft = blueprint;
    return toExamDto(await this.exams.save(exam));
  }

  async get(auth: AuthContext, id: string): Promise<ExamDto> {
    return toExamDto(await this.findOwned(auth, id));
  }

  async list(auth: AuthContext, query: PageQueryDto): Promise<Page<ExamDto>> {
    const position = decodeCursor(query.cursor, 'timestamp');
    const qb = this.exams
      .createQueryBuilder('e')
      .where('e.organization_id = :org', { org: auth.organizationId ?? '00000000-0000-0000-0000-000000000000' })
      .orderBy('e.created_at', 'DESC')
      .addOrderBy('e.id', 'DESC');
    if (position) qb.andWhere('(e.created_at, e.id) < (:sort, :id)', position);
    const rows = await qb.take(query.limit + 1).getMany();
    return toPage(rows, query.limit, (e) => ({ sort: e.createdAt.toISOString(), id: e.id }), toExamDto);
  }

  /**
   * Freezes the draft as a new version, once the bank can supply every draw; the version
   * and its `exam.published` event are one transaction.
   */
  async publish(auth: AuthContext, id: string): Promise<PublishedExamDto> {
    const { published, deliveryIds } = await this.dataSource.transaction(async (manager) => {
      const exam = await manager.getRepository(ExamEntity).findOne({ where: { id, organizationId: auth.organizationId ?? undefined }, lock: { mode: 'pessimistic_write' } });
      if (!exam) throw AppException.notFound('Exam', id);
      const { available, problems } = await this.pool.checkSupply(exam.draft, manager);
      if (problems.length) throw AppException.validation(problems, supplyProblemDetail(exam.draft, problems));
      const version = await manager.getRepository(ExamVersionEntity).save(
        manager.getRepository(ExamVersionEntity).create({ examId: exam.id, version: exam.publishedVersion + 1, blueprint: exam.draft }),
      );
      await manager.getRepository(ExamEntity).update({ id: exam.id }, { publishedVersion: version.version });
      const publishedAt = version.publishedAt.toISOString();
      const ids = await this.outbox.enqueue(manager, exam.organizationId, 'exam.published', {
        examId: exam.id,
        courseId: exam.courseId,
        title: version.blueprint.title,
        version: version.version,
        publishedAt,
      });
      return { published: { examId: exam.id, version: version.version, blueprint: version.blueprint, available, publishedAt }, deliveryIds: ids };
    });
    await this.outbox.dispatch(deliveryIds);
    return published;
  }

  async enroll(auth: AuthContext, id: string, dto: EnrollDto): Promise<EnrollResultDto> {
    const exam = await this.findOwned(auth, id);
    const userIds = dto.userIds ?? [];
    const externalIds = dto.externalIds ?? [];
    if (userIds.length + externalIds.length === 0) throw AppException.validation([{ path: 'userIds', message: 'give userIds or externalIds' }]);
    const memberships = await this.dataSource
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .where('m.organization_id = :org', { org: exam.organizationId })
      .andWhere("'candidate' = ANY(m.roles)")
      .andWhere('(m.user_id IN (:...userIds) OR m.external_id IN (:...externalIds))', {
        userIds: userIds.length ? userIds : ['00000000-0000-0000-0000-000000000000'],
        externalIds: externalIds.length ? externalIds : [''],
      })
      .getMany();
    const known = new Set([...memberships.map((m) => m.userId), ...memberships.map((m) => m.externalId).filter(Boolean)]);
    const unknown = [...userIds, ...externalIds].filter((value) => !known.has(value));
    const inserted = memberships.length
      ? await this.dataSource
          .createQueryBuilder()
          .insert()
          .into(EnrollmentEntity)
          .values(memberships.map((m) => ({ examId: exam.id, userId: m.userId, organizationId: exam.organizationId })))
          .orIgnore()
          .returning('id')
          .execute()
      : { raw: [] as unknown[] };
    const enrolled = (inserted.raw as unknown[]).length;
    return { enrolled, unchanged: memberships.length - enrolled, unknown };
  }

  async listEnrollments(auth: AuthContext, id: string, query: PageQueryDto): Promise<Page<EnrollmentDto>> {
    const exam = await this.findOwned(auth, id);
    const position = decodeCursor(query.cursor, 'timestamp');
    const params: unknown[] = [exam.id, exam.organizationId, query.limit + 1];
    let where = '';
    if (position) {
      params.push(position.sort, position.id);
      where = 'AND (e.created_at, e.id) > ($4::timestamptz, $5::uuid)';
    }
    const rows: Array<{ id: string; user_id: string; external_id: string | null; display_name: string; created_at: Date }> = await this.dataSource.query(
      `SELECT e.id, e.user_id, m.external_id, u.display_name, e.created_at
         FROM enrollments e JOIN users u ON u.id = e.user_id
         LEFT JOIN memberships m ON m.user_id = e.user_id AND m.organization_id = $2
        WHERE e.exam_id = $1 ${where}
        ORDER BY e.created_at, e.id LIMIT $3`,
      params,
    );
    return toPage(
      rows,
      query.limit,
      (r) => ({ sort: new Date(r.created_at).toISOString(), id: r.id }),
      (r) => ({ userId: r.user_id, externalId: r.external_id, displayName: r.display_name, enrolledAt: new Date(r.created_at).toISOString() }),
    );
  }

  /** The exam of the caller's organisation, or 404. */
  async findOwned(auth: AuthContext, id: string): Promise<ExamEntity> {
    const exam = await this.exams.findOneBy(auth.isPlatformAdmin ? { id } : { id, organizationId: auth.organizationId ?? undefined });
    if (!exam || !auth.organizationId && !auth.isPlatformAdmin) throw AppException.notFound('Exam', id);
    return exam;
  }

  async publishedVersion(examId: string, version: number, manager?: EntityManager): Promise<ExamVersionEntity | null> {
    return (manager ? manager.getRepository(ExamVersionEntity) : this.versions).findOneBy({ examId, version });
  }

  async isEnrolled(examId: string, userId: string): Promise<boolean> {
    return this.dataSource.getRepository(EnrollmentEntity).existsBy({ examId, userId });
  }
}
