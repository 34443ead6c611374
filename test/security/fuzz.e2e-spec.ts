import { appendFileSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SeededRandom } from '../../src/common/random/seeded-random.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { buildFuzzWorld, type FuzzWorld } from './fuzz/fuzz-world.js';
import { allMutations, type FuzzRequest, type Mutation } from './fuzz/mutations.js';
import { listOperations, type OpenApiDocument } from './fuzz/openapi-sample.js';

// FUZZ_REQUESTS widens or narrows the run; FUZZ_SEED replays another one (a failure report
// names the seed). FUZZ_VERBOSE=1 prints what was covered; FUZZ_LOG=<file> records every case.
const SEED = process.env.FUZZ_SEED ?? 'kubequiz-fuzz-1';
const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 3000);
const VERBOSE = process.env.FUZZ_VERBOSE === '1';
const LOG = process.env.FUZZ_LOG;

interface Answer {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

/** Sends the request as written, over a kept-alive socket: no client rewrites the path or body. */
function sender(port: number): { send(request: FuzzRequest): Promise<Answer>; close(): void } {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const send = (request: FuzzRequest) =>
    new Promise<Answer>((resolve, reject) => {
      const payload = request.payload === undefined ? undefined : Buffer.from(request.payload);
      const headers = { ...request.headers, ...(payload ? { 'content-length': String(payload.length) } : {}) };
      const outgoing = httpRequest({ host: '127.0.0.1', port, method: request.method, path: request.url, headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ statusCode: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      });
      outgoing.setTimeout(20_000, () => outgoing.destroy(new Error('no answer within 20 s')));
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  return { send, close: () => agent.destroy() };
}

/** Why an answer is a bug, if it is: a 5xx, or an error in any shape but problem+json. */
function defectOf(answer: Answer): string | undefined {
  const type = String(answer.headers['content-type'] ?? '');
  if (answer.statusCode >= 500) return 'server error';
  if (answer.statusCode >= 400 && !type.startsWith('application/problem+json')) return `error as "${type || 'no content type'}"`;
  return undefined;
}

/** One of each family first (so every operation meets every kind), then seeded picks up to the budget. */
function selectMutations(mutations: Mutation[], budget: number, rng: SeededRandom): Mutation[] {
  const families = [...new Set(mutations.map((m) => m.family))];
  const chosen = new Set<Mutation>();
  for (const family of families) {
    const members = mutations.filter((m) => m.family === family);
    chosen.add(members[rng.int(members.length)]!);
  }
  for (const mutation of rng.shuffle(mutations)) {
    if (chosen.size >= budget) break;
    chosen.add(mutation);
  }
  return [...chosen];
}

describe('fuzz: every operation of the OpenAPI document under hostile input', () => {
  let t: TestApp;
  let world: FuzzWorld;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    // The failure limiters would soon answer every request 429 (the clock never moves here),
    // and a 429 says nothing about how the input itself is handled.
    t = await createTestApp({ JWT_ACCESS_TTL_SECONDS: String(24 * 3600), LOGIN_RATE_LIMIT_PER_MINUTE: '1000000', API_KEY_FAILURES_PER_MINUTE: '1000000' });
    world = await buildFuzzWorld(t);
    doc = (await t.http.get('/docs-json').expect(200)).body as OpenApiDocument;
  }, 120_000);
  afterAll(() => t.close());

  it(`answers about ${TOTAL} seeded hostile requests without a 5xx, every error as problem+json`, async () => {
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { send, close } = sender((server.address() as AddressInfo).port);
    const rng = new SeededRandom(SEED);
    // Deletions last, so what they remove is still there for every other operation.
    const operations = listOperations(doc).sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    const credentialNames = Object.keys(world.credentials);
    const budget = Math.max(8, Math.floor(TOTAL / operations.length) - credentialNames.length);
    const names = { realIds: world.realIds, realIdLists: world.realIdLists, bodies: world.bodies };
    const defects: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    const check = async (operation: string, mutation: string, request: FuzzRequest): Promise<Answer> => {
      // A dropped connection or a hang is a defect too; it must not end the run unreported.
      const answer = await send(request).catch((error: Error) => ({ statusCode: 599, headers: {}, body: `(connection: ${error.message})` }));
      sent += 1;
      statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
      if (LOG) appendFileSync(LOG, `${answer.statusCode}\t${operation}\t${mutation}\t${answer.body.slice(0, 160).replace(/\s+/g, ' ')}\n`);
      const defect = defectOf(answer);
      if (defect) defects.push(`${operation} | ${mutation} | ${answer.statusCode} ${defect} | ${request.url.slice(0, 120)} | ${answer.body.slice(0, 300)}`);
      return answer;
    };

    if (LOG) writeFileSync(LOG, '');
    const started = Date.now();
    for (const op of operations) {
      // The valid request as each caller; the first one let past the guard carries the mutations.
      let carrier = world.credentials.owner!;
      let found = false;
      for (const name of credentialNames) {
        const credential = world.credentials[name]!;
        const valid = allMutations({ op, doc, names, rng, credential })[0]!;
        const answer = await check(op.name, `valid as ${name}`, valid.build());
        if (!found && ![401, 403, 429].includes(answer.statusCode)) {
          carrier = credential;
          found = true;
        }
      }
      const mutations = allMutations({ op, doc, names, rng, credential: carrier }).slice(1);
      for (const mutation of selectMutations(mutations, budget, rng)) await check(op.name, mutation.name, mutation.build());
    }

    close();
    if (VERBOSE) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}:${n}`).join(' ');
      process.stdout.write(`fuzz seed=${SEED}: ${sent} requests over ${operations.length} operations in ${seconds}s; ${byStatus}\n`);
    }
    expect(operations.length).toBeGreaterThan(80);
    expect(sent).toBeGreaterThan(Math.min(TOTAL, 1000) * 0.8);
    // The seed is in the report so that a failing run can be replayed with FUZZ_SEED.
    expect({ seed: SEED, defects }).toEqual({ seed: SEED, defects: [] });
  }, 600_000);
});
