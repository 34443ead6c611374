import type { Json, KubeObject } from '../core/types.js';
import { formatSelector, fromLabelSelectorObject } from '../selectors/label-selector.js';
import * as tables from '../table/tables-workloads.js';
import * as v from '../validation/validate-workloads.js';
import { ALL_VERBS, type ResourceDef, type ScaleDef } from './resource-def.js';
import { defaultPodTemplate } from './defaults-pod.js';
import { fieldSelectors } from './field-selectors.js';

const apps = { group: 'apps', version: 'v1' } as const;
const batch = { group: 'batch', version: 'v1' } as const;
const statusSub = (kind: string) => ({ name: 'status', kind, verbs: ['get', 'patch', 'update'] });
const scaleSub = { name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] };

const selectorScale: ScaleDef = {
  selector: (o) => formatSelector(fromLabelSelectorObject(o.spec?.selector)),
  statusReplicas: (o) => o.status?.replicas ?? 0,
};

function workload(kind: string, plural: string, shortNames: string[], extra: Partial<ResourceDef>): ResourceDef {
  return {
    ...apps,
    kind,
    plural,
    singular: kind.toLowerCase(),
    namespaced: true,
    shortNames,
    categories: ['all'],
    verbs: ALL_VERBS,
    subresources: [statusSub(kind)],
    definition: `io.k8s.api.apps.v1.${kind}`,
    nameRule: 'subdomain',
    hasStatus: true,
    hasGeneration: true,
    fieldSelectors: fieldSelectors(),
    prepareCreate(obj: KubeObject) {
      obj.status = {};
    },
    ...extra,
  };
}

const cronJob: ResourceDef = {
  ...batch,
  kind: 'CronJob',
  plural: 'cronjobs',
  singular: 'cronjob',
  namespaced: true,
  shortNames: ['cj'],
  categories: ['all'],
  verbs: ALL_VERBS,
  subresources: [statusSub('CronJob')],
  definition: 'io.k8s.api.batch.v1.CronJob',
  nameRule: 'subdomain',
  hasStatus: true,
  hasGeneration: true,
  defaults(obj) {
    const s = obj.spec;
    if (!s || typeof s !== 'object') return;
    s.concurrencyPolicy ??= 'Allow';
    s.suspend ??= false;
    s.successfulJobsHistoryLimit ??= 3;
    s.failedJobsHistoryLimit ??= 1;
    if (s.jobTemplate?.spec) v.defaultJobSpec(s.jobTemplate.spec);
  },
  prepareCreate(obj) {
    obj.status = {};
  },
  validate: v.validateCronJob,
  table: tables.cronJobTable,
};

export const workloadKinds: ResourceDef[] = [
  workload('Deployment', 'deployments', ['deploy'], {
    subresources: [statusSub('Deployment'), scaleSub],
    scale: selectorScale,
    defaults(obj) {
      const s = obj.spec;
      if (!s || typeof s !== 'object') return;
      s.replicas ??= 1;
      s.strategy ??= {};
      s.strategy.type ??= 'RollingUpdate';
      if (s.strategy.type === 'RollingUpdate') {
        s.strategy.rollingUpdate ??= {};
        s.strategy.rollingUpdate.maxUnavailable ??= '25%';
        s.strategy.rollingUpdate.maxSurge ??= '25%';
      }
      s.revisionHistoryLimit ??= 10;
      s.progressDeadlineSeconds ??= 600;
      defaultPodTemplate(s.template);
    },
    validate: v.validateDeployment,
    immutable: v.selectorImmutable,
    table: tables.deploymentTable,
  }),
  workload('ReplicaSet', 'replicasets', ['rs'], {
    subresources: [statusSub('ReplicaSet'), scaleSub],
    scale: selectorScale,
    fieldSelectors: fieldSelectors('status.replicas'),
    defaults(obj) {
      if (!obj.spec || typeof obj.spec !== 'object') return;
      obj.spec.replicas ??= 1;
      defaultPodTemplate(obj.spec.template);
    },
    prepareCreate(obj) {
      obj.status = { replicas: 0 };
    },
    validate: v.validateReplicaSet,
    immutable: v.selectorImmutable,
    table: tables.replicaSetTable,
  }),
  workload('StatefulSet', 'statefulsets', ['sts'], {
    subresources: [statusSub('StatefulSet'), scaleSub],
    scale: selectorScale,
    defaults(obj) {
      const s = obj.spec;
      if (!s || typeof s !== 'object') return;
      s.replicas ??= 1;
      s.podManagementPolicy ??= 'OrderedReady';
      s.updateStrategy ??= { type: 'RollingUpdate' };
      if (s.updateStrategy.type === 'RollingUpdate') s.updateStrategy.rollingUpdate ??= { partition: 0 };
      s.revisionHistoryLimit ??= 10;
      s.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: 'Retain', whenScaled: 'Retain' };
      defaultPodTemplate(s.template);
    },
    prepareCreate(obj) {
      obj.status = { replicas: 0, availableReplicas: 0 };
    },
    validate: v.validateStatefulSet,
    immutable: v.statefulSetImmutable,
    table: tables.statefulSetTable,
  }),
  workload('DaemonSet', 'daemonsets', ['ds'], {
    defaults(obj) {
      const s = obj.spec;
      if (!s || typeof s !== 'object') return;
      s.updateStrategy ??= { type: 'RollingUpdate' };
      if (s.updateStrategy.type === 'RollingUpdate') {
        s.updateStrategy.rollingUpdate ??= {};
        s.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
        s.updateStrategy.rollingUpdate.maxSurge ??= 0;
      }
      s.revisionHistoryLimit ??= 10;
      defaultPodTemplate(s.template);
    },
    prepareCreate(obj) {
      obj.status = { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 };
    },
    validate: v.validateDaemonSet,
    immutable: v.selectorImmutable,
    table: tables.daemonSetTable,
  }),
  {
    ...apps,
    kind: 'ControllerRevision',
    plural: 'controllerrevisions',
    singular: 'controllerrevision',
    namespaced: true,
    verbs: ALL_VERBS,
    subresources: [],
    definition: 'io.k8s.api.apps.v1.ControllerRevision',
    nameRule: 'subdomain',
    hasStatus: false,
    hasGeneration: false,
    validate: v.validateControllerRevision,
    table: tables.controllerRevisionTable,
  },
  {
    ...batch,
    kind: 'Job',
    plural: 'jobs',
    singular: 'job',
    namespaced: true,
    categories: ['all'],
    verbs: ALL_VERBS,
    subresources: [statusSub('Job')],
    definition: 'io.k8s.api.batch.v1.Job',
    nameRule: 'subdomain',
    hasStatus: true,
    hasGeneration: true,
    fieldSelectors: fieldSelectors('status.successful'),
    defaults: v.defaultJob,
    prepareCreate(obj) {
      v.generateJobSelector(obj);
      obj.status = {};
    },
    validate: v.validateJob,
    immutable: v.jobImmutable,
    table: tables.jobTable,
  },
  cronJob,
  // kubectl before 1.21 creates CronJobs at batch/v1beta1 (served upstream until 1.25); same fields, stored as batch/v1.
  {
    ...cronJob,
    version: 'v1beta1',
    toStorage: (o: Json) => ({ ...o, apiVersion: 'batch/v1' }),
    fromStorage: (o: Json) => ({ ...o, apiVersion: 'batch/v1beta1' }),
  },
];
