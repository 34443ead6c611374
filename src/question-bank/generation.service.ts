import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { loadGlossary } from '../documents/analysis/index.js';
import type { Glossary } from '../documents/analysis/glossary.js';
import { assertCanAuthor } from '../documents/course-access.js';
import { DocumentsService } from '../documents/documents.service.js';
import type { Section } from '../documents/parsing/index.js';
import type { GenerateDto, GenerationResultDto } from './dto/generate.dto.js';
import { QuestionEntity } from './entities/question.entity.js';
import { generateQuestions } from './generation/index.js';
import { QuestionBankService } from './question-bank.service.js';

const squash = (text: string) => text.replace(/\s+/g, '');

/**
 * Runs the generators over a document version and files the results as drafts. Items are
 * identified by fingerprint, so regenerating adds only what is new; generated items whose
 * source sentence no longer appears in the document become `stale`.
 */
@Injectable()
export class GenerationService {
  private glossary: Glossary | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
    private readonly bank: QuestionBankService,
  ) {}

  async generate(auth: AuthContext, documentId: string, dto: GenerateDto): Promise<GenerationResultDto> {
    const { document, version, sections } = await this.documents.sectionsOf(auth, documentId, dto.version);
    assertCanAuthor(auth, document.organizationId);
    const seed = dto.seed ?? randomBytes(6).toString('base64url');
    const parsed: Section[] = sections.map((s) => ({
      key: s.key,
      title: s.title,
      level: s.level,
      parentKey: s.parentKey,
      order: s.siblingOrder,
      index: s.documentIndex,
      body: s.body,
      text: s.text,
    }));
    this.glossary ??= loadGlossary();
    const report = generateQuestions({ sections: parsed, language: version.language, glossary: this.glossary, seed, maxPerRule: dto.maxPerRule });
    const fullText = squash(parsed.map((s) => `${s.title}\n${s.text}\n${s.body}`).join('\n'));
    // A source still holds when this run produced the same item, drew on the same source
    // (list-based items join an intro and items, so they are not a substring of the text),
    // or the sentence still appears in the document.
    const fingerprints = new Set(report.generated.map((item) => item.fingerprint));
    const sources = new Set(report.generated.map((item) => squash(item.sourceSentence)));
    const stillHolds = (q: QuestionEntity) =>
      fingerprints.has(q.fingerprint ?? '') || sources.has(squash(q.source!.sentence)) || fullText.includes(squash(q.source!.sentence));

    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(QuestionEntity);
      const existing = await repo
        .createQueryBuilder('q')
        .where('q.course_id = :courseId AND q.fingerprint IS NOT NULL', { courseId: document.courseId })
        .setLock('pessimistic_write')
        .getMany();
      const known = new Set(existing.map((q) => q.fingerprint));
      let created = 0;
      for (const item of report.generated) {
        if (known.has(item.fingerprint)) continue;
        await this.bank.insert(manager, {
          organizationId: document.organizationId,
          courseId: document.courseId,
          sectionKeys: [item.sectionKey],
          language: item.language,
          type: item.content.type,
          difficulty: item.difficulty,
          tags: item.tags,
          status: 'draft',
          origin: 'generated',
          fingerprint: item.fingerprint,
          source: { documentId: document.id, documentVersion: version.version, sectionKey: item.sectionKey, sentence: item.sourceSentence, rule: item.rule, quality: item.quality },
          content: item.content,
          answerKey: item.answerKey,
          explanation: item.explanation,
          createdById: auth.userId,
        });
        known.add(item.fingerprint);
        created += 1;
      }
      const stale = existing.filter(
        (q) => q.origin === 'generated' && q.source?.documentId === document.id && q.status !== 'retired' && q.status !== 'stale' && !stillHolds(q),
      );
      for (const question of stale) await repo.update({ id: question.id }, { status: 'stale' });
      return {
        documentId: document.id,
        version: version.version,
        seed,
        created,
        unchanged: report.generated.length - created,
        markedStale: stale.length,
        rejected: report.rejected,
        perSection: report.perSection,
        skipped: report.skipped,
        flagged: report.flagged,
      };
    });
  }
}
