import type { AdmissionPlugin } from '../api/admission.js';
import { DEFAULT_CLASS_ANNOTATION } from '../registry/kinds-storage.js';
import type { ObjectStore } from '../store/object-store.js';

/** DefaultStorageClass: a claim that names no class gets the default one, when there is one. */
export function defaultStorageClass(store: ObjectStore): AdmissionPlugin {
  return {
    name: 'DefaultStorageClass',
    mutate(req) {
      if (req.operation !== 'CREATE' || req.def.kind !== 'PersistentVolumeClaim' || !req.object?.spec) return;
      if (req.object.spec.storageClassName !== undefined && req.object.spec.storageClassName !== null) return;
      const def = store.list('storage.k8s.io/storageclasses').find((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true');
      if (def) req.object.spec.storageClassName = def.metadata.name;
    },
  };
}
