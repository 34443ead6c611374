import { age, AGE_COLUMN, col, NAME_COLUMN, type TableDef } from '../table/table-def.js';
import { ALL_VERBS, type ResourceDef } from './resource-def.js';
import { fieldSelectors } from './field-selectors.js';

export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

const storageClassTable: TableDef = {
  columns: [
    NAME_COLUMN,
    col('Provisioner', 'Indicates the type of the provisioner.'),
    col('ReclaimPolicy', 'Indicates the type of the reclaim policy.'),
    col('VolumeBindingMode', 'Indicates the mode of the volume binding.'),
    col('AllowVolumeExpansion', 'Indicates the StorageClass allows volume expansion.', 'boolean'),
    AGE_COLUMN,
  ],
  row: (o, now) => [
    o.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true' ? `${o.metadata.name} (default)` : o.metadata.name!,
    o.provisioner ?? '',
    o.reclaimPolicy ?? 'Delete',
    o.volumeBindingMode ?? 'Immediate',
    !!o.allowVolumeExpansion,
    age(o.metadata.creationTimestamp, now),
  ],
};

/** storage.k8s.io/v1 StorageClass: what dynamic provisioning of PersistentVolumeClaims reads. */
export const storageKinds: ResourceDef[] = [
  {
    group: 'storage.k8s.io',
    version: 'v1',
    kind: 'StorageClass',
    plural: 'storageclasses',
    singular: 'storageclass',
    namespaced: false,
    shortNames: ['sc'],
    verbs: ALL_VERBS,
    subresources: [],
    definition: 'io.k8s.api.storage.v1.StorageClass',
    nameRule: 'subdomain',
    hasStatus: false,
    hasGeneration: false,
    fieldSelectors: fieldSelectors(),
    defaults(obj) {
      obj.reclaimPolicy ??= 'Delete';
      obj.volumeBindingMode ??= 'Immediate';
    },
    validate(obj) {
      return obj.provisioner ? [] : [{ reason: 'FieldValueRequired', message: 'Required value', field: 'provisioner' }];
    },
    immutable(obj, old) {
      const out = [];
      for (const f of ['provisioner', 'parameters', 'reclaimPolicy', 'volumeBindingMode'] as const) {
        if (JSON.stringify(obj[f]) !== JSON.stringify(old[f])) out.push({ reason: 'FieldValueForbidden', message: 'updates to ' + f + ' are forbidden.', field: f });
      }
      return out;
    },
    table: storageClassTable,
  },
];
