import type { KubeObject } from '../core/types.js';
import * as tables from '../table/tables-core.js';
import * as v from '../validation/validate-core.js';
import { ALL_VERBS, CLUSTER_NS_VERBS, type ResourceDef } from './resource-def.js';
import { defaultPodSpec } from './defaults-pod.js';
import { fieldSelectors } from './field-selectors.js';

const core = { group: '', version: 'v1' } as const;
const statusSub = (kind: string) => ({ name: 'status', kind, verbs: ['get', 'patch', 'update'] });

function podQos(obj: KubeObject): string {
  const containers = [...(obj.spec?.containers ?? []), ...(obj.spec?.initContainers ?? [])];
  let anySet = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) anySet = true;
    for (const r of ['cpu', 'memory']) {
      if (!lim[r] || (req[r] !== undefined && req[r] !== lim[r])) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export const coreKinds: ResourceDef[] = [
  {
    ...core,
    kind: 'Namespace',
    plural: 'namespaces',
    singular: 'namespace',
    namespaced: false,
    shortNames: ['ns'],
    verbs: CLUSTER_NS_VERBS,
    subresources: [statusSub('Namespace'), { name: 'finalize', kind: 'Namespace', verbs: ['update'] }],
    definition: 'io.k8s.api.core.v1.Namespace',
    nameRule: 'label',
    hasStatus: true,
    hasGeneration: false,
    fieldSelectors: fieldSelectors('status.phase'),
    defaults(obj) {
      obj.metadata.labels = { ...obj.metadata.labels, 'kubernetes.io/metadata.name': obj.metadata.name! };
    },
    prepareCreate(obj) {
      obj.spec = { finalizers: ['kubernetes'], ...obj.spec };
      obj.status = { phase: 'Active' };
    },
    table: tables.namespaceTable,
  },
  {
    ...core,
    kind: 'Pod',
    plural: 'pods',
    singular: 'pod',
    namespaced: true,
    shortNames: ['po'],
    categories: ['all'],
    verbs: ALL_VERBS,
    subresources: [
      statusSub('Pod'),
      { name: 'log', kind: 'Pod', verbs: ['get'] },
      { name: 'binding', kind: 'Binding', verbs: ['create'] },
      { name: 'eviction', kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] },
      { name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
    ],
    definition: 'io.k8s.api.core.v1.Pod',
    nameRule: 'subdomain',
    hasStatus: true,
    hasGeneration: false,
    fieldSelectors: fieldSelectors(
      'spec.nodeName',
      'spec.restartPolicy',
      'spec.schedulerName',
      'spec.serviceAccountName',
      'spec.hostNetwork',
      'status.phase',
      'status.podIP',
      'status.nominatedNodeName',
    ),
    defaults(obj) {
      defaultPodSpec(obj.spec);
      if (obj.spec && typeof obj.spec === 'object') {
        obj.spec.serviceAccountName ??= 'default';
        obj.spec.serviceAccount ??= obj.spec.serviceAccountName;
        obj.spec.enableServiceLinks ??= true;
        obj.spec.preemptionPolicy ??= 'PreemptLowerPriority';
        obj.spec.priority ??= 0;
        obj.spec.tolerations ??= [
          { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
          { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        ];
      }
    },
    prepareCreate(obj) {
      obj.status = { phase: 'Pending' };
    },
    afterMutation(obj) {
      obj.status = { ...obj.status, qosClass: podQos(obj) };
    },
    validate: v.validatePod,
    immutable: v.podImmutable,
    table: tables.podTable,
  },
  {
    ...core,
    kind: 'Service',
    plural: 'services',
    singular: 'service',
    namespaced: true,
    shortNames: ['svc'],
    categories: ['all'],
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: [statusSub('Service')],
    definition: 'io.k8s.api.core.v1.Service',
    nameRule: 'label1035',
    hasStatus: true,
    hasGeneration: false,
    fieldSelectors: fieldSelectors('spec.clusterIP', 'spec.type'),
    defaults: v.defaultService,
    prepareCreate(obj) {
      obj.status = { loadBalancer: {} };
    },
    validate: v.validateService,
    immutable: v.serviceImmutable,
    table: tables.serviceTable,
  },
  simple('Endpoints', 'endpoints', 'endpoints', ['ep'], 'io.k8s.api.core.v1.Endpoints', tables.endpointsTable),
  {
    ...simple('ConfigMap', 'configmaps', 'configmap', ['cm'], 'io.k8s.api.core.v1.ConfigMap', tables.configMapTable),
    validate: v.validateConfigData,
    immutable: v.dataImmutable,
  },
  {
    ...simple('Secret', 'secrets', 'secret', [], 'io.k8s.api.core.v1.Secret', tables.secretTable),
    fieldSelectors: fieldSelectors('type'),
    defaults(obj) {
      obj.type ??= 'Opaque';
      // stringData is write-only: it is folded into data on write, as the server does.
      if (obj.stringData && typeof obj.stringData === 'object') {
        obj.data = { ...obj.data };
        for (const [k, val] of Object.entries(obj.stringData)) obj.data[k] = Buffer.from(String(val)).toString('base64');
        delete obj.stringData;
      }
    },
    validate: v.validateSecret,
    immutable: v.secretImmutable,
  },
  {
    ...simple('ServiceAccount', 'serviceaccounts', 'serviceaccount', ['sa'], 'io.k8s.api.core.v1.ServiceAccount', tables.serviceAccountTable),
    subresources: [{ name: 'token', kind: 'TokenRequest', group: 'authentication.k8s.io', version: 'v1', verbs: ['create'] }],
  },
  {
    ...core,
    kind: 'Node',
    plural: 'nodes',
    singular: 'node',
    namespaced: false,
    shortNames: ['no'],
    verbs: ALL_VERBS,
    subresources: [statusSub('Node')],
    definition: 'io.k8s.api.core.v1.Node',
    nameRule: 'subdomain',
    hasStatus: true,
    hasGeneration: false,
    fieldSelectors: fieldSelectors('spec.unschedulable'),
    table: tables.nodeTable,
  },
  {
    ...simple('Event', 'events', 'event', ['ev'], 'io.k8s.api.core.v1.Event', tables.eventTable),
    fieldSelectors: fieldSelectors(
      'involvedObject.kind',
      'involvedObject.namespace',
      'involvedObject.name',
      'involvedObject.uid',
      'involvedObject.apiVersion',
      'involvedObject.resourceVersion',
      'involvedObject.fieldPath',
      'reason',
      'reportingComponent',
      'source',
      'type',
    ),
  },
  {
    ...simple('ResourceQuota', 'resourcequotas', 'resourcequota', ['quota'], 'io.k8s.api.core.v1.ResourceQuota', tables.resourceQuotaTable),
    subresources: [statusSub('ResourceQuota')],
    hasStatus: true,
    hasGeneration: false,
    validate: v.validateResourceQuota,
  },
  {
    ...simple('LimitRange', 'limitranges', 'limitrange', ['limits'], 'io.k8s.api.core.v1.LimitRange', undefined),
    validate: v.validateLimitRange,
  },
  {
    ...core,
    kind: 'PersistentVolume',
    plural: 'persistentvolumes',
    singular: 'persistentvolume',
    namespaced: false,
    shortNames: ['pv'],
    verbs: ALL_VERBS,
    subresources: [statusSub('PersistentVolume')],
    definition: 'io.k8s.api.core.v1.PersistentVolume',
    nameRule: 'subdomain',
    hasStatus: true,
    hasGeneration: false,
    defaults(obj) {
      if (obj.spec && typeof obj.spec === 'object') {
        obj.spec.persistentVolumeReclaimPolicy ??= 'Retain';
        obj.spec.volumeMode ??= 'Filesystem';
      }
    },
    prepareCreate(obj) {
      obj.status = { phase: 'Pending' };
    },
    validate: v.validatePersistentVolume,
    table: tables.pvTable,
  },
  {
    ...simple('PersistentVolumeClaim', 'persistentvolumeclaims', 'persistentvolumeclaim', ['pvc'], 'io.k8s.api.core.v1.PersistentVolumeClaim', tables.pvcTable),
    subresources: [statusSub('PersistentVolumeClaim')],
    hasStatus: true,
    defaults(obj) {
      if (obj.spec && typeof obj.spec === 'object') obj.spec.volumeMode ??= 'Filesystem';
    },
    prepareCreate(obj) {
      obj.status = { phase: 'Pending' };
    },
    validate: v.validatePersistentVolumeClaim,
    immutable: v.pvcImmutable,
  },
];

function simple(
  kind: string,
  plural: string,
  singular: string,
  shortNames: string[],
  definition: string,
  table: ResourceDef['table'],
): ResourceDef {
  return {
    ...core,
    kind,
    plural,
    singular,
    namespaced: true,
    shortNames: shortNames.length ? shortNames : undefined,
    verbs: ALL_VERBS,
    subresources: [],
    definition,
    nameRule: 'subdomain',
    hasStatus: false,
    hasGeneration: false,
    table,
  };
}

