import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class LangQueryDto {
  @ApiPropertyOptional({ enum: ['zh', 'en'] })
  @IsOptional()
  @IsIn(['zh', 'en'])
  lang?: 'zh' | 'en';
}

export class LabTaskSummaryDto {
  @ApiProperty({ example: 'deployment-basics' })
  id: string;

  @ApiProperty({ example: 'Deploy three replicas with labels' })
  title: string;

  @ApiProperty({ type: [String], example: ['5.3', '5.5'] })
  sections: string[];

  @ApiProperty({ example: 20 })
  timeLimitMinutes: number;

  @ApiProperty({ example: 5 })
  checks: number;
}

export class LabTaskDto extends LabTaskSummaryDto {
  @ApiProperty({ description: 'Markdown' })
  instructions: string;
}

export class CheckResultDto {
  @ApiProperty({ example: 'replicas' })
  id: string;

  @ApiProperty()
  passed: boolean;

  @ApiProperty({ example: 2 })
  weight: number;

  @ApiProperty({ example: 'Three replicas are ready' })
  title: string;

  @ApiProperty({ example: 'expected 3 ready pods, found 1' })
  message: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Scale the Deployment with kubectl scale …' })
  hint: string | null;

  @ApiProperty({ example: '5.3' })
  section: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: '/v1/courses/…/quizzes' })
  sectionLink?: string | null;
}

export class ValidationResultDto {
  @ApiProperty({ example: 6 })
  score: number;

  @ApiProperty({ example: 10 })
  maxScore: number;

  @ApiProperty({ example: 60 })
  percentage: number;

  @ApiPropertyOptional({ type: [CheckResultDto], description: 'Omitted in exams unless the review policy shows answers' })
  checks?: CheckResultDto[];

  @ApiProperty()
  checkedAt: string;
}

export class LabSessionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'deployment-basics' })
  taskId: string;

  @ApiProperty({ example: 'lab-3f9c2a7d1b' })
  namespace: string;

  @ApiProperty({ enum: ['active', 'expired', 'deleted'] })
  status: string;

  @ApiProperty()
  expiresAt: string;

  @ApiPropertyOptional({ nullable: true, format: 'uuid', type: String })
  attemptId: string | null;

  @ApiPropertyOptional({ type: ValidationResultDto, nullable: true })
  lastValidation: ValidationResultDto | null;
}

export class CreatedLabSessionDto extends LabSessionDto {
  @ApiProperty({ description: 'kubeconfig for kubectl, limited to the lab namespace; shown only now' })
  kubeconfig: string;

  @ApiProperty({ description: 'Markdown instructions in the requested language' })
  instructions: string;
}
