import { gunzipSync, gzipSync } from 'node:zlib';
import {
  MIN_STATUS_LIST_BITS,
  StatusBitstring,
  StatusListError,
  buildStatusListCredential,
  buildStatusListEntry,
  parseStatusListIndex,
  statusResolverFromLists,
} from './status-list.js';

const LIST_URL = 'https://kubequiz.example/credentials/status/1';

describe('StatusBitstring', () => {
  it('defaults to the 131,072-bit (16 KiB) minimum, all clear', () => {
    const list = new StatusBitstring();
    expect(list.length).toBe(MIN_STATUS_LIST_BITS);
    expect(list.toBytes()).toHaveLength(16_384);
    expect(list.toBytes().every((b) => b === 0)).toBe(true);
  });

  it('puts index 0 at the left-most bit of the first byte (hand-computed vector)', () => {
    const list = new StatusBitstring();
    list.set(0, true);
    list.set(9, true);
    const bytes = list.toBytes();
    expect([bytes[0], bytes[1], bytes[2]]).toEqual([0x80, 0x40, 0x00]);
    list.set(7, true);
    list.set(15, true);
    expect([...list.toBytes().subarray(0, 2)]).toEqual([0x81, 0x41]);
    list.set(MIN_STATUS_LIST_BITS - 1, true);
    expect(list.toBytes()[16_383]).toBe(0x01);
  });

  it('gets what was set, and clears bits again', () => {
    const list = new StatusBitstring();
    list.set(94_567, true);
    expect(list.get(94_567)).toBe(true);
    expect(list.get(94_566)).toBe(false);
    expect(list.get(94_568)).toBe(false);
    list.set(94_567, false);
    expect(list.get(94_567)).toBe(false);
  });

  it('rejects indexes outside the list and lists below the minimum', () => {
    const list = new StatusBitstring();
    expect(() => list.get(-1)).toThrow(StatusListError);
    expect(() => list.set(MIN_STATUS_LIST_BITS, true)).toThrow(StatusListError);
    expect(() => list.get(1.5)).toThrow(StatusListError);
    expect(() => new StatusBitstring(1024)).toThrow(/at least 131072/);
    expect(() => StatusBitstring.fromBytes(new Uint8Array(100))).toThrow(StatusListError);
  });

  it('encodes as multibase base64url ("u") of gzip, and decodes back', () => {
    const list = new StatusBitstring();
    for (const index of [0, 9, 4_242, 94_567, MIN_STATUS_LIST_BITS - 1]) list.set(index, true);
    const encoded = list.encode();
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    // Decoded by hand, independently of StatusBitstring.decode.
    const raw = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
    expect(raw).toHaveLength(16_384);
    expect([raw[0], raw[1]]).toEqual([0x80, 0x40]);
    expect(Buffer.from(list.toBytes()).equals(raw)).toBe(true);
    // An all-zero 16 KiB list compresses to a few dozen bytes.
    expect(new StatusBitstring().encode().length).toBeLessThan(100);

    const decoded = StatusBitstring.decode(encoded);
    expect(decoded.length).toBe(MIN_STATUS_LIST_BITS);
    expect(decoded.get(94_567)).toBe(true);
    expect(decoded.get(94_568)).toBe(false);
    expect(decoded.encode()).toBe(encoded);
  });

  it('decodes a list produced by another gzip implementation and larger lists', () => {
    const bytes = new Uint8Array(32_768);
    bytes[0] = 0x80;
    bytes[32_767] = 0x01;
    const encoded = `u${gzipSync(bytes, { level: 1 }).toString('base64url')}`;
    const list = StatusBitstring.decode(encoded);
    expect(list.length).toBe(262_144);
    expect(list.get(0)).toBe(true);
    expect(list.get(262_143)).toBe(true);
  });

  it('rejects malformed encodedList values', () => {
    expect(() => StatusBitstring.decode('zabc')).toThrow(/multibase base64url/);
    expect(() => StatusBitstring.decode('uYWJj')).toThrow(/not valid gzip/);
    expect(() => StatusBitstring.decode('uYWJj==')).toThrow(/multibase base64url/);
    const tooSmall = `u${gzipSync(new Uint8Array(10)).toString('base64url')}`;
    expect(() => StatusBitstring.decode(tooSmall)).toThrow(/fewer than/);
  });

  it('does not let callers change the list through toBytes()', () => {
    const list = new StatusBitstring();
    list.toBytes()[0] = 0xff;
    expect(list.get(0)).toBe(false);
  });
});

describe('status list credentials and entries', () => {
  it('builds a BitstringStatusListCredential', () => {
    const list = new StatusBitstring();
    list.set(3, true);
    const credential = buildStatusListCredential({
      id: LIST_URL,
      issuer: { id: 'https://kubequiz.example/issuers/kubequiz', name: 'KubeQuiz Academy' },
      list,
      validFrom: new Date('2025-03-14T10:00:00.250Z'),
      validUntil: new Date('2025-03-15T10:00:00Z'),
    });
    expect(credential).toEqual({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: LIST_URL,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: { id: 'https://kubequiz.example/issuers/kubequiz', name: 'KubeQuiz Academy' },
      validFrom: '2025-03-14T10:00:00Z',
      validUntil: '2025-03-15T10:00:00Z',
      credentialSubject: {
        id: `${LIST_URL}#list`,
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
        encodedList: list.encode(),
      },
    });
    expect(StatusBitstring.decode(credential.credentialSubject.encodedList).get(3)).toBe(true);
  });

  it('builds entries with a string index and the id the OB schema requires', () => {
    expect(buildStatusListEntry(LIST_URL, 94_567)).toEqual({
      id: `${LIST_URL}#94567`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '94567',
      statusListCredential: LIST_URL,
    });
    expect(() => buildStatusListEntry(LIST_URL, -1)).toThrow(StatusListError);
    expect(() => buildStatusListEntry(LIST_URL, 2.5)).toThrow(StatusListError);
  });

  it('parses statusListIndex strictly', () => {
    expect(parseStatusListIndex({ statusListIndex: '0' })).toBe(0);
    expect(parseStatusListIndex({ statusListIndex: '131071' })).toBe(131_071);
    for (const bad of ['', '-1', '01', '1e3', ' 5', '0x10', '9007199254740993']) {
      expect(() => parseStatusListIndex({ statusListIndex: bad })).toThrow(StatusListError);
    }
    expect(() => parseStatusListIndex({ statusListIndex: 5 as unknown as string })).toThrow(StatusListError);
  });

  it('resolves bits from lists held by the caller, and throws for unknown lists', () => {
    const list = new StatusBitstring();
    list.set(7, true);
    const resolve = statusResolverFromLists(new Map([[LIST_URL, list]]));
    expect(resolve(buildStatusListEntry(LIST_URL, 7))).toBe(true);
    expect(resolve(buildStatusListEntry(LIST_URL, 8))).toBe(false);
    expect(() => resolve(buildStatusListEntry('https://elsewhere.example/list', 7))).toThrow(/unknown status list/);
  });
});
