import { AccessStateCache, EVERY_ENTRY } from './access-state-cache.js';

describe('AccessStateCache', () => {
  let now: number;
  let cache: AccessStateCache;
  let loads: number;
  const load = async () => ++loads;

  beforeEach(() => {
    now = 0;
    loads = 0;
    cache = new AccessStateCache(1000, 3, () => now);
    cache.startRemembering();
  });

  it('shares one load per key until the entry expires', async () => {
    expect(await Promise.all([cache.get('user:a', load), cache.get('user:a', load)])).toEqual([1, 1]);
    now = 999;
    expect(await cache.get('user:a', load)).toBe(1);
    now = 1000;
    expect(await cache.get('user:a', load)).toBe(2);
  });

  it('drops exactly the key a change names, and everything for `*`', async () => {
    await cache.get('user:a', load);
    await cache.get('session:s', load);
    cache.invalidate('user:a');
    expect(await cache.get('user:a', load)).toBe(3);
    expect(await cache.get('session:s', load)).toBe(2);
    cache.invalidate(EVERY_ENTRY);
    expect(await cache.get('session:s', load)).toBe(4);
  });

  it('never keeps a load that a change overtook while it ran', async () => {
    let finish!: (value: string) => void;
    const stale = cache.get('user:a', () => new Promise<string>((resolve) => (finish = resolve)));
    cache.invalidate('user:a');
    finish('before the change');
    expect(await stale).toBe('before the change');
    expect(await cache.get('user:a', async () => 'after the change')).toBe('after the change');
  });

  it('remembers nothing while the change feed is down, and starts afresh when it is back', async () => {
    await cache.get('user:a', load);
    cache.stopRemembering();
    expect(cache.size).toBe(0);
    expect(await cache.get('user:a', load)).toBe(2);
    expect(await cache.get('user:a', load)).toBe(3);
    cache.startRemembering();
    expect(await cache.get('user:a', load)).toBe(4);
    expect(await cache.get('user:a', load)).toBe(4);
  });

  it('reads through with a lifetime of zero', async () => {
    const uncached = new AccessStateCache(0, 3, () => now);
    uncached.startRemembering();
    await uncached.get('user:a', load);
    expect(await uncached.get('user:a', load)).toBe(2);
  });

  it('forgets failed loads and evicts the oldest entry beyond its size', async () => {
    await expect(cache.get('user:a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('user:a', load)).toBe(1);
    await cache.get('user:b', load);
    await cache.get('user:c', load);
    await cache.get('user:d', load);
    expect(cache.size).toBe(3);
    expect(await cache.get('user:a', load)).toBe(5);
  });
});
