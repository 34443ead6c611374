import { ApiError } from '../core/errors.js';
import { cloneJson } from '../core/json.js';
import type { KubeObject } from '../core/types.js';
import { resourceKeyOf } from '../registry/resource-def.js';
import type { Controller } from './controller.js';

/**
 * Per-namespace housekeeping a real control plane does: the `default` ServiceAccount and
 * the `kube-root-ca.crt` ConfigMap in every new namespace, and, once a namespace is
 * deleted, removal of its contents followed by its `kubernetes` finalizer.
 */
export function namespaceController(rootCaPem: string): Controller {
  return (api) => {
    const registry = api.registry;
    const nsDef = registry.forKind('', 'Namespace')!;
    const saDef = registry.forKind('', 'ServiceAccount')!;
    const cmDef = registry.forKind('', 'ConfigMap')!;
    const pendingFinalize = new Set<string>();
    let scheduled = false;

    const ensure = (def: typeof saDef, ns: string, body: Record<string, unknown>) => {
      try {
        api.create(def, ns, body, { fieldManager: 'kube-controller-manager' });
      } catch (e) {
        if (!(e instanceof ApiError && (e.code === 409 || e.code === 403 || e.code === 404))) throw e;
      }
    };

    const finalize = (name: string) => {
      const ns = api.store.get('/namespaces', '', name);
      if (!ns?.metadata.deletionTimestamp) return;
      for (const def of registry.storedResources()) {
        if (!def.namespaced) continue;
        for (const o of api.store.list(resourceKeyOf(def), name)) {
          if (o.metadata.deletionTimestamp) continue;
          try {
            api.delete(def, name, o.metadata.name!, { propagationPolicy: 'Background' });
          } catch (e) {
            if (!(e instanceof ApiError && e.code === 404)) throw e;
          }
        }
      }
      // Objects still held by finalizers keep the namespace; their DELETED events retry this.
      if (registry.storedResources().some((d) => d.namespaced && api.store.count(resourceKeyOf(d), name) > 0)) return;
      const current = api.store.get('/namespaces', '', name)!;
      const next = cloneJson(current) as KubeObject;
      next.spec = { ...next.spec, finalizers: (next.spec?.finalizers ?? []).filter((f: string) => f !== 'kubernetes') };
      api.commitUpdate(nsDef, nsDef, current, next, { fieldManager: 'kube-controller-manager', subresource: 'finalize' });
    };

    const flush = () => {
      scheduled = false;
      for (const name of [...pendingFinalize]) {
        pendingFinalize.delete(name);
        finalize(name);
      }
    };

    const unsubscribe = api.store.subscribe((e) => {
      if (e.resourceKey === '/namespaces' && e.type === 'ADDED') {
        ensure(saDef, e.name, { metadata: { name: 'default' } });
        ensure(cmDef, e.name, {
          metadata: { name: 'kube-root-ca.crt', annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } },
          data: { 'ca.crt': rootCaPem },
        });
      }
      const terminating =
        (e.resourceKey === '/namespaces' && e.type !== 'DELETED' && e.object.metadata.deletionTimestamp) ||
        (e.type === 'DELETED' && e.namespace && api.store.get('/namespaces', '', e.namespace)?.metadata.deletionTimestamp);
      if (terminating) {
        pendingFinalize.add(e.resourceKey === '/namespaces' ? e.name : e.namespace);
        // Finalize outside the event dispatch, like a controller working off its queue.
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      }
    });
    return unsubscribe;
  };
}
