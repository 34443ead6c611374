import type { Difficulty, Language, MultipleResponsePolicy } from '../question-bank/model/question-types.js';

export const REVIEW_POLICIES = ['score-only', 'score-and-sections', 'full-review'] as const;
export type ReviewPolicy = (typeof REVIEW_POLICIES)[number];

export const COMBINE_POLICIES = ['highest', 'last', 'first', 'average'] as const;
export type CombinePolicy = (typeof COMBINE_POLICIES)[number];

export interface SectionDraw {
  /** Draw from this section and its subsections. */
  sectionKey: string;
  count: number;
  /** Optional mix; counts per difficulty must add up to `count`. */
  difficulty?: Partial<Record<Difficulty, number>>;
}

export interface LabTaskRef {
  taskId: string;
  weight: number;
}

/** Everything that defines an exam; frozen into an exam version on publish. */
export interface Blueprint {
  courseId: string;
  title: string;
  language: Language;
  sections: SectionDraw[];
  /** Instead of draws: exactly these questions, in this order (before shuffling). */
  fixedQuestionIds: string[];
  labTasks: LabTaskRef[];
  questionWeight: number;
  timeLimitMinutes: number;
  passMark: number;
  maxAttempts: number;
  combine: CombinePolicy;
  availableFrom: string | null;
  availableUntil: string | null;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  reviewPolicy: ReviewPolicy;
  /** Hide the review (not the score) until the availability window has closed. */
  reviewAfterWindowCloses: boolean;
  certificateValidityMonths: number | null;
  multipleResponsePolicy: MultipleResponsePolicy;
  /**
   * Draw only exam-only items, which no practice quiz, export or review has shown. Absent
   * in versions published before it existed: those are not high-stakes.
   */
  highStakes?: boolean;
}
