import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readFileSync } from 'node:fs';
import { DataSource, IsNull } from 'typeorm';
import { parse as parseYaml } from 'yaml';
import { SYSTEM_CONTEXT } from '../auth/system-context.js';
import { stableStringify } from '../common/json/stable-stringify.js';
import { seedsPath } from '../common/repo-paths.js';
import { CourseEntity } from '../documents/entities/course.entity.js';
import { DocumentEntity } from '../documents/entities/document.entity.js';
import { DocumentsService } from '../documents/documents.service.js';
import type { LocalizedText } from '../documents/entities/localized-text.js';
import { loadCuratedQuestions } from '../question-bank/curated/curated-loader.js';
import { QuestionRevisionEntity } from '../question-bank/entities/question-revision.entity.js';
import { QuestionEntity } from '../question-bank/entities/question.entity.js';
import { QuestionBankService } from '../question-bank/question-bank.service.js';

interface CourseManifest {
  slug: string;
  titles: LocalizedText;
  description: LocalizedText;
  documents: Partial<Record<'zh' | 'en', string>>;
}

export interface CourseSeedReport {
  courseId: string;
  documents: Record<string, { documentId: string; version: number; created: boolean }>;
  questions: { inserted: number; revised: number; unchanged: number };
}

export const SHIPPED_COURSE = 'kubernetes-fundamentals';

/**
 * Loads the shipped course (a platform course every organisation can read) and its
 * curated questions. Idempotent: documents get a new version only when their text
 * changed, questions a new revision only when their content changed.
 */
@Injectable()
export class CourseSeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
    private readonly bank: QuestionBankService,
  ) {}

  async seed(slug = SHIPPED_COURSE): Promise<CourseSeedReport> {
    const manifest = parseYaml(readFileSync(seedsPath('courses', slug, 'course.yaml'), 'utf8')) as CourseManifest;
    const courses = this.dataSource.getRepository(CourseEntity);
    await courses
      .createQueryBuilder()
      .insert()
      .values({ organizationId: null, slug: manifest.slug, title: manifest.titles, description: manifest.description })
      .orIgnore()
      .execute();
    const course = await courses.findOneByOrFail({ slug: manifest.slug, organizationId: IsNull() });
    const report: CourseSeedReport = { courseId: course.id, documents: {}, questions: { inserted: 0, revised: 0, unchanged: 0 } };

    for (const [language, file] of Object.entries(manifest.documents) as Array<['zh' | 'en', string]>) {
      const text = readFileSync(seedsPath('courses', slug, file), 'utf8');
      const existing = await this.dataSource.getRepository(DocumentEntity).findOneBy({ courseId: course.id, language });
      if (existing) {
        const result = await this.documents.upload(SYSTEM_CONTEXT, existing.id, { language, format: 'markdown' }, text);
        report.documents[language] = { documentId: existing.id, version: result.version, created: result.created };
      } else {
        const title = `${manifest.titles[language] ?? manifest.slug}`;
        const created = await this.documents.create(SYSTEM_CONTEXT, course.id, { title, language, format: 'markdown' }, text);
        report.documents[language] = { documentId: created.id, version: created.version.version, created: true };
      }
    }
    await this.seedCuratedQuestions(course, report);
    return report;
  }

  private async seedCuratedQuestions(course: CourseEntity, report: CourseSeedReport): Promise<void> {
    const curated = loadCuratedQuestions().filter((q) => q.courseSlug === course.slug);
    await this.dataSource.transaction(async (manager) => {
      const existing = new Map(
        (await manager.getRepository(QuestionEntity).find({ where: { courseId: course.id, origin: 'curated' } })).map((q) => [q.fingerprint, q]),
      );
      for (const item of curated) {
        const fingerprint = `curated:${item.curatedId}:${item.language}`;
        const known = existing.get(fingerprint);
        if (!known) {
          await this.bank.insert(manager, {
            organizationId: null,
            courseId: course.id,
            sectionKeys: [item.sectionKey],
            language: item.language,
            type: item.type,
            difficulty: item.difficulty,
            tags: item.tags,
            status: 'approved',
            origin: 'curated',
            // Shipped items are public material: practice and ordinary exams, never high-stakes.
            use: 'both',
            translationKey: item.curatedId,
            fingerprint,
            content: item.content,
            answerKey: item.key,
            explanation: item.explanation,
          });
          report.questions.inserted += 1;
          continue;
        }
        const current = await manager.getRepository(QuestionRevisionEntity).findOneByOrFail({ questionId: known.id, revision: known.currentRevision });
        const same =
          stableStringify(current.content) === stableStringify(item.content) &&
          stableStringify(current.answerKey) === stableStringify(item.key) &&
          current.explanation === item.explanation;
        if (same) {
          report.questions.unchanged += 1;
          continue;
        }
        known.currentRevision += 1;
        await manager.getRepository(QuestionRevisionEntity).insert({
          questionId: known.id,
          revision: known.currentRevision,
          content: item.content,
          answerKey: item.key,
          explanation: item.explanation,
        });
        await manager.getRepository(QuestionEntity).update({ id: known.id }, { currentRevision: known.currentRevision, difficulty: item.difficulty, tags: item.tags });
        report.questions.revised += 1;
      }
    });
  }
}
