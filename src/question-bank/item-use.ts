/**
 * Which items a candidate may see, by use. The one place that decides it: quizzes, exports,
 * exam draws and attempt reviews all ask here rather than testing `use` themselves.
 *
 * - `practice`: practice quizzes only; never drawn for an exam.
 * - `exam`: exams only; never in a practice quiz, `/check`, an export, or a candidate's review.
 * - `both`: either (the default, and what curated and generated items are).
 */
export const QUESTION_USES = ['practice', 'exam', 'both'] as const;
export type QuestionUse = (typeof QUESTION_USES)[number];

export const DEFAULT_QUESTION_USE: QuestionUse = 'both';

const PRACTICE_USES: readonly QuestionUse[] = ['practice', 'both'];

/** SQL condition on a `questions` alias: the item may appear in practice and in exports. */
export function practiceVisibleSql(alias: string): string {
  return `${alias}.use IN (${PRACTICE_USES.map((use) => `'${use}'`).join(', ')})`;
}

/**
 * SQL condition on a `questions` alias: an exam may draw the item. A high-stakes exam draws
 * only exam-only items, which no candidate has practised with or seen a key for.
 */
export function examDrawableSql(alias: string, highStakes: boolean): string {
  return highStakes ? `${alias}.use = 'exam'` : `${alias}.use IN ('exam', 'both')`;
}

/** Whether a candidate may ever read the item's key and explanation (practice feedback, review). */
export function keyVisibleToCandidates(use: QuestionUse): boolean {
  return PRACTICE_USES.includes(use);
}
