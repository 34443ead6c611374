import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export const VERIFICATION_STATES = ['valid', 'revoked', 'expired', 'invalid', 'unknown'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

export class VerificationCheckDto {
  @ApiProperty({ enum: ['format', 'signature', 'issuer', 'dates', 'status'] })
  check: string;

  @ApiProperty()
  passed: boolean;

  @ApiProperty({ example: 'signed by key 3jW…' })
  message: string;
}

export class IssuerSummaryDto {
  @ApiProperty({ example: 'https://kubequiz.example/v1/issuers/6a1f…' })
  id: string;

  @ApiProperty({ example: 'Demo Training Co.' })
  name: string;

  @ApiProperty({ nullable: true, type: String })
  url: string | null;
}

export class RecipientSummaryDto {
  @ApiProperty({ example: '王芳', nullable: true, type: String, description: 'The name printed on the certificate; null when it is not shown' })
  displayName: string | null;

  @ApiProperty({ example: true, description: 'False when the holder hid the name (or, for certificates issued before names were shown by default, never chose to show it)' })
  nameShown: boolean;

  @ApiProperty({
    example: 'https://kubequiz.example/v1/certificates/0f4c2a9e-6d1b-4c47-9a55-2f1f0b7e3c11/name-check',
    description: 'POST { "name": "…" } here to learn whether the certificate was issued to that name, without the name being revealed',
  })
  nameCheckUrl: string;
}

export class ExamSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Kubernetes Fundamentals' })
  title: string;
}

/** A verification outcome, never an error: unknown ids are `unknown` with everything else null. */
export class CertificateVerificationDto {
  @ApiProperty({ enum: VERIFICATION_STATES, description: '`invalid` only if a stored credential no longer verifies' })
  status: VerificationState;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  certificateId: string | null;

  @ApiProperty({ nullable: true, type: IssuerSummaryDto })
  issuer: IssuerSummaryDto | null;

  @ApiProperty({ nullable: true, type: RecipientSummaryDto, description: 'Null only for an unknown certificate; the name itself unless the holder hid it' })
  recipient: RecipientSummaryDto | null;

  @ApiProperty({ nullable: true, type: ExamSummaryDto })
  exam: ExamSummaryDto | null;

  @ApiProperty({ nullable: true, type: String })
  issuedAt: string | null;

  @ApiProperty({ nullable: true, type: String })
  validUntil: string | null;

  @ApiProperty({ nullable: true, type: String })
  revokedAt: string | null;

  @ApiProperty({ nullable: true, type: String })
  revocationReason: string | null;

  @ApiProperty({ description: 'When this answer was computed (server clock)' })
  checkedAt: string;

  @ApiProperty({ type: [VerificationCheckDto], description: 'How the stored VC-JWT was checked: signature against the published key, issuer, dates, status list bit' })
  checks: VerificationCheckDto[];
}

export class VerifyCredentialDto {
  @ApiProperty({ description: 'A VC-JWT (compact JWS)', example: 'eyJhbGciOiJFZERTQSIsInR5cCI6IkpXVCIsImtpZCI6Ii4uLiJ9.eyJ…' })
  @IsString()
  @Length(1, 200_000)
  credential: string;
}

export class VerificationReportDto {
  @ApiProperty()
  valid: boolean;

  @ApiProperty({ enum: ['valid', 'revoked', 'expired', 'invalid'] })
  status: string;

  @ApiProperty({ type: [VerificationCheckDto], description: 'In order; checks that cannot run (e.g. dates after a bad signature) are left out' })
  checks: VerificationCheckDto[];

  @ApiPropertyOptional({ description: 'The credential, only when format and signature passed', type: 'object', additionalProperties: true })
  credential?: Record<string, unknown>;

  @ApiProperty({ description: 'When the check ran (server clock)' })
  checkedAt: string;
}

export class NameCheckDto {
  @ApiProperty({ example: '王芳', description: 'The name to check, e.g. as printed on the PDF. Compared after Unicode NFC, trimming, collapsing whitespace and case folding.' })
  @IsString()
  @Length(1, 200)
  name: string;
}

export class NameCheckResultDto {
  @ApiProperty({ format: 'uuid' })
  certificateId: string;

  @ApiProperty({ example: true, description: 'Whether the certificate was issued to this name' })
  matches: boolean;

  @ApiProperty({ description: 'When the check ran (server clock)' })
  checkedAt: string;
}
