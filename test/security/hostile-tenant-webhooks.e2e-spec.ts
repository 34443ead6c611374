import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HostResolver, SystemHostResolver, type ResolvedAddress } from '../../src/common/outbound/host-resolver.js';
import { newApprovedQuestions, newCourse } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Plays the attacker's DNS server: names it knows answer what the test says, now. */
class AttackerDns extends HostResolver {
  private readonly answers = new Map<string, string[]>();
  private readonly system = new SystemHostResolver();

  point(name: string, ...addresses: string[]): void {
    this.answers.set(name, addresses);
  }

  async resolve(hostname: string): Promise<ResolvedAddress[]> {
    const answer = this.answers.get(hostname);
    if (!answer) return this.system.resolve(hostname);
    return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  }
}

/** An internal service the attacker wants to reach: it counts whatever arrives. */
async function internalService(): Promise<{ port: number; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(`${request.method} ${request.headers.host}${request.url}`);
    response.statusCode = 204;
    response.end();
  });
  // Dual-stack, so IPv4-mapped, unspecified and plain loopback forms all reach it.
  await new Promise<void>((resolve) => server.listen(0, '::', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('hostile tenant: webhook SSRF', () => {
  const dns = new AttackerDns();
  let t: TestApp;
  let target: Awaited<ReturnType<typeof internalService>>;
  let owner: string;
  let candidate: string;
  let examId: string;

  beforeAll(async () => {
    target = await internalService();
    t = await createTestApp({ WEBHOOK_ALLOW_PRIVATE_URLS: 'false', WEBHOOK_RETRY_BASE_SECONDS: '0.05', JOBS_POLL_SECONDS: '0.5' }, undefined, undefined, { hostResolver: dns });
    owner = `Bearer ${await t.login('owner')}`;
    const author = `Bearer ${await t.login('author')}`;
    const examiner = `Bearer ${await t.login('examiner')}`;
    candidate = `Bearer ${await t.login('candidate')}`;
    const candidateId = (await t.http.get('/v1/me').set('authorization', candidate)).body.userId;
    const courseId = await newCourse(t, author, ['2']);
    await newApprovedQuestions(t, author, courseId, { '2': 2 });
    examId = (await t.http.post('/v1/exams').set('authorization', examiner).send({ courseId, title: 'SSRF', language: 'en', sections: [{ sectionKey: '2', count: 1 }], maxAttempts: 5 }).expect(201)).body.id;
    await t.http.post(`/v1/exams/${examId}/publish`).set('authorization', examiner).expect(200);
    await t.http.post(`/v1/exams/${examId}/enrollments`).set('authorization', examiner).send({ userIds: [candidateId] }).expect(200);
  });
  afterAll(async () => {
    await t.close();
    await target.close();
  });

  function createHook(url: string) {
    return t.http.post('/v1/webhooks').set('authorization', owner).send({ url, events: ['attempt.submitted'] });
  }

  it.each([
    ['IPv4-mapped loopback', () => `http://[::ffff:127.0.0.1]:${target.port}/`, /loopback/],
    ['the unspecified IPv6 address', () => `http://[::]:${target.port}/`, /unspecified/],
    ['IPv4-mapped cloud metadata (169.254.169.254)', () => 'http://[::ffff:a9fe:a9fe]/', /metadata/],
    ['carrier-grade NAT space', () => 'http://100.64.0.1/', /shared address space/],
    ['IPv4-compatible loopback', () => `http://[::127.0.0.1]:${target.port}/`, /loopback/],
    ['NAT64 cloud metadata', () => 'http://[64:ff9b::a9fe:a9fe]/', /metadata/],
    ['6to4 loopback', () => `http://[2002:7f00:1::]:${target.port}/`, /loopback/],
  ])('refuses a webhook at %s, naming why', async (_label, url, reason) => {
    const response = await createHook(url()).expect(422);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.errors).toEqual([{ path: 'url', message: expect.stringMatching(reason) }]);
  });

  it('refuses localhost and any name that resolves to a loopback address', async () => {
    dns.point('intranet.attacker.example', '127.0.0.1');
    dns.point('half-public.attacker.example', '93.184.215.14', '10.0.0.7');
    for (const url of [`http://localhost:${target.port}/`, `http://intranet.attacker.example:${target.port}/`, `http://half-public.attacker.example:${target.port}/`]) {
      const response = await createHook(url).expect(422);
      expect(response.body.errors[0]).toMatchObject({ path: 'url', message: expect.stringMatching(/public internet/) });
    }
    const list = await t.http.get('/v1/webhooks').set('authorization', owner).expect(200);
    expect(list.body).toEqual([]);
  });

  it('refuses to move an endpoint to an internal address with PATCH, by the same guard as at creation', async () => {
    dns.point('moving.attacker.example', '93.184.215.14');
    dns.point('inside.attacker.example', '127.0.0.1');
    const publicUrl = `http://moving.attacker.example:${target.port}/`;
    const created = await createHook(publicUrl).expect(201);
    const move = (url: string) => t.http.patch(`/v1/webhooks/${created.body.id}`).set('authorization', owner).send({ url });
    for (const [url, reason] of [
      [`http://[::ffff:127.0.0.1]:${target.port}/`, /loopback/],
      ['http://[::ffff:a9fe:a9fe]/', /metadata/],
      [`http://inside.attacker.example:${target.port}/`, /public internet/],
    ] as const) {
      const response = await move(url).expect(422);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.errors).toEqual([{ path: 'url', message: expect.stringMatching(reason) }]);
    }
    const [listed] = (await t.http.get('/v1/webhooks').set('authorization', owner).expect(200)).body;
    expect(listed).toMatchObject({ id: created.body.id, url: publicUrl });
    await t.http.delete(`/v1/webhooks/${created.body.id}`).set('authorization', owner).expect(204);
    expect(target.requests).toEqual([]);
  });

  it('never delivers to a name that rebinds to loopback after creation, and logs a refusal, not a status', async () => {
    const name = 'rebind.attacker.example';
    dns.point(name, '93.184.215.14');
    const created = await createHook(`http://${name}:${target.port}/steal`).expect(201);
    dns.point(name, '127.0.0.1');

    const attempt = (await t.http.post(`/v1/exams/${examId}/attempts`).set('authorization', candidate).expect(201)).body;
    await t.http.post(`/v1/attempts/${attempt.id}/submit`).set('authorization', candidate).expect(200);
    const deliveries = () => t.http.get(`/v1/webhooks/${created.body.id}/deliveries`).set('authorization', owner).expect(200);
    await until(async () => (await deliveries()).body.items[0]?.status === 'failed');

    const [delivery] = (await deliveries()).body.items;
    expect(delivery).toMatchObject({ attempts: 8, lastStatusCode: null, lastError: expect.stringMatching(/^refused: .*public internet/) });
    expect(delivery.lastError).not.toMatch(/127\.0\.0\.1|ECONN|HTTP \d/);

    await t.http.post(`/v1/webhooks/deliveries/${delivery.id}/redeliver`).set('authorization', owner).expect(202);
    await until(async () => (await deliveries()).body.items[0].attempts === 9);
    expect((await deliveries()).body.items[0]).toMatchObject({ lastStatusCode: null, lastError: expect.stringMatching(/^refused: /) });
    expect(target.requests).toEqual([]);
    await t.http.delete(`/v1/webhooks/${created.body.id}`).set('authorization', owner).expect(204);
  });
});
