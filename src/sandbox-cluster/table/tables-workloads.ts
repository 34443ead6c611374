import type { Json, KubeObject } from '../core/types.js';
import { formatSelector, fromLabelSelectorObject } from '../selectors/label-selector.js';
import { age, AGE_COLUMN, col, humanDuration, NAME_COLUMN, orNone, type Cell, type TableDef } from './table-def.js';

type O = Readonly<KubeObject>;

const CONTAINERS = col('Containers', 'Names of each container in the template.', 'string', 1);
const IMAGES = col('Images', 'Images referenced by each container in the template.', 'string', 1);
const SELECTOR = col('Selector', 'Label query over pods.', 'string', 1);

function templateCells(template: Json): [string, string] {
  const containers: Json[] = template?.spec?.containers ?? [];
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image).join(',')];
}

function selectorCell(sel: Json): string {
  const text = formatSelector(fromLabelSelectorObject(sel));
  return text || '<none>';
}

export const deploymentTable: TableDef = {
  columns: [
    NAME_COLUMN,
    col('Ready', 'Number of the pod with ready state'),
    col('Up-to-date', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
    col('Available', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
    AGE_COLUMN,
    CONTAINERS,
    IMAGES,
    SELECTOR,
  ],
  row: (o, now) => [
    o.metadata.name!,
    `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`,
    o.status?.updatedReplicas ?? 0,
    o.status?.availableReplicas ?? 0,
    age(o.metadata.creationTimestamp, now),
    ...templateCells(o.spec?.template),
    selectorCell(o.spec?.selector),
  ],
};

export const replicaSetTable: TableDef = {
  columns: [
    NAME_COLUMN,
    col('Desired', 'Number of desired pods.', 'integer'),
    col('Current', 'Number of actual pods.', 'integer'),
    col('Ready', 'Number of ready pods.', 'integer'),
    AGE_COLUMN,
    CONTAINERS,
    IMAGES,
    SELECTOR,
  ],
  row: (o, now) => [
    o.metadata.name!,
    o.spec?.replicas ?? 0,
    o.status?.replicas ?? 0,
    o.status?.readyReplicas ?? 0,
    age(o.metadata.creationTimestamp, now),
    ...templateCells(o.spec?.template),
    selectorCell(o.spec?.selector),
  ],
};

export const statefulSetTable: TableDef = {
  columns: [NAME_COLUMN, col('Ready', 'Number of the pod with ready state'), AGE_COLUMN, CONTAINERS, IMAGES],
  row: (o, now) => [
    o.metadata.name!,
    `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`,
    age(o.metadata.creationTimestamp, now),
    ...templateCells(o.spec?.template),
  ],
};

export const daemonSetTable: TableDef = {
  columns: [
    NAME_COLUMN,
    col('Desired', 'Nodes that should run the daemon pod.', 'integer'),
    col('Current', 'Nodes running at least one daemon pod.', 'integer'),
    col('Ready', 'Nodes with a ready daemon pod.', 'integer'),
    col('Up-to-date', 'Nodes running the updated daemon pod.', 'integer'),
    col('Available', 'Nodes with an available daemon pod.', 'integer'),
    col('Node Selector', 'Node selector of the pod template.'),
    AGE_COLUMN,
    CONTAINERS,
    IMAGES,
    SELECTOR,
  ],
  row(o, now) {
    const ns = o.spec?.template?.spec?.nodeSelector ?? {};
    const nodeSel = Object.keys(ns)
      .sort()
      .map((k) => `${k}=${ns[k]}`)
      .join(',');
    const st = o.status ?? {};
    return [
      o.metadata.name!,
      st.desiredNumberScheduled ?? 0,
      st.currentNumberScheduled ?? 0,
      st.numberReady ?? 0,
      st.updatedNumberScheduled ?? 0,
      st.numberAvailable ?? 0,
      orNone(nodeSel),
      age(o.metadata.creationTimestamp, now),
      ...templateCells(o.spec?.template),
      selectorCell(o.spec?.selector),
    ];
  },
};

export const controllerRevisionTable: TableDef = {
  columns: [NAME_COLUMN, col('Controller', 'Controller of the object'), col('Revision', 'Revision number.'), AGE_COLUMN],
  row(o, now) {
    const owner = ((o.metadata.ownerReferences ?? []) as Json[]).find((r) => r.controller);
    const controller = owner ? `${String(owner.kind).toLowerCase()}.${String(owner.apiVersion).split('/')[0]}/${owner.name}` : '<none>';
    return [o.metadata.name!, controller, o.revision ?? 0, age(o.metadata.creationTimestamp, now)];
  },
};

export const jobTable: TableDef = {
  columns: [
    NAME_COLUMN,
    col('Completions', 'Succeeded pods over desired completions.'),
    col('Duration', 'Time required to complete the job.'),
    AGE_COLUMN,
    CONTAINERS,
    IMAGES,
    SELECTOR,
  ],
  row(o, now) {
    const completions = o.spec?.completions !== undefined ? `${o.status?.succeeded ?? 0}/${o.spec.completions}` : `${o.status?.succeeded ?? 0}/1 of ${o.spec?.parallelism ?? 1}`;
    let duration: Cell = '';
    if (o.status?.startTime) {
      const end = o.status.completionTime ? Date.parse(o.status.completionTime) : now.getTime();
      duration = humanDuration(end - Date.parse(o.status.startTime));
    }
    return [
      o.metadata.name!,
      completions,
      duration,
      age(o.metadata.creationTimestamp, now),
      ...templateCells(o.spec?.template),
      selectorCell(o.spec?.selector),
    ];
  },
};

export const cronJobTable: TableDef = {
  columns: [
    NAME_COLUMN,
    col('Schedule', 'The schedule in Cron format.'),
    col('Suspend', 'Whether subsequent executions are suspended.', 'boolean'),
    col('Active', 'Number of running jobs.', 'integer'),
    col('Last Schedule', 'When a job was last scheduled.'),
    AGE_COLUMN,
    CONTAINERS,
    IMAGES,
    SELECTOR,
  ],
  row(o, now) {
    const tpl = o.spec?.jobTemplate?.spec;
    return [
      o.metadata.name!,
      o.spec?.schedule ?? '',
      o.spec?.suspend === true ? 'True' : 'False',
      (o.status?.active ?? []).length,
      o.status?.lastScheduleTime ? age(o.status.lastScheduleTime, now) : '<none>',
      age(o.metadata.creationTimestamp, now),
      ...templateCells(tpl?.template),
      selectorCell(tpl?.selector),
    ];
  },
};
