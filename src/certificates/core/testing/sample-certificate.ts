// Realistic inputs shared by the specs and the bench, so both exercise the same shapes.
import type { OpenBadgeCredentialInput } from '../open-badge-credential.js';
import type { CertificatePdfInput } from '../certificate-pdf.js';

export const SAMPLE_ISSUER = {
  id: 'https://kubequiz.example/issuers/kubequiz',
  name: 'KubeQuiz Academy',
  url: 'https://kubequiz.example',
} as const;

export const SAMPLE_STATUS_LIST_URL = 'https://kubequiz.example/credentials/status/1';
export const SAMPLE_VALID_FROM = new Date('2025-03-14T09:26:53.589Z');
export const SAMPLE_VALID_UNTIL = new Date('2027-03-14T09:26:53Z');

export function sampleCredentialInput(overrides: Partial<OpenBadgeCredentialInput> = {}): OpenBadgeCredentialInput {
  return {
    credentialId: 'https://kubequiz.example/certificates/0f4c2a9e-6d1b-4c47-9a55-2f1f0b7e3c11',
    name: 'Certified Kubernetes Administrator (practice) — certificate',
    description: 'Awarded for passing the KubeQuiz CKA practice exam, including hands-on cluster labs.',
    issuer: { ...SAMPLE_ISSUER },
    recipient: { email: 'Wang.Xiaoming@example.com', salt: 'c2FsdC1mb3ItdGVzdHM', displayName: '王小明' },
    achievement: {
      id: 'https://kubequiz.example/achievements/cka-practice',
      name: 'CKA Practice Exam',
      description: 'Demonstrates Kubernetes administration skills across the CKA curriculum.',
      criteriaNarrative: 'Score at least 70% in the timed CKA practice exam and pass the hands-on lab tasks.',
      tags: ['Cluster Architecture', 'Workloads & Scheduling', 'Services & Networking', 'Storage', 'Troubleshooting'],
      alignment: [
        {
          targetName: 'Certified Kubernetes Administrator (CKA)',
          targetUrl: 'https://training.linuxfoundation.org/certification/certified-kubernetes-administrator-cka/',
        },
      ],
      passingScorePercent: 70,
    },
    validFrom: SAMPLE_VALID_FROM,
    validUntil: SAMPLE_VALID_UNTIL,
    status: { statusListCredential: SAMPLE_STATUS_LIST_URL, statusListIndex: 94_567 },
    evidence: {
      scorePercent: 87.5,
      passed: true,
      labTasksPassed: ['Create a Deployment with 3 replicas', 'Expose it with a ClusterIP Service', 'Back up etcd'],
    },
    ...overrides,
  };
}

export function samplePdfInput(overrides: Partial<CertificatePdfInput> = {}): CertificatePdfInput {
  return {
    certificateId: '0f4c2a9e-6d1b-4c47-9a55-2f1f0b7e3c11',
    recipientName: '王小明',
    examTitle: 'CKA Practice Exam',
    scorePercent: 87.5,
    issuedAt: SAMPLE_VALID_FROM,
    expiresAt: SAMPLE_VALID_UNTIL,
    issuerName: 'KubeQuiz Academy',
    verificationUrl: 'https://kubequiz.example/verify/0f4c2a9e-6d1b-4c47-9a55-2f1f0b7e3c11',
    ...overrides,
  };
}
