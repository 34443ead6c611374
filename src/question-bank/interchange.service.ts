import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { AppException } from '../common/errors/app.exception.js';
import { assertCanAuthor } from '../documents/course-access.js';
import { CoursesService } from '../documents/courses.service.js';
import type { ExportFormat, ImportResultDto } from './dto/interchange.dto.js';
import { parseGift, toGift, toMoodleXml, toQtiPackage, type ExchangeQuestion } from './interchange/index.js';
import type { AnswerKey, Language, QuestionContent } from './model/question-types.js';
import { practiceVisibleSql } from './item-use.js';
import { QuestionBankService, compareKeys } from './question-bank.service.js';

export interface ExportFile {
  contentType: string;
  fileName: string;
  body: string | Uint8Array;
}

const MAX_IMPORT_QUESTIONS = 2000;

/**
 * Approved questions out as GIFT / Moodle XML / QTI; GIFT in as drafts. An export leaves
 * kubequiz for an LMS's practice banks, where candidates see it, so exam-only items stay here.
 */
@Injectable()
export class InterchangeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly courses: CoursesService,
    private readonly bank: QuestionBankService,
  ) {}

  async export(auth: AuthContext, courseId: string, format: ExportFormat, section?: string, language?: Language): Promise<ExportFile> {
    const course = await this.courses.findReadable(auth, courseId);
    const rows: Array<{ id: string; translation_key: string | null; language: Language; section_keys: string[]; difficulty: ExchangeQuestion['difficulty']; tags: string[]; content: QuestionContent; answer_key: AnswerKey; explanation: string }> =
      await this.dataSource.query(
        `SELECT q.id, q.translation_key, q.language, q.section_keys, q.difficulty, q.tags, r.content, r.answer_key, r.explanation
           FROM questions q JOIN question_revisions r ON r.question_id = q.id AND r.revision = q.current_revision
          WHERE q.course_id = $1 AND q.status = 'approved' AND ${practiceVisibleSql('q')}
            AND ($2::text IS NULL OR q.language = $2)
            AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM unnest(q.section_keys) k WHERE k = $3 OR k LIKE $3 || '.%'))
          ORDER BY q.created_at, q.id`,
        [course.id, language ?? null, section ?? null],
      );
    const questions: ExchangeQuestion[] = rows
      .map((row) => ({
        id: row.id,
        title: `${row.section_keys[0]} ${row.translation_key ?? row.id.slice(0, 8)}`,
        language: row.language,
        sectionKeys: row.section_keys,
        difficulty: row.difficulty,
        tags: row.tags,
        content: row.content,
        answerKey: row.answer_key,
        explanation: row.explanation,
      }))
      .sort((a, b) => compareKeys(a.sectionKeys[0]!, b.sectionKeys[0]!));
    const base = `${course.slug}${section ? `-${section}` : ''}${language ? `-${language}` : ''}`;
    switch (format) {
      case 'gift':
        return { contentType: 'text/plain; charset=utf-8', fileName: `${base}.gift.txt`, body: toGift(questions, { category: course.slug }) };
      case 'moodle-xml':
        return { contentType: 'application/xml; charset=utf-8', fileName: `${base}.moodle.xml`, body: toMoodleXml(questions) };
      case 'qti':
        return { contentType: 'application/zip', fileName: `${base}.qti21.zip`, body: await toQtiPackage(questions) };
    }
  }

  async importGift(auth: AuthContext, courseId: string, text: string, options: { dryRun?: boolean; language?: Language }): Promise<ImportResultDto> {
    const course = await this.courses.findReadable(auth, courseId);
    assertCanAuthor(auth, course.organizationId);
    const parsed = parseGift(text, { language: options.language });
    if (parsed.questions.length > MAX_IMPORT_QUESTIONS) {
      throw new AppException('payload-too-large', `At most ${MAX_IMPORT_QUESTIONS} questions per import`);
    }
    if (options.dryRun) return { imported: parsed.questions.length, questionIds: [], errors: parsed.errors, warnings: parsed.warnings };
    const questionIds = await this.dataSource.transaction(async (manager) => {
      const ids: string[] = [];
      for (const question of parsed.questions) {
        const { question: saved } = await this.bank.insert(manager, {
          organizationId: course.organizationId,
          courseId: course.id,
          sectionKeys: question.sectionKeys.length ? question.sectionKeys : ['1'],
          language: question.language,
          type: question.content.type,
          difficulty: question.difficulty,
          tags: question.tags,
          status: 'draft',
          origin: 'imported',
          content: question.content,
          answerKey: question.answerKey,
          explanation: question.explanation,
          createdById: auth.userId,
        });
        ids.push(saved.id);
      }
      return ids;
    });
    return { imported: questionIds.length, questionIds, errors: parsed.errors, warnings: parsed.warnings };
  }
}
