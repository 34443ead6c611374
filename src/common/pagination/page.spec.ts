import { decodeCursor, encodeCursor } from './page.js';

const ID = '6a1f2c3d-0000-4000-8000-00000000abcd';
const forged = (sort: unknown, id: unknown) => Buffer.from(JSON.stringify([sort, id])).toString('base64url');

describe('decodeCursor', () => {
  it('reads back what encodeCursor wrote, for each kind of sort value', () => {
    expect(decodeCursor(encodeCursor({ sort: '2026-12-07T08:00:00.123Z', id: ID }), 'timestamp')).toEqual({ sort: '2026-12-07T08:00:00.123Z', id: ID });
    expect(decodeCursor(encodeCursor({ sort: '42', id: ID }), 'integer')).toEqual({ sort: '42', id: ID });
    expect(decodeCursor(encodeCursor({ sort: 'Demo Training Co.', id: ID }), 'text')).toEqual({ sort: 'Demo Training Co.', id: ID });
    expect(decodeCursor(undefined, 'text')).toBeUndefined();
  });

  it.each([
    ['an id that is not a UUID', forged('a', 'not-a-uuid'), 'text'],
    ['a timestamp that is not one', forged('yesterday', ID), 'timestamp'],
    ['an impossible date', forged('2026-02-31T10:00:00.000Z', ID), 'timestamp'],
    ['a timestamp in another format', forged('2026-12-07 08:00:00+00', ID), 'timestamp'],
    ['a version beyond int4', forged('2147483648', ID), 'integer'],
    ['a version in exponent form', forged('1e308', ID), 'integer'],
    ['text with NUL', forged('a\u0000', ID), 'text'],
    ['text with a lone surrogate', forged('\ud800', ID), 'text'],
    ['a sort value that is not a string', forged(5, ID), 'integer'],
    ['not JSON at all', 'bm90LWpzb24', 'text'],
  ] as const)('refuses %s with 422', (_, cursor, kind) => {
    expect(() => decodeCursor(cursor, kind)).toThrow(expect.objectContaining({ code: 'validation-failed' }));
  });
});
