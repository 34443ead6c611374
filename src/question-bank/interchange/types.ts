import type { AnswerKey, Difficulty, Language, QuestionContent } from '../model/question-types.js';

/** One question as it leaves or enters the bank through an interchange format. */
export interface ExchangeQuestion {
  /** Stable id (uuid or curated id). */
  id: string;
  /** Short name, e.g. "3.1 kube-scheduler role". */
  title: string;
  language: Language;
  sectionKeys: string[];
  difficulty: Difficulty;
  tags: string[];
  content: QuestionContent;
  answerKey: AnswerKey;
  explanation: string;
}

/** A problem tied to a line of the imported text (1-based). */
export interface LineProblem {
  line: number;
  message: string;
}

export interface GiftImportResult {
  questions: ExchangeQuestion[];
  /** Questions that could not be imported; each was skipped, the rest were still read. */
  errors: LineProblem[];
  /** Questions imported with a loss or a guess (partial credit, feedback dropped, edited body). */
  warnings: LineProblem[];
}

export interface GiftExportOptions {
  /** Moodle category path; a `$CATEGORY:` line per section (`<category>/<sectionKey>`) is written when given. */
  category?: string;
}

export interface GiftImportOptions {
  /** Language of questions without kubequiz metadata; by default guessed from the text (CJK → zh). */
  language?: Language;
  /** Difficulty of questions without kubequiz metadata (default `medium`). */
  difficulty?: Difficulty;
}

export interface MoodleXmlExportOptions {
  /** Moodle category path; a category pseudo-question per section is written when given. */
  category?: string;
  /**
   * `ordering` (default) uses Moodle's ordering question type (qtype_ordering); `matching` writes
   * "position n → item" matching for Moodle sites without it.
   */
  orderingAs?: 'ordering' | 'matching';
}
