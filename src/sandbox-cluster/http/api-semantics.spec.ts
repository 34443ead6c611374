import type { SandboxClusterHandle } from '../index.js';
import { call, createNamespace, deploymentManifest, startTestCluster } from '../testing/test-support.js';

describe('sandbox cluster: API semantics over HTTP', () => {
  let cluster: SandboxClusterHandle;
  beforeAll(async () => {
    cluster = await startTestCluster({ core: { simulation: false } }) // the API server alone: pods stay Pending;
    await createNamespace(cluster, 'sem');
  });
  afterAll(() => cluster.close());

  it('serves /version and /healthz without a token, refuses other paths with 401', async () => {
    const version = await call(cluster, '/version', { token: null });
    expect(version.status).toBe(200);
    expect(version.json.gitVersion).toMatch(/^v1\.\d+\.\d+/);
    expect((await call(cluster, '/healthz', { token: null })).text).toBe('ok');
    const denied = await call(cluster, '/api/v1/namespaces', { token: null });
    expect(denied.status).toBe(401);
    expect(denied.json).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'Unauthorized', code: 401 });
    expect((await call(cluster, '/api', { token: 'not-a-token' })).status).toBe(401);
  });

  it('publishes discovery with verbs, short names, categories and namespaced flags', async () => {
    const core = await call(cluster, '/api/v1');
    const pods = core.json.resources.find((r: { name: string }) => r.name === 'pods');
    expect(pods).toMatchObject({ kind: 'Pod', namespaced: true, shortNames: ['po'], categories: ['all'] });
    expect(pods.verbs).toEqual(expect.arrayContaining(['create', 'get', 'list', 'watch', 'patch', 'deletecollection']));
    expect(core.json.resources.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['pods/log', 'pods/status', 'serviceaccounts/token', 'namespaces/finalize']));
    const ns = core.json.resources.find((r: { name: string }) => r.name === 'namespaces');
    expect(ns.namespaced).toBe(false);
    const apps = await call(cluster, '/apis/apps/v1');
    const deploy = apps.json.resources.find((r: { name: string }) => r.name === 'deployments');
    expect(deploy.shortNames).toEqual(['deploy']);
    expect(apps.json.resources.find((r: { name: string }) => r.name === 'deployments/scale')).toMatchObject({ group: 'autoscaling', version: 'v1', kind: 'Scale' });
    const groups = await call(cluster, '/apis');
    const names = groups.json.groups.map((g: { name: string }) => g.name);
    expect(names).toEqual(expect.arrayContaining(['apps', 'batch', 'networking.k8s.io', 'rbac.authorization.k8s.io', 'autoscaling', 'discovery.k8s.io', 'authorization.k8s.io']));
    const shortNames = new Set<string>();
    for (const path of ['/api/v1', '/apis/apps/v1', '/apis/batch/v1', '/apis/networking.k8s.io/v1', '/apis/autoscaling/v2']) {
      for (const r of (await call(cluster, path)).json.resources) for (const s of r.shortNames ?? []) shortNames.add(s);
    }
    for (const s of ['po', 'deploy', 'svc', 'cm', 'ns', 'sa', 'rs', 'sts', 'ds', 'cj', 'ing', 'netpol', 'pv', 'pvc', 'ep', 'ev', 'quota', 'limits', 'no', 'hpa']) {
      expect(shortNames).toContain(s);
    }
  });

  it('starts with the system namespaces, a default ServiceAccount per namespace and the kubernetes service', async () => {
    const list = await call(cluster, '/api/v1/namespaces');
    expect(list.json.items.map((n: { metadata: { name: string } }) => n.metadata.name)).toEqual(
      expect.arrayContaining(['default', 'kube-system', 'kube-public', 'kube-node-lease', 'sem']),
    );
    expect((await call(cluster, '/api/v1/namespaces/sem/serviceaccounts/default')).status).toBe(200);
    const svc = await call(cluster, '/api/v1/namespaces/default/services/kubernetes');
    expect(svc.json.spec.clusterIP).toBe('10.96.0.1');
  });

  it('creates with uid, resourceVersion, generation and defaults, and refuses duplicates', async () => {
    const created = await call(cluster, '/apis/apps/v1/namespaces/sem/deployments', { method: 'POST', body: deploymentManifest('web', 'sem') });
    expect(created.status).toBe(201);
    const meta = created.json.metadata;
    expect(meta.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number(meta.resourceVersion)).toBeGreaterThan(0);
    expect(meta.generation).toBe(1);
    expect(meta.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(created.json.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
    expect(created.json.spec.template.spec.containers[0]).toMatchObject({ imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log' });
    const dup = await call(cluster, '/apis/apps/v1/namespaces/sem/deployments', { method: 'POST', body: deploymentManifest('web', 'sem') });
    expect(dup.status).toBe(409);
    expect(dup.json).toMatchObject({ reason: 'AlreadyExists', message: 'deployments.apps "web" already exists', details: { name: 'web', group: 'apps', kind: 'deployments' } });
  });

  it('answers NotFound like the real server', async () => {
    const res = await call(cluster, '/api/v1/namespaces/sem/pods/x');
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'pods "x" not found', reason: 'NotFound', details: { name: 'x', kind: 'pods' }, code: 404 });
    const missingNs = await call(cluster, '/api/v1/namespaces/nope/configmaps', { method: 'POST', body: { metadata: { name: 'c' } } });
    expect(missingNs.status).toBe(404);
    expect(missingNs.json.message).toBe('namespaces "nope" not found');
    expect((await call(cluster, '/apis/apps/v1/namespaces/sem/widgets')).status).toBe(404);
  });

  it('enforces optimistic concurrency and bumps generation only on spec changes', async () => {
    const current = (await call(cluster, '/apis/apps/v1/namespaces/sem/deployments/web')).json;
    const stale = { ...current, metadata: { ...current.metadata, resourceVersion: '1' } };
    const conflict = await call(cluster, '/apis/apps/v1/namespaces/sem/deployments/web', { method: 'PUT', body: stale });
    expect(conflict.status).toBe(409);
    expect(conflict.json.reason).toBe('Conflict');
    expect(conflict.json.message).toBe(
      'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    );
    const labelled = { ...current, metadata: { ...current.metadata, labels: { app: 'web', tier: 'front' } } };
    const afterLabel = (await call(cluster, '/apis/apps/v1/namespaces/sem/deployments/web', { method: 'PUT', body: labelled })).json;
    expect(afterLabel.metadata.generation).toBe(1);
    expect(Number(afterLabel.metadata.resourceVersion)).toBeGreaterThan(Number(current.metadata.resourceVersion));
    const scaled = { ...afterLabel, spec: { ...afterLabel.spec, replicas: 4 } };
    const afterScale = (await call(cluster, '/apis/apps/v1/namespaces/sem/deployments/web', { method: 'PUT', body: scaled })).json;
    expect(afterScale.metadata.generation).toBe(2);
    const noop = (await call(cluster, '/apis/apps/v1/namespaces/sem/deployments/web', { method: 'PUT', body: afterScale })).json;
    expect(noop.metadata.resourceVersion).toBe(afterScale.metadata.resourceVersion);
  });

  it('reports validation failures as Invalid with causes', async () => {
    const bad = deploymentManifest('Bad_Name', 'sem');
    bad.spec.template.metadata.labels = { app: 'other' };
    delete bad.spec.template.spec.containers[0].image;
    const res = await call(cluster, '/apis/apps/v1/namespaces/sem/deployments', { method: 'POST', body: bad });
    expect(res.status).toBe(422);
    expect(res.json.reason).toBe('Invalid');
    expect(res.json.message).toMatch(/^Deployment\.apps "Bad_Name" is invalid: \[metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
    expect(res.json.details.causes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'metadata.name', reason: 'FieldValueInvalid' }),
        { reason: 'FieldValueInvalid', message: 'Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`', field: 'spec.template.metadata.labels' },
        { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.template.spec.containers[0].image' },
      ]),
    );
    const badLabel = await call(cluster, '/api/v1/namespaces/sem/configmaps', { method: 'POST', body: { metadata: { name: 'c1', labels: { ['x'.repeat(64)]: 'v' } } } });
    expect(badLabel.status).toBe(422);
    expect(badLabel.json.details.causes[0].message).toContain('name part must be no more than 63 characters');
    const svcName = await call(cluster, '/api/v1/namespaces/sem/services', { method: 'POST', body: { metadata: { name: '1svc' }, spec: { ports: [{ port: 80 }] } } });
    expect(svcName.json.details.causes[0].message).toContain('a DNS-1035 label');
    // Port names are DNS-1123 labels: `kubectl create service nodeport web --tcp=80:8080` names its port "80-8080".
    const digitPort = await call(cluster, '/api/v1/namespaces/sem/services', { method: 'POST', body: { metadata: { name: 'digits' }, spec: { ports: [{ name: '80-8080', port: 80 }] } } });
    expect(digitPort.status).toBe(201);
    const badPort = await call(cluster, '/api/v1/namespaces/sem/services', { method: 'POST', body: { metadata: { name: 'badport' }, spec: { ports: [{ name: 'Web_Port', port: 80 }] } } });
    expect(badPort.status).toBe(422);
    expect(badPort.json.details.causes[0]).toMatchObject({ field: 'spec.ports[0].name', reason: 'FieldValueInvalid' });
  });

  it('keeps immutable fields immutable', async () => {
    const current = (await call(cluster, '/apis/apps/v1/namespaces/sem/deployments/web')).json;
    const changed = { ...current, spec: { ...current.spec, selector: { matchLabels: { app: 'web2' } } } };
    changed.spec.template = { ...changed.spec.template, metadata: { labels: { app: 'web2' } } };
    const res = await call(cluster, '/apis/apps/v1/namespaces/sem/deployments/web', { method: 'PUT', body: changed });
    expect(res.status).toBe(422);
    expect(res.json.message).toContain('spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}');
    expect(res.json.message).toContain('field is immutable');
  });

  it('filters lists with label and field selectors and pages with limit/continue', async () => {
    for (let i = 0; i < 5; i++) {
      await call(cluster, '/api/v1/namespaces/sem/configmaps', {
        method: 'POST',
        body: { metadata: { name: `page-${i}`, labels: { group: i % 2 ? 'odd' : 'even', idx: String(i) } } },
      });
    }
    const names = async (q: string) =>
      (await call(cluster, `/api/v1/namespaces/sem/configmaps?${q}`)).json.items.map((c: { metadata: { name: string } }) => c.metadata.name);
    expect(await names('labelSelector=group%3Deven')).toEqual(['page-0', 'page-2', 'page-4']);
    expect(await names('labelSelector=group%3D%3Dodd')).toEqual(['page-1', 'page-3']);
    expect(await names(`labelSelector=${encodeURIComponent('idx in (1,4),group!=odd')}`)).toEqual(['page-4']);
    expect(await names(`labelSelector=${encodeURIComponent('idx notin (0,1,2),group')}`)).toEqual(['page-3', 'page-4']);
    expect(await names(`labelSelector=${encodeURIComponent('!group')}`)).toEqual(['kube-root-ca.crt']);
    expect(await names('fieldSelector=metadata.name%3Dpage-3')).toEqual(['page-3']);
    expect((await call(cluster, '/api/v1/namespaces/sem/configmaps?fieldSelector=spec.bogus%3Dx')).json).toMatchObject({ code: 400, message: 'field label not supported: spec.bogus' });
    const first = (await call(cluster, '/api/v1/namespaces/sem/configmaps?labelSelector=idx&limit=2')).json;
    expect(first.items.map((c: { metadata: { name: string } }) => c.metadata.name)).toEqual(['page-0', 'page-1']);
    expect(first.metadata.continue).toBeTruthy();
    const second = (await call(cluster, `/api/v1/namespaces/sem/configmaps?labelSelector=idx&limit=2&continue=${encodeURIComponent(first.metadata.continue)}`)).json;
    expect(second.items.map((c: { metadata: { name: string } }) => c.metadata.name)).toEqual(['page-2', 'page-3']);
    const third = (await call(cluster, `/api/v1/namespaces/sem/configmaps?labelSelector=idx&limit=2&continue=${encodeURIComponent(second.metadata.continue)}`)).json;
    expect(third.items.map((c: { metadata: { name: string } }) => c.metadata.name)).toEqual(['page-4']);
    expect(third.metadata.continue).toBeUndefined();
    const unfiltered = (await call(cluster, '/api/v1/namespaces/sem/configmaps?limit=1')).json;
    expect(unfiltered.metadata.remainingItemCount).toBe(5);
  });

  it('supports field selectors on pods (status.phase, spec.nodeName) across namespaces', async () => {
    const pod = (name: string, nodeName?: string) => ({
      metadata: { name },
      spec: { ...(nodeName ? { nodeName } : {}), containers: [{ name: 'c', image: 'busybox' }] },
    });
    await call(cluster, '/api/v1/namespaces/sem/pods', { method: 'POST', body: pod('p1', 'node-a') });
    await call(cluster, '/api/v1/namespaces/sem/pods', { method: 'POST', body: pod('p2') });
    const onNode = (await call(cluster, '/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-a')).json.items;
    expect(onNode.map((p: { metadata: { name: string } }) => p.metadata.name)).toEqual(['p1']);
    const pending = (await call(cluster, '/api/v1/namespaces/sem/pods?fieldSelector=status.phase%3DPending,spec.nodeName%21%3Dnode-a')).json.items;
    expect(pending.map((p: { metadata: { name: string } }) => p.metadata.name)).toEqual(['p2']);
  });

  it('honours dryRun=All without persisting', async () => {
    const res = await call(cluster, '/api/v1/namespaces/sem/configmaps?dryRun=All', { method: 'POST', body: { metadata: { name: 'dry' }, data: { a: 'b' } } });
    expect(res.status).toBe(201);
    expect(res.json.metadata.uid).toBeTruthy();
    expect((await call(cluster, '/api/v1/namespaces/sem/configmaps/dry')).status).toBe(404);
    const del = await call(cluster, '/api/v1/namespaces/sem/configmaps/page-0?dryRun=All', { method: 'DELETE' });
    expect(del.status).toBe(200);
    expect((await call(cluster, '/api/v1/namespaces/sem/configmaps/page-0')).status).toBe(200);
  });

  it('holds objects with finalizers in a terminating state until the finalizers are removed', async () => {
    await call(cluster, '/api/v1/namespaces/sem/configmaps', { method: 'POST', body: { metadata: { name: 'held', finalizers: ['example.com/hold'] } } });
    const del = await call(cluster, '/api/v1/namespaces/sem/configmaps/held', { method: 'DELETE', body: { propagationPolicy: 'Background' } });
    expect(del.status).toBe(202);
    expect(del.json.metadata.deletionTimestamp).toBeTruthy();
    const held = (await call(cluster, '/api/v1/namespaces/sem/configmaps/held')).json;
    expect(held.metadata.finalizers).toEqual(['example.com/hold']);
    const release = await call(cluster, '/api/v1/namespaces/sem/configmaps/held', {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: { metadata: { finalizers: null } },
    });
    expect(release.status).toBe(200);
    expect((await call(cluster, '/api/v1/namespaces/sem/configmaps/held')).status).toBe(404);
  });

  it('deletes collections by label selector and records propagationPolicy as finalizers', async () => {
    const res = await call(cluster, '/api/v1/namespaces/sem/configmaps?labelSelector=group%3Dodd', { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(res.json.items.map((c: { metadata: { name: string } }) => c.metadata.name)).toEqual(['page-1', 'page-3']);
    expect((await call(cluster, '/api/v1/namespaces/sem/configmaps?labelSelector=group%3Dodd')).json.items).toEqual([]);
    const orphan = await call(cluster, '/apis/apps/v1/namespaces/sem/deployments/web', { method: 'DELETE', body: { propagationPolicy: 'Orphan' } });
    expect(orphan.status).toBe(202);
    expect(orphan.json.metadata.finalizers).toContain('orphan');
  });

  it('renders Table responses with the usual columns', async () => {
    await call(cluster, '/apis/apps/v1/namespaces/sem/deployments', { method: 'POST', body: deploymentManifest('tbl', 'sem') });
    const res = await call(cluster, '/apis/apps/v1/namespaces/sem/deployments/tbl', {
      accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
    });
    expect(res.json.kind).toBe('Table');
    expect(res.json.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers', 'Images', 'Selector']);
    expect(res.json.rows[0].cells.slice(0, 4)).toEqual(['tbl', '0/1', 0, 0]);
    expect(res.json.rows[0].object).toMatchObject({ kind: 'PartialObjectMetadata', metadata: { name: 'tbl' } });
    const pods = await call(cluster, '/api/v1/namespaces/sem/pods', { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' });
    expect(pods.json.columnDefinitions.filter((c: { priority: number }) => c.priority === 0).map((c: { name: string }) => c.name)).toEqual([
      'Name',
      'Ready',
      'Status',
      'Restarts',
      'Age',
    ]);
    expect(pods.json.rows.find((r: { cells: unknown[] }) => r.cells[0] === 'p2').cells.slice(1, 4)).toEqual(['0/1', 'Pending', 0]);
  });

  it('serves the scale subresource', async () => {
    const scale = await call(cluster, '/apis/apps/v1/namespaces/sem/deployments/tbl/scale');
    expect(scale.json).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 1 }, status: { selector: 'app=tbl' } });
    const patched = await call(cluster, '/apis/apps/v1/namespaces/sem/deployments/tbl/scale', {
      method: 'PATCH',
      contentType: 'application/merge-patch+json',
      body: { spec: { replicas: 5 } },
    });
    expect(patched.json.spec.replicas).toBe(5);
    expect((await call(cluster, '/apis/apps/v1/namespaces/sem/deployments/tbl')).json.spec.replicas).toBe(5);
  });

  it('serves CronJob at batch/v1beta1 too, so that kubectl before 1.21 can create one; batch/v1 stays preferred', async () => {
    const group = await call(cluster, '/apis/batch');
    expect(group.json.versions.map((v: { version: string }) => v.version)).toEqual(['v1', 'v1beta1']);
    expect(group.json.preferredVersion.version).toBe('v1');
    const beta = await call(cluster, '/apis/batch/v1beta1');
    expect(beta.json.resources.map((r: { name: string }) => r.name)).toEqual(['cronjobs', 'cronjobs/status']);
    const body = { apiVersion: 'batch/v1beta1', kind: 'CronJob', metadata: { name: 'old-client' }, spec: { schedule: '*/15 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox:1.36' }] } } } } } };
    const created = await call(cluster, '/apis/batch/v1beta1/namespaces/sem/cronjobs', { method: 'POST', body });
    expect(created.status).toBe(201);
    expect(created.json.apiVersion).toBe('batch/v1beta1');
    const v1 = await call(cluster, '/apis/batch/v1/namespaces/sem/cronjobs/old-client');
    expect(v1.json).toMatchObject({ apiVersion: 'batch/v1', kind: 'CronJob', spec: { schedule: '*/15 * * * *', concurrencyPolicy: 'Allow' } });
  });

  it('serves OpenAPI v2 as JSON and protobuf', async () => {
    const json = await call(cluster, '/openapi/v2');
    const deploy = json.json.definitions['io.k8s.api.apps.v1.Deployment'];
    expect(deploy['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', version: 'v1', kind: 'Deployment' }]);
    const containers = json.json.definitions['io.k8s.api.core.v1.PodSpec'].properties.containers;
    expect(containers).toMatchObject({ 'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge' });
    const pb = await call(cluster, '/openapi/v2', { accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' });
    expect(pb.status).toBe(200);
    expect(pb.headers['content-type']).toBe('application/octet-stream');
    expect(pb.text).toContain('io.k8s.api.apps.v1.Deployment');
  });
});
