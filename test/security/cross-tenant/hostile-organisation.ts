import { API_KEY_SCOPES, type Role } from '../../../src/organizations/roles.js';
import { newApprovedQuestions, newCourse } from '../../support/factories.js';
import { demoEmail, type TestApp } from '../../support/test-app.js';

/** One way of calling the API: the headers that carry the credential. */
export interface Caller {
  name: string;
  headers: Record<string, string>;
}

export type HostileOrganisation = Awaited<ReturnType<typeof hostileOrganisation>>;

/**
 * A second organisation with one person per role, an API key holding every scope, and
 * candidate tokens that key minted for its LMS learners, one of them the victim's own
 * candidate registered by email: everyone who could try to reach another tenant's data
 * with valid credentials of their own. It has a course and exams of
 * its own too.
 */
export async function hostileOrganisation(t: TestApp) {
  const admin = `Bearer ${await t.login('admin')}`;
  const organizationId = (await t.http.post('/v1/organizations').set('authorization', admin).send({ slug: 'hostile', name: 'Hostile Academy' }).expect(201)).body.id as string;
  const org = `/v1/organizations/${organizationId}`;

  const person = async (role: Role): Promise<string> => {
    const email = `${role}@hostile.example`;
    const password = `hostile-${role}-password`;
    const invitation = await t.http.post(`${org}/invitations`).set('authorization', admin).send({ email, roles: [role] }).expect(201);
    await t.http.post('/v1/invitations/accept').send({ token: invitation.body.token, displayName: `Hostile ${role}`, password }).expect(200);
    return `Bearer ${(await t.http.post('/v1/auth/login').send({ email, password }).expect(200)).body.accessToken}`;
  };
  const owner = await person('owner');
  const [author, examiner, candidate] = [await person('author'), await person('examiner'), await person('candidate')];
  const apiKey = (await t.http.post(`${org}/api-keys`).set('authorization', owner).send({ name: 'hostile lms', scopes: [...API_KEY_SCOPES] }).expect(201)).body.key as string;
  await t.http.put(`${org}/candidates/hostile-lms-1`).set('x-api-key', apiKey).send({ email: 'learner@hostile.example', displayName: 'Hostile Learner' }).expect(201);
  const lmsCandidate = `Bearer ${(await t.http.post(`${org}/candidates/hostile-lms-1/token`).set('x-api-key', apiKey).expect(200)).body.accessToken}`;
  // Its LMS registers the victim's candidate by email: the same person, now also a candidate
  // here, and the LMS can mint tokens for them. Those tokens act in this organisation only.
  await t.http.put(`${org}/candidates/claimed-1`).set('x-api-key', apiKey).send({ email: demoEmail('candidate'), displayName: 'Claimed' }).expect(201);
  const claimed = (await t.http.post(`${org}/candidates/claimed-1/token`).set('x-api-key', apiKey).expect(200)).body;
  const claimedCandidate = `Bearer ${claimed.accessToken}`;
  const candidateUserId = (await t.http.get('/v1/me').set('authorization', candidate).expect(200)).body.userId as string;

  // Its own course and exams, for requests whose path is the attacker's own but whose body names the victim's ids.
  const courseId = await newCourse(t, author, ['3', '3.1'], 'hostile-course');
  await newApprovedQuestions(t, author, courseId, { '3.1': 2 });
  const exam = { courseId, title: 'Hostile exam', language: 'en', sections: [{ sectionKey: '3', count: 1 }] };
  const examId = (await t.http.post('/v1/exams').set('authorization', examiner).send(exam).expect(201)).body.id as string;
  await t.http.post(`/v1/exams/${examId}/publish`).set('authorization', examiner).expect(200);
  const draftExamId = (await t.http.post('/v1/exams').set('authorization', examiner).send(exam).expect(201)).body.id as string;

  const callers: Caller[] = [
    { name: 'owner', headers: { authorization: owner } },
    { name: 'author', headers: { authorization: author } },
    { name: 'examiner', headers: { authorization: examiner } },
    { name: 'candidate', headers: { authorization: candidate } },
    { name: 'lms candidate', headers: { authorization: lmsCandidate } },
    { name: 'claimed candidate', headers: { authorization: claimedCandidate } },
    { name: 'api key', headers: { 'x-api-key': apiKey } },
  ];
  return { organizationId, candidateUserId, claimedUserId: claimed.userId as string, callers, own: { courseId, examId, draftExamId } };
}
