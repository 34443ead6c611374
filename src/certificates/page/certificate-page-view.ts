import type { CertificateUrls } from '../certificate-urls.js';
import type { VerifiedCertificate } from '../certificate-verification.js';
import { scoreBand, type CertificatePageView, type NameCheckView } from './certificate-page.js';

/**
 * The page's view of a verification. Score band, lab tasks and download links come from the
 * certificate only when its holder made it public (`showName`), like the name itself.
 */
export function certificatePageView(
  verified: VerifiedCertificate,
  requestedId: string,
  urls: CertificateUrls,
  nameCheckAnswer?: NameCheckView['answer'],
): CertificatePageView {
  const { answer, certificate } = verified;
  if (!certificate) {
    return { answer, pageUrl: `${urls.base}/v1/certificates/${encodeURIComponent(requestedId)}/verification`, details: null, kid: null, nameCheck: null };
  }
  const hiddenBecause = certificate.showName ? null : certificate.showNameChosenAt ? 'holder-hid-it' : 'never-chosen';
  const labEvidence = certificate.credential.evidence.find((evidence) => evidence.genre === 'Lab');
  const labTasksPassed = (labEvidence?.narrative ?? '')
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2));
  return {
    answer,
    pageUrl: urls.verification(certificate.id),
    details: certificate.showName
      ? {
          scoreBand: scoreBand(certificate.score),
          labTasksPassed,
          downloads: {
            jwt: urls.credentialDownload(certificate.id),
            json: `${urls.credentialDownload(certificate.id)}?format=json`,
            pdf: urls.pdf(certificate.id),
          },
        }
      : null,
    kid: certificate.kid,
    nameCheck: { action: urls.nameCheck(certificate.id), hiddenBecause, ...(nameCheckAnswer ? { answer: nameCheckAnswer } : {}) },
  };
}
