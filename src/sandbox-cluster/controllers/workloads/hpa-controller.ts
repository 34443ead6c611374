import { formatTime, type Json, type KubeObject } from '../../core/types.js';
import { quantityValue } from '../../core/quantity.js';
import { fromLabelSelectorObject, matchesLabels } from '../../selectors/label-selector.js';
import { isPodActive, isPodReady, setCondition } from '../runtime/pod-state.js';
import { CPU_ANNOTATION } from '../runtime/sim-options.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';

const COMPONENT = 'horizontal-pod-autoscaler';
const TARGETS: Record<string, string> = { Deployment: 'apps/deployments', ReplicaSet: 'apps/replicasets', StatefulSet: 'apps/statefulsets' };

/**
 * HorizontalPodAutoscalers on a simulated CPU metric: each pod's utilization (percent of
 * its CPU request) comes from the `sandbox.kubequiz.io/cpu-utilization` annotation or the
 * configured default. Replica count as the real controller computes it (10% tolerance,
 * scale-up limit, scale-down stabilization window), min/max clamps, conditions, events.
 */
export function startHpas(rt: SimRuntime): () => void {
  const { api, defs } = rt;
  const recommendations = new Map<string, Array<{ at: number; replicas: number }>>();

  const sync = (key: string) => {
    const [ns, name] = key.split('/') as [string, string];
    const hpa = api.store.get('autoscaling/horizontalpodautoscalers', ns, name);
    if (!hpa) {
      recommendations.delete(key);
      return;
    }
    const s = hpa.spec ?? {};
    const now = rt.now();
    const nowText = formatTime(new Date(now));
    const ref = s.scaleTargetRef ?? {};
    const targetKey = TARGETS[ref.kind];
    const target = targetKey ? api.store.get(targetKey, ns, ref.name) : undefined;
    let conditions: Json[] = hpa.status?.conditions ?? [];
    const set = (c: Json) => (conditions = setCondition(conditions, c, nowText));
    const status: Json = { ...(hpa.status ?? {}) };
    const finish = () => {
      status.conditions = conditions;
      rt.writeStatus(defs.hpa, hpa, JSON.parse(JSON.stringify(status)), COMPONENT);
    };
    if (!target) {
      const msg = `the HPA controller was unable to get the target's current scale: ${targetKey ? `${targetKey.split('/')[1]}.${targetKey.split('/')[0]} "${ref.name}" not found` : `no matches for kind "${ref.kind}"`}`;
      if (!conditions.some((c) => c.type === 'AbleToScale' && c.reason === 'FailedGetScale')) rt.event(hpa, 'Warning', 'FailedGetScale', msg, COMPONENT);
      set({ type: 'AbleToScale', status: 'False', reason: 'FailedGetScale', message: msg });
      return finish();
    }
    const current: number = target.spec?.replicas ?? 1;
    status.currentReplicas = target.status?.replicas ?? current;
    set({ type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: 'the HPA controller was able to get the target\'s current scale' });
    if (current === 0) {
      set({ type: 'ScalingActive', status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero' });
      status.desiredReplicas = 0;
      return finish();
    }
    const cpuMetric = (s.metrics ?? []).find((m: Json) => m.type === 'Resource' && m.resource?.name === 'cpu');
    const targetUtil: number | undefined = cpuMetric?.resource?.target?.averageUtilization;
    const selector = fromLabelSelectorObject(target.spec?.selector ?? {});
    const pods = api.store.list('/pods', ns).filter((p) => isPodActive(p) && matchesLabels(selector, p.metadata.labels));
    let desired = current;
    if (targetUtil === undefined) {
      set({ type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric', message: 'the HPA was unable to compute the replica count: only cpu utilization metrics are simulated' });
    } else {
      const missing = pods.flatMap((p) => (p.spec?.containers ?? []).filter((c: Json) => !quantityValue(c.resources?.requests?.cpu)).map((c: Json) => `container ${c.name} of Pod ${p.metadata.name}`));
      if (missing.length) {
        const msg = `failed to get cpu utilization: missing request for cpu in ${missing[0]}`;
        if (!conditions.some((c) => c.type === 'ScalingActive' && c.message?.startsWith('the HPA was unable to compute the replica count: ' + msg))) {
          rt.event(hpa, 'Warning', 'FailedGetResourceMetric', msg, COMPONENT);
          rt.event(hpa, 'Warning', 'FailedComputeMetricsReplicas', `invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: ${msg}`, COMPONENT);
        }
        set({ type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric', message: `the HPA was unable to compute the replica count: ${msg}` });
        delete status.currentMetrics;
        status.desiredReplicas = current;
        return finish();
      }
      if (!pods.length) {
        set({ type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric', message: 'the HPA was unable to compute the replica count: failed to get cpu utilization: did not receive metrics for targeted pods (pods might be unready)' });
        status.desiredReplicas = current;
        return finish();
      }
      const ready = pods.filter(isPodReady);
      const measured = ready.length ? ready : pods;
      const util = (p: Readonly<KubeObject>) => {
        const v = Number(p.metadata.annotations?.[CPU_ANNOTATION]);
        return Number.isFinite(v) ? v : rt.opts.defaultCpuUtilization;
      };
      const avg = measured.length ? Math.round(measured.reduce((n, p) => n + util(p), 0) / measured.length) : 0;
      const request = measured.length ? quantityValue(measured[0]!.spec.containers.reduce((n: number, c: Json) => n + quantityValue(c.resources?.requests?.cpu), 0)) : 0;
      status.currentMetrics = [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: avg, averageValue: `${Math.round((request * avg) / 100 * 1000)}m` } } }];
      const ratio = avg / targetUtil;
      if (measured.length && Math.abs(ratio - 1) > 0.1) desired = Math.ceil(ratio * measured.length);
      set({ type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)' });
    }
    // Scale-down stabilization: the highest recommendation within the window wins.
    const windowMs = (s.behavior?.scaleDown?.stabilizationWindowSeconds ?? 300) * 1000;
    const recs = (recommendations.get(key) ?? []).filter((r) => r.at > now - windowMs);
    recs.push({ at: now, replicas: desired });
    recommendations.set(key, recs);
    if (desired < current) desired = Math.min(current, Math.max(...recs.map((r) => r.replicas)));
    const min = s.minReplicas ?? 1;
    const max = s.maxReplicas;
    const upLimit = Math.max(2 * current, 4);
    let limited: Json = { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };
    if (desired > max) {
      desired = max;
      limited = { type: 'ScalingLimited', status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' };
    } else if (desired < min) {
      desired = min;
      limited = { type: 'ScalingLimited', status: 'True', reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' };
    } else if (desired > upLimit) {
      desired = upLimit;
      limited = { type: 'ScalingLimited', status: 'True', reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' };
    }
    set(limited);
    if (desired !== current) {
      rt.scale(api.registry.forKind('apps', ref.kind)!, target, desired, COMPONENT);
      const reason = desired > current ? 'cpu resource utilization (percentage of request) above target' : 'All metrics below target';
      rt.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`, COMPONENT);
      set({ type: 'AbleToScale', status: 'True', reason: 'SucceededRescale', message: `the HPA controller was able to update the target scale to ${desired}` });
      status.lastScaleTime = nowText;
    } else {
      set({ type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' });
    }
    status.desiredReplicas = desired;
    finish();
  };

  const queue = rt.queue(sync);
  const all = () => {
    for (const h of api.store.list('autoscaling/horizontalpodautoscalers')) queue.add(`${h.metadata.namespace}/${h.metadata.name}`);
  };
  let cancel = () => undefined as void;
  const tick = () => {
    all();
    cancel = rt.timers.after(rt.opts.hpaSyncMs, tick);
  };
  cancel = rt.timers.after(rt.opts.hpaSyncMs, tick);
  all();
  const unsub = api.store.subscribe((e) => {
    if (e.resourceKey === 'autoscaling/horizontalpodautoscalers') {
      if (e.type === 'DELETED' || e.previous?.metadata.generation !== e.object.metadata.generation) queue.add(`${e.namespace}/${e.name}`);
    } else if (e.resourceKey === '/pods' && e.previous?.metadata.annotations?.[CPU_ANNOTATION] !== e.object.metadata.annotations?.[CPU_ANNOTATION]) {
      // A task changed the simulated load: react now rather than at the next resync.
      for (const h of api.store.list('autoscaling/horizontalpodautoscalers', e.namespace)) queue.add(`${e.namespace}/${h.metadata.name}`);
    }
  });
  return () => {
    unsub();
    cancel();
    queue.stop();
  };
}
