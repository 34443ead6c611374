import type { HostileOrganisation } from './hostile-organisation.js';
import { VICTIM_TASK_TITLE, type VictimOrganisation } from './victim-organisation.js';

export interface ForeignIdAttack {
  /** Which of the attacker's callers sends it (by Caller.name). */
  caller: string;
  method: 'get' | 'post' | 'put';
  url: string;
  body?: object;
  /**
   * Answers that are no leak. A 2xx is listed only where the route may answer "nothing of
   * that": a filtered list, or a bulk call that reports foreign ids as skipped or unknown;
   * its body must still carry nothing of the victim's beyond what the attacker sent.
   */
  allowed: number[];
}

const REFUSED = [403, 404, 422];

/**
 * The victim's ids where the path is the attacker's own: in request bodies and query
 * strings, so that the id check has to happen on what an operation refers to, not only on
 * what it is called on: writing questions or exams on the victim's course, approving its
 * questions in bulk, listing them by its course, enrolling its people, checking a practice
 * answer against its answer key. None of these may change anything.
 */
export function foreignIdAttacks(victim: VictimOrganisation, hostile: HostileOrganisation): ForeignIdAttack[] {
  const v = victim.ids;
  const own = hostile.own;
  // The victim's author: unlike its candidate, not a member of the attacker's organisation too.
  const victimOnly = v.userId[0]!;
  const question = {
    language: 'en',
    sectionKeys: ['3.1'],
    content: { type: 'true-false', stem: 'Planted?' },
    answerKey: { type: 'true-false', correct: true },
  };
  return [
    { caller: 'author', method: 'post', url: '/v1/questions', body: { ...question, courseId: v.courseId[0] }, allowed: REFUSED },
    { caller: 'author', method: 'post', url: '/v1/questions/bulk-approve', body: { ids: v.questionId }, allowed: [200, ...REFUSED] },
    { caller: 'author', method: 'get', url: `/v1/questions?courseId=${v.courseId[0]}`, allowed: [200, ...REFUSED] },
    { caller: 'api key', method: 'get', url: `/v1/questions?courseId=${v.courseId[0]}`, allowed: [200, ...REFUSED] },
    { caller: 'author', method: 'get', url: `/v1/questions/stats?courseId=${v.courseId[0]}`, allowed: [200, ...REFUSED] },
    { caller: 'examiner', method: 'post', url: '/v1/exams', body: { courseId: v.courseId[0], title: 'On their course', language: 'en', sections: [{ sectionKey: '3', count: 1 }] }, allowed: REFUSED },
    // Enrolment reports ids it does not know as unknown, the same for the victim's people as for nobody.
    { caller: 'examiner', method: 'post', url: `/v1/exams/${own.examId}/enrollments`, body: { userIds: [victimOnly] }, allowed: [200, ...REFUSED] },
    { caller: 'api key', method: 'post', url: `/v1/exams/${own.examId}/enrollments`, body: { externalIds: v.externalId }, allowed: [200, ...REFUSED] },
    { caller: 'api key', method: 'get', url: `/v1/exams/${own.examId}/attempts?userId=${victimOnly}`, allowed: [200, ...REFUSED] },
    {
      caller: 'candidate',
      method: 'post',
      url: `/v1/quizzes/${own.courseId}~3/check`,
      body: { language: 'en', answers: [{ questionId: victim.approvedQuestionId, response: { type: 'single-choice', choice: 'a' } }] },
      allowed: REFUSED,
    },
    { caller: 'owner', method: 'get', url: `/v1/organizations/${hostile.organizationId}/members?limit=100`, allowed: [200] },
    // The victim's candidate, registered by the attacker's LMS under the same email: a token it mints sees this organisation only.
    ...['/v1/me', '/v1/organizations', '/v1/me/progress', '/v1/me/certificates', '/v1/labs'].map((url) => ({ caller: 'claimed candidate', method: 'get' as const, url, allowed: [200] })),
    // ...and renaming its learner renames nobody in the victim's organisation (the database check sees to that).
    {
      caller: 'api key',
      method: 'put',
      url: `/v1/organizations/${hostile.organizationId}/candidates/claimed-1`,
      body: { email: victim.candidateEmail, displayName: 'Renamed by another organisation' },
      allowed: [200],
    },
  ];
}

/**
 * Everything that would show the victim's data in an answer: its ids and the names only it
 * uses. The person both organisations share is the attacker's member too, so their id is not one.
 */
export function victimMarkers(victim: VictimOrganisation, hostile: HostileOrganisation): string[] {
  const ids = Object.entries(victim.ids)
    .flatMap(([kind, values]) => (kind === 'position' || kind === 'key' || kind === 'clusterId' ? [] : values))
    .filter((id) => id !== hostile.claimedUserId);
  return [...ids, 'Victim exam', 'Victim draft', 'Victim Learner', 'victim.example', VICTIM_TASK_TITLE, 'Demo Training Co.'];
}
