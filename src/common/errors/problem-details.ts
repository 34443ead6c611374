import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'email' })
  path: string;

  @ApiProperty({ example: 'email must be an email' })
  message: string;
}

/** RFC 9457 problem details, the body of every error response. */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'urn:kubequiz:problem:validation-failed' })
  type: string;

  @ApiProperty({ example: 'The request is invalid' })
  title: string;

  @ApiProperty({ example: 422 })
  status: number;

  @ApiPropertyOptional({ example: 'One or more fields are invalid' })
  detail?: string;

  @ApiPropertyOptional({ example: '/v1/auth/login' })
  instance?: string;

  @ApiProperty({ example: 'req-3f9c2a' })
  requestId: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}
