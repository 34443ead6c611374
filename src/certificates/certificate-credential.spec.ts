import { buildOpenBadgeCredential } from './core/index.js';
import { addMonths, credentialInputFor, wholeSeconds, type CertificateFacts } from './certificate-credential.js';

const urls = {
  issuer: (org: string) => `https://kq.example/v1/issuers/${org}`,
  credentialId: (id: string) => `urn:uuid:${id}`,
  achievement: (org: string, exam: string) => `https://kq.example/v1/issuers/${org}/achievements/${exam}`,
};

const facts = (overrides: Partial<CertificateFacts> = {}): CertificateFacts => ({
  certificateId: '0f4c2a9e-6d1b-4c47-9a55-2f1f0b7e3c11',
  organization: { id: '11111111-1111-4111-8111-111111111111', name: 'Demo Training Co.', url: 'https://demo.example' },
  exam: { id: '22222222-2222-4222-8222-222222222222', title: 'Fundamentals', passMark: 60, sectionKeys: ['3', '5'], labTaskCount: 2, validityMonths: 24 },
  recipient: { email: 'li@example.com', salt: 'salt-salt' },
  score: 71.43,
  labTasksPassed: ['Deploy three replicas'],
  issuedAt: new Date('2026-01-31T10:00:00Z'),
  status: { listUrl: 'https://kq.example/v1/status-lists/33333333-3333-4333-8333-333333333333', index: 7 },
  ...overrides,
});

describe('credentialInputFor', () => {
  it('maps exam, score, lab tasks, validity and status into an OB 3.0 credential without the name', () => {
    const credential = buildOpenBadgeCredential(credentialInputFor(facts(), urls));
    expect(credential.issuer).toEqual({ id: urls.issuer('11111111-1111-4111-8111-111111111111'), type: ['Profile'], name: 'Demo Training Co.', url: 'https://demo.example' });
    expect(credential.validUntil).toBe('2028-01-31T10:00:00Z');
    expect(credential.credentialSubject.achievement.tag).toEqual(['3', '5']);
    expect(credential.credentialSubject.achievement.criteria.narrative).toMatch(/at least 60%.*lab tasks/);
    expect(credential.credentialSubject.result?.[0]?.value).toBe('71.43');
    expect(credential.credentialSubject.identifier.map((i) => i.identityType)).toEqual(['emailAddress']);
    expect(credential.evidence.map((e) => e.narrative)).toEqual(['Scored 71.43% (pass mark 60%): passed.', '- Deploy three replicas']);
    expect(credential.credentialStatus).toMatchObject({ statusListIndex: '7', statusPurpose: 'revocation' });
  });

  it('has no validUntil without a validity and drops an organisation url that is not a URL', () => {
    const input = credentialInputFor(facts({ exam: { ...facts().exam, validityMonths: null }, organization: { ...facts().organization, url: 'not a url' } }), urls);
    expect(input.validUntil).toBeUndefined();
    expect(input.issuer.url).toBeUndefined();
  });
});

describe('addMonths', () => {
  it('clamps to the end of shorter months, in UTC', () => {
    expect(addMonths(new Date('2026-01-31T23:30:00Z'), 1).toISOString()).toBe('2026-02-28T23:30:00.000Z');
    expect(addMonths(new Date('2028-01-31T00:00:00Z'), 1).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(addMonths(new Date('2026-03-15T08:00:00Z'), 12).toISOString()).toBe('2027-03-15T08:00:00.000Z');
  });

  it('whole seconds drop the milliseconds', () => {
    expect(wholeSeconds(new Date('2026-03-15T08:00:00.999Z')).toISOString()).toBe('2026-03-15T08:00:00.000Z');
  });
});
