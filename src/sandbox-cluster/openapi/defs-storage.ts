import { any, bool, listOf, type ObjectDef, str, strList, topLevel } from './schema-dsl.js';

const full = (k: string) => `io.k8s.api.storage.v1.${k}`;

export const storageDefs: Record<string, ObjectDef> = {
  [full('StorageClass')]: topLevel('storage.k8s.io', 'v1', 'StorageClass', 'StorageClass describes the parameters for a class of storage for which PersistentVolumes can be dynamically provisioned.', {
    allowVolumeExpansion: bool('allowVolumeExpansion shows whether the storage class allow volume expand.'),
    allowedTopologies: any('allowedTopologies restrict the node topologies where volumes can be dynamically provisioned.'),
    mountOptions: strList('mountOptions controls the mountOptions for dynamically provisioned PersistentVolumes of this storage class.'),
    parameters: any('parameters holds the parameters for the provisioner that should create volumes of this storage class.'),
    provisioner: str('provisioner indicates the type of the provisioner.'),
    reclaimPolicy: str('reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class.'),
    volumeBindingMode: str('volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.'),
  }),
  [full('StorageClassList')]: listOf('storage.k8s.io', 'v1', 'StorageClass', full('StorageClass')),
};
