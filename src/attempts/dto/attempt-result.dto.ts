import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class SectionScoreDto {
  @ApiProperty({ example: '3.1' })
  sectionKey: string;

  @ApiProperty({ example: 4 })
  points: number;

  @ApiProperty({ example: 5 })
  maxPoints: number;

  @ApiProperty({ example: 80 })
  percentage: number;

  @ApiProperty({ example: 5 })
  items: number;
}

export class LabTaskScoreDto {
  @ApiProperty({ example: 'deployment-basics' })
  taskId: string;

  @ApiProperty({ example: 'Deploy three replicas' })
  title: string;

  @ApiProperty({ example: 8 })
  points: number;

  @ApiProperty({ example: 10 })
  maxPoints: number;

  @ApiProperty({ example: true })
  passed: boolean;
}

export class ReviewItemDto {
  @ApiProperty({ example: 1 })
  position: number;

  @ApiProperty({ example: '3.1' })
  sectionKey: string;

  @ApiProperty({ description: 'The question as shown' })
  question: object;

  @ApiPropertyOptional({ nullable: true })
  answer: object | null;

  @ApiProperty({ type: Object, nullable: true, description: 'The key; null for an exam-only question when a candidate reads the review' })
  correctAnswer: object | null;

  @ApiProperty({ enum: ['correct', 'partial', 'incorrect', 'unanswered'] })
  outcome: string;

  @ApiProperty({ example: 1 })
  points: number;

  @ApiProperty({ example: 1 })
  maxPoints: number;

  @ApiProperty({ type: String, nullable: true, description: 'null for an exam-only question when a candidate reads the review' })
  explanation: string | null;
}

/** Fields beyond the score appear only as the exam's review policy allows. */
export class AttemptResultDto {
  @ApiProperty({ format: 'uuid' })
  attemptId: string;

  @ApiProperty({ enum: ['in-progress', 'submitted'] })
  status: string;

  @ApiProperty({ enum: ['score-only', 'score-and-sections', 'full-review'], description: 'What this response includes' })
  review: string;

  @ApiProperty({ example: 82.5 })
  percentage: number;

  @ApiProperty({ example: true })
  passed: boolean;

  @ApiProperty({ example: 33 })
  points: number;

  @ApiProperty({ example: 40 })
  maxPoints: number;

  @ApiProperty({ example: 70 })
  passMark: number;

  @ApiProperty()
  submittedAt: string;

  @ApiProperty({ enum: ['candidate', 'deadline'] })
  submittedBy: string;

  @ApiPropertyOptional({ type: [SectionScoreDto] })
  sections?: SectionScoreDto[];

  @ApiPropertyOptional({ type: [LabTaskScoreDto] })
  labTasks?: LabTaskScoreDto[];

  @ApiPropertyOptional({ type: [ReviewItemDto] })
  items?: ReviewItemDto[];

  @ApiPropertyOptional({ nullable: true, type: String, description: 'When the full review becomes visible' })
  reviewAvailableAt?: string | null;
}
