import { randomBytes } from 'node:crypto';
import type { ObjectService } from '../../api/object-service.js';
import { ApiError } from '../../core/errors.js';
import { cloneJson } from '../../core/json.js';
import { formatTime, type KubeObject } from '../../core/types.js';
import type { SimTimers } from './sim-timers.js';

export interface EventSource {
  component: string;
  host?: string;
}

/**
 * Writes core/v1 Events the way client-go's recorder does: one object per
 * (object, reason, message), whose `count` and `lastTimestamp` grow when it repeats,
 * removed after a TTL (the API server's is one hour).
 */
export class EventRecorder {
  private readonly recent = new Map<string, { namespace: string; name: string }>();
  private readonly def;

  constructor(
    private readonly api: ObjectService,
    private readonly timers: SimTimers,
    private readonly ttlMs: number,
  ) {
    this.def = api.registry.forKind('', 'Event')!;
  }

  normal(obj: Readonly<KubeObject>, reason: string, message: string, source: EventSource, fieldPath?: string): void {
    this.record(obj, 'Normal', reason, message, source, fieldPath);
  }

  warning(obj: Readonly<KubeObject>, reason: string, message: string, source: EventSource, fieldPath?: string): void {
    this.record(obj, 'Warning', reason, message, source, fieldPath);
  }

  record(obj: Readonly<KubeObject>, type: string, reason: string, message: string, source: EventSource, fieldPath?: string): void {
    const namespace = obj.metadata.namespace || 'default';
    const now = formatTime(this.api.now());
    const key = `${obj.metadata.uid}|${type}|${reason}|${message}|${fieldPath ?? ''}`;
    try {
      const seen = this.recent.get(key);
      const existing = seen && this.api.store.get('/events', seen.namespace, seen.name);
      if (existing) {
        const next = cloneJson(existing) as KubeObject;
        next.count = (next.count ?? 1) + 1;
        next.lastTimestamp = now;
        this.api.update(this.def, namespace, existing.metadata.name!, next, { fieldManager: source.component });
        return;
      }
      const name = `${obj.metadata.name}.${randomBytes(8).toString('hex').slice(0, 16)}`;
      this.api.create(
        this.def,
        namespace,
        {
          metadata: { name, namespace },
          involvedObject: {
            kind: obj.kind,
            namespace: obj.metadata.namespace || undefined,
            name: obj.metadata.name,
            uid: obj.metadata.uid,
            apiVersion: obj.apiVersion,
            resourceVersion: obj.metadata.resourceVersion,
            ...(fieldPath ? { fieldPath } : {}),
          },
          reason,
          message,
          source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
          firstTimestamp: now,
          lastTimestamp: now,
          count: 1,
          type,
          eventTime: null,
          reportingComponent: source.component,
          reportingInstance: source.host ?? '',
        },
        { fieldManager: source.component, skipManagedFields: true },
      );
      this.recent.set(key, { namespace, name });
      this.timers.after(this.ttlMs, () => {
        this.recent.delete(key);
        try {
          this.api.delete(this.def, namespace, name);
        } catch {
          // Already gone with its namespace.
        }
      });
    } catch (err) {
      // A terminating or vanished namespace refuses new events; that is fine.
      if (!(err instanceof ApiError)) throw err;
    }
  }
}
