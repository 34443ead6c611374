import { ApiError } from '../../core/errors.js';
import { cloneJson, jsonEqual } from '../../core/json.js';
import { formatTime, type Json, type KubeObject } from '../../core/types.js';
import { ownerRefTo } from '../runtime/owner-index.js';
import { setCondition } from '../runtime/pod-state.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';
import {
  DESIRED,
  HASH_LABEL,
  MAX_REPLICAS,
  REVISION,
  REVISION_HISTORY,
  SKIPPED_ANNOTATIONS,
  revisionOf,
  specReplicas,
  sum,
  surgeAndUnavailable,
  templateWithoutHash,
} from './deployment-math.js';
import { templateHash } from './pod-control.js';

const COMPONENT = 'deployment-controller';

/**
 * Deployments: one ReplicaSet per pod template, RollingUpdate (maxSurge/maxUnavailable)
 * or Recreate, revisions (rollback reuses the old ReplicaSet and gives it the next
 * revision), pause, revisionHistoryLimit, and the status and conditions that
 * `kubectl rollout status` reads.
 */
export function startDeployments(rt: SimRuntime): () => void {
  const { api, defs } = rt;

  const scaleRs = (d: Readonly<KubeObject>, rs: Readonly<KubeObject>, to: number): Readonly<KubeObject> => {
    const from = specReplicas(rs);
    const { maxSurge } = surgeAndUnavailable(d);
    const want = d.spec?.replicas ?? 1;
    const next = rt.modify(defs.rs, rs, COMPONENT, (o) => {
      o.spec.replicas = to;
      o.metadata.annotations = { ...o.metadata.annotations, [DESIRED]: String(want), [MAX_REPLICAS]: String(want + maxSurge) };
    });
    if (from !== to) rt.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} to ${to} from ${from}`, COMPONENT);
    return next;
  };

  const inherited = (d: Readonly<KubeObject>) => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries<string>(d.metadata.annotations ?? {})) if (!SKIPPED_ANNOTATIONS.has(k)) out[k] = v;
    return out;
  };

  const createNewRs = (d: Readonly<KubeObject>, revision: number, replicas: number): Readonly<KubeObject> | undefined => {
    const hash = templateHash(d.spec.template, d.status?.collisionCount ?? 0);
    const template = cloneJson(d.spec.template);
    template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [HASH_LABEL]: hash } };
    const { maxSurge } = surgeAndUnavailable(d);
    const want = d.spec?.replicas ?? 1;
    const body = {
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        labels: { ...template.metadata.labels },
        annotations: { ...inherited(d), [DESIRED]: String(want), [MAX_REPLICAS]: String(want + maxSurge), [REVISION]: String(revision) },
        ownerReferences: [ownerRefTo(d)],
      },
      spec: {
        replicas,
        minReadySeconds: d.spec.minReadySeconds ?? 0,
        selector: { ...cloneJson(d.spec.selector), matchLabels: { ...d.spec.selector?.matchLabels, [HASH_LABEL]: hash } },
        template,
      },
    };
    try {
      const rs = api.create(defs.rs, d.metadata.namespace!, body, { fieldManager: COMPONENT });
      rt.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${rs.metadata.name} to ${replicas} from 0`, COMPONENT);
      return rs;
    } catch (e) {
      if (e instanceof ApiError && e.code === 409) {
        // A ReplicaSet of that name with another template: bump collisionCount and retry.
        rt.writeStatus(defs.deploy, d, { ...d.status, collisionCount: (d.status?.collisionCount ?? 0) + 1 }, COMPONENT);
        return undefined;
      }
      throw e;
    }
  };

  const sync = (key: string) => {
    const [ns, name] = key.split('/') as [string, string];
    let d = api.store.get('apps/deployments', ns, name);
    if (!d || d.metadata.deletionTimestamp) return;
    const owned = () => rt.owners.controlledBy(d!.metadata.uid!, 'apps/replicasets').filter((rs) => !rs.metadata.deletionTimestamp);
    let all = owned();
    const want: number = d.spec?.replicas ?? 1;
    let newRs = all.find((rs) => jsonEqual(templateWithoutHash(rs.spec?.template), d!.spec.template));
    const olds = () => all.filter((rs) => rs !== newRs).sort((a, b) => revisionOf(a) - revisionOf(b));
    const maxOldRevision = Math.max(0, ...olds().map(revisionOf));
    const paused = !!d.spec?.paused;
    let createdNew = false;

    if (!paused) {
      if (newRs && revisionOf(newRs) <= maxOldRevision) {
        // Rollback (or an old template again): the old ReplicaSet becomes the newest revision.
        const oldRevision = revisionOf(newRs);
        newRs = rt.modify(defs.rs, newRs, COMPONENT, (o) => {
          const history = [o.metadata.annotations?.[REVISION_HISTORY], String(oldRevision)].filter(Boolean).join(',');
          o.metadata.annotations = { ...o.metadata.annotations, ...inherited(d!), [REVISION]: String(maxOldRevision + 1), [REVISION_HISTORY]: history };
        });
      }
      if (!newRs) {
        const strategy = d.spec?.strategy?.type ?? 'RollingUpdate';
        const total = sum(all, specReplicas);
        const { maxSurge } = surgeAndUnavailable(d);
        const initial = strategy === 'Recreate' ? (total > 0 ? 0 : want) : Math.max(0, Math.min(want, want + maxSurge - total));
        newRs = createNewRs(d, maxOldRevision + 1, all.length ? initial : want);
        if (!newRs) return;
        createdNew = true;
        all = owned();
        newRs = all.find((rs) => rs.metadata.uid === newRs!.metadata.uid);
      }
      if (String(revisionOf(newRs!)) !== d.metadata.annotations?.[REVISION]) {
        d = rt.modify(defs.deploy, d, COMPONENT, (o) => (o.metadata.annotations = { ...o.metadata.annotations, [REVISION]: String(revisionOf(newRs!)) }));
      }
      if ((d.spec?.strategy?.type ?? 'RollingUpdate') === 'Recreate') recreate(d, newRs!, olds());
      else rolling(d, newRs!, olds());
    } else if (all.length) {
      // Paused: only scaling happens, on the newest ReplicaSet.
      const target = newRs ?? [...all].sort((a, b) => revisionOf(b) - revisionOf(a))[0]!;
      const others = sum(all.filter((rs) => rs !== target), specReplicas);
      if (specReplicas(target) + others !== want) scaleRs(d, target, Math.max(0, want - others));
    }
    all = owned();
    newRs = newRs && all.find((rs) => rs.metadata.uid === newRs!.metadata.uid);
    cleanup(d, all, newRs);
    writeStatus(d, owned(), newRs, createdNew);
  };

  const recreate = (d: Readonly<KubeObject>, newRs: Readonly<KubeObject>, olds: Readonly<KubeObject>[]) => {
    let waiting = false;
    for (const rs of olds) {
      if (specReplicas(rs) > 0) scaleRs(d, rs, 0);
      if (rt.owners.controlledBy(rs.metadata.uid!, '/pods').length) waiting = true;
    }
    if (!waiting && specReplicas(newRs) !== (d.spec?.replicas ?? 1)) scaleRs(d, newRs, d.spec?.replicas ?? 1);
  };

  const rolling = (d: Readonly<KubeObject>, newRs: Readonly<KubeObject>, oldList: Readonly<KubeObject>[]) => {
    const want: number = d.spec?.replicas ?? 1;
    const { maxSurge, maxUnavailable } = surgeAndUnavailable(d);
    let olds = oldList;
    const total = specReplicas(newRs) + sum(olds, specReplicas);
    if (specReplicas(newRs) > want) newRs = scaleRs(d, newRs, want);
    else if (specReplicas(newRs) < want) {
      const up = Math.min(want + maxSurge - total, want - specReplicas(newRs));
      if (up > 0) newRs = scaleRs(d, newRs, specReplicas(newRs) + up);
    }
    if (sum(olds, specReplicas) === 0) return;
    const allPods = specReplicas(newRs) + sum(olds, specReplicas);
    const minAvailable = want - maxUnavailable;
    const newUnavailable = specReplicas(newRs) - (newRs.status?.availableReplicas ?? 0);
    const maxScaledDown = allPods - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return;
    // Unhealthy old pods go first: removing them costs no availability.
    let cleaned = 0;
    olds = olds.map((rs) => {
      if (cleaned >= maxScaledDown || specReplicas(rs) === 0) return rs;
      const unhealthy = specReplicas(rs) - (rs.status?.availableReplicas ?? 0);
      if (unhealthy <= 0) return rs;
      const down = Math.min(maxScaledDown - cleaned, unhealthy);
      cleaned += down;
      return scaleRs(d, rs, specReplicas(rs) - down);
    });
    const available = (newRs.status?.availableReplicas ?? 0) + sum(olds, (rs) => Math.min(rs.status?.availableReplicas ?? 0, specReplicas(rs)));
    let budget = Math.min(available - minAvailable, maxScaledDown - cleaned);
    for (const rs of olds) {
      if (budget <= 0) break;
      if (specReplicas(rs) === 0) continue;
      const down = Math.min(specReplicas(rs), budget);
      budget -= down;
      scaleRs(d, rs, specReplicas(rs) - down);
    }
  };

  const cleanup = (d: Readonly<KubeObject>, all: Readonly<KubeObject>[], newRs: Readonly<KubeObject> | undefined) => {
    const limit = d.spec?.revisionHistoryLimit ?? 10;
    const idle = all
      .filter((rs) => rs !== newRs && specReplicas(rs) === 0 && !(rs.status?.replicas ?? 0))
      .sort((a, b) => revisionOf(a) - revisionOf(b));
    for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) {
      try {
        api.delete(defs.rs, rs.metadata.namespace!, rs.metadata.name!, { propagationPolicy: 'Background' });
      } catch (e) {
        if (!(e instanceof ApiError && e.code === 404)) throw e;
      }
    }
  };

  const writeStatus = (d: Readonly<KubeObject>, all: Readonly<KubeObject>[], newRs: Readonly<KubeObject> | undefined, createdNew: boolean) => {
    const current = api.store.get('apps/deployments', d.metadata.namespace!, d.metadata.name!)!;
    const want: number = current.spec?.replicas ?? 1;
    const { maxUnavailable } = surgeAndUnavailable(current);
    const now = formatTime(api.now());
    const replicas = sum(all, (rs) => rs.status?.replicas ?? 0);
    const updated = newRs?.status?.replicas ?? 0;
    const ready = sum(all, (rs) => rs.status?.readyReplicas ?? 0);
    const available = sum(all, (rs) => rs.status?.availableReplicas ?? 0);
    const unavailable = Math.max(0, sum(all, specReplicas) - available);
    let conditions: Json[] = current.status?.conditions ?? [];
    const set = (c: Json) => (conditions = setCondition(conditions, { lastUpdateTime: now, ...c }, now));
    set(
      available >= want - maxUnavailable
        ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }
        : { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' },
    );
    const rsName = newRs?.metadata.name ?? '';
    const complete = !!newRs && updated === want && replicas === want && available >= want;
    const prev = conditions.find((c) => c.type === 'Progressing');
    if (current.spec?.paused) set({ type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    else if (prev?.reason === 'DeploymentPaused') set({ type: 'Progressing', status: 'Unknown', reason: 'DeploymentResumed', message: 'Deployment is resumed' });
    else if (complete) set({ type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsName}" has successfully progressed.` });
    else if (createdNew) set({ type: 'Progressing', status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "${rsName}"` });
    else if (newRs) set({ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: `ReplicaSet "${rsName}" is progressing.` });
    conditions.sort((a, b) => (a.type === 'Available' ? -1 : b.type === 'Available' ? 1 : 0));
    const status: Json = {
      observedGeneration: current.metadata.generation,
      replicas,
      updatedReplicas: updated,
      readyReplicas: ready,
      availableReplicas: available,
      unavailableReplicas: unavailable,
      conditions,
      ...(current.status?.collisionCount ? { collisionCount: current.status.collisionCount } : {}),
    };
    for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas']) if (!status[k]) delete status[k];
    rt.writeStatus(defs.deploy, current, status, COMPONENT);
  };

  const queue = rt.queue(sync);
  for (const d of api.store.list('apps/deployments')) queue.add(`${d.metadata.namespace}/${d.metadata.name}`);
  const unsub = api.store.subscribe((e) => {
    if (e.resourceKey === 'apps/deployments' && e.type !== 'DELETED') queue.add(`${e.namespace}/${e.name}`);
    if (e.resourceKey === 'apps/replicasets') {
      const ref = (e.object.metadata.ownerReferences ?? []).find((r: Json) => r.controller && r.kind === 'Deployment');
      if (ref) queue.add(`${e.namespace}/${ref.name}`);
    }
  });
  return () => {
    unsub();
    queue.stop();
  };
}
