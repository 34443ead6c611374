import type { OpenBadgeCredentialInput } from './core/index.js';

/** What the issuer knows at issue time, gathered from the attempt, the exam and the accounts. */
export interface CertificateFacts {
  certificateId: string;
  organization: { id: string; name: string; url: string | null };
  exam: {
    id: string;
    title: string;
    passMark: number;
    sectionKeys: string[];
    labTaskCount: number;
    validityMonths: number | null;
  };
  recipient: { email: string; salt: string };
  /** 0–100. */
  score: number;
  /** Titles of the lab tasks graded `correct`. */
  labTasksPassed: string[];
  issuedAt: Date;
  status: { listUrl: string; index: number };
}

export interface CredentialUrls {
  issuer(organizationId: string): string;
  credentialId(certificateId: string): string;
  achievement(organizationId: string, examId: string): string;
}

/**
 * Maps the facts to the core's credential input. The recipient's name is deliberately left
 * out: the credential can be made public (download links), the name only if the candidate
 * allows it, and a signed credential cannot be changed afterwards.
 */
export function credentialInputFor(facts: CertificateFacts, urls: CredentialUrls): OpenBadgeCredentialInput {
  const { exam, organization } = facts;
  const labs = exam.labTaskCount > 0 ? ' and its hands-on lab tasks, checked against a live Kubernetes cluster' : '';
  return {
    credentialId: urls.credentialId(facts.certificateId),
    name: `${exam.title} — certificate`,
    description: `Awarded by ${organization.name} for passing the exam "${exam.title}".`,
    issuer: {
      id: urls.issuer(organization.id),
      name: organization.name,
      ...(organization.url && URL.canParse(organization.url) ? { url: organization.url } : {}),
    },
    recipient: { email: facts.recipient.email, salt: facts.recipient.salt },
    achievement: {
      id: urls.achievement(organization.id, exam.id),
      name: exam.title,
      description: `Passed the timed exam "${exam.title}"${exam.sectionKeys.length ? ` covering course sections ${exam.sectionKeys.join(', ')}` : ''}.`,
      criteriaNarrative: `Score at least ${exam.passMark}% in the timed exam "${exam.title}"${labs}.`,
      tags: exam.sectionKeys,
      passingScorePercent: exam.passMark,
    },
    validFrom: facts.issuedAt,
    ...(exam.validityMonths ? { validUntil: addMonths(facts.issuedAt, exam.validityMonths) } : {}),
    status: { statusListCredential: facts.status.listUrl, statusListIndex: facts.status.index },
    evidence: { scorePercent: facts.score, passed: true, labTasksPassed: facts.labTasksPassed, examTitle: exam.title },
  };
}

/** Calendar months in UTC; the day is clamped (31 January + 1 month = 28/29 February). */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}

/** Whole seconds: the credential's dates have no fractions, and the stored dates must equal them. */
export function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
