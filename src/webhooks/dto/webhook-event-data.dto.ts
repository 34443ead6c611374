import { ApiProperty } from '@nestjs/swagger';

/** Who an event is about, in our ids and in the LMS's own. */
export class PersonEventData {
  @ApiProperty({ format: 'uuid', example: '5f0c8f0e-3b0a-4c53-9f57-5c5d0b0a7e21' })
  userId: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'lms-user-4711',
    description: "The integration's own id for the person (`PUT /v1/organizations/{id}/candidates/{externalId}`); null for people who were not provisioned that way",
  })
  externalId: string | null;
}

export class AttemptEventData extends PersonEventData {
  @ApiProperty({ format: 'uuid' })
  attemptId: string;

  @ApiProperty({ format: 'uuid' })
  examId: string;

  @ApiProperty({ example: 1 })
  attemptNumber: number;
}

export class AttemptSubmittedData extends AttemptEventData {
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt: string | null;

  @ApiProperty({ type: String, enum: ['candidate', 'deadline'], nullable: true, description: '`deadline` when the time limit closed the attempt' })
  submittedBy: 'candidate' | 'deadline' | null;
}

export class AttemptGradedData extends AttemptEventData {
  @ApiProperty({ type: Number, nullable: true, example: 85 })
  percentage: number | null;

  @ApiProperty({ type: Boolean, nullable: true, example: true })
  passed: boolean | null;
}

export class CertificateEventData extends PersonEventData {
  @ApiProperty({ format: 'uuid' })
  certificateId: string;

  @ApiProperty({ format: 'uuid' })
  attemptId: string;

  @ApiProperty({ format: 'uuid' })
  examId: string;

  @ApiProperty({ format: 'uri', example: 'https://kubequiz.example/v1/certificates/0b6a…/verification', description: 'Public verification, no account needed' })
  verificationUrl: string;
}

export class CertificateIssuedData extends CertificateEventData {
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'End of validity; null when the certificate does not expire' })
  validUntil: string | null;

  @ApiProperty({ example: 1 })
  attemptNumber: number;
}

export class CertificateRevokedData extends CertificateEventData {
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'End of validity; null when the certificate does not expire' })
  validUntil: string | null;

  @ApiProperty({ format: 'date-time' })
  revokedAt: string;

  @ApiProperty({ example: 'Exam rules broken', description: 'As the examiner gave it' })
  reason: string;
}

export class CertificateExpiredData extends CertificateEventData {
  @ApiProperty({ format: 'date-time', description: 'When validity ended (the event is sent at most a few minutes later)' })
  validUntil: string;
}

export class ExamPublishedData {
  @ApiProperty({ format: 'uuid' })
  examId: string;

  @ApiProperty({ format: 'uuid' })
  courseId: string;

  @ApiProperty({ example: 'CKA practice exam' })
  title: string;

  @ApiProperty({ example: 2, description: 'The published version; attempts started from now on use it' })
  version: number;

  @ApiProperty({ format: 'date-time' })
  publishedAt: string;
}
