import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { decodeCursor, toPage, type Page } from '../common/pagination/page.js';
import { ExamsService } from '../exams/exams.service.js';
import { analyseItems, combineAttempts, type AnalysisItem, type CandidateRecord } from '../grading/index.js';
import type { AnswerKey, ItemResponse, QuestionContent } from '../question-bank/model/question-types.js';
import type { QuestionUse } from '../question-bank/item-use.js';
import type { AttemptListQueryDto, AttemptSummaryDto, CandidateStandingDto, ItemAnalysisDto, ItemExposureDto } from './dto/attempt-report.dto.js';

interface AttemptRow {
  id: string;
  user_id: string;
  external_id: string | null;
  display_name: string;
  attempt_number: number;
  version: number;
  status: string;
  started_at: Date;
  submitted_at: Date | null;
  submitted_by: string | null;
  percentage: number | null;
  passed: boolean | null;
}

const CSV_COLUMNS: Array<keyof AttemptSummaryDto> = ['id', 'userId', 'externalId', 'displayName', 'attemptNumber', 'examVersion', 'status', 'startedAt', 'submittedAt', 'submittedBy', 'percentage', 'passed'];

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // Quote when needed, and defuse spreadsheet formulas in user-supplied text.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function toSummary(row: AttemptRow): AttemptSummaryDto {
  return {
    id: row.id,
    userId: row.user_id,
    externalId: row.external_id,
    displayName: row.display_name,
    attemptNumber: row.attempt_number,
    examVersion: row.version,
    status: row.status,
    startedAt: new Date(row.started_at).toISOString(),
    submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
    submittedBy: row.submitted_by,
    percentage: row.percentage,
    passed: row.passed,
  };
}

/** What examiners and integrations read about an exam's attempts. */
@Injectable()
export class AttemptReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly exams: ExamsService,
  ) {}

  async list(auth: AuthContext, examId: string, query: AttemptListQueryDto): Promise<Page<AttemptSummaryDto>> {
    const exam = await this.exams.findOwned(auth, examId);
    const position = decodeCursor(query.cursor, 'timestamp');
    const rows = await this.rows(exam.id, exam.organizationId, query, position, query.limit + 1);
    return toPage(rows, query.limit, (r) => ({ sort: new Date(r.started_at).toISOString(), id: r.id }), toSummary);
  }

  async csv(auth: AuthContext, examId: string, query: AttemptListQueryDto): Promise<string> {
    const exam = await this.exams.findOwned(auth, examId);
    const rows = await this.rows(exam.id, exam.organizationId, query, undefined, 100_000);
    const lines = [CSV_COLUMNS.join(','), ...rows.map(toSummary).map((s) => CSV_COLUMNS.map((c) => csvCell(s[c])).join(','))];
    return `${lines.join('\r\n')}\r\n`;
  }

  async standings(auth: AuthContext, examId: string): Promise<CandidateStandingDto[]> {
    const exam = await this.exams.findOwned(auth, examId);
    const policy = exam.draft.combine;
    const passMark = exam.draft.passMark;
    const rows: Array<{ user_id: string; percentages: number[] }> = await this.dataSource.query(
      `SELECT user_id, array_agg(percentage ORDER BY attempt_number) AS percentages
         FROM attempts WHERE exam_id = $1 AND status = 'submitted' GROUP BY user_id ORDER BY user_id`,
      [exam.id],
    );
    return rows.map((row) => {
      const combined = combineAttempts(row.percentages.map(Number), policy);
      return { userId: row.user_id, attempts: row.percentages.length, combinedPercentage: combined, passed: combined === null ? null : combined >= passMark };
    });
  }

  /** Classical item analysis over first attempts. */
  async itemAnalysis(auth: AuthContext, examId: string): Promise<ItemAnalysisDto> {
    const exam = await this.exams.findOwned(auth, examId);
    const rows: Array<{ attempt_id: string; question_id: string; content: QuestionContent; answer_key: AnswerKey; answer: ItemResponse | null; fraction: number | null }> =
      await this.dataSource.query(
        `SELECT a.id AS attempt_id, i.question_id, r.content, r.answer_key, i.answer,
                (SELECT (s->>'fraction')::float FROM jsonb_array_elements(a.result->'items') s WHERE s->>'id' = i.position::text) AS fraction
           FROM attempts a
           JOIN attempt_items i ON i.attempt_id = a.id
           JOIN question_revisions r ON r.id = i.revision_id
          WHERE a.exam_id = $1 AND a.attempt_number = 1 AND a.status = 'submitted'
          ORDER BY i.question_id`,
        [exam.id],
      );
    const items = new Map<string, AnalysisItem>();
    const candidates = new Map<string, { fractions: Record<string, number | null>; choices: Record<string, string[]> }>();
    for (const row of rows) {
      if (!items.has(row.question_id)) items.set(row.question_id, analysisItem(row.question_id, row.content, row.answer_key));
      const candidate = candidates.get(row.attempt_id) ?? { fractions: {}, choices: {} };
      candidate.fractions[row.question_id] = row.fraction ?? 0;
      const chosen = chosenOptions(row.answer);
      if (chosen) candidate.choices[row.question_id] = chosen;
      candidates.set(row.attempt_id, candidate);
    }
    const analysis = analyseItems({ items: [...items.values()], candidates: [...candidates.values()] as CandidateRecord[] });
    return {
      examId: exam.id,
      exam: analysis.exam,
      items: analysis.items.map((item) => ({
        questionId: item.itemId,
        n: item.n,
        facility: item.facility,
        pointBiserial: item.pointBiserial,
        upperLower: item.upperLower,
        options: item.options,
        flags: item.flags,
      })),
      exposure: await this.exposure(exam.id, exam.organizationId),
    };
  }

  /** Counted within the exam's organisation only: another tenant's use of a shared item is theirs. */
  private async exposure(examId: string, organizationId: string): Promise<ItemExposureDto[]> {
    const rows: Array<{ question_id: string; use: QuestionUse; attempts: string; in_progress: string; organization_attempts: string; last_drawn_at: Date }> =
      await this.dataSource.query(
        `SELECT i.question_id, q.use,
                count(DISTINCT a.id) FILTER (WHERE a.exam_id = $1) AS attempts,
                count(DISTINCT a.id) FILTER (WHERE a.exam_id = $1 AND a.status = 'in-progress') AS in_progress,
                count(DISTINCT a.id) AS organization_attempts,
                max(a.started_at) FILTER (WHERE a.exam_id = $1) AS last_drawn_at
           FROM attempt_items i
           JOIN attempts a ON a.id = i.attempt_id
           JOIN questions q ON q.id = i.question_id
          WHERE a.organization_id = $2
            AND i.question_id IN (SELECT d.question_id FROM attempt_items d JOIN attempts e ON e.id = d.attempt_id WHERE e.exam_id = $1)
          GROUP BY i.question_id, q.use
          ORDER BY attempts DESC, i.question_id`,
        [examId, organizationId],
      );
    return rows.map((row) => ({
      questionId: row.question_id,
      use: row.use,
      attempts: Number(row.attempts),
      inProgress: Number(row.in_progress),
      organizationAttempts: Number(row.organization_attempts),
      lastDrawnAt: new Date(row.last_drawn_at).toISOString(),
    }));
  }

  private rows(examId: string, organizationId: string, query: AttemptListQueryDto, position: { sort: string; id: string } | undefined, limit: number): Promise<AttemptRow[]> {
    const params: unknown[] = [examId, organizationId, query.status ?? null, query.passed ?? null, query.userId ?? null, limit];
    let keyset = '';
    if (position) {
      params.push(position.sort, position.id);
      keyset = 'AND (a.started_at, a.id) > ($7::timestamptz, $8::uuid)';
    }
    return this.dataSource.query(
      `SELECT a.id, a.user_id, m.external_id, u.display_name, a.attempt_number, v.version, a.status,
              a.started_at, a.submitted_at, a.submitted_by, a.percentage, a.passed
         FROM attempts a
         JOIN users u ON u.id = a.user_id
         JOIN exam_versions v ON v.id = a.exam_version_id
         LEFT JOIN memberships m ON m.user_id = a.user_id AND m.organization_id = $2
        WHERE a.exam_id = $1 AND a.organization_id = $2
          AND ($3::text IS NULL OR a.status = $3)
          AND ($4::boolean IS NULL OR a.passed = $4)
          AND ($5::uuid IS NULL OR a.user_id = $5)
          ${keyset}
        ORDER BY a.started_at, a.id
        LIMIT $6`,
      params,
    );
  }
}

function analysisItem(id: string, content: QuestionContent, key: AnswerKey): AnalysisItem {
  if (content.type === 'single-choice' && key.type === 'single-choice') return { id, options: content.options.map((o) => o.id), correctOptions: [key.correct] };
  if (content.type === 'multiple-response' && key.type === 'multiple-response') return { id, options: content.options.map((o) => o.id), correctOptions: key.correct };
  if (content.type === 'true-false' && key.type === 'true-false') return { id, options: ['true', 'false'], correctOptions: [String(key.correct)] };
  return { id };
}

function chosenOptions(answer: ItemResponse | null): string[] | null {
  if (!answer) return null;
  if (answer.type === 'single-choice') return [answer.choice];
  if (answer.type === 'multiple-response') return answer.choices;
  if (answer.type === 'true-false') return [String(answer.value)];
  return null;
}
