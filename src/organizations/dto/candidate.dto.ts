import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length } from 'class-validator';

export class UpsertCandidateDto {
  @ApiProperty({ example: 'wang.fang@learner.example' })
  @IsEmail()
  email: string;

  @ApiProperty({ example: '王芳' })
  @IsString()
  @Length(1, 200)
  displayName: string;
}

export class CandidateDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ example: 'lms-4711' })
  externalId: string;

  @ApiProperty({ example: 'wang.fang@learner.example' })
  email: string;

  @ApiProperty({ example: '王芳' })
  displayName: string;

  @ApiProperty({ description: 'True when this call created the candidate' })
  created: boolean;
}
