import type { SeededRandom } from '../../../src/common/random/seeded-random.js';
import { bodyMutations } from './body-mutations.js';
import type { OpenApiDocument, Operation, SampleNames } from './openapi-sample.js';
import { sampleFor, seededUuid } from './openapi-sample.js';

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

/** One request of the run: `family` groups mutations so every operation gets each kind. */
export interface Mutation {
  name: string;
  family: string;
  build(): FuzzRequest;
}

/** A request in pieces, each already in its wire form (path values and query URL-encoded). */
export interface RequestParts {
  pathValues: Record<string, string>;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

export interface MutationContext {
  op: Operation;
  doc: OpenApiDocument;
  names: SampleNames;
  rng: SeededRandom;
  credential: Record<string, string>;
}

export function toRequest(op: Operation, parts: RequestParts): FuzzRequest {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => parts.pathValues[name] ?? 'missing');
  const query = parts.query.map(([k, v]) => `${k}=${v}`).join('&');
  return { method: op.method, url: query ? `${path}?${query}` : path, headers: parts.headers, payload: parts.payload };
}

/** Valid-looking path values, query string and headers for an operation (no body). */
export function validParts(ctx: MutationContext): RequestParts {
  const { op, doc, names, rng } = ctx;
  const pathValues = Object.fromEntries(
    op.pathParams.map((p) => {
      const real = names.realIds[p.name];
      const value = real ?? (p.name.endsWith('Id') ? seededUuid(rng) : String(sampleFor(p.schema, doc, names, rng, p.name)));
      return [p.name, encodeURIComponent(value)];
    }),
  );
  const query = op.queryParams
    .filter((p) => p.required || names.realIds[p.name] !== undefined)
    .map((p) => [p.name, encodeURIComponent(String(sampleFor(p.schema, doc, names, rng, p.name)))] as [string, string]);
  return { pathValues, query, headers: { ...ctx.credential } };
}

const OVERLONG = (n: number) => 'x'.repeat(n);

/** What a path parameter can be instead of an id: each is raw URL text. */
const PATH_VALUES: Record<string, () => string> = {
  'path:text': () => 'abc',
  'path:negative': () => '-1',
  'path:zero': () => '0',
  'path:huge-number': () => '1e308',
  'path:big-integer': () => '99999999999999999999999',
  'path:nan': () => 'NaN',
  'path:nul': () => 'a%00b',
  'path:lone-surrogate-utf8': () => '%ED%A0%80',
  'path:invalid-utf8': () => '%FF%FE',
  'path:bad-percent': () => '%zz',
  'path:150-chars': () => OVERLONG(150),
  'path:300-chars': () => OVERLONG(300),
  'path:5000-chars': () => OVERLONG(5000),
  'path:traversal': () => '..%2F..%2Fetc%2Fpasswd',
  'path:unicode': () => encodeURIComponent('调度器🚢'),
  'path:sql': () => encodeURIComponent("1' OR '1'='1"),
  'path:uppercase-uuid': () => '6A1F2C3D-0000-4000-8000-00000000ABCD',
};

/** A cursor in the API's own encoding that it never issued: what a client can forge. */
const forgedCursor = (sort: string, id: string) => Buffer.from(JSON.stringify([sort, id])).toString('base64url');

const QUERY_VALUES: Record<string, () => string> = {
  'query:forged-cursor-bad-id': () => forgedCursor('2026-01-01T00:00:00.000Z', 'not-a-uuid'),
  'query:forged-cursor-bad-sort': () => forgedCursor('not a date or a number', '6a1f2c3d-0000-4000-8000-00000000abcd'),
  'query:forged-cursor-nul': () => forgedCursor('a\u0000', '6a1f2c3d-0000-4000-8000-00000000abcd'),
  'query:forged-cursor-huge': () => forgedCursor('1e308', '6a1f2c3d-0000-4000-8000-00000000abcd'),
  'query:nul': () => 'a%00b',
  'query:lone-surrogate-utf8': () => '%ED%A0%80',
  'query:huge-number': () => '1e308',
  'query:negative': () => '-1',
  'query:fraction': () => '1.5',
  'query:overlong': () => OVERLONG(10_000),
  'query:empty': () => '',
  'query:bad-percent': () => '%zz',
  'query:object-like': () => '%7B%22%24gt%22%3A1%7D',
};

const HEADER_VALUES: Record<string, Record<string, string>> = {
  'header:idempotency-overlong': { 'idempotency-key': OVERLONG(5000) },
  'header:idempotency-latin1': { 'idempotency-key': 'clé-ünïcode' },
  'header:if-none-match-garbage': { 'if-none-match': '"' + OVERLONG(3000) },
  'header:accept-language-garbage': { 'accept-language': 'zz;q=abc, *;q=-1, en;q=1e308' + ',x'.repeat(500) },
  'header:accept-strange': { accept: 'application/x-unknown;q=1, */*;q=0' },
  'header:bearer-garbage': { authorization: 'Bearer not.a.jwt' },
  'header:bearer-huge': { authorization: 'Bearer ' + OVERLONG(7000) },
  'header:basic-auth': { authorization: 'Basic Zm9vOmJhcg==' },
  'header:api-key-garbage': { 'x-api-key': 'kq_' + OVERLONG(500) },
  'header:both-credentials': { 'x-api-key': 'kq_nope', authorization: 'Bearer nope' },
};

export function allMutations(ctx: MutationContext): Mutation[] {
  const { op } = ctx;
  const base = () => validParts(ctx);
  const bodies = op.takesBody ? bodyMutations(ctx) : [];
  const validBody = bodies.find((m) => m.name === 'body:valid');
  const withBody = (parts: RequestParts): RequestParts => (validBody ? { ...parts, ...validBody.apply(parts) } : parts);
  const mutations: Mutation[] = [{ name: 'valid', family: 'valid', build: () => toRequest(op, withBody(base())) }];

  for (const param of op.pathParams) {
    mutations.push({
      name: `path:random-uuid(${param.name})`,
      family: 'path',
      build: () => {
        const parts = withBody(base());
        return toRequest(op, { ...parts, pathValues: { ...parts.pathValues, [param.name]: seededUuid(ctx.rng) } });
      },
    });
    for (const [name, value] of Object.entries(PATH_VALUES)) {
      mutations.push({
        name: `${name}(${param.name})`,
        family: 'path',
        build: () => {
          const parts = withBody(base());
          return toRequest(op, { ...parts, pathValues: { ...parts.pathValues, [param.name]: value() } });
        },
      });
    }
  }

  for (const param of op.queryParams) {
    for (const [name, value] of Object.entries(QUERY_VALUES)) {
      mutations.push({
        name: `${name}(${param.name})`,
        family: 'query',
        build: () => {
          const parts = withBody(base());
          return toRequest(op, { ...parts, query: [...parts.query.filter(([k]) => k !== param.name), [param.name, value()]] });
        },
      });
    }
    mutations.push({
      name: `query:repeated(${param.name})`,
      family: 'query',
      build: () => {
        const parts = withBody(base());
        return toRequest(op, { ...parts, query: [...parts.query, [param.name, '1'], [param.name, '2']] });
      },
    });
    mutations.push({
      name: `query:bracketed(${param.name})`,
      family: 'query',
      build: () => {
        const parts = withBody(base());
        return toRequest(op, { ...parts, query: [...parts.query, [`${param.name}%5Ba%5D`, '1']] });
      },
    });
  }
  mutations.push({
    name: 'query:unknown-parameter',
    family: 'query',
    build: () => {
      const parts = withBody(base());
      return toRequest(op, { ...parts, query: [...parts.query, ['__proto__%5Bx%5D', '1'], ['unknown', 'a%00']] });
    },
  });

  for (const [name, headers] of Object.entries(HEADER_VALUES)) {
    mutations.push({
      name,
      family: 'header',
      build: () => {
        const parts = withBody(base());
        const replacesCredential = 'authorization' in headers || 'x-api-key' in headers;
        const kept = replacesCredential ? {} : parts.headers;
        const contentType = parts.headers['content-type'];
        return toRequest(op, { ...parts, headers: { ...kept, ...(contentType ? { 'content-type': contentType } : {}), ...headers } });
      },
    });
  }

  for (const mutation of bodies) {
    if (mutation === validBody) continue;
    mutations.push({
      name: mutation.name,
      family: mutation.family,
      build: () => {
        const parts = base();
        return toRequest(op, { ...parts, ...mutation.apply(parts) });
      },
    });
  }
  return mutations;
}
