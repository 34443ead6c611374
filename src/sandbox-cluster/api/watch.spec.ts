import type { SandboxClusterHandle } from '../index.js';
import { call, createNamespace, openWatch, startTestCluster } from '../testing/test-support.js';

const cm = (name: string, labels: Record<string, string> = {}) => ({ metadata: { name, labels }, data: { v: '1' } });

describe('sandbox cluster: watch', () => {
  let cluster: SandboxClusterHandle;
  beforeAll(async () => {
    cluster = await startTestCluster({ bookmarkIntervalMs: 50, core: { historySize: 40 } });
    await createNamespace(cluster, 'w');
  });
  afterAll(() => cluster.close());

  it('streams ADDED, MODIFIED and DELETED events from the current state', async () => {
    await call(cluster, '/api/v1/namespaces/w/configmaps', { method: 'POST', body: cm('before') });
    const watch = await openWatch(cluster, '/api/v1/namespaces/w/configmaps?watch=1&labelSelector=app%3Dx');
    await call(cluster, '/api/v1/namespaces/w/configmaps', { method: 'POST', body: cm('a', { app: 'x' }) });
    await call(cluster, '/api/v1/namespaces/w/configmaps/a', { method: 'PATCH', contentType: 'application/merge-patch+json', body: { data: { v: '2' } } });
    await call(cluster, '/api/v1/namespaces/w/configmaps/a', { method: 'DELETE' });
    const events = await watch.waitFor(3);
    watch.close();
    expect(events.map((e) => [e.type, e.object.metadata.name])).toEqual([
      ['ADDED', 'a'],
      ['MODIFIED', 'a'],
      ['DELETED', 'a'],
    ]);
    expect(events[1].object.data).toEqual({ v: '2' });
    expect(Number(events[2].object.metadata.resourceVersion)).toBeGreaterThan(Number(events[1].object.metadata.resourceVersion));
  });

  it('reports objects entering and leaving the selector as ADDED and DELETED', async () => {
    await call(cluster, '/api/v1/namespaces/w/configmaps', { method: 'POST', body: cm('mover') });
    const watch = await openWatch(cluster, '/api/v1/namespaces/w/configmaps?watch=true&labelSelector=tier%3Dfront');
    await call(cluster, '/api/v1/namespaces/w/configmaps/mover', { method: 'PATCH', contentType: 'application/merge-patch+json', body: { metadata: { labels: { tier: 'front' } } } });
    await call(cluster, '/api/v1/namespaces/w/configmaps/mover', { method: 'PATCH', contentType: 'application/merge-patch+json', body: { metadata: { labels: { tier: null } } } });
    const events = await watch.waitFor(2);
    watch.close();
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'DELETED']);
  });

  it('lists current objects as ADDED when no resourceVersion is given, then resumes from a resourceVersion', async () => {
    const list = (await call(cluster, '/api/v1/namespaces/w/configmaps')).json;
    const initial = await openWatch(cluster, '/api/v1/namespaces/w/configmaps?watch=1');
    await initial.waitFor(list.items.length);
    initial.close();
    expect(initial.events.every((e) => e.type === 'ADDED')).toBe(true);
    const rv = list.metadata.resourceVersion;
    await call(cluster, '/api/v1/namespaces/w/configmaps', { method: 'POST', body: cm('later-1') });
    await call(cluster, '/api/v1/namespaces/w/configmaps', { method: 'POST', body: cm('later-2') });
    const resumed = await openWatch(cluster, `/api/v1/namespaces/w/configmaps?watch=1&resourceVersion=${rv}`);
    const events = await resumed.waitFor(2);
    resumed.close();
    expect(events.map((e) => `${e.type}:${e.object.metadata.name}`)).toEqual(['ADDED:later-1', 'ADDED:later-2']);
  });

  it('answers a too-old resourceVersion with a 410 Expired ERROR event', async () => {
    const oldRv = (await call(cluster, '/api/v1/namespaces/w/configmaps')).json.metadata.resourceVersion;
    for (let i = 0; i < 50; i++) await call(cluster, '/api/v1/namespaces/w/configmaps', { method: 'POST', body: cm(`churn-${i}`) });
    const watch = await openWatch(cluster, `/api/v1/namespaces/w/configmaps?watch=1&resourceVersion=${oldRv}`);
    const [event] = await watch.waitFor(1);
    await watch.ended;
    expect(event.type).toBe('ERROR');
    expect(event.object).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'Expired', code: 410 });
    expect(event.object.message).toMatch(new RegExp(`^too old resource version: ${oldRv} \\(\\d+\\)$`));
  });

  it('sends BOOKMARK events when allowed', async () => {
    const rv = (await call(cluster, '/api/v1/namespaces/w/configmaps')).json.metadata.resourceVersion;
    const watch = await openWatch(cluster, `/api/v1/namespaces/w/configmaps?watch=1&allowWatchBookmarks=true&resourceVersion=${rv}`);
    const [event] = await watch.waitFor(1);
    watch.close();
    expect(event.type).toBe('BOOKMARK');
    expect(event.object).toMatchObject({ kind: 'ConfigMap', apiVersion: 'v1' });
    expect(Number(event.object.metadata.resourceVersion)).toBeGreaterThanOrEqual(Number(rv));
  });

  it('streams the initial state then an initial-events-end BOOKMARK for sendInitialEvents (kubectl 1.35 watch-list)', async () => {
    await call(cluster, '/api/v1/namespaces/w/configmaps', { method: 'POST', body: cm('listed', { list: 'yes' }) });
    const rv = (await call(cluster, '/api/v1/namespaces/w/configmaps')).json.metadata.resourceVersion;
    // An RV given with NotOlderThan still starts from the full state, not from history after it.
    const watch = await openWatch(cluster, `/api/v1/namespaces/w/configmaps?watch=1&labelSelector=list%3Dyes&allowWatchBookmarks=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&resourceVersion=${rv}`);
    const events = await watch.waitFor(2);
    watch.close();
    expect(events.map((e) => `${e.type}:${e.object.metadata.name ?? ''}`)).toEqual(['ADDED:listed', 'BOOKMARK:']);
    expect(events[1].object.metadata.annotations).toEqual({ 'k8s.io/initial-events-end': 'true' });
    expect(Number(events[1].object.metadata.resourceVersion)).toBeGreaterThanOrEqual(Number(rv));
  });

  it('refuses sendInitialEvents without resourceVersionMatch=NotOlderThan, as the API server does', async () => {
    const res = await call(cluster, '/api/v1/namespaces/w/configmaps?watch=1&allowWatchBookmarks=true&sendInitialEvents=true');
    expect(res.status).toBe(422);
    expect(res.json.message).toContain('sendInitialEvents is forbidden for watch unless resourceVersionMatch is set to NotOlderThan');
  });

  it('watches a single object by name and ends at timeoutSeconds', async () => {
    await call(cluster, '/api/v1/namespaces/w/configmaps', { method: 'POST', body: cm('solo') });
    const watch = await openWatch(cluster, '/api/v1/namespaces/w/configmaps?watch=1&fieldSelector=metadata.name%3Dsolo&timeoutSeconds=1');
    await watch.ended;
    expect(watch.events.map((e) => `${e.type}:${e.object.metadata.name}`)).toEqual(['ADDED:solo']);
  });
});
