import { findUnsafeText, jsonNestingExceeds, unsafeTextReason } from './hostile-input.js';

describe('jsonNestingExceeds', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(jsonNestingExceeds('{"a":[{"b":[1]}]}', 4)).toBe(false);
    expect(jsonNestingExceeds('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(jsonNestingExceeds(`{"a":"${'['.repeat(100)}"}`, 2)).toBe(false);
    expect(jsonNestingExceeds(`{"a":"\\"${'{'.repeat(100)}"}`, 2)).toBe(false);
  });

  it('measures siblings separately: depth, not the number of containers', () => {
    expect(jsonNestingExceeds(`[${'[],'.repeat(1000)}[]]`, 2)).toBe(false);
  });

  it('stops early on a hostile body', () => {
    expect(jsonNestingExceeds('['.repeat(1_000_000), 64)).toBe(true);
  });
});

describe('unsafeTextReason', () => {
  it('accepts ordinary text, CJK and characters outside the BMP', () => {
    expect(unsafeTextReason('Kubernetes 调度器 🚢')).toBeUndefined();
  });

  it('refuses NUL and unpaired surrogates, high or low', () => {
    expect(unsafeTextReason('a\u0000b')).toMatch(/NUL/);
    expect(unsafeTextReason('\ud800x')).toMatch(/surrogate/);
    expect(unsafeTextReason('x\udc00')).toMatch(/surrogate/);
    expect(unsafeTextReason('🚢'.slice(0, 1))).toMatch(/surrogate/);
  });
});

describe('findUnsafeText', () => {
  it('names each bad string by its path, in document order', () => {
    const errors = findUnsafeText({ title: { en: 'a\u0000' }, items: ['ok', { answer: '\ud800' }] }, '');
    expect(errors.map((e) => e.path)).toEqual(['title.en', 'items[1].answer']);
  });

  it('refuses a bad property name without echoing it', () => {
    const errors = findUnsafeText({ nested: { 'k\u0000': 1 } }, '');
    expect(errors).toEqual([{ path: 'nested', message: 'a property name must not contain a NUL character' }]);
  });

  it('reports a bare string under the root path it is given, and stops after twenty', () => {
    expect(findUnsafeText('x\u0000', 'body')).toEqual([{ path: 'body', message: 'body must not contain a NUL character' }]);
    expect(findUnsafeText(Array.from({ length: 1000 }, () => '\u0000'), '')).toHaveLength(20);
  });

  it('walks deep values without recursion', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(findUnsafeText(deep, '')).toHaveLength(1);
  });
});
