import { createHash } from 'node:crypto';
import {
  OB_V3_CONTEXT,
  OB_V3_SCHEMA_ID,
  VC_V2_CONTEXT,
  assertValidDate,
  toXsdDateTime,
  type Achievement,
  type AchievementSubject,
  type Evidence,
  type IdentityObject,
  type OpenBadgeCredential,
} from './credential-types.js';
import { buildStatusListEntry } from './status-list.js';

export interface OpenBadgeCredentialInput {
  /** The credential's own URL, e.g. https://kubequiz.example/certificates/<id>. */
  credentialId: string;
  /** Human-readable title of the credential, e.g. "CKA practice exam — certificate". */
  name: string;
  description?: string;
  issuer: { id: string; name: string; url?: string; email?: string };
  recipient: {
    email: string;
    /** Random per credential, so the hash cannot be matched across credentials. */
    salt: string;
    /** Printed on the certificate; published as a plain (unhashed) `name` identity. */
    displayName?: string;
  };
  achievement: {
    id: string;
    name: string;
    description: string;
    criteriaNarrative: string;
    /** The exam's sections. */
    tags: string[];
    alignment?: Array<{ targetName: string; targetUrl: string; targetDescription?: string; targetFramework?: string }>;
    /** Pass mark of the exam, 0–100; published as the score's `requiredValue`. */
    passingScorePercent?: number;
  };
  validFrom: Date;
  validUntil?: Date;
  status: { statusListCredential: string; statusListIndex: number };
  evidence: {
    /** 0–100. */
    scorePercent: number;
    passed: boolean;
    labTasksPassed: string[];
    /** Optional URL of the attempt (only if the route is public; it becomes part of the credential). */
    attemptUrl?: string;
    examTitle?: string;
  };
}

export class CredentialInputError extends Error {
  override readonly name = 'CredentialInputError';
}

/**
 * The OB 3.0 recipient hash: `sha256$` + hex(sha256(email + salt)). The email is trimmed and
 * lower-cased first so that an issuer and a verifier typing the same address agree.
 */
export function hashRecipientEmail(email: string, salt: string): string {
  return `sha256$${createHash('sha256').update(normalizeEmail(email) + salt, 'utf8').digest('hex')}`;
}

/** True when `email` is the recipient the credential was issued to. */
export function credentialMatchesEmail(credential: Pick<OpenBadgeCredential, 'credentialSubject'>, email: string): boolean {
  return credential.credentialSubject.identifier.some(
    (identity) =>
      identity.identityType === 'emailAddress' &&
      identity.hashed &&
      identity.salt !== undefined &&
      identity.identityHash === hashRecipientEmail(email, identity.salt),
  );
}

export function buildOpenBadgeCredential(input: OpenBadgeCredentialInput): OpenBadgeCredential {
  validateInput(input);
  const credential: OpenBadgeCredential = {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: input.credentialId,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: input.name,
    ...(input.description ? { description: input.description } : {}),
    issuer: {
      id: input.issuer.id,
      type: ['Profile'],
      name: input.issuer.name,
      ...(input.issuer.url ? { url: input.issuer.url } : {}),
      ...(input.issuer.email ? { email: input.issuer.email } : {}),
    },
    validFrom: toXsdDateTime(input.validFrom),
    ...(input.validUntil ? { validUntil: toXsdDateTime(input.validUntil) } : {}),
    credentialSubject: buildSubject(input),
    credentialStatus: buildStatusListEntry(input.status.statusListCredential, input.status.statusListIndex),
    credentialSchema: [{ id: OB_V3_SCHEMA_ID, type: '1EdTechJsonSchemaValidator2019' }],
    evidence: buildEvidence(input),
  };
  return credential;
}

function buildSubject(input: OpenBadgeCredentialInput): AchievementSubject {
  const { recipient, achievement, evidence } = input;
  const identifier: IdentityObject[] = [
    {
      type: 'IdentityObject',
      identityHash: hashRecipientEmail(recipient.email, recipient.salt),
      identityType: 'emailAddress',
      hashed: true,
      salt: recipient.salt,
    },
  ];
  const displayName = recipient.displayName?.trim();
  if (displayName) {
    // OB 3.0 carries a plain-text name as an unhashed IdentityObject of type "name".
    identifier.push({ type: 'IdentityObject', identityHash: displayName, identityType: 'name', hashed: false });
  }
  const scoreDescriptionId = `${achievement.id}#score`;
  const built: Achievement = {
    id: achievement.id,
    type: ['Achievement'],
    achievementType: 'Certification',
    name: achievement.name,
    description: achievement.description,
    criteria: { narrative: achievement.criteriaNarrative },
    ...(achievement.tags.length > 0 ? { tag: [...achievement.tags] } : {}),
    ...(achievement.alignment && achievement.alignment.length > 0
      ? { alignment: achievement.alignment.map((a) => ({ type: ['Alignment'] as ['Alignment'], ...a })) }
      : {}),
    resultDescription: [
      {
        id: scoreDescriptionId,
        type: ['ResultDescription'],
        name: 'Exam score',
        resultType: 'Percent',
        valueMin: '0',
        valueMax: '100',
        ...(achievement.passingScorePercent !== undefined
          ? { requiredValue: formatPercent(achievement.passingScorePercent) }
          : {}),
      },
    ],
  };
  return {
    type: ['AchievementSubject'],
    identifier,
    achievement: built,
    result: [
      {
        type: ['Result'],
        resultDescription: scoreDescriptionId,
        value: formatPercent(evidence.scorePercent),
        status: evidence.passed ? 'Completed' : 'Failed',
      },
    ],
  };
}

function buildEvidence(input: OpenBadgeCredentialInput): Evidence[] {
  const { evidence, achievement } = input;
  const examTitle = evidence.examTitle ?? achievement.name;
  const passMark =
    achievement.passingScorePercent !== undefined ? ` (pass mark ${formatPercent(achievement.passingScorePercent)}%)` : '';
  const exam: Evidence = {
    ...(evidence.attemptUrl ? { id: evidence.attemptUrl } : {}),
    type: ['Evidence'],
    name: 'Exam result',
    description: `Timed exam: ${examTitle}`,
    narrative: `Scored ${formatPercent(evidence.scorePercent)}%${passMark}: ${evidence.passed ? 'passed' : 'not passed'}.`,
    genre: 'Exam',
  };
  if (evidence.labTasksPassed.length === 0) return [exam];
  const labs: Evidence = {
    type: ['Evidence'],
    name: 'Hands-on lab tasks',
    description: 'Tasks checked automatically against a live Kubernetes cluster.',
    narrative: evidence.labTasksPassed.map((task) => `- ${task}`).join('\n'),
    genre: 'Lab',
  };
  return [exam, labs];
}

function validateInput(input: OpenBadgeCredentialInput): void {
  for (const [label, value] of [
    ['credentialId', input.credentialId],
    ['issuer.id', input.issuer.id],
    ['achievement.id', input.achievement.id],
    ['status.statusListCredential', input.status.statusListCredential],
    ...(input.issuer.url ? [['issuer.url', input.issuer.url]] : []),
    ...(input.evidence.attemptUrl ? [['evidence.attemptUrl', input.evidence.attemptUrl]] : []),
  ] as Array<[string, string]>) {
    if (!URL.canParse(value)) throw new CredentialInputError(`${label} must be an absolute URL, got ${JSON.stringify(value)}`);
  }
  for (const [label, value] of [
    ['name', input.name],
    ['issuer.name', input.issuer.name],
    ['achievement.name', input.achievement.name],
    ['achievement.description', input.achievement.description],
    ['achievement.criteriaNarrative', input.achievement.criteriaNarrative],
    ['recipient.salt', input.recipient.salt],
  ] as Array<[string, string]>) {
    if (typeof value !== 'string' || value.trim() === '') throw new CredentialInputError(`${label} must not be empty`);
  }
  if (!normalizeEmail(input.recipient.email).includes('@')) {
    throw new CredentialInputError('recipient.email must be an email address');
  }
  assertValidDate(input.validFrom, 'validFrom');
  if (input.validUntil) {
    assertValidDate(input.validUntil, 'validUntil');
    if (input.validUntil.getTime() <= input.validFrom.getTime()) {
      throw new CredentialInputError('validUntil must be after validFrom');
    }
  }
  assertPercent('evidence.scorePercent', input.evidence.scorePercent);
  if (input.achievement.passingScorePercent !== undefined) {
    assertPercent('achievement.passingScorePercent', input.achievement.passingScorePercent);
  }
}

function assertPercent(label: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) {
    throw new CredentialInputError(`${label} must be a number between 0 and 100`);
  }
}

/** At most two decimals and no trailing zeros: 87.5 → "87.5", 90 → "90". */
export function formatPercent(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
