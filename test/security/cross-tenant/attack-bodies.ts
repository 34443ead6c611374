import type { HostileOrganisation } from './hostile-organisation.js';
import { authoredLabTask, type VictimOrganisation } from './victim-organisation.js';

export interface AttackBody {
  contentType: string;
  body: string | object;
}

const json = (body: object): AttackBody => ({ contentType: 'application/json', body });

/**
 * What the other tenant sends to each write operation: bodies valid enough to pass
 * validation, so the answer comes from the access check and not from a 422. Where a body
 * names other ids, it names the attacker's own (enrolling its candidate into the victim's
 * exam), so a leak would also show up as a foreign row in the victim's data.
 */
export function attackBodies(victim: VictimOrganisation, hostile: HostileOrganisation): Record<string, AttackBody> {
  const markdown = '# 3 Hijacked\n\nText written by another organisation.\n';
  return {
    'PATCH /v1/organizations/{organizationId}/members/{userId}': json({ roles: ['owner'] }),
    'POST /v1/organizations/{organizationId}/api-keys': json({ name: 'planted', scopes: ['results:read'] }),
    'POST /v1/organizations/{organizationId}/invitations': json({ email: 'planted@hostile.example', roles: ['owner'] }),
    'PUT /v1/organizations/{organizationId}/candidates/{externalId}': json({ email: 'hijacked@hostile.example', displayName: 'Hijacked' }),
    'POST /v1/courses/{courseId}/documents': json({ title: 'Planted', language: 'en', text: markdown }),
    'POST /v1/documents/{documentId}/versions': json({ language: 'en', text: markdown }),
    'PUT /v1/questions/{questionId}': json({
      content: {
        type: 'single-choice',
        stem: 'Hijacked stem?',
        options: [
          { id: 'a', text: 'one' },
          { id: 'b', text: 'two' },
        ],
      },
      answerKey: { type: 'single-choice', correct: 'b' },
      explanation: 'Hijacked.',
    }),
    // Approving as exam-only would hide the item from the victim's practice quizzes.
    'POST /v1/questions/{questionId}/approve': json({ use: 'exam' }),
    'POST /v1/courses/{courseId}/question-bank/import': { contentType: 'text/plain', body: '::planted:: Which component stores cluster state? {=etcd ~kubelet}' },
    'POST /v1/documents/{documentId}/question-bank:generate': json({ seed: 'hostile' }),
    'POST /v1/quizzes/{quizId}/check': json({ language: 'en', answers: [{ questionId: victim.approvedQuestionId, response: { type: 'single-choice', choice: 'a' } }] }),
    'PUT /v1/exams/{examId}': json({ title: 'Hijacked exam', language: 'en', sections: [{ sectionKey: '3', count: 1 }], passMark: 1 }),
    'POST /v1/exams/{examId}/enrollments': json({ userIds: [hostile.candidateUserId] }),
    'PUT /v1/attempts/{attemptId}/answers/{position}': json({ response: { type: 'single-choice', choice: 'b' }, version: 1 }),
    'PATCH /v1/me/certificates/{certificateId}': json({ showName: true }),
    'POST /v1/certificates/{certificateId}/revoke': json({ reason: 'Revoked by another organisation' }),
    'POST /v1/certificates/{certificateId}/name-check': json({ name: 'Victim Learner' }),
    'PATCH /v1/clusters/{clusterId}': json({ enabled: false }),
    'PATCH /v1/webhooks/{webhookId}': json({ events: ['attempt.submitted', 'certificate.revoked'] }),
    'POST /v1/webhooks/{webhookId}/secret:rotate': json({ overlapHours: 0 }),
    'PUT /v1/labs/{taskId}': json({ ...authoredLabTask(victim.ids.taskId[0]!), timeLimitMinutes: 1 }),
  };
}
