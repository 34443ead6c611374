import { createTestApp, type TestApp } from '../support/test-app.js';
import { attackBodies, type AttackBody } from './cross-tenant/attack-bodies.js';
import { readAllRows, rowChanges, type DatabaseRows, type RowChange } from './cross-tenant/database-rows.js';
import { foreignIdAttacks, victimMarkers } from './cross-tenant/foreign-ids-in-requests.js';
import { hostileOrganisation, type Caller, type HostileOrganisation } from './cross-tenant/hostile-organisation.js';
import { fill, operationsOf, type Operation } from './cross-tenant/openapi-operations.js';
import { VICTIM_START_KEY, acceptingReceiver, until, victimOrganisation, type VictimOrganisation } from './cross-tenant/victim-organisation.js';


/**
 * Public routes (no security requirement in the document) with a path parameter, and what
 * another organisation's caller gets from them. A new public route fails the suite until it
 * is listed here, with the reason it may answer strangers.
 */
const PUBLIC_BY_DESIGN: Record<string, (caller: Caller) => number[]> = {
  // Verifying a certificate, reading an issuer profile or a status list is what these are for.
  'GET /v1/certificates/{certificateId}/verification': () => [200],
  'GET /v1/issuers/{organizationId}': () => [200],
  'GET /v1/status-lists/{statusListId}': () => [200],
  // A yes or no about the printed name, for anyone holding the PDF; rate limited, reads nothing else.
  'POST /v1/certificates/{certificateId}/name-check': () => [200],
  // The victim's certificate is private (its holder hid the name): its downloads take the
  // bearer token of its candidate or staff, or an API key of its organisation with
  // certificates:read. Anyone of another organisation is told it does not exist.
  'GET /v1/certificates/{certificateId}/pdf': () => [404],
  'GET /v1/certificates/{certificateId}/credential': () => [404],
};

/** Everything that needs authentication: 404 (not yours, or no such thing) or 403 (not your role or scope). */
const DENIED = [403, 404];

/**
 * Routes no caller of an organisation passes the role check of, so none of them can reach
 * the id check: they act on the platform's own resources, not on a tenant's.
 */
const PLATFORM_ADMIN_ONLY = new Set(['PATCH /v1/clusters/{clusterId}']);

/**
 * Every operation with a path parameter, filled with the victim organisation's real ids and
 * called by each kind of caller of another organisation: owner, author, examiner,
 * candidate, an LMS candidate, the victim's own candidate as registered by the attacker's
 * LMS, and an API key with every scope. Nothing may answer with the victim's data or change it.
 */
describe('hostile tenant: cross-tenant matrix', () => {
  let t: TestApp;
  let victim: VictimOrganisation;
  let hostile: HostileOrganisation;
  let operations: Operation[];
  let bodies: Record<string, AttackBody>;
  let victimViewBefore: Record<string, unknown>;
  let rowsBefore: DatabaseRows;

  beforeAll(async () => {
    t = await createTestApp({
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
      JOBS_POLL_SECONDS: '0.5',
      JWT_ACCESS_TTL_SECONDS: '86400',
      CANDIDATE_TOKEN_TTL_SECONDS: '86400',
      // The victim's candidate holds two sessions (practice and exam); one more fits.
      LAB_MAX_SESSIONS_PER_CANDIDATE: '3',
    });
    victim = await victimOrganisation(t);
    hostile = await hostileOrganisation(t);
    operations = operationsOf((await t.http.get('/docs-json').expect(200)).body);
    bodies = attackBodies(victim, hostile);
    victimViewBefore = await victimView();
    rowsBefore = await readAllRows(t.databaseUrl);
  }, 120_000);
  afterAll(async () => {
    await victim?.close();
    await t?.close();
  });

  const withPathParameters = () => operations.filter((op) => op.pathParameters.length > 0);
  const needsBody = (op: Operation) => op.bodyTypes.length > 0 || op.method === 'put' || op.method === 'patch';

  /**
   * The URLs of an operation filled with the victim's ids; where a global id sits under an
   * organisation, also under the attacker's own organisation (leaving out the person both share).
   */
  function urlsFor(op: Operation): { urls: string[]; missing: string[] } {
    const victims = fill(op, victim.ids);
    if (!op.pathParameters.includes('organizationId') || !op.pathParameters.some((p) => p === 'userId' || p === 'keyId')) return victims;
    const ownOrganisation = fill(op, { ...victim.ids, organizationId: [hostile.organizationId], userId: victim.ids.userId.filter((id) => id !== hostile.claimedUserId) });
    return { urls: [...victims.urls, ...ownOrganisation.urls], missing: victims.missing };
  }

  function request(method: string, url: string, headers: Record<string, string>) {
    return Object.entries(headers).reduce((call, [name, value]) => call.set(name, value), t.http[method as 'get'](url));
  }

  /** A request by one of the attacker's callers. */
  function as(callerName: string, method: 'get' | 'post' | 'put', url: string, body?: object) {
    const call = request(method, url, hostile.callers.find((c) => c.name === callerName)!.headers);
    return body ? call.send(body) : call;
  }

  /** An operation called with its attack body, if it takes one. */
  function send(op: Operation, url: string, headers: Record<string, string>) {
    const call = request(op.method, url, headers);
    const attack = bodies[op.key];
    return attack ? call.set('content-type', attack.contentType).send(attack.body) : call;
  }

  function comparable(response: { type: string; body: unknown; text: string }): unknown {
    if (!response.type.includes('json')) return response.text;
    // Problem bodies carry a fresh request id each time.
    return Array.isArray(response.body) ? response.body : { ...(response.body as object), requestId: undefined };
  }

  /** What the victim's own people and key read through every GET, keyed by caller and URL. */
  async function victimView(): Promise<Record<string, unknown>> {
    const readers: Caller[] = [
      ...Object.entries(victim.callers).map(([name, token]) => ({ name, headers: { authorization: token } })),
      { name: 'api key', headers: { 'x-api-key': victim.apiKey } },
    ];
    const view: Record<string, unknown> = {};
    for (const op of operations.filter((o) => o.method === 'get' && o.path.startsWith('/v1/'))) {
      // Whole lists, a fixed quiz order, and lists narrowed to the victim's course where the route takes one.
      const extra = new URLSearchParams({
        ...(op.queryNames.includes('limit') ? { limit: '100' } : {}),
        ...(op.queryNames.includes('seed') ? { seed: 'snapshot' } : {}),
        ...(op.queryNames.includes('courseId') && !op.query.courseId ? { courseId: victim.ids.courseId[0]! } : {}),
      }).toString();
      for (const url of fill(op, { ...victim.ids, organizationId: [victim.organizationId] }).urls) {
        const full = extra ? `${url}${url.includes('?') ? '&' : '?'}${extra}` : url;
        for (const reader of readers) {
          const response = await send(op, full, reader.headers);
          view[`${reader.name} GET ${full}`] = { status: response.status, body: comparable(response) };
        }
      }
    }
    return view;
  }

  it('has a real id of the victim for every path parameter, a body for every write, and a reason for every public route', () => {
    expect(withPathParameters().length).toBeGreaterThan(50);
    // The attacker's LMS really got hold of the victim's candidate: the same person, acting for the attacker.
    expect(victim.ids.userId).toContain(hostile.claimedUserId);
    const gaps: string[] = [];
    for (const op of withPathParameters()) {
      const { missing } = urlsFor(op);
      if (missing.length) gaps.push(`${op.key}: no victim id for ${missing.join(', ')}`);
      if (needsBody(op) && !bodies[op.key]) gaps.push(`${op.key}: no attack body`);
      if (op.isPublic && !PUBLIC_BY_DESIGN[op.key]) gaps.push(`${op.key}: public, but not listed as public by design`);
    }
    const known = new Set(operations.map((op) => op.key));
    for (const key of [...Object.keys(bodies), ...Object.keys(PUBLIC_BY_DESIGN), ...PLATFORM_ADMIN_ONLY]) if (!known.has(key)) gaps.push(`${key}: listed here but not in the API`);
    expect(gaps).toEqual([]);
  });

  it('answers 404 or 403 to every caller of another organisation on every operation with a path parameter', async () => {
    const wrong: string[] = [];
    const reachedIdCheck = new Set<string>();
    let calls = 0;
    for (const op of withPathParameters()) {
      for (const url of urlsFor(op).urls) {
        for (const caller of hostile.callers) {
          const response = await send(op, url, caller.headers);
          calls += 1;
          if (response.status === 404) reachedIdCheck.add(op.key);
          const expected = op.isPublic ? (PUBLIC_BY_DESIGN[op.key]?.(caller) ?? DENIED) : DENIED;
          if (!expected.includes(response.status)) {
            wrong.push(`${caller.name}: ${op.method.toUpperCase()} ${url} → ${response.status} ${response.body?.type ?? ''} ${response.body?.detail ?? ''}`.trim());
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(withPathParameters().length * hostile.callers.length - 1);
    expect(wrong).toEqual([]);
    // A 403 from the role check proves nothing about the id check: some caller must get past it.
    const onlyRefusedByRole = withPathParameters().filter((op) => !op.isPublic && !reachedIdCheck.has(op.key) && !PLATFORM_ADMIN_ONLY.has(op.key));
    expect(onlyRefusedByRole.map((op) => op.key)).toEqual([]);
  });

  it("refuses the victim's ids in bodies and query strings of the attacker's own requests, and shows none of its data", async () => {
    const markers = victimMarkers(victim, hostile);
    const wrong: string[] = [];
    for (const attack of foreignIdAttacks(victim, hostile)) {
      const response = await as(attack.caller, attack.method, attack.url, attack.body);
      const sent = `${attack.url} ${JSON.stringify(attack.body ?? {})}`;
      const shown = response.status < 300 ? markers.filter((marker) => !sent.includes(marker) && response.text.includes(marker)) : [];
      if (!attack.allowed.includes(response.status) || shown.length) {
        wrong.push(`${attack.caller}: ${attack.method.toUpperCase()} ${attack.url} ${JSON.stringify(attack.body ?? '')} → ${response.status} ${shown.join(', ')} ${response.text.slice(0, 200)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("left every row in the database as it was, except the last use of the attacker's API key", async () => {
    const rowsAfter = await readAllRows(t.databaseUrl);
    const expected = (change: RowChange) =>
      change.table === 'api_keys' && change.change === 'changed' && change.organizationId === hostile.organizationId && change.columns?.join() === 'last_used_at';
    expect(rowChanges(rowsBefore, rowsAfter).filter((change) => !expected(change))).toEqual([]);
  });

  it('shows the victim’s people and API key the same answers to every GET as before the attack', async () => {
    expect(Object.keys(victimViewBefore).length).toBeGreaterThan(100);
    expect(await victimView()).toEqual(victimViewBefore);
  });

  // Last, as it changes the attacker's own exam: what the draft may name is the attacker's business, what its candidates get is not.
  it("cannot put the victim's questions or lab tasks in front of its own candidates", async () => {
    const draft = `/v1/exams/${hostile.own.draftExamId}`;
    const [taskId] = victim.ids.taskId;
    const withQuestions = await as('examiner', 'put', draft, { title: 'Their questions', language: 'en', fixedQuestionIds: [victim.approvedQuestionId] });
    expect([200, 404, 422]).toContain(withQuestions.status);
    const publishedQuestions = await as('examiner', 'post', `${draft}/publish`);
    expect({ status: publishedQuestions.status, errors: publishedQuestions.body.errors }).toEqual({
      status: 422,
      errors: [{ path: 'fixedQuestionIds[0]', message: 'not an approved question of this course in the exam language' }],
    });

    const withTask = await as('examiner', 'put', draft, { title: 'Their lab', language: 'en', sections: [{ sectionKey: '3', count: 1 }], labTasks: [{ taskId, weight: 1 }] });
    expect([200, 404, 422]).toContain(withTask.status);
    const publishedTask = await as('examiner', 'post', `${draft}/publish`);
    if (publishedTask.status !== 200) {
      expect([404, 422]).toContain(publishedTask.status);
      return;
    }
    // Published with a task name the attacker has no task for: its candidate must still get nothing of the victim's task.
    await as('examiner', 'post', `${draft}/enrollments`, { userIds: [hostile.candidateUserId] }).expect(200);
    const attempt = await as('candidate', 'post', `${draft}/attempts`).expect(201);
    const session = await as('candidate', 'post', `/v1/attempts/${attempt.body.id}/labs/${taskId}/session`);
    const markers = victimMarkers(victim, hostile).filter((marker) => marker !== taskId);
    expect({ status: session.status, shown: markers.filter((m) => `${attempt.text}${session.text}`.includes(m)) }).toEqual({ status: 404, shown: [] });
  });

  it("cannot use up the shared person's lab sessions in the victim's organisation", async () => {
    const shipped = (await as('claimed candidate', 'get', '/v1/labs').expect(200)).body as Array<{ id: string }>;
    const [taskId] = victim.ids.taskId;
    let opened = 0;
    while (opened < 5 && (await as('claimed candidate', 'post', `/v1/labs/${shipped[0]!.id}/sessions`)).status === 201) opened += 1;
    expect(opened).toBe(3);
    await t.http.post(`/v1/labs/${taskId}/sessions`).set('authorization', victim.callers.candidate).expect(201);
  });

  it("is not answered by the shared person's Idempotency-Keys from the victim's organisation", async () => {
    await as('examiner', 'post', `/v1/exams/${hostile.own.examId}/enrollments`, { userIds: [hostile.claimedUserId] }).expect(200);
    const started = await as('claimed candidate', 'post', `/v1/exams/${hostile.own.examId}/attempts`).set('idempotency-key', VICTIM_START_KEY);
    expect({ status: started.status, replayed: started.headers['idempotent-replayed'] }).toEqual({ status: 201, replayed: undefined });
  });

  it("sends none of the victim's events to the attacker's webhooks", async () => {
    const hostileReceiver = await acceptingReceiver();
    try {
      await as('owner', 'post', '/v1/webhooks', { url: hostileReceiver.url, events: ['attempt.submitted', 'attempt.graded'] }).expect(201);
      const before = victim.webhookEvents.length;
      await t.http.post(`/v1/attempts/${victim.inProgressAttemptId}/submit`).set('authorization', victim.callers.candidate).expect(200);
      await until('the victim’s own delivery', async () => (victim.webhookEvents.length > before ? true : undefined));
      // A leaked delivery would have been queued in the same transaction and sent by the same poll.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(hostileReceiver.events).toEqual([]);
    } finally {
      await hostileReceiver.close();
    }
  });
});
