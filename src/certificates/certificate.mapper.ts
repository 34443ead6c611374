import type { CertificateUrls } from './certificate-urls.js';
import type { CertificateDto, CertificateState, CertificateWithCredentialDto } from './dto/certificate.dto.js';
import type { CertificateEntity } from './entities/certificate.entity.js';

/** Revoked wins over expired, as in the verifier: a revoked certificate stays revoked. */
export function certificateState(certificate: Pick<CertificateEntity, 'revokedAt' | 'validUntil'>, now: Date): CertificateState {
  if (certificate.revokedAt) return 'revoked';
  if (certificate.validUntil && certificate.validUntil.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

export function toCertificateDto(certificate: CertificateEntity, urls: CertificateUrls, now: Date): CertificateDto {
  return {
    id: certificate.id,
    organizationId: certificate.organizationId,
    attemptId: certificate.attemptId,
    examId: certificate.examId,
    examTitle: certificate.examTitle,
    userId: certificate.userId,
    recipientName: certificate.recipientName,
    score: certificate.score,
    status: certificateState(certificate, now),
    issuedAt: certificate.issuedAt.toISOString(),
    validUntil: certificate.validUntil?.toISOString() ?? null,
    revokedAt: certificate.revokedAt?.toISOString() ?? null,
    revocationReason: certificate.revocationReason,
    showName: certificate.showName,
    verificationUrl: urls.verification(certificate.id),
    pdfUrl: urls.pdf(certificate.id),
  };
}

export function toCertificateWithCredentialDto(certificate: CertificateEntity, urls: CertificateUrls, now: Date): CertificateWithCredentialDto {
  return { ...toCertificateDto(certificate, urls, now), credential: certificate.credential, jwt: certificate.jwt };
}
