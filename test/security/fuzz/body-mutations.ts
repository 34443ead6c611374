import type { MutationContext, RequestParts } from './mutations.js';
import { positionsOf, replaceAt, resolveSchema, sampleFor, type ValuePath } from './openapi-sample.js';

export interface BodyMutation {
  name: string;
  family: string;
  /** The headers and payload that replace those of the valid request. */
  apply(parts: RequestParts): Pick<RequestParts, 'headers' | 'payload'>;
}

// Placed in a value where raw JSON text must go (nesting, numbers JSON.stringify would rewrite).
const RAW = '\u0001raw\u0001';
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

const RAW_NUMBERS: Record<string, string> = {
  'body:number:1e308': '1e308',
  'body:number:-1e308': '-1e308',
  'body:number:1e400': '1e400',
  'body:number:-1': '-1',
  'body:number:fraction': '1.5',
  'body:number:int32-overflow': '2147483648',
  'body:number:nan-string': '"NaN"',
  'body:number:huge-string': '"1e308"',
  'body:number:negative-zero': '-0',
};

const WRONG_TYPES: Record<string, unknown> = {
  'body:type:null': null,
  'body:type:boolean': true,
  'body:type:number': 12345,
  'body:type:string': 'text',
  'body:type:array': ['a', 1],
  'body:type:object': { nested: 'object' },
};

const TOP_LEVEL: Record<string, string> = {
  'body:top-level:array': '[1,2,3]',
  'body:top-level:string': '"text"',
  'body:top-level:number': '42',
  'body:top-level:null': 'null',
  'body:malformed': '{"a":',
  'body:trailing-garbage': '{} {}',
  'body:proto-key': '{"__proto__":{"isPlatformAdmin":true}}',
  'body:constructor-key': '{"constructor":{"prototype":{"isPlatformAdmin":true}}}',
};

const CONTENT_TYPES: Record<string, string> = {
  'content-type:text-plain': 'text/plain',
  'content-type:xml': 'application/xml',
  'content-type:form-urlencoded': 'application/x-www-form-urlencoded',
  'content-type:json-utf16': 'application/json; charset=utf-16',
  'content-type:garbage': 'not/a/type;;;=',
  'content-type:vc-jwt': 'application/vc+jwt',
  'content-type:octet-stream': 'application/octet-stream',
};

function multipart(boundary: string, parts: Array<{ name: string; filename?: string; body: string | Buffer }>, end = true): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename ? `; filename="${part.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`), Buffer.from(part.body), Buffer.from('\r\n'));
  }
  if (end) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

const FILE = '# 1 Fuzz\n\nText.\n';
const MULTIPART: Record<string, { contentType: string; body: () => Buffer }> = {
  'multipart:valid': { contentType: 'multipart/form-data; boundary=fz', body: () => multipart('fz', [{ name: 'title', body: 'T' }, { name: 'file', filename: 'a.md', body: FILE }]) },
  'multipart:boundary-mismatch': { contentType: 'multipart/form-data; boundary=expected', body: () => multipart('other', [{ name: 'file', filename: 'a.md', body: FILE }]) },
  'multipart:truncated': { contentType: 'multipart/form-data; boundary=fz', body: () => multipart('fz', [{ name: 'title', body: 'T' }, { name: 'file', filename: 'a.md', body: FILE }], false).subarray(0, 90) },
  'multipart:no-boundary': { contentType: 'multipart/form-data', body: () => multipart('fz', [{ name: 'file', filename: 'a.md', body: FILE }]) },
  'multipart:garbage': { contentType: 'multipart/form-data; boundary=fz', body: () => Buffer.from('--fz\r\nnot a header\r\n\r\n\u0000\u0000--fz') },
  'multipart:nul-field': { contentType: 'multipart/form-data; boundary=fz', body: () => multipart('fz', [{ name: 'title', body: 'a\u0000b' }, { name: 'file', filename: 'a.md', body: FILE }]) },
  'multipart:nul-file': { contentType: 'multipart/form-data; boundary=fz', body: () => multipart('fz', [{ name: 'title', body: 'T' }, { name: 'file', filename: 'a.md', body: Buffer.from([0x23, 0x20, 0x00, 0x41]) }]) },
  'multipart:invalid-utf8-file': { contentType: 'multipart/form-data; boundary=fz', body: () => multipart('fz', [{ name: 'title', body: 'T' }, { name: 'file', filename: 'a.md', body: Buffer.from([0x23, 0x20, 0xed, 0xa0, 0x80, 0xff]) }]) },
  'multipart:two-files': { contentType: 'multipart/form-data; boundary=fz', body: () => multipart('fz', [{ name: 'file', filename: 'a.md', body: FILE }, { name: 'file', filename: 'b.md', body: FILE }]) },
  'multipart:many-fields': { contentType: 'multipart/form-data; boundary=fz', body: () => multipart('fz', Array.from({ length: 40 }, (_, i) => ({ name: `f${i}`, body: 'v' }))) },
  'multipart:wrong-part-name': { contentType: 'multipart/form-data; boundary=fz', body: () => multipart('fz', [{ name: 'title', body: 'T' }, { name: 'upload', filename: 'a.md', body: FILE }]) },
};

const TEXT: Record<string, () => string | Buffer> = {
  'text:nul': () => '::q:: Which? {=a ~b\u0000}',
  'text:lone-surrogate-utf8': () => Buffer.concat([Buffer.from('::q:: Which? {=a '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(' ~b}')]),
  'text:empty': () => '',
  'text:huge': () => '::q:: ' + 'x'.repeat(900_000) + ' {=a ~b}',
  'text:braces': () => '{'.repeat(5000) + '}'.repeat(5000),
};

/** Every body mutation for an operation, from the sample its schema yields. */
export function bodyMutations(ctx: MutationContext): BodyMutation[] {
  const { op, doc, names, rng } = ctx;
  const json = op.contentTypes.length === 0 || op.contentTypes.includes('application/json');
  const schema = resolveSchema(op.bodySchema, doc);
  const given = names.bodies[op.name];
  const sample = given !== undefined ? structuredClone(given) : op.bodySchema ? sampleFor(op.bodySchema, doc, names, rng) : {};
  const positions = positionsOf(sample);
  const pick = (kinds: string[]): ValuePath => {
    const fitting = positions.filter((p) => p.path.length > 0 && kinds.includes(p.kind));
    const pool = fitting.length ? fitting : positions;
    return pool[rng.int(pool.length)]!.path;
  };
  const jsonBody = (value: unknown, raw?: string) => (headers: Record<string, string>) => ({
    headers: { ...headers, 'content-type': 'application/json' },
    payload: raw === undefined ? JSON.stringify(value) : JSON.stringify(value).replace(JSON.stringify(RAW), raw),
  });
  const mutations: BodyMutation[] = [];
  const add = (name: string, family: string, apply: BodyMutation['apply']) => mutations.push({ name, family, apply });

  if (!json) {
    const text = typeof schema.example === 'string' ? schema.example : 'fuzz-text';
    add('body:valid', 'valid', (p) => ({ headers: { ...p.headers, 'content-type': op.contentTypes[0]! }, payload: text }));
    for (const [name, body] of Object.entries(TEXT)) add(name, 'text', (p) => ({ headers: { ...p.headers, 'content-type': op.contentTypes[0]! }, payload: body() }));
    add('body:json-instead', 'content-type', (p) => jsonBody({ text })(p.headers));
    return mutations;
  }
  add('body:valid', 'valid', (p) => jsonBody(sample)(p.headers));
  add('body:deep-2500-root', 'nesting', (p) => jsonBody(RAW, nested(2500))(p.headers));
  add('body:deep-2500-field', 'nesting', (p) => jsonBody(replaceAt(sample, pick(['object', 'array', 'string']), RAW), nested(2500))(p.headers));
  add('body:deep-60-field', 'nesting', (p) => jsonBody(replaceAt(sample, pick(['object', 'array']), RAW), nested(60))(p.headers));
  add('body:deep-100k-root', 'nesting', (p) => jsonBody(RAW, nested(100_000))(p.headers));
  add('body:nul', 'characters', (p) => jsonBody(replaceAt(sample, pick(['string']), 'a\u0000b'))(p.headers));
  add('body:nul-in-key', 'characters', (p) => jsonBody(replaceAt(sample, pick(['object']), { 'k\u0000': 'v' }))(p.headers));
  add('body:lone-high-surrogate', 'characters', (p) => jsonBody(replaceAt(sample, pick(['string']), '\ud800x'))(p.headers));
  add('body:lone-low-surrogate', 'characters', (p) => jsonBody(replaceAt(sample, pick(['string']), 'x\udfff'))(p.headers));
  add('body:invalid-utf8-bytes', 'characters', (p) => {
    const [before, after] = JSON.stringify(replaceAt(sample, pick(['string']), RAW)).split(JSON.stringify(RAW));
    const payload = Buffer.concat([Buffer.from(`${before}"`), Buffer.from([0xff, 0xfe, 0xed, 0xa0, 0x80]), Buffer.from(`"${after}`)]);
    return { headers: { ...p.headers, 'content-type': 'application/json' }, payload };
  });
  for (const [name, raw] of Object.entries(RAW_NUMBERS)) add(name, 'numbers', (p) => jsonBody(replaceAt(sample, pick(['number']), RAW), raw)(p.headers));
  for (const [name, value] of Object.entries(WRONG_TYPES)) add(name, 'types', (p) => jsonBody(replaceAt(sample, pick(['string', 'number', 'boolean', 'object', 'array']), value))(p.headers));
  add('body:overlong-20k', 'size', (p) => jsonBody(replaceAt(sample, pick(['string']), 'x'.repeat(20_000)))(p.headers));
  add('body:overlong-200k', 'size', (p) => jsonBody(replaceAt(sample, pick(['string']), '调'.repeat(200_000)))(p.headers));
  add('body:over-limit', 'size', (p) => jsonBody(replaceAt(sample, pick(['string']), 'x'.repeat(1_100_000)))(p.headers));
  add('body:long-array', 'size', (p) => jsonBody(replaceAt(sample, pick(['array']), Array.from({ length: 20_000 }, (_, i) => `x${i}`)))(p.headers));
  add('body:extra-property', 'shape', (p) => jsonBody(replaceAt(sample, pick(['object']), { unexpected: 1 }))(p.headers));
  add('body:extra-root-property', 'shape', (p) => jsonBody(sample && typeof sample === 'object' && !Array.isArray(sample) ? { ...sample, isPlatformAdmin: true } : sample)(p.headers));
  for (const [name, raw] of Object.entries(TOP_LEVEL)) add(name, 'shape', (p) => ({ headers: { ...p.headers, 'content-type': 'application/json' }, payload: raw }));
  for (const [name, type] of Object.entries(CONTENT_TYPES)) add(name, 'content-type', (p) => ({ headers: { ...p.headers, 'content-type': type }, payload: JSON.stringify(sample) }));
  add('content-type:missing', 'content-type', (p) => ({ headers: p.headers, payload: JSON.stringify(sample) }));
  for (const [name, { contentType, body }] of Object.entries(MULTIPART)) add(name, 'multipart', (p) => ({ headers: { ...p.headers, 'content-type': contentType }, payload: body() }));
  return mutations;
}
