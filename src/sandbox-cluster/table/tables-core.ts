import type { Json, KubeObject } from '../core/types.js';
import { formatSelectorMap } from '../selectors/label-selector.js';
import { age, AGE_COLUMN, col, NAME_COLUMN, orNone, type TableDef } from './table-def.js';

type O = Readonly<KubeObject>;

/** The STATUS column kubectl shows: the most telling container state, else the phase. */
export function podStatusReason(pod: O): string {
  let reason: string = pod.status?.reason || pod.status?.phase || 'Pending';
  const initStatuses: Json[] = pod.status?.initContainerStatuses ?? [];
  let initializing = false;
  initStatuses.forEach((s, i) => {
    if (initializing) return;
    if (s.state?.terminated?.exitCode === 0) return;
    if (s.state?.terminated) {
      reason = s.state.terminated.reason ? `Init:${s.state.terminated.reason}` : `Init:ExitCode:${s.state.terminated.exitCode}`;
      initializing = true;
    } else if (s.state?.waiting?.reason && s.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${s.state.waiting.reason}`;
      initializing = true;
    } else {
      reason = `Init:${i}/${(pod.spec?.initContainers ?? []).length}`;
      initializing = true;
    }
  });
  if (!initializing) {
    let hasRunning = false;
    for (const s of [...((pod.status?.containerStatuses ?? []) as Json[])].reverse()) {
      if (s.state?.waiting?.reason) reason = s.state.waiting.reason;
      else if (s.state?.terminated?.reason) reason = s.state.terminated.reason;
      else if (s.state?.terminated) reason = s.state.terminated.signal ? `Signal:${s.state.terminated.signal}` : `ExitCode:${s.state.terminated.exitCode}`;
      else if (s.ready && s.state?.running) hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning) reason = 'Running';
  }
  if (pod.metadata.deletionTimestamp) reason = pod.status?.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return reason;
}

export const podTable: TableDef = {
  columns: [
    NAME_COLUMN,
    col('Ready', 'The aggregate readiness state of this pod for accepting traffic.'),
    col('Status', 'The aggregate status of the containers in this pod.'),
    col('Restarts', 'The number of times the containers in this pod have been restarted.', 'integer'),
    AGE_COLUMN,
    col('IP', 'IP address allocated to the pod.', 'string', 1),
    col('Node', 'The node the pod is scheduled onto.', 'string', 1),
    col('Nominated Node', 'The node the scheduler nominated for preemption.', 'string', 1),
    col('Readiness Gates', 'Extra conditions evaluated for pod readiness.', 'string', 1),
  ],
  row(pod, now) {
    const statuses: Json[] = pod.status?.containerStatuses ?? [];
    const total = (pod.spec?.containers ?? []).length;
    const ready = statuses.filter((s) => s.ready).length;
    const restarts = statuses.reduce((n, s) => n + (s.restartCount ?? 0), 0);
    const gates: Json[] = pod.spec?.readinessGates ?? [];
    const conditions: Json[] = pod.status?.conditions ?? [];
    const gatesCell = gates.length
      ? `${gates.filter((g) => conditions.some((c) => c.type === g.conditionType && c.status === 'True')).length}/${gates.length}`
      : '<none>';
    return [
      pod.metadata.name!,
      `${ready}/${total}`,
      podStatusReason(pod),
      restarts,
      age(pod.metadata.creationTimestamp, now),
      orNone(pod.status?.podIP),
      orNone(pod.spec?.nodeName),
      orNone(pod.status?.nominatedNodeName),
      gatesCell,
    ];
  },
};

export const namespaceTable: TableDef = {
  columns: [NAME_COLUMN, col('Status', 'The status of the namespace'), AGE_COLUMN],
  row: (o, now) => [o.metadata.name!, o.status?.phase ?? '', age(o.metadata.creationTimestamp, now)],
};

function servicePorts(s: Json): string {
  const ports: Json[] = s?.ports ?? [];
  if (!ports.length) return '<none>';
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
}

function externalIp(svc: O): string {
  const s = svc.spec ?? {};
  const extra: string[] = s.externalIPs ?? [];
  switch (s.type) {
    case 'ExternalName':
      return s.externalName ?? '<none>';
    case 'LoadBalancer': {
      const ingress: string[] = (svc.status?.loadBalancer?.ingress ?? []).map((i: Json) => i.ip || i.hostname).filter(Boolean);
      const all = [...ingress, ...extra];
      return all.length ? all.join(',') : '<pending>';
    }
    default:
      return extra.length ? extra.join(',') : '<none>';
  }
}

export const serviceTable: TableDef = {
  columns: [
    NAME_COLUMN,
    col('Type', 'The type of the service.'),
    col('Cluster-IP', 'The cluster-internal IP of the service.'),
    col('External-IP', 'Addresses through which the service is reachable from outside.'),
    col('Port(s)', 'The ports exposed by the service.'),
    AGE_COLUMN,
    col('Selector', 'The labels selecting the pods behind the service.', 'string', 1),
  ],
  row: (o, now) => [
    o.metadata.name!,
    o.spec?.type ?? '',
    o.spec?.type === 'ExternalName' ? '<none>' : orNone(o.spec?.clusterIP),
    externalIp(o),
    servicePorts(o.spec),
    age(o.metadata.creationTimestamp, now),
    orNone(formatSelectorMap(o.spec?.selector)),
  ],
};

export const endpointsTable: TableDef = {
  columns: [NAME_COLUMN, col('Endpoints', 'The ready addresses and ports.'), AGE_COLUMN],
  row(o, now) {
    const items: string[] = [];
    for (const ss of (o.subsets ?? []) as Json[]) {
      const ports: Json[] = ss.ports?.length ? ss.ports : [{}];
      for (const a of (ss.addresses ?? []) as Json[]) for (const p of ports) items.push(p.port ? `${a.ip}:${p.port}` : a.ip);
    }
    const shown = items.slice(0, 3).join(',');
    const cell = items.length > 3 ? `${shown} + ${items.length - 3} more...` : shown;
    return [o.metadata.name!, orNone(cell), age(o.metadata.creationTimestamp, now)];
  },
};

export const configMapTable: TableDef = {
  columns: [NAME_COLUMN, col('Data', 'Number of data keys.', 'integer'), AGE_COLUMN],
  row: (o, now) => [
    o.metadata.name!,
    Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length,
    age(o.metadata.creationTimestamp, now),
  ],
};

export const secretTable: TableDef = {
  columns: [NAME_COLUMN, col('Type', 'The type of the secret.'), col('Data', 'Number of data keys.', 'integer'), AGE_COLUMN],
  row: (o, now) => [o.metadata.name!, o.type ?? '', Object.keys(o.data ?? {}).length, age(o.metadata.creationTimestamp, now)],
};

export const serviceAccountTable: TableDef = {
  columns: [NAME_COLUMN, col('Secrets', 'Number of secrets the service account references.', 'integer'), AGE_COLUMN],
  row: (o, now) => [o.metadata.name!, (o.secrets ?? []).length, age(o.metadata.creationTimestamp, now)],
};

export const nodeTable: TableDef = {
  columns: [
    NAME_COLUMN,
    col('Status', 'The status of the node'),
    col('Roles', 'The roles of the node'),
    AGE_COLUMN,
    col('Version', 'Kubelet version reported by the node.'),
    col('Internal-IP', 'Internal address of the node.', 'string', 1),
    col('External-IP', 'External address of the node.', 'string', 1),
    col('OS-Image', 'OS image reported by the node.', 'string', 1),
    col('Kernel-Version', 'Kernel version reported by the node.', 'string', 1),
    col('Container-Runtime', 'Container runtime reported by the node.', 'string', 1),
  ],
  row(o, now) {
    const ready = ((o.status?.conditions ?? []) as Json[]).find((c) => c.type === 'Ready');
    let status = ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown';
    if (o.spec?.unschedulable) status += ',SchedulingDisabled';
    const roles = Object.keys(o.metadata.labels ?? {})
      .filter((k) => k.startsWith('node-role.kubernetes.io/'))
      .map((k) => k.slice('node-role.kubernetes.io/'.length))
      .filter(Boolean)
      .sort();
    const addr = (t: string) => ((o.status?.addresses ?? []) as Json[]).find((a) => a.type === t)?.address;
    const info = o.status?.nodeInfo ?? {};
    return [
      o.metadata.name!,
      status,
      roles.length ? roles.join(',') : '<none>',
      age(o.metadata.creationTimestamp, now),
      info.kubeletVersion ?? '',
      orNone(addr('InternalIP')),
      orNone(addr('ExternalIP')),
      info.osImage ?? '<unknown>',
      info.kernelVersion ?? '<unknown>',
      info.containerRuntimeVersion ?? '<unknown>',
    ];
  },
};

export const eventTable: TableDef = {
  columns: [
    col('Last Seen', 'Time of the most recent occurrence.'),
    col('Type', 'Event type (Normal, Warning).'),
    col('Reason', 'Short machine reason.'),
    col('Object', 'The object the event is about.'),
    col('Subobject', 'Part of the object the event is about.', 'string', 1),
    col('Source', 'Component reporting the event.', 'string', 1),
    col('Message', 'Human-readable description.'),
    col('First Seen', 'Time of the first occurrence.', 'string', 1),
    col('Count', 'Number of occurrences.', 'string', 1),
    { ...NAME_COLUMN, priority: 1 },
  ],
  row(o, now) {
    const last = o.lastTimestamp ?? o.eventTime ?? o.metadata.creationTimestamp;
    const first = o.firstTimestamp ?? o.eventTime ?? o.metadata.creationTimestamp;
    const io = o.involvedObject ?? {};
    const source = [o.source?.component, o.source?.host].filter(Boolean).join(', ');
    return [
      age(last, now),
      o.type ?? '',
      o.reason ?? '',
      `${String(io.kind ?? '').toLowerCase()}/${io.name ?? ''}`,
      io.fieldPath ?? '',
      source || o.reportingComponent || '',
      o.message ?? '',
      age(first, now),
      String(o.count ?? 1),
      o.metadata.name!,
    ];
  },
};

export const resourceQuotaTable: TableDef = {
  columns: [NAME_COLUMN, AGE_COLUMN, col('Request', 'Used and hard request quotas.'), col('Limit', 'Used and hard limit quotas.')],
  row(o, now) {
    const hard = (o.status?.hard ?? o.spec?.hard ?? {}) as Record<string, string>;
    const used = (o.status?.used ?? {}) as Record<string, string>;
    const req: string[] = [];
    const lim: string[] = [];
    for (const k of Object.keys(hard).sort()) {
      const entry = `${k}: ${used[k] ?? '0'}/${hard[k]}`;
      if (k.startsWith('limits.')) lim.push(entry);
      else req.push(entry);
    }
    return [o.metadata.name!, age(o.metadata.creationTimestamp, now), req.join(', '), lim.join(', ')];
  },
};

export const pvTable: TableDef = {
  columns: [
    NAME_COLUMN,
    col('Capacity', 'Storage capacity.'),
    col('Access Modes', 'Access modes.'),
    col('Reclaim Policy', 'What happens when released.'),
    col('Status', 'Phase of the volume.'),
    col('Claim', 'The claim bound to the volume.'),
    col('StorageClass', 'StorageClass of the pv'),
    col('Reason', 'Reason for the phase.'),
    AGE_COLUMN,
    col('VolumeMode', 'Filesystem or Block.', 'string', 1),
  ],
  row: (o, now) => [
    o.metadata.name!,
    o.spec?.capacity?.storage ?? '',
    accessModes(o.spec?.accessModes),
    o.spec?.persistentVolumeReclaimPolicy ?? '',
    o.status?.phase ?? '',
    o.spec?.claimRef ? `${o.spec.claimRef.namespace}/${o.spec.claimRef.name}` : '',
    o.spec?.storageClassName ?? '',
    o.status?.reason ?? '',
    age(o.metadata.creationTimestamp, now),
    o.spec?.volumeMode ?? 'Filesystem',
  ],
};

export function accessModes(modes: string[] | undefined): string {
  const short: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };
  return (modes ?? []).map((m) => short[m] ?? m).join(',');
}

export const pvcTable: TableDef = {
  columns: [
    NAME_COLUMN,
    col('Status', 'Phase of the claim.'),
    col('Volume', 'The bound volume.'),
    col('Capacity', 'Actual capacity.'),
    col('Access Modes', 'Actual access modes.'),
    col('StorageClass', 'StorageClass of the pvc'),
    AGE_COLUMN,
    col('VolumeMode', 'Filesystem or Block.', 'string', 1),
  ],
  row: (o, now) => [
    o.metadata.name!,
    o.status?.phase ?? '',
    o.spec?.volumeName ?? '',
    o.status?.capacity?.storage ?? '',
    accessModes(o.status?.accessModes),
    o.spec?.storageClassName ?? '',
    age(o.metadata.creationTimestamp, now),
    o.spec?.volumeMode ?? 'Filesystem',
  ],
};
