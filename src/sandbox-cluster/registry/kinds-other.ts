import { cloneJson } from '../core/json.js';
import type { Json } from '../core/types.js';
import * as tables from '../table/tables-other.js';
import * as v from '../validation/validate-other.js';
import { ALL_VERBS, type ResourceDef } from './resource-def.js';
import { fieldSelectors } from './field-selectors.js';

const statusSub = (kind: string) => ({ name: 'status', kind, verbs: ['get', 'patch', 'update'] });

function plain(group: string, version: string, kind: string, plural: string, namespaced: boolean, extra: Partial<ResourceDef>): ResourceDef {
  const prefix = group.endsWith('.k8s.io') ? group.slice(0, -'.k8s.io'.length) : group;
  return {
    group,
    version,
    kind,
    plural,
    singular: kind.toLowerCase(),
    namespaced,
    verbs: ALL_VERBS,
    subresources: [],
    definition: `io.k8s.api.${prefix}.${version}.${kind}`,
    nameRule: 'subdomain',
    hasStatus: false,
    hasGeneration: false,
    fieldSelectors: fieldSelectors(),
    ...extra,
  };
}

function review(group: string, kind: string, plural: string, namespaced: boolean): ResourceDef {
  return plain(group, 'v1', kind, plural, namespaced, { verbs: ['create'], virtual: true });
}

/** autoscaling/v1 keeps only the CPU target; it is stored as an autoscaling/v2 metric. */
function hpaV1ToV2(o: Json): Json {
  const out = cloneJson(o);
  out.apiVersion = 'autoscaling/v2';
  const spec = out.spec ?? {};
  const target = spec.targetCPUUtilizationPercentage;
  delete spec.targetCPUUtilizationPercentage;
  if (target !== undefined) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target } } }];
  }
  if (out.status) {
    const cur = out.status.currentCPUUtilizationPercentage;
    delete out.status.currentCPUUtilizationPercentage;
    if (cur !== undefined) {
      out.status.currentMetrics = [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: cur } } }];
    }
  }
  return out;
}

function hpaV2ToV1(o: Json): Json {
  const out = cloneJson(o);
  out.apiVersion = 'autoscaling/v1';
  const spec = out.spec ?? {};
  const cpu = (spec.metrics ?? []).find((m: Json) => m.type === 'Resource' && m.resource?.name === 'cpu');
  delete spec.metrics;
  delete spec.behavior;
  if (cpu?.resource?.target?.averageUtilization !== undefined) spec.targetCPUUtilizationPercentage = cpu.resource.target.averageUtilization;
  if (out.status) {
    const cur = (out.status.currentMetrics ?? []).find((m: Json) => m.type === 'Resource' && m.resource?.name === 'cpu');
    delete out.status.currentMetrics;
    delete out.status.conditions;
    if (cur?.resource?.current?.averageUtilization !== undefined) {
      out.status.currentCPUUtilizationPercentage = cur.resource.current.averageUtilization;
    }
  }
  return out;
}

const hpaBase: Partial<ResourceDef> = {
  shortNames: ['hpa'],
  categories: ['all'],
  subresources: [statusSub('HorizontalPodAutoscaler')],
  hasStatus: true,
  hasGeneration: true,
  defaults(obj) {
    if (obj.spec && typeof obj.spec === 'object') obj.spec.minReplicas ??= 1;
  },
  prepareCreate(obj) {
    obj.status = { currentReplicas: 0, desiredReplicas: 0 };
  },
};

export const otherKinds: ResourceDef[] = [
  plain('networking.k8s.io', 'v1', 'Ingress', 'ingresses', true, {
    shortNames: ['ing'],
    subresources: [statusSub('Ingress')],
    hasStatus: true,
    hasGeneration: true,
    prepareCreate(obj) {
      obj.status = { loadBalancer: {} };
    },
    validate: v.validateIngress,
    table: tables.ingressTable,
  }),
  plain('networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', false, { hasGeneration: true, table: tables.ingressClassTable }),
  plain('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', true, {
    shortNames: ['netpol'],
    hasGeneration: true,
    defaults: v.defaultNetworkPolicy,
    validate: v.validateNetworkPolicy,
    table: tables.networkPolicyTable,
  }),
  ...(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'] as const).map((kind) =>
    plain('rbac.authorization.k8s.io', 'v1', kind, `${kind.toLowerCase()}s`, !kind.startsWith('Cluster'), {
      definition: `io.k8s.api.rbac.v1.${kind}`,
      nameRule: 'path',
      validate: kind.endsWith('Binding') ? v.validateRoleBinding : v.validateRole,
      immutable: kind.endsWith('Binding') ? v.roleRefImmutable : undefined,
      table: kind.endsWith('Binding') ? tables.roleBindingTable : undefined,
    }),
  ),
  plain('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, {
    ...hpaBase,
    validate: v.validateHpa,
    table: tables.hpaTable,
  }),
  plain('autoscaling', 'v1', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, {
    ...hpaBase,
    validate: (o) => v.validateHpa(hpaV1ToV2(o)),
    table: tables.hpaTable,
    toStorage: hpaV1ToV2,
    fromStorage: hpaV2ToV1,
  }),
  plain('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', true, {
    validate: v.validateEndpointSlice,
    table: tables.endpointSliceTable,
  }),
  review('authorization.k8s.io', 'SelfSubjectAccessReview', 'selfsubjectaccessreviews', false),
  review('authorization.k8s.io', 'SelfSubjectRulesReview', 'selfsubjectrulesreviews', false),
  review('authorization.k8s.io', 'SubjectAccessReview', 'subjectaccessreviews', false),
  review('authorization.k8s.io', 'LocalSubjectAccessReview', 'localsubjectaccessreviews', true),
  review('authentication.k8s.io', 'TokenReview', 'tokenreviews', false),
];
