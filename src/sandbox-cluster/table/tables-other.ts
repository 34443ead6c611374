import type { Json, KubeObject } from '../core/types.js';
import { formatSelector, fromLabelSelectorObject } from '../selectors/label-selector.js';
import { age, AGE_COLUMN, col, NAME_COLUMN, type TableDef } from './table-def.js';

type O = Readonly<KubeObject>;

export const ingressTable: TableDef = {
  columns: [
    NAME_COLUMN,
    col('Class', 'The name of the IngressClass resource that should be used for additional configuration'),
    col('Hosts', 'Hosts that incoming requests are matched against before the ingress rule'),
    col('Address', 'Address is a list containing ingress points for the load-balancer'),
    col('Ports', 'Ports of TLS configurations that open'),
    AGE_COLUMN,
  ],
  row(o, now) {
    const hosts = ((o.spec?.rules ?? []) as Json[]).map((r) => r.host).filter(Boolean);
    const shown = hosts.slice(0, 4).join(',');
    const address = ((o.status?.loadBalancer?.ingress ?? []) as Json[]).map((i) => i.ip || i.hostname).join(',');
    return [
      o.metadata.name!,
      o.spec?.ingressClassName ?? '<none>',
      hosts.length ? (hosts.length > 4 ? `${shown} + ${hosts.length - 4} more...` : shown) : '*',
      address,
      (o.spec?.tls ?? []).length ? '80, 443' : '80',
      age(o.metadata.creationTimestamp, now),
    ];
  },
};

export const ingressClassTable: TableDef = {
  columns: [
    NAME_COLUMN,
    col('Controller', 'Controller that is responsible for handling this class'),
    col('Parameters', 'A reference to a resource with additional parameters'),
    AGE_COLUMN,
  ],
  row(o, now) {
    const p = o.spec?.parameters;
    const params = p ? `${p.kind}.${p.apiGroup ?? ''}/${p.name}` : '<none>';
    return [o.metadata.name!, o.spec?.controller ?? '', params, age(o.metadata.creationTimestamp, now)];
  },
};

export const networkPolicyTable: TableDef = {
  columns: [NAME_COLUMN, col('Pod-Selector', 'Pods the policy applies to.'), AGE_COLUMN],
  row: (o, now) => [
    o.metadata.name!,
    formatSelector(fromLabelSelectorObject(o.spec?.podSelector)) || '<none>',
    age(o.metadata.creationTimestamp, now),
  ],
};

function subjects(o: O, kind: string): string {
  return ((o.subjects ?? []) as Json[])
    .filter((s) => s.kind === kind)
    .map((s) => (kind === 'ServiceAccount' ? `${s.namespace ?? o.metadata.namespace ?? ''}/${s.name}` : s.name))
    .join(', ');
}

export const roleBindingTable: TableDef = {
  columns: [
    NAME_COLUMN,
    col('Role', 'The role the binding grants.'),
    AGE_COLUMN,
    col('Users', 'Users in the binding', 'string', 1),
    col('Groups', 'Groups in the binding', 'string', 1),
    col('ServiceAccounts', 'ServiceAccounts in the binding', 'string', 1),
  ],
  row: (o, now) => [
    o.metadata.name!,
    `${o.roleRef?.kind ?? ''}/${o.roleRef?.name ?? ''}`,
    age(o.metadata.creationTimestamp, now),
    subjects(o, 'User'),
    subjects(o, 'Group'),
    subjects(o, 'ServiceAccount'),
  ],
};

function hpaTargets(o: O): string {
  const spec = o.spec ?? {};
  if (spec.targetCPUUtilizationPercentage !== undefined) {
    const cur = o.status?.currentCPUUtilizationPercentage;
    return `${cur === undefined ? '<unknown>' : `${cur}%`}/${spec.targetCPUUtilizationPercentage}%`;
  }
  const metrics: Json[] = spec.metrics ?? [];
  if (!metrics.length) return '<none>';
  const current: Json[] = o.status?.currentMetrics ?? [];
  return metrics
    .map((m, i) => {
      const t = m.resource?.target ?? m.pods?.target ?? m.object?.target ?? m.external?.target ?? m.containerResource?.target ?? {};
      const c = current[i]?.resource?.current ?? {};
      if (t.averageUtilization !== undefined) {
        const name = m.resource?.name ?? m.containerResource?.name ?? '';
        const cur = c.averageUtilization === undefined ? '<unknown>' : `${c.averageUtilization}%`;
        return `${name ? `${name}: ` : ''}${cur}/${t.averageUtilization}%`;
      }
      const want = t.averageValue ?? t.value ?? '';
      return `${c.averageValue ?? c.value ?? '<unknown>'}/${want}`;
    })
    .join(', ');
}

export const hpaTable: TableDef = {
  columns: [
    NAME_COLUMN,
    col('Reference', 'The scaled object.'),
    col('Targets', 'Current and target metric values.'),
    col('MinPods', 'Lower replica bound.'),
    col('MaxPods', 'Upper replica bound.'),
    col('Replicas', 'Current replicas.'),
    AGE_COLUMN,
  ],
  row: (o, now) => [
    o.metadata.name!,
    `${o.spec?.scaleTargetRef?.kind ?? ''}/${o.spec?.scaleTargetRef?.name ?? ''}`,
    hpaTargets(o),
    String(o.spec?.minReplicas ?? 1),
    o.spec?.maxReplicas ?? 0,
    o.status?.currentReplicas ?? 0,
    age(o.metadata.creationTimestamp, now),
  ],
};

export const endpointSliceTable: TableDef = {
  columns: [
    NAME_COLUMN,
    col('AddressType', 'Type of the addresses.'),
    col('Ports', 'Ports of the endpoints.'),
    col('Endpoints', 'Addresses of the endpoints.'),
    AGE_COLUMN,
  ],
  row(o, now) {
    const ports = ((o.ports ?? []) as Json[]).map((p) => p.port).join(',');
    const addrs = ((o.endpoints ?? []) as Json[]).flatMap((e) => e.addresses ?? []);
    const shown = addrs.slice(0, 3).join(',');
    return [
      o.metadata.name!,
      o.addressType ?? '',
      ports || '<unset>',
      addrs.length > 3 ? `${shown} + ${addrs.length - 3} more...` : shown || '<unset>',
      age(o.metadata.creationTimestamp, now),
    ];
  },
};
