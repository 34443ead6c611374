import { SeededRandom } from '../common/random/seeded-random.js';
import type { Choice, QuestionContent, QuestionType } from './model/question-types.js';

/**
 * What a candidate sees of a question: content without its key, options shuffled by a
 * seed. A separate type from the author's view so a key cannot leak by accident.
 */
export interface QuestionForCandidate {
  questionId: string;
  revisionId: string;
  type: QuestionType;
  stem: string;
  options?: Choice[];
  prompts?: Choice[];
  choices?: Choice[];
  items?: Choice[];
  blanks?: number;
}

export function toCandidateView(
  questionId: string,
  revisionId: string,
  content: QuestionContent,
  random: SeededRandom | null,
): QuestionForCandidate {
  const shuffle = <T>(items: T[]) => (random ? random.shuffle(items) : items);
  const base = { questionId, revisionId, type: content.type, stem: content.stem };
  switch (content.type) {
    case 'single-choice':
    case 'multiple-response':
      return { ...base, options: shuffle(content.options) };
    case 'true-false':
      return base;
    case 'cloze':
      return { ...base, blanks: content.blanks };
    case 'matching':
      return { ...base, prompts: content.prompts, choices: shuffle(content.choices) };
    case 'ordering':
      return { ...base, items: shuffle(content.items) };
  }
}
