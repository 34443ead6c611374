import { cloneJson, jsonEqual } from '../core/json.js';
import type { KubeObject } from '../core/types.js';
import { formatUsage, namespaceUsage, trackedResourceKeys } from '../admission/quota-usage.js';
import type { Controller } from './controller.js';

/** Keeps `status.hard` and `status.used` of every ResourceQuota current. */
export const quotaStatusController: Controller = (api) => {
  const refresh = (namespace: string, changedKey?: string) => {
    for (const q of api.store.list('/resourcequotas', namespace)) {
      const hard = (q.spec?.hard ?? {}) as Record<string, string>;
      if (changedKey && changedKey !== '/resourcequotas' && !Object.keys(hard).some((k) => trackedResourceKeys(k).includes(changedKey))) continue;
      const used: Record<string, string> = {};
      for (const key of Object.keys(hard)) used[key] = formatUsage(key, namespaceUsage(api.store, namespace, key), hard[key]);
      const status = { hard: { ...hard }, used };
      if (jsonEqual(q.status, status)) continue;
      const next = cloneJson(q) as KubeObject;
      next.status = status;
      api.store.put('/resourcequotas', next);
    }
  };
  return api.store.subscribe((e) => {
    if (!e.namespace) return;
    if (e.resourceKey === '/resourcequotas' && e.type === 'MODIFIED' && jsonEqual(e.previous?.spec, e.object.spec)) return;
    refresh(e.namespace, e.resourceKey);
  });
};
