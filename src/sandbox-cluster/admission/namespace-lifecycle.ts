import type { AdmissionPlugin } from '../api/admission.js';
import { ApiError, errors, qualifiedResource } from '../core/errors.js';
import type { ObjectStore } from '../store/object-store.js';

const PROTECTED = new Set(['default', 'kube-system', 'kube-public']);

/** Namespaced objects need a live namespace; the system namespaces cannot be deleted. */
export function namespaceLifecycle(store: ObjectStore): AdmissionPlugin {
  return {
    name: 'NamespaceLifecycle',
    validate(req) {
      if (req.def.kind === 'Namespace' && req.operation === 'DELETE' && PROTECTED.has(req.name)) {
        throw errors.forbidden('namespaces', '', req.name, 'this namespace may not be deleted');
      }
      if (!req.def.namespaced || req.operation !== 'CREATE') return;
      const ns = store.get('/namespaces', '', req.namespace);
      if (!ns) throw errors.notFound('namespaces', '', req.namespace);
      if (ns.metadata.deletionTimestamp && req.def.kind !== 'Event') {
        throw new ApiError(
          403,
          'Forbidden',
          `${qualifiedResource(req.def.plural, req.def.group)} "${req.name}" is forbidden: unable to create new content in namespace ${req.namespace} because it is being terminated`,
          {
            name: req.name,
            group: req.def.group || undefined,
            kind: req.def.plural,
            causes: [{ reason: 'NamespaceTerminating', message: `namespace ${req.namespace} is being terminated`, field: 'metadata.namespace' }],
          },
        );
      }
    },
  };
}

/** Pods must name an existing service account. */
export function serviceAccountAdmission(store: ObjectStore): AdmissionPlugin {
  return {
    name: 'ServiceAccount',
    validate(req) {
      if (req.def.kind !== 'Pod' || req.operation !== 'CREATE') return;
      const sa = req.object?.spec?.serviceAccountName ?? 'default';
      if (!store.get('/serviceaccounts', req.namespace, sa)) {
        throw errors.forbidden('pods', '', req.name, `error looking up service account ${req.namespace}/${sa}: serviceaccount "${sa}" not found`);
      }
    },
  };
}
