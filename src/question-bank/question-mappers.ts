import type { QuestionWithKeyDto } from './dto/question.dto.js';
import type { QuestionRevisionEntity } from './entities/question-revision.entity.js';
import type { QuestionEntity } from './entities/question.entity.js';

export function toQuestionWithKey(question: QuestionEntity, revision: QuestionRevisionEntity): QuestionWithKeyDto {
  return {
    id: question.id,
    courseId: question.courseId,
    sectionKeys: question.sectionKeys,
    language: question.language,
    type: question.type,
    difficulty: question.difficulty,
    tags: question.tags,
    status: question.status,
    origin: question.origin,
    use: question.use,
    revision: revision.revision,
    revisionId: revision.id,
    content: revision.content,
    answerKey: revision.answerKey,
    explanation: revision.explanation,
    source: question.source,
    updatedAt: question.updatedAt.toISOString(),
  };
}
