import type { ObjectService } from '../../api/object-service.js';
import { cloneJson, jsonEqual } from '../../core/json.js';
import type { Json, KubeObject } from '../../core/types.js';
import type { ResourceDef } from '../../registry/resource-def.js';
import { EventRecorder, type EventSource } from './event-recorder.js';
import { OwnerIndex } from './owner-index.js';
import type { ResolvedSimulationOptions } from './sim-options.js';
import { SimTimers } from './sim-timers.js';
import { QueueTracker, WorkQueue } from './work-queue.js';

/** What every simulated controller shares: API, timers on the injected clock, indexes, events. */
export class SimRuntime {
  readonly timers: SimTimers;
  readonly tracker = new QueueTracker();
  readonly owners: OwnerIndex;
  readonly events: EventRecorder;
  readonly defs: Record<'pod' | 'node' | 'rs' | 'deploy' | 'sts' | 'ds' | 'job' | 'cronjob' | 'svc' | 'ep' | 'slice' | 'pvc' | 'pv' | 'cr' | 'hpa' | 'event', ResourceDef>;

  constructor(
    readonly api: ObjectService,
    readonly opts: ResolvedSimulationOptions,
  ) {
    this.timers = new SimTimers({ now: () => api.now() });
    this.owners = new OwnerIndex(api.store);
    this.events = new EventRecorder(api, this.timers, opts.eventTtlMs);
    const k = (g: string, kind: string) => api.registry.forKind(g, kind)!;
    this.defs = {
      pod: k('', 'Pod'),
      node: k('', 'Node'),
      rs: k('apps', 'ReplicaSet'),
      deploy: k('apps', 'Deployment'),
      sts: k('apps', 'StatefulSet'),
      ds: k('apps', 'DaemonSet'),
      job: k('batch', 'Job'),
      cronjob: k('batch', 'CronJob'),
      svc: k('', 'Service'),
      ep: k('', 'Endpoints'),
      slice: k('discovery.k8s.io', 'EndpointSlice'),
      pvc: k('', 'PersistentVolumeClaim'),
      pv: k('', 'PersistentVolume'),
      cr: k('apps', 'ControllerRevision'),
      hpa: k('autoscaling', 'HorizontalPodAutoscaler'),
      event: k('', 'Event'),
    };
  }

  get store() {
    return this.api.store;
  }

  now(): number {
    return this.timers.now();
  }

  /** A work queue whose failed keys are retried shortly after, on the injected clock. */
  queue(handle: (key: string) => void): WorkQueue {
    const q: WorkQueue = new WorkQueue(handle, this.tracker, (key) => this.timers.after(50, () => q.add(key)));
    return q;
  }

  event(obj: Readonly<KubeObject>, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource | string, fieldPath?: string): void {
    this.events.record(obj, type, reason, message, typeof source === 'string' ? { component: source } : source, fieldPath);
  }

  /** Replaces `status` through the status subresource when it changed. */
  writeStatus(def: ResourceDef, obj: Readonly<KubeObject>, status: Json, manager: string): Readonly<KubeObject> {
    if (jsonEqual(obj.status, status)) return obj;
    const next = cloneJson(obj) as KubeObject;
    next.status = status;
    return this.api.update(def, obj.metadata.namespace ?? '', obj.metadata.name!, next, { subresource: 'status', fieldManager: manager });
  }

  /** Applies `change` to a copy of the stored object and writes it (main resource). */
  modify(def: ResourceDef, obj: Readonly<KubeObject>, manager: string, change: (o: KubeObject) => void): Readonly<KubeObject> {
    const next = cloneJson(obj) as KubeObject;
    change(next);
    if (jsonEqual(next, obj)) return obj;
    return this.api.update(def, obj.metadata.namespace ?? '', obj.metadata.name!, next, { fieldManager: manager });
  }

  /** Sets spec.replicas (what the scale subresource would do). */
  scale(def: ResourceDef, obj: Readonly<KubeObject>, replicas: number, manager: string): Readonly<KubeObject> {
    return this.modify(def, obj, manager, (o) => (o.spec.replicas = replicas));
  }

  stop(): void {
    this.timers.stop();
    this.owners.unsubscribe();
    for (const q of [...this.tracker.queues]) q.stop();
  }
}
