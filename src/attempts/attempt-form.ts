import { SeededRandom } from '../common/random/seeded-random.js';
import { toCandidateView } from '../question-bank/candidate-view.js';
import type { QuestionContent } from '../question-bank/model/question-types.js';
import type { AttemptItemDto } from './dto/attempt.dto.js';
import type { AttemptItemEntity } from './entities/attempt-item.entity.js';

/** An attempt item as the candidate sees it: no key, options in the item's frozen order. */
export function toAttemptItemView(item: AttemptItemEntity, content: QuestionContent): AttemptItemDto {
  const random = item.displaySeed ? new SeededRandom(item.displaySeed) : null;
  return {
    ...toCandidateView(item.questionId, item.revisionId, content, random),
    position: item.position,
    sectionKey: item.sectionKey,
    answer: item.answer,
    answerVersion: item.answerVersion,
  };
}
