/**
 * The question model shared by the bank, quizzes, exams and grading. Content (what a
 * candidate sees), key (the answer) and response (what a candidate sends) are separate
 * types so an answer key never travels with content by accident.
 *
 * Option ids are short stable strings (`a`, `b`, …) chosen when the revision is written;
 * shuffling for display reorders options but never renames them.
 */
export const QUESTION_TYPES = ['single-choice', 'multiple-response', 'true-false', 'cloze', 'matching', 'ordering'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export interface Choice {
  id: string;
  text: string;
}

export type QuestionContent =
  | { type: 'single-choice'; stem: string; options: Choice[] }
  | { type: 'multiple-response'; stem: string; options: Choice[] }
  | { type: 'true-false'; stem: string }
  /** `stem` marks blanks as `{{1}}`, `{{2}}` … in order; `blanks` is their count. */
  | { type: 'cloze'; stem: string; blanks: number }
  /** Match every prompt to one choice; choices may outnumber prompts. */
  | { type: 'matching'; stem: string; prompts: Choice[]; choices: Choice[] }
  /** Put the items in the right order. */
  | { type: 'ordering'; stem: string; items: Choice[] };

export type AnswerKey =
  | { type: 'single-choice'; correct: string }
  | { type: 'multiple-response'; correct: string[] }
  | { type: 'true-false'; correct: boolean }
  /** Per blank, every accepted answer (compared after normalisation). */
  | { type: 'cloze'; accepted: string[][] }
  /** prompt id → choice id */
  | { type: 'matching'; pairs: Record<string, string> }
  /** item ids in the right order */
  | { type: 'ordering'; order: string[] };

export type ItemResponse =
  | { type: 'single-choice'; choice: string }
  | { type: 'multiple-response'; choices: string[] }
  | { type: 'true-false'; value: boolean }
  | { type: 'cloze'; blanks: string[] }
  | { type: 'matching'; pairs: Record<string, string> }
  | { type: 'ordering'; order: string[] };

/** How multiple-response items score. */
export const MULTIPLE_RESPONSE_POLICIES = ['all-or-nothing', 'partial', 'partial-with-penalty'] as const;
export type MultipleResponsePolicy = (typeof MULTIPLE_RESPONSE_POLICIES)[number];
