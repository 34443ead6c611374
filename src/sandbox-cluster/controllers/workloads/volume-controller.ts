import { ApiError } from '../../core/errors.js';
import { quantityValue } from '../../core/quantity.js';
import type { KubeObject } from '../../core/types.js';
import { DEFAULT_CLASS_ANNOTATION } from '../../registry/kinds-storage.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';

const COMPONENT = 'persistentvolume-controller';
export const PROVISIONER = 'sandbox.kubequiz.io/hostpath';

/**
 * PersistentVolume binding: a pending claim binds to the smallest matching Available
 * volume, or a volume is provisioned for it when its StorageClass has our provisioner
 * (the default class `standard` does). Released volumes are deleted or kept per their
 * reclaim policy.
 */
export function startVolumes(rt: SimRuntime): () => void {
  const { api, defs } = rt;
  const scDef = api.registry.forKind('storage.k8s.io', 'StorageClass')!;
  try {
    api.create(
      scDef,
      '',
      { metadata: { name: 'standard', annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' } }, provisioner: PROVISIONER, reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' },
      { fieldManager: COMPONENT },
    );
  } catch (e) {
    if (!(e instanceof ApiError && e.code === 409)) throw e;
  }

  const matches = (pv: Readonly<KubeObject>, pvc: Readonly<KubeObject>) => {
    const want = pvc.spec ?? {};
    if (pv.status?.phase !== 'Available' || pv.spec?.claimRef || pv.metadata.deletionTimestamp) return false;
    if ((pv.spec?.storageClassName ?? '') !== (want.storageClassName ?? '')) return false;
    if (quantityValue(pv.spec?.capacity?.storage) < quantityValue(want.resources?.requests?.storage)) return false;
    if (!(want.accessModes ?? []).every((m: string) => (pv.spec?.accessModes ?? []).includes(m))) return false;
    for (const [k, v] of Object.entries<string>(want.selector?.matchLabels ?? {})) if (pv.metadata.labels?.[k] !== v) return false;
    return true;
  };

  const bind = (pv: Readonly<KubeObject>, pvc: Readonly<KubeObject>) => {
    const claimRef = { kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid, apiVersion: 'v1', resourceVersion: pvc.metadata.resourceVersion };
    pv = rt.modify(defs.pv, pv, COMPONENT, (o) => {
      o.spec.claimRef = claimRef;
      o.metadata.annotations = { ...o.metadata.annotations, 'pv.kubernetes.io/bound-by-controller': 'yes' };
    });
    rt.writeStatus(defs.pv, pv, { phase: 'Bound', lastPhaseTransitionTime: pv.status?.lastPhaseTransitionTime }, COMPONENT);
    const claim = rt.modify(defs.pvc, pvc, COMPONENT, (o) => {
      o.spec.volumeName = pv.metadata.name;
      o.metadata.annotations = { ...o.metadata.annotations, 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' };
    });
    rt.writeStatus(defs.pvc, claim, { phase: 'Bound', accessModes: pv.spec.accessModes, capacity: pv.spec.capacity }, COMPONENT);
  };

  const syncClaim = (key: string) => {
    const [ns, name] = key.split('/') as [string, string];
    const pvc = api.store.get('/persistentvolumeclaims', ns, name);
    if (!pvc || pvc.metadata.deletionTimestamp || pvc.status?.phase === 'Bound') return;
    const pvs = api.store.list('/persistentvolumes');
    if (pvc.spec?.volumeName) {
      const pv = pvs.find((p) => p.metadata.name === pvc.spec.volumeName);
      if (pv && (!pv.spec?.claimRef || pv.spec.claimRef.uid === pvc.metadata.uid)) bind(pv, pvc);
      return;
    }
    const candidates = pvs.filter((pv) => matches(pv, pvc)).sort((a, b) => quantityValue(a.spec.capacity.storage) - quantityValue(b.spec.capacity.storage));
    if (candidates[0]) return bind(candidates[0], pvc);
    const className = pvc.spec?.storageClassName;
    const sc = className ? api.store.get('storage.k8s.io/storageclasses', '', className) : undefined;
    if (!sc) {
      rt.event(pvc, 'Normal', 'FailedBinding', className ? `storageclass.storage.k8s.io "${className}" not found` : 'no persistent volumes available for this claim and no storage class is set', COMPONENT);
      rt.writeStatus(defs.pvc, pvc, { phase: 'Pending' }, COMPONENT);
      return;
    }
    if (sc.provisioner !== PROVISIONER) {
      rt.event(pvc, 'Normal', 'ExternalProvisioning', `Waiting for a volume to be created either by the external provisioner '${sc.provisioner}' or manually by the system administrator.`, COMPONENT);
      rt.writeStatus(defs.pvc, pvc, { phase: 'Pending' }, COMPONENT);
      return;
    }
    rt.event(pvc, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${ns}/${name}"`, { component: `${PROVISIONER}_sandbox` });
    const pvName = `pvc-${pvc.metadata.uid}`;
    const pv = api.create(
      defs.pv,
      '',
      {
        metadata: { name: pvName, annotations: { 'pv.kubernetes.io/provisioned-by': PROVISIONER }, finalizers: undefined },
        spec: {
          capacity: { storage: pvc.spec.resources.requests.storage },
          accessModes: pvc.spec.accessModes,
          persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
          storageClassName: className,
          volumeMode: pvc.spec.volumeMode ?? 'Filesystem',
          hostPath: { path: `/var/local-path-provisioner/${pvName}_${ns}_${name}`, type: 'DirectoryOrCreate' },
        },
      },
      { fieldManager: COMPONENT },
    );
    const available = rt.writeStatus(defs.pv, pv, { phase: 'Available' }, COMPONENT);
    rt.event(pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pvName}`, { component: `${PROVISIONER}_sandbox` });
    bind(available, api.store.get('/persistentvolumeclaims', ns, name)!);
  };

  const release = (pvc: Readonly<KubeObject>) => {
    for (const pv of api.store.list('/persistentvolumes')) {
      if (pv.spec?.claimRef?.uid !== pvc.metadata.uid) continue;
      if (pv.spec.persistentVolumeReclaimPolicy === 'Delete') {
        try {
          api.delete(defs.pv, '', pv.metadata.name!);
        } catch (e) {
          if (!(e instanceof ApiError && e.code === 404)) throw e;
        }
      } else rt.writeStatus(defs.pv, pv, { phase: 'Released' }, COMPONENT);
    }
  };

  const queue = rt.queue(syncClaim);
  const pending = () => {
    for (const c of api.store.list('/persistentvolumeclaims')) if (c.status?.phase !== 'Bound') queue.add(`${c.metadata.namespace}/${c.metadata.name}`);
  };
  pending();
  const unsub = api.store.subscribe((e) => {
    if (e.resourceKey === '/persistentvolumeclaims') {
      if (e.type === 'DELETED') release(e.object);
      else if (e.object.status?.phase !== 'Bound') queue.add(`${e.namespace}/${e.name}`);
    } else if (e.resourceKey === '/persistentvolumes' && e.type !== 'DELETED') {
      // A PV created by hand starts Pending; the controller marks it Available.
      if (e.object.status?.phase === 'Pending' && !e.object.spec?.claimRef) {
        const pv = e.object;
        setImmediate(() => {
          const cur = api.store.get('/persistentvolumes', '', pv.metadata.name!);
          if (cur?.status?.phase === 'Pending') rt.writeStatus(defs.pv, cur, { phase: 'Available' }, COMPONENT);
        });
      } else if (e.object.status?.phase === 'Available') pending();
    } else if (e.resourceKey === 'storage.k8s.io/storageclasses') pending();
  });
  return () => {
    unsub();
    queue.stop();
  };
}

