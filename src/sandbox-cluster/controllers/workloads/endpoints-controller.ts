import { ApiError } from '../../core/errors.js';
import { cloneJson, jsonEqual } from '../../core/json.js';
import { formatTime, type Json, type KubeObject } from '../../core/types.js';
import { ownerRefTo } from '../runtime/owner-index.js';
import { isPodReady, isPodTerminal } from '../runtime/pod-state.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';

const COMPONENT = 'endpoint-controller';
const SLICE_MANAGER = 'endpointslice-controller.k8s.io';

function selects(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

/** A service port's target on a pod: a number, or a named container port. */
function targetPort(port: Json, pod: Readonly<KubeObject>): number | undefined {
  const t = port.targetPort ?? port.port;
  if (typeof t === 'number') return t;
  if (/^\d+$/.test(String(t))) return Number(t);
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === t && (p.protocol ?? 'TCP') === (port.protocol ?? 'TCP')) return p.containerPort;
  return undefined;
}

/**
 * Endpoints and EndpointSlices for Services with a selector: ready pods' IPs as
 * addresses, not-ready ones as notReadyAddresses (or all when publishNotReadyAddresses),
 * hostnames for pods whose subdomain is the Service (StatefulSet DNS names).
 */
export function startEndpoints(rt: SimRuntime): () => void {
  const { api, defs } = rt;

  const upsert = (def: typeof defs.ep, ns: string, name: string, body: Json, existing: Readonly<KubeObject> | undefined, manager: string) => {
    if (!existing) return api.create(def, ns, body, { fieldManager: manager });
    const next = { ...cloneJson(existing), ...cloneJson(body), metadata: { ...cloneJson(existing.metadata), labels: body.metadata.labels, annotations: body.metadata.annotations } };
    if (!next.metadata.annotations) delete next.metadata.annotations;
    if (!body.subsets) delete next.subsets;
    const strip = (o: Json) => ({ ...o, metadata: { ...o.metadata, annotations: { ...o.metadata.annotations, 'endpoints.kubernetes.io/last-change-trigger-time': undefined }, resourceVersion: undefined, managedFields: undefined } });
    if (jsonEqual(JSON.parse(JSON.stringify(strip(next))), JSON.parse(JSON.stringify(strip(existing))))) return existing;
    return api.update(def, ns, name, next, { fieldManager: manager });
  };

  const sync = (key: string) => {
    const [ns, name] = key.split('/') as [string, string];
    const svc = api.store.get('/services', ns, name);
    const slices = api.store.list('discovery.k8s.io/endpointslices', ns).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name && s.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] === SLICE_MANAGER);
    if (!svc || !svc.spec?.selector || svc.spec.type === 'ExternalName') {
      // Endpoints of selector-less Services belong to the user; ours go with the Service.
      if (!svc) {
        for (const s of slices) tryDelete(() => api.delete(defs.slice, ns, s.metadata.name!));
        const ep = api.store.get('/endpoints', ns, name);
        if (ep?.metadata.labels?.['endpoints.kubernetes.io/managed-by'] === COMPONENT) tryDelete(() => api.delete(defs.ep, ns, name));
      }
      return;
    }
    const selector: Record<string, string> = svc.spec.selector;
    const pods = api.store.list('/pods', ns).filter((p) => selects(selector, p.metadata.labels) && p.status?.podIP && !isPodTerminal(p) && !p.metadata.deletionTimestamp);
    const publishAll = !!svc.spec.publishNotReadyAddresses;
    const ports: Json[] = svc.spec.ports ?? [];
    const subsetsByPorts = new Map<string, { addresses: Json[]; notReadyAddresses: Json[]; ports: Json[] }>();
    const sliceEndpoints: Json[] = [];
    for (const p of pods) {
      const resolved = ports.map((sp) => ({ name: sp.name, port: targetPort(sp, p), protocol: sp.protocol ?? 'TCP', ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) })).filter((x) => x.port !== undefined);
      if (ports.length && !resolved.length) continue;
      const k = JSON.stringify(resolved);
      const subset = subsetsByPorts.get(k) ?? { addresses: [], notReadyAddresses: [], ports: resolved.map((x) => (x.name ? x : { port: x.port, protocol: x.protocol })) };
      subsetsByPorts.set(k, subset);
      const hostname = p.spec?.subdomain === name && p.spec?.hostname ? p.spec.hostname : undefined;
      const addr = {
        ip: p.status.podIP,
        ...(hostname ? { hostname } : {}),
        nodeName: p.spec.nodeName,
        targetRef: { kind: 'Pod', namespace: ns, name: p.metadata.name, uid: p.metadata.uid },
      };
      const ready = isPodReady(p);
      (ready || publishAll ? subset.addresses : subset.notReadyAddresses).push(addr);
      const zone = api.store.get('/nodes', '', p.spec.nodeName)?.metadata.labels?.['topology.kubernetes.io/zone'];
      sliceEndpoints.push({
        addresses: [p.status.podIP],
        conditions: { ready: ready || publishAll, serving: ready, terminating: false },
        ...(hostname ? { hostname } : {}),
        targetRef: addr.targetRef,
        nodeName: p.spec.nodeName,
        ...(zone ? { zone } : {}),
      });
    }
    const subsets = [...subsetsByPorts.values()]
      .map((s) => {
        const out: Json = {};
        if (s.addresses.length) out.addresses = s.addresses.sort((a, b) => a.ip.localeCompare(b.ip));
        if (s.notReadyAddresses.length) out.notReadyAddresses = s.notReadyAddresses.sort((a, b) => a.ip.localeCompare(b.ip));
        if (s.ports.length) out.ports = s.ports;
        return out;
      })
      .filter((s) => s.addresses || s.notReadyAddresses);
    const now = formatTime(api.now());
    const labels = { ...svc.metadata.labels, 'endpoints.kubernetes.io/managed-by': COMPONENT };
    if (svc.spec.clusterIP === 'None') (labels as Record<string, string>)['service.kubernetes.io/headless'] = '';
    upsert(
      defs.ep,
      ns,
      name,
      { metadata: { name, labels, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': now } }, ...(subsets.length ? { subsets } : {}) },
      api.store.get('/endpoints', ns, name),
      COMPONENT,
    );
    const sliceLabels = {
      ...svc.metadata.labels,
      'endpointslice.kubernetes.io/managed-by': SLICE_MANAGER,
      'kubernetes.io/service-name': name,
      ...(svc.spec.clusterIP === 'None' ? { 'service.kubernetes.io/headless': '' } : {}),
    };
    const slicePorts = ports.map((sp) => ({ name: sp.name ?? '', port: pods[0] ? targetPort(sp, pods[0]) : typeof sp.targetPort === 'number' ? sp.targetPort : sp.port, protocol: sp.protocol ?? 'TCP' }));
    const body = {
      metadata: { generateName: `${name}-`, labels: sliceLabels, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': now }, ownerReferences: [ownerRefTo(svc)] },
      addressType: 'IPv4',
      endpoints: sliceEndpoints.sort((a, b) => a.addresses[0].localeCompare(b.addresses[0])),
      ports: slicePorts,
    };
    const [first, ...extra] = slices;
    if (first) upsert(defs.slice, ns, first.metadata.name!, { ...body, metadata: { ...body.metadata, name: first.metadata.name } }, first, SLICE_MANAGER);
    else api.create(defs.slice, ns, body, { fieldManager: SLICE_MANAGER });
    for (const s of extra) tryDelete(() => api.delete(defs.slice, ns, s.metadata.name!));
  };

  const tryDelete = (f: () => void) => {
    try {
      f();
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 404)) throw e;
    }
  };

  const queue = rt.queue(sync);
  for (const s of api.store.list('/services')) queue.add(`${s.metadata.namespace}/${s.metadata.name}`);
  const unsub = api.store.subscribe((e) => {
    if (e.resourceKey === '/services') queue.add(`${e.namespace}/${e.name}`);
    else if (e.resourceKey === '/pods') {
      const before = e.previous;
      const after = e.type === 'DELETED' ? undefined : e.object;
      // Only changes that can move an address matter: labels, IP, readiness, phase.
      if (before && after && jsonEqual(before.metadata.labels, after.metadata.labels) && before.status?.podIP === after.status?.podIP && isPodReady(before) === isPodReady(after) && before.status?.phase === after.status?.phase && before.metadata.deletionTimestamp === after.metadata.deletionTimestamp) return;
      for (const svc of api.store.list('/services', e.namespace)) {
        const sel = svc.spec?.selector;
        if (sel && (selects(sel, before?.metadata.labels) || selects(sel, after?.metadata.labels))) queue.add(`${e.namespace}/${svc.metadata.name}`);
      }
    }
  });
  return () => {
    unsub();
    queue.stop();
  };
}
