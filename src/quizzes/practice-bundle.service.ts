import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { AppException } from '../common/errors/app.exception.js';
import { AppConfig } from '../config/app-config.js';
import { CoursesService } from '../documents/courses.service.js';
import { DocumentsService } from '../documents/documents.service.js';
import { toCandidateView } from '../question-bank/candidate-view.js';
import { CandidateVisibility } from '../question-bank/candidate-visibility.service.js';
import { practiceVisibleSql } from '../question-bank/item-use.js';
import { compareKeys } from '../question-bank/question-bank.service.js';
import type { AnswerKey, Language, QuestionContent } from '../question-bank/model/question-types.js';
import type { PracticeBundleDto } from './dto/offline-practice.dto.js';

interface BundleRow {
  question_id: string;
  revision_id: string;
  section_keys: string[];
  content: QuestionContent;
  answer_key: AnswerKey;
  explanation: string;
}

/**
 * A course's practice set in one download, keys and explanations included, so an app can
 * practise and grade offline. It holds exactly what practice quizzes and /check would show
 * over time, by the same policy (`practiceVisibleSql`): exam-only items are never in it.
 */
@Injectable()
export class PracticeBundleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly courses: CoursesService,
    private readonly documents: DocumentsService,
    private readonly visibility: CandidateVisibility,
  ) {}

  async build(auth: AuthContext, courseId: string, language: Language, section?: string): Promise<PracticeBundleDto> {
    const course = await this.courses.findReadable(auth, courseId);
    await this.visibility.assertNoRunningAttemptOnCourse(auth.userId, course.id);
    const [rows, index] = await Promise.all([this.practiceItems(course.id, language, section), this.documents.sectionIndex(course.id, language)]);
    if (section && rows.length === 0) throw AppException.notFound('Practice section', section);

    const items = rows
      .sort((a, b) => compareKeys(a.section_keys[0]!, b.section_keys[0]!) || a.question_id.localeCompare(b.question_id))
      .map((row) => ({
        ...toCandidateView(row.question_id, row.revision_id, row.content, null),
        sectionKeys: row.section_keys,
        correctAnswer: row.answer_key,
        explanation: row.explanation,
      }));
    const sectionKeys = [...new Set(rows.flatMap((row) => row.section_keys))].sort(compareKeys);
    const sections = sectionKeys.map((key) => ({ key, title: index?.titles.get(key) ?? key }));
    const bundle: PracticeBundleDto = { courseId: course.id, language, section: section ?? null, sections, items };
    this.assertWithinBudget(bundle, rows);
    return bundle;
  }

  private assertWithinBudget(bundle: PracticeBundleDto, rows: BundleRow[]): void {
    const sizeBytes = Buffer.byteLength(JSON.stringify(bundle));
    const maxBytes = this.config.OFFLINE_BUNDLE_MAX_BYTES;
    if (sizeBytes <= maxBytes) return;
    const chapters = [...new Set(rows.flatMap((row) => row.section_keys.map((key) => key.split('.')[0]!)))].sort(compareKeys);
    throw new AppException(
      'offline-bundle-too-large',
      `This bundle would be ${sizeBytes} bytes, over the budget of ${maxBytes}; download it one chapter at a time with ?section=`,
      { sizeBytes, maxBytes, chapters },
    );
  }

  private practiceItems(courseId: string, language: Language, section: string | undefined): Promise<BundleRow[]> {
    return this.dataSource.query(
      `SELECT q.id AS question_id, r.id AS revision_id, q.section_keys, r.content, r.answer_key, r.explanation
         FROM questions q
         JOIN question_revisions r ON r.question_id = q.id AND r.revision = q.current_revision
        WHERE q.course_id = $1 AND q.language = $2 AND q.status = 'approved' AND ${practiceVisibleSql('q')}
          AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM unnest(q.section_keys) k WHERE k = $3 OR k LIKE $3 || '.%'))`,
      [courseId, language, section ?? null],
    );
  }
}
