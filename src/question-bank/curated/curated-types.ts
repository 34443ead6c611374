import type { AnswerKey, Difficulty, Language, QuestionContent, QuestionType } from '../model/question-types.js';

/** One curated question in one language, normalised from the YAML seeds. */
export interface CuratedQuestion {
  /** The YAML item id, shared by both languages (`k8s-3.1-scheduler-role`). */
  curatedId: string;
  courseSlug: string;
  /** Course section key, e.g. `"3.1"` or a chapter key such as `"3"`. */
  sectionKey: string;
  language: Language;
  type: QuestionType;
  difficulty: Difficulty;
  tags: string[];
  content: QuestionContent;
  key: AnswerKey;
  explanation: string;
}

/** Every problem found in the curated seeds, each naming its file, item id and what is wrong. */
export class CuratedQuestionsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid curated questions (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CuratedQuestionsError';
  }
}

/** Collects problems with the location prefix of the item being read. */
export class ProblemSink {
  readonly problems: string[] = [];

  at(file: string, itemId?: string, language?: Language): (message: string) => void {
    const where = [file, itemId === undefined ? undefined : `question "${itemId}"`, language === undefined ? undefined : `[${language}]`]
      .filter((part) => part !== undefined)
      .join(': ');
    return (message: string) => {
      this.problems.push(`${where}: ${message}`);
    };
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
