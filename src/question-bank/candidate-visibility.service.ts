import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppException } from '../common/errors/app.exception.js';
import { keyVisibleToCandidates, type QuestionUse } from './item-use.js';

/**
 * Decisions about what a candidate may see that need the database: items of a running
 * exam attempt, and keys of exam-only items. The pure rules are in `item-use.ts`.
 */
@Injectable()
export class CandidateVisibility {
  private version = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Bumped whenever an item's status or use changes, so caches of practice items in this
   * process drop what they hold at once instead of serving it until they expire.
   */
  get bankVersion(): number {
    return this.version;
  }

  bankChanged(): void {
    this.version += 1;
  }

  /**
   * Refuses practice feedback on any item of an exam attempt the user has in progress, in
   * any organisation (a second membership must not be a way round), or on its translation.
   */
  async assertNotInRunningAttempt(userId: string | null, questionIds: string[]): Promise<void> {
    if (!userId || questionIds.length === 0) return;
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT q.id FROM questions q
        WHERE q.id = ANY($2::uuid[])
          AND EXISTS (
            SELECT 1 FROM attempts a
              JOIN attempt_items i ON i.attempt_id = a.id
              JOIN questions drawn ON drawn.id = i.question_id
             WHERE a.user_id = $1 AND a.status = 'in-progress'
               AND (drawn.id = q.id OR (drawn.translation_key = q.translation_key AND drawn.course_id = q.course_id)))`,
      [userId, questionIds],
    );
    if (rows.length === 0) return;
    throw new AppException(
      'item-in-running-attempt',
      `${rows.length} of these questions belong to an exam attempt you have in progress; practise them after you submit it`,
      { questionIds: rows.map((row) => row.id).sort() },
    );
  }

  /**
   * Refuses a course's offline practice bundle (keys included) while the user has an exam
   * attempt in progress that drew any item of that course, in any organisation. The same
   * rule as practice feedback, applied to the whole course: leaving out only the drawn items
   * would tell the candidate, by what is missing, which items their exam holds.
   */
  async assertNoRunningAttemptOnCourse(userId: string | null, courseId: string): Promise<void> {
    if (!userId) return;
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT DISTINCT a.id FROM attempts a
         JOIN attempt_items i ON i.attempt_id = a.id
         JOIN questions drawn ON drawn.id = i.question_id
        WHERE a.user_id = $1 AND a.status = 'in-progress' AND drawn.course_id = $2`,
      [userId, courseId],
    );
    if (rows.length === 0) return;
    throw new AppException(
      'item-in-running-attempt',
      'You have an exam attempt in progress on this course; download its practice bundle after you submit it',
      { attemptIds: rows.map((row) => row.id).sort() },
    );
  }

  /** Of these questions, the ones whose key and explanation a candidate may never read. */
  async keysWithheld(questionIds: string[]): Promise<Set<string>> {
    if (questionIds.length === 0) return new Set();
    const rows: Array<{ id: string; use: QuestionUse }> = await this.dataSource.query('SELECT id, use FROM questions WHERE id = ANY($1::uuid[])', [questionIds]);
    return new Set(rows.filter((row) => !keyVisibleToCandidates(row.use)).map((row) => row.id));
  }
}
