import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, Max, Min } from 'class-validator';
import { MAX_INT32 } from '../../common/validation/bounds.js';
import type { ItemResponse } from '../../question-bank/model/question-types.js';
import { QuizItemDto } from '../../quizzes/dto/quiz.dto.js';

export class AttemptItemDto extends QuizItemDto {
  @ApiProperty({ example: 1 })
  position: number;

  @ApiProperty({ example: '3.1' })
  sectionKey: string;

  @ApiPropertyOptional({ nullable: true, example: { type: 'single-choice', choice: 'a' } })
  answer: ItemResponse | null;

  @ApiProperty({ example: 0, description: 'Send it back with the next autosave of this item' })
  answerVersion: number;
}

export class AttemptDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  examId: string;

  @ApiProperty({ example: 1 })
  examVersion: number;

  @ApiProperty({ example: 'Kubernetes Fundamentals — certification exam' })
  title: string;

  @ApiProperty({ example: 1 })
  attemptNumber: number;

  @ApiProperty({ enum: ['in-progress', 'submitted'] })
  status: string;

  @ApiProperty()
  startedAt: string;

  @ApiProperty()
  deadlineAt: string;

  @ApiProperty({ example: 3540, description: 'Seconds left by the server clock (0 once passed)' })
  timeLeftSeconds: number;

  @ApiPropertyOptional({ nullable: true, type: String })
  submittedAt: string | null;

  @ApiProperty({ type: [AttemptItemDto] })
  items: AttemptItemDto[];

  @ApiProperty({ type: [Object], description: 'Hands-on tasks of this attempt', example: [{ taskId: 'deployment-basics', weight: 10 }] })
  labTasks: Array<{ taskId: string; weight: number }>;
}

export class SaveAnswerDto {
  @ApiProperty({ example: { type: 'single-choice', choice: 'a' } })
  @IsObject()
  response: ItemResponse;

  @ApiProperty({ example: 0, minimum: 0, maximum: MAX_INT32, description: 'The answerVersion you last saw for this item (0 for none)' })
  @IsInt()
  @Min(0)
  @Max(MAX_INT32)
  version: number;
}

export class SavedAnswerDto {
  @ApiProperty({ example: 3 })
  position: number;

  @ApiProperty({ example: 1 })
  answerVersion: number;

  @ApiProperty()
  savedAt: string;
}
