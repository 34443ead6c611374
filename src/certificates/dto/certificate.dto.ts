import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page.js';

export const CERTIFICATE_STATES = ['valid', 'revoked', 'expired'] as const;
export type CertificateState = (typeof CERTIFICATE_STATES)[number];

export class CertificateDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ format: 'uuid' })
  attemptId: string;

  @ApiProperty({ format: 'uuid' })
  examId: string;

  @ApiProperty({ example: 'Kubernetes Fundamentals' })
  examTitle: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ example: '李学员', description: 'As printed on the PDF' })
  recipientName: string;

  @ApiProperty({ example: 85.71, description: 'Percentage, 0–100' })
  score: number;

  @ApiProperty({ enum: CERTIFICATE_STATES, description: 'By the server clock' })
  status: CertificateState;

  @ApiProperty({ example: '2026-03-14T09:26:53.000Z' })
  issuedAt: string;

  @ApiProperty({ nullable: true, type: String, description: 'Null when the certificate does not expire' })
  validUntil: string | null;

  @ApiProperty({ nullable: true, type: String })
  revokedAt: string | null;

  @ApiProperty({ nullable: true, type: String })
  revocationReason: string | null;

  @ApiProperty({ description: 'The candidate allows the name on the public verification, and the PDF and credential downloads to be public' })
  showName: boolean;

  @ApiProperty({ example: 'https://kubequiz.example/v1/certificates/0f4c2a9e-6d1b-4c47-9a55-2f1f0b7e3c11/verification' })
  verificationUrl: string;

  @ApiProperty({ example: 'https://kubequiz.example/v1/certificates/0f4c2a9e-6d1b-4c47-9a55-2f1f0b7e3c11/pdf' })
  pdfUrl: string;
}

export class CertificateWithCredentialDto extends CertificateDto {
  @ApiProperty({ description: 'The Open Badges 3.0 OpenBadgeCredential (readable copy of the JWT payload)', type: 'object', additionalProperties: true })
  credential: Record<string, unknown>;

  @ApiProperty({ description: 'The credential as a VC-JWT (EdDSA), to import into a wallet' })
  jwt: string;
}

export class CertificatePageDto {
  @ApiProperty({ type: [CertificateWithCredentialDto] })
  items: CertificateWithCredentialDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class StaffCertificatePageDto {
  @ApiProperty({ type: [CertificateDto] })
  items: CertificateDto[];

  @ApiProperty({ nullable: true, type: String })
  nextCursor: string | null;
}

export class CertificateListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CERTIFICATE_STATES })
  @IsOptional()
  @IsIn(CERTIFICATE_STATES)
  status?: CertificateState;
}

export class UpdateMyCertificateDto {
  @ApiProperty({ description: 'Show my name on the public verification and make the PDF and credential downloads public' })
  @IsBoolean()
  showName: boolean;
}

export class RevokeCertificateDto {
  @ApiProperty({ example: 'Exam misconduct confirmed on review', description: 'Shown on the public verification' })
  @IsString()
  @Length(3, 500)
  reason: string;
}
