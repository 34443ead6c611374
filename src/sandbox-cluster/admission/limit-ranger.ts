import type { AdmissionPlugin } from '../api/admission.js';
import { errors } from '../core/errors.js';
import { parseQuantity } from '../core/quantity.js';
import type { Json } from '../core/types.js';
import type { ObjectStore } from '../store/object-store.js';

function containersOf(spec: Json): Json[] {
  return [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
}

/**
 * LimitRange defaults for containers (default limits, default requests, requests falling
 * back to limits), then min/max checks, as the LimitRanger admission plugin does.
 */
export function limitRanger(store: ObjectStore): AdmissionPlugin {
  const itemsFor = (ns: string, type: string): Json[] =>
    store.list('/limitranges', ns).flatMap((lr) => ((lr.spec?.limits ?? []) as Json[]).filter((l) => l.type === type));
  return {
    name: 'LimitRanger',
    mutate(req) {
      if (req.def.kind !== 'Pod' || req.operation !== 'CREATE' || !req.object) return;
      const items = itemsFor(req.namespace, 'Container');
      if (!items.length) return;
      const notes: string[] = [];
      for (const c of containersOf(req.object.spec)) {
        c.resources ??= {};
        const setReq: string[] = [];
        const setLim: string[] = [];
        for (const item of items) {
          for (const [r, v] of Object.entries((item.default ?? {}) as Record<string, string>)) {
            c.resources.limits ??= {};
            if (c.resources.limits[r] === undefined) {
              c.resources.limits[r] = v;
              setLim.push(r);
            }
          }
          for (const [r, v] of Object.entries((item.defaultRequest ?? {}) as Record<string, string>)) {
            c.resources.requests ??= {};
            if (c.resources.requests[r] === undefined) {
              c.resources.requests[r] = v;
              setReq.push(r);
            }
          }
        }
        for (const [r, v] of Object.entries((c.resources.limits ?? {}) as Record<string, string>)) {
          c.resources.requests ??= {};
          if (c.resources.requests[r] === undefined) {
            c.resources.requests[r] = v;
            setReq.push(r);
          }
        }
        if (setReq.length) notes.push(`${setReq.join(', ')} request for container ${c.name}`);
        if (setLim.length) notes.push(`${setLim.join(', ')} limit for container ${c.name}`);
      }
      if (notes.length) {
        req.object.metadata.annotations = { ...req.object.metadata.annotations, 'kubernetes.io/limit-ranger': `LimitRanger plugin set: ${notes.join('; ')}` };
      }
    },
    validate(req) {
      if (req.operation !== 'CREATE' || !req.object) return;
      const problems: string[] = [];
      const check = (items: Json[], kindWord: string, values: (kind: 'requests' | 'limits') => Record<string, string>) => {
        for (const item of items) {
          for (const [r, max] of Object.entries((item.max ?? {}) as Record<string, string>)) {
            const lim = values('limits')[r];
            if (lim === undefined) problems.push(`maximum ${r} usage per ${kindWord} is ${max}.  No limit is specified`);
            else if ((parseQuantity(lim)?.value ?? 0) > (parseQuantity(max)?.value ?? 0)) problems.push(`maximum ${r} usage per ${kindWord} is ${max}, but limit is ${lim}`);
          }
          for (const [r, min] of Object.entries((item.min ?? {}) as Record<string, string>)) {
            const request = values('requests')[r];
            if (request === undefined) problems.push(`minimum ${r} usage per ${kindWord} is ${min}.  No request is specified`);
            else if ((parseQuantity(request)?.value ?? 0) < (parseQuantity(min)?.value ?? 0)) problems.push(`minimum ${r} usage per ${kindWord} is ${min}, but request is ${request}`);
          }
        }
      };
      if (req.def.kind === 'Pod') {
        const items = itemsFor(req.namespace, 'Container');
        for (const c of containersOf(req.object.spec)) check(items, 'Container', (k) => c.resources?.[k] ?? {});
      } else if (req.def.kind === 'PersistentVolumeClaim') {
        const items = itemsFor(req.namespace, 'PersistentVolumeClaim');
        check(items, 'PersistentVolumeClaim', (k) => req.object!.spec?.resources?.[k] ?? {});
      } else return;
      if (problems.length) {
        throw errors.forbidden(req.def.plural, '', req.name, problems.length === 1 ? problems[0]! : `[${problems.join(', ')}]`);
      }
    },
  };
}
