import { ApiError } from '../../core/errors.js';
import { cloneJson } from '../../core/json.js';
import type { Json, KubeObject } from '../../core/types.js';
import { ownerRefTo } from '../runtime/owner-index.js';
import { isPodAvailable, isPodReady, isPodTerminal } from '../runtime/pod-state.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';
import { templateHash } from './pod-control.js';

const COMPONENT = 'statefulset-controller';
const REVISION_LABEL = 'controller-revision-hash';

/**
 * StatefulSets: pods `name-0…n-1` with stable hostnames under the governing Service,
 * claims from volumeClaimTemplates (`tmpl-name-i`, kept after the pod), OrderedReady or
 * Parallel management, reverse-ordinal scale-down and RollingUpdate (with partition),
 * ControllerRevisions and the revision status `kubectl rollout status` reads.
 */
export function startStatefulSets(rt: SimRuntime): () => void {
  const { api, defs } = rt;

  const ensureRevision = (sts: Readonly<KubeObject>): string => {
    const hash = templateHash(sts.spec.template, sts.status?.collisionCount ?? 0);
    const name = `${sts.metadata.name}-${hash}`;
    const existing = rt.owners.controlledBy(sts.metadata.uid!, 'apps/controllerrevisions');
    if (!existing.some((r) => r.metadata.name === name)) {
      const revision = Math.max(0, ...existing.map((r) => r.revision ?? 0)) + 1;
      try {
        api.create(
          defs.cr,
          sts.metadata.namespace!,
          {
            metadata: { name, labels: { ...sts.spec.template?.metadata?.labels, [REVISION_LABEL]: hash }, ownerReferences: [ownerRefTo(sts)] },
            data: { spec: { template: { ...cloneJson(sts.spec.template), $patch: 'replace' } } },
            revision,
          },
          { fieldManager: COMPONENT },
        );
      } catch (e) {
        if (!(e instanceof ApiError && e.code === 409)) throw e;
      }
    }
    return name;
  };

  const createClaims = (sts: Readonly<KubeObject>, podName: string): boolean => {
    for (const t of sts.spec.volumeClaimTemplates ?? []) {
      const claim = `${t.metadata?.name}-${podName}`;
      if (api.store.get('/persistentvolumeclaims', sts.metadata.namespace!, claim)) continue;
      try {
        api.create(
          defs.pvc,
          sts.metadata.namespace!,
          { metadata: { name: claim, labels: { ...t.metadata?.labels, ...sts.spec.selector?.matchLabels }, annotations: t.metadata?.annotations }, spec: cloneJson(t.spec) },
          { fieldManager: COMPONENT },
        );
        rt.event(sts, 'Normal', 'SuccessfulCreate', `create Claim ${claim} Pod ${podName} in StatefulSet ${sts.metadata.name} success`, COMPONENT);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        rt.event(sts, 'Warning', 'FailedCreate', `create Claim ${claim} for Pod ${podName} in StatefulSet ${sts.metadata.name} failed error: ${e.message}`, COMPONENT);
        return false;
      }
    }
    return true;
  };

  const createPod = (sts: Readonly<KubeObject>, i: number, revision: string) => {
    const name = `${sts.metadata.name}-${i}`;
    if (!createClaims(sts, name)) return;
    const t = cloneJson(sts.spec.template ?? {});
    const spec = t.spec ?? {};
    spec.hostname = name;
    if (sts.spec.serviceName) spec.subdomain = sts.spec.serviceName;
    const volumes: Json[] = spec.volumes ?? [];
    for (const vt of sts.spec.volumeClaimTemplates ?? []) {
      if (!volumes.some((v) => v.name === vt.metadata?.name)) volumes.push({ name: vt.metadata?.name, persistentVolumeClaim: { claimName: `${vt.metadata?.name}-${name}` } });
    }
    if (volumes.length) spec.volumes = volumes;
    try {
      api.create(
        defs.pod,
        sts.metadata.namespace!,
        {
          metadata: {
            ...t.metadata,
            name,
            labels: { ...t.metadata?.labels, [REVISION_LABEL]: revision, 'statefulset.kubernetes.io/pod-name': name, 'apps.kubernetes.io/pod-index': String(i) },
            ownerReferences: [ownerRefTo(sts)],
          },
          spec,
        },
        { fieldManager: COMPONENT },
      );
      rt.event(sts, 'Normal', 'SuccessfulCreate', `create Pod ${name} in StatefulSet ${sts.metadata.name} successful`, COMPONENT);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.code !== 409) rt.event(sts, 'Warning', 'FailedCreate', `create Pod ${name} in StatefulSet ${sts.metadata.name} failed error: ${e.message}`, COMPONENT);
    }
  };

  const deletePod = (sts: Readonly<KubeObject>, pod: Readonly<KubeObject>) => {
    try {
      api.delete(defs.pod, pod.metadata.namespace!, pod.metadata.name!);
      rt.event(sts, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} successful`, COMPONENT);
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 404)) throw e;
    }
  };

  const sync = (key: string) => {
    const [ns, name] = key.split('/') as [string, string];
    const sts = api.store.get('apps/statefulsets', ns, name);
    if (!sts || sts.metadata.deletionTimestamp) return;
    const updateRevision = ensureRevision(sts);
    const want: number = sts.spec?.replicas ?? 1;
    const ordered = (sts.spec?.podManagementPolicy ?? 'OrderedReady') === 'OrderedReady';
    const ordinal = (p: Readonly<KubeObject>) => Number(p.metadata.name!.slice(name.length + 1));
    const pods = new Map<number, Readonly<KubeObject>>();
    for (const p of rt.owners.controlledBy(sts.metadata.uid!, '/pods')) pods.set(ordinal(p), p);
    const healthy = (p: Readonly<KubeObject> | undefined) => !!p && p.status?.phase === 'Running' && isPodReady(p) && !p.metadata.deletionTimestamp;
    let blocked = false;
    for (let i = 0; i < want && !blocked; i++) {
      const p = pods.get(i);
      if (p && isPodTerminal(p)) {
        deletePod(sts, p);
        blocked = ordered;
        continue;
      }
      if (!p) {
        createPod(sts, i, updateRevision);
        blocked = ordered;
      } else if (ordered && !healthy(p)) blocked = true;
    }
    // Scale down from the highest ordinal, one at a time when ordered.
    const extra = [...pods.keys()].filter((i) => i >= want).sort((a, b) => b - a);
    for (const i of ordered ? extra.slice(0, blocked ? 0 : 1) : extra) deletePod(sts, pods.get(i)!);
    // Rolling update: replace the highest-ordinal outdated pod once all are healthy.
    const strategy = sts.spec?.updateStrategy ?? { type: 'RollingUpdate' };
    if (strategy.type !== 'OnDelete' && !extra.length) {
      const partition = strategy.rollingUpdate?.partition ?? 0;
      const current = [...pods.entries()].filter(([i]) => i < want);
      if (current.length === want && current.every(([, p]) => healthy(p))) {
        const outdated = current.filter(([i, p]) => i >= partition && p.metadata.labels?.[REVISION_LABEL] !== updateRevision).sort(([a], [b]) => b - a);
        if (outdated[0]) deletePod(sts, outdated[0][1]);
      }
    }
    const live = rt.owners.controlledBy(sts.metadata.uid!, '/pods').filter((p) => !isPodTerminal(p));
    const updated = live.filter((p) => p.metadata.labels?.[REVISION_LABEL] === updateRevision).length;
    const prevCurrent = sts.status?.currentRevision ?? updateRevision;
    const currentRevision = updated === want && live.length === want ? updateRevision : prevCurrent;
    const status: Json = {
      observedGeneration: sts.metadata.generation,
      replicas: live.length,
      readyReplicas: live.filter(isPodReady).length,
      currentReplicas: live.filter((p) => p.metadata.labels?.[REVISION_LABEL] === currentRevision).length,
      updatedReplicas: updated,
      availableReplicas: live.filter((p) => isPodAvailable(p, sts.spec?.minReadySeconds ?? 0, rt.now())).length,
      currentRevision,
      updateRevision,
      collisionCount: sts.status?.collisionCount ?? 0,
    };
    for (const k of ['readyReplicas', 'currentReplicas', 'updatedReplicas']) if (!status[k]) delete status[k];
    rt.writeStatus(defs.sts, sts, status, COMPONENT);
    // Old revisions beyond the history limit go.
    const limit = sts.spec?.revisionHistoryLimit ?? 10;
    const revisions = rt.owners.controlledBy(sts.metadata.uid!, 'apps/controllerrevisions').filter((r) => r.metadata.name !== updateRevision && r.metadata.name !== currentRevision).sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0));
    for (const r of revisions.slice(0, Math.max(0, revisions.length - limit))) {
      try {
        api.delete(defs.cr, ns, r.metadata.name!);
      } catch (e) {
        if (!(e instanceof ApiError && e.code === 404)) throw e;
      }
    }
  };

  const queue = rt.queue(sync);
  for (const s of api.store.list('apps/statefulsets')) queue.add(`${s.metadata.namespace}/${s.metadata.name}`);
  const unsub = api.store.subscribe((e) => {
    if (e.resourceKey === 'apps/statefulsets' && e.type !== 'DELETED') queue.add(`${e.namespace}/${e.name}`);
    if (e.resourceKey === '/pods') {
      const ref = (e.object.metadata.ownerReferences ?? []).find((r: Json) => r.controller && r.kind === 'StatefulSet');
      if (ref) queue.add(`${e.namespace}/${ref.name}`);
    }
  });
  return () => {
    unsub();
    queue.stop();
  };
}
