import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import {
  buildOpenBadgeCredential,
  credentialMatchesEmail,
  CredentialInputError,
  formatPercent,
  hashRecipientEmail,
} from './open-badge-credential.js';
import { sampleCredentialInput, SAMPLE_STATUS_LIST_URL } from './testing/sample-certificate.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/certificates/openbadges-3.0/', import.meta.url));

function readFixture(name: string): Record<string, unknown> {
  const file = `${FIXTURES}${name}`;
  if (!existsSync(file)) {
    throw new Error(`Open Badges fixture missing: ${file} (copy it from /work/shared/fixtures/openbadges-3.0/)`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

// ajv-formats is CommonJS with `exports.default`; under ESM interop the function may sit one level down.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2019) => void;

function schemaValidator() {
  const schema = readFixture('achievementcredential.schema.json');
  expect(schema.$schema).toMatch(/draft\/2019-09/);
  // strict: false: the 1EdTech schema has a 2-item "items" tuple with open additionalItems, which strict mode rejects.
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('buildOpenBadgeCredential', () => {
  const credential = buildOpenBadgeCredential(sampleCredentialInput());

  it('validates against the Open Badges 3.0 AchievementCredential JSON schema', () => {
    const validate = schemaValidator();
    const ok = validate(credential);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('is still valid without the optional parts', () => {
    const input = sampleCredentialInput({ validUntil: undefined, description: undefined });
    input.recipient = { email: 'a@example.com', salt: 'x' };
    input.achievement = { ...input.achievement, alignment: undefined, tags: [], passingScorePercent: undefined };
    input.evidence = { scorePercent: 70, passed: true, labTasksPassed: [] };
    const minimal = buildOpenBadgeCredential(input);
    expect(schemaValidator()(minimal)).toBe(true);
    expect(minimal).not.toHaveProperty('validUntil');
    expect(minimal.credentialSubject.achievement).not.toHaveProperty('tag');
    expect(minimal.credentialSubject.achievement).not.toHaveProperty('alignment');
    expect(minimal.credentialSubject.identifier).toHaveLength(1);
    expect(minimal.evidence).toHaveLength(1);
  });

  it('the schema check is not vacuous: broken credentials fail it', () => {
    const validate = schemaValidator();
    const noValidFrom = { ...credential } as Record<string, unknown>;
    delete noValidFrom.validFrom;
    expect(validate(noValidFrom)).toBe(false);
    expect(validate({ ...credential, type: ['VerifiableCredential'] })).toBe(false);
    expect(validate({ ...credential, validFrom: '14 March 2025' })).toBe(false);
    const badIdentity = structuredClone(credential);
    (badIdentity.credentialSubject.identifier[0] as unknown as Record<string, unknown>).email = 'leak@example.com';
    expect(validate(badIdentity)).toBe(false);
  });

  it('has the VC 2.0 + OB 3.0 envelope', () => {
    expect(credential['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.id).toBe(sampleCredentialInput().credentialId);
    expect(credential.issuer).toEqual({
      id: 'https://kubequiz.example/issuers/kubequiz',
      type: ['Profile'],
      name: 'KubeQuiz Academy',
      url: 'https://kubequiz.example',
    });
    // Whole seconds, so they equal the JWT nbf/exp claims exactly.
    expect(credential.validFrom).toBe('2025-03-14T09:26:53Z');
    expect(credential.validUntil).toBe('2027-03-14T09:26:53Z');
  });

  it('identifies the recipient by a salted email hash, never the plain email', () => {
    const [email] = credential.credentialSubject.identifier;
    const expected = createHash('sha256').update('wang.xiaoming@example.com' + 'c2FsdC1mb3ItdGVzdHM').digest('hex');
    expect(email).toEqual({
      type: 'IdentityObject',
      identityHash: `sha256$${expected}`,
      identityType: 'emailAddress',
      hashed: true,
      salt: 'c2FsdC1mb3ItdGVzdHM',
    });
    expect(JSON.stringify(credential).toLowerCase()).not.toContain('wang.xiaoming@example.com');
    expect(credentialMatchesEmail(credential, '  WANG.Xiaoming@example.com ')).toBe(true);
    expect(credentialMatchesEmail(credential, 'someone.else@example.com')).toBe(false);
  });

  it('publishes the display name as an unhashed "name" identity', () => {
    expect(credential.credentialSubject.identifier[1]).toEqual({
      type: 'IdentityObject',
      identityHash: '王小明',
      identityType: 'name',
      hashed: false,
    });
  });

  it('describes the achievement with the exam sections as tags and the alignment', () => {
    const { achievement } = credential.credentialSubject;
    expect(achievement).toMatchObject({
      id: 'https://kubequiz.example/achievements/cka-practice',
      type: ['Achievement'],
      achievementType: 'Certification',
      name: 'CKA Practice Exam',
      criteria: { narrative: expect.stringContaining('70%') },
      tag: ['Cluster Architecture', 'Workloads & Scheduling', 'Services & Networking', 'Storage', 'Troubleshooting'],
    });
    expect(achievement.alignment).toEqual([
      {
        type: ['Alignment'],
        targetName: 'Certified Kubernetes Administrator (CKA)',
        targetUrl: 'https://training.linuxfoundation.org/certification/certified-kubernetes-administrator-cka/',
      },
    ]);
  });

  it('records the score as an OB Result against a Percent ResultDescription', () => {
    const { achievement, result } = credential.credentialSubject;
    expect(achievement.resultDescription).toEqual([
      {
        id: 'https://kubequiz.example/achievements/cka-practice#score',
        type: ['ResultDescription'],
        name: 'Exam score',
        resultType: 'Percent',
        valueMin: '0',
        valueMax: '100',
        requiredValue: '70',
      },
    ]);
    expect(result).toEqual([
      { type: ['Result'], resultDescription: achievement.resultDescription?.[0].id, value: '87.5', status: 'Completed' },
    ]);
  });

  it('points credentialStatus at the revocation status list', () => {
    expect(credential.credentialStatus).toEqual({
      id: `${SAMPLE_STATUS_LIST_URL}#94567`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '94567',
      statusListCredential: SAMPLE_STATUS_LIST_URL,
    });
  });

  it('lists the exam result and the lab tasks as Evidence', () => {
    expect(credential.evidence).toEqual([
      {
        type: ['Evidence'],
        name: 'Exam result',
        description: 'Timed exam: CKA Practice Exam',
        narrative: 'Scored 87.5% (pass mark 70%): passed.',
        genre: 'Exam',
      },
      {
        type: ['Evidence'],
        name: 'Hands-on lab tasks',
        description: expect.stringContaining('Kubernetes cluster'),
        narrative: '- Create a Deployment with 3 replicas\n- Expose it with a ClusterIP Service\n- Back up etcd',
        genre: 'Lab',
      },
    ]);
  });

  it('only uses terms the OB 3.0 JSON-LD context defines for each typed node', () => {
    const context = readFixture('context-3.0.3.json')['@context'] as Record<string, { '@context'?: object }>;
    const globalTerms = new Set(Object.keys(context));
    const check = (node: Record<string, unknown>, type: string) => {
      const scoped = new Set(Object.keys(context[type]?.['@context'] ?? {}));
      for (const key of Object.keys(node)) {
        expect({ type, key, defined: scoped.has(key) || globalTerms.has(key) }).toEqual({ type, key, defined: true });
      }
    };
    const subject = credential.credentialSubject;
    check(subject as unknown as Record<string, unknown>, 'AchievementSubject');
    check(subject.achievement as unknown as Record<string, unknown>, 'Achievement');
    subject.identifier.forEach((i) => check(i as unknown as Record<string, unknown>, 'IdentityObject'));
    subject.result?.forEach((r) => check(r as unknown as Record<string, unknown>, 'Result'));
    subject.achievement.resultDescription?.forEach((r) => check(r as unknown as Record<string, unknown>, 'ResultDescription'));
    subject.achievement.alignment?.forEach((a) => check(a as unknown as Record<string, unknown>, 'Alignment'));
    credential.evidence.forEach((e) => check(e as unknown as Record<string, unknown>, 'Evidence'));
  });

  it('rejects bad input with a message naming the field', () => {
    expect(() => buildOpenBadgeCredential(sampleCredentialInput({ credentialId: 'urn-ish' }))).toThrow(/credentialId/);
    expect(() => buildOpenBadgeCredential(sampleCredentialInput({ name: ' ' }))).toThrow(/name must not be empty/);
    expect(() =>
      buildOpenBadgeCredential(sampleCredentialInput({ validUntil: new Date('2024-01-01T00:00:00Z') })),
    ).toThrow(/validUntil must be after validFrom/);
    expect(() => buildOpenBadgeCredential(sampleCredentialInput({ validFrom: new Date(Number.NaN) }))).toThrow(/validFrom/);
    const input = sampleCredentialInput();
    input.evidence = { ...input.evidence, scorePercent: 120 };
    expect(() => buildOpenBadgeCredential(input)).toThrow(CredentialInputError);
    input.evidence.scorePercent = 90;
    input.recipient = { ...input.recipient, email: 'not-an-email' };
    expect(() => buildOpenBadgeCredential(input)).toThrow(/recipient.email/);
  });

  it('hashes and formats deterministically', () => {
    expect(hashRecipientEmail('A@Example.com', 's')).toBe(hashRecipientEmail('a@example.com', 's'));
    expect(hashRecipientEmail('a@example.com', 's1')).not.toBe(hashRecipientEmail('a@example.com', 's2'));
    expect([formatPercent(90), formatPercent(87.5), formatPercent(66.6666)]).toEqual(['90', '87.5', '66.67']);
  });
});
