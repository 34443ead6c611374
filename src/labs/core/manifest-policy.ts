import { BINDABLE_CLUSTER_ROLES, CANDIDATE_SERVICE_ACCOUNT, LAB_SETUP_IDENTITY, candidateRoleRules } from '../../cluster/candidate-access.js';
import { LAB_LIMITS_NAME, LAB_QUOTA_NAME } from '../../cluster/client-node-cluster-adapter.js';
import type { SolutionStep, TaskDefinition } from './task-types.js';

/**
 * What a lab task's manifests may contain: the one policy, used when a task is written (POST/PUT
 * and the shipped-task loader) and again before anything of it reaches a cluster.
 *
 * A task is content an organisation's author writes, and it runs in a cluster shared by every
 * organisation, so it may only describe objects of the candidate's own namespace, and grant no
 * more than the candidate already has there.
 */

export interface PolicyViolation {
  /** Where in the task, e.g. `setup[1].kind`. */
  path: string;
  message: string;
}

export interface LabKind {
  group: string;
  kind: string;
  /** The resource RBAC names it by. */
  resource: string;
}

const RBAC = 'rbac.authorization.k8s.io';

/** The namespaced kinds a task's manifests may hold. */
export const LAB_MANIFEST_KINDS: readonly LabKind[] = [
  { group: '', kind: 'Pod', resource: 'pods' },
  { group: '', kind: 'Service', resource: 'services' },
  { group: '', kind: 'Endpoints', resource: 'endpoints' },
  { group: '', kind: 'ConfigMap', resource: 'configmaps' },
  { group: '', kind: 'Secret', resource: 'secrets' },
  { group: '', kind: 'PersistentVolumeClaim', resource: 'persistentvolumeclaims' },
  { group: '', kind: 'ReplicationController', resource: 'replicationcontrollers' },
  { group: '', kind: 'ServiceAccount', resource: 'serviceaccounts' },
  { group: '', kind: 'ResourceQuota', resource: 'resourcequotas' },
  { group: '', kind: 'LimitRange', resource: 'limitranges' },
  { group: 'apps', kind: 'Deployment', resource: 'deployments' },
  { group: 'apps', kind: 'ReplicaSet', resource: 'replicasets' },
  { group: 'apps', kind: 'StatefulSet', resource: 'statefulsets' },
  { group: 'apps', kind: 'DaemonSet', resource: 'daemonsets' },
  { group: 'batch', kind: 'Job', resource: 'jobs' },
  { group: 'batch', kind: 'CronJob', resource: 'cronjobs' },
  { group: 'autoscaling', kind: 'HorizontalPodAutoscaler', resource: 'horizontalpodautoscalers' },
  { group: 'networking.k8s.io', kind: 'Ingress', resource: 'ingresses' },
  { group: 'networking.k8s.io', kind: 'NetworkPolicy', resource: 'networkpolicies' },
  { group: 'policy', kind: 'PodDisruptionBudget', resource: 'poddisruptionbudgets' },
  { group: RBAC, kind: 'Role', resource: 'roles' },
  { group: RBAC, kind: 'RoleBinding', resource: 'rolebindings' },
];

/** Checks may also read what controllers and the API server write in the namespace. */
const LAB_READABLE_KINDS: readonly LabKind[] = [
  ...LAB_MANIFEST_KINDS,
  { group: '', kind: 'Event', resource: 'events' },
  { group: 'apps', kind: 'ControllerRevision', resource: 'controllerrevisions' },
  { group: 'discovery.k8s.io', kind: 'EndpointSlice', resource: 'endpointslices' },
];

/** Objects the lab itself owns in the namespace; a task may neither replace nor bind them. */
const RESERVED_NAMES: Record<string, readonly string[]> = {
  ServiceAccount: [CANDIDATE_SERVICE_ACCOUNT, LAB_SETUP_IDENTITY],
  Role: [CANDIDATE_SERVICE_ACCOUNT, LAB_SETUP_IDENTITY],
  RoleBinding: [CANDIDATE_SERVICE_ACCOUNT, LAB_SETUP_IDENTITY],
  ResourceQuota: [LAB_QUOTA_NAME],
  LimitRange: [LAB_LIMITS_NAME],
};

/** Pod fields that reach the node, and so every namespace on it. */
const NODE_ACCESS: Record<string, (value: unknown) => boolean> = {
  hostPath: () => true,
  hostNetwork: (v) => v === true,
  hostPID: (v) => v === true,
  hostIPC: (v) => v === true,
  privileged: (v) => v === true,
};

/** kubectl flags that would leave the candidate's namespace or identity. */
const FOREIGN_KUBECTL_FLAG = /^(-n|-A|-s)$|^-n.|^--(namespace|all-namespaces|kubeconfig|context|cluster|user|token|server|as|as-group|as-uid)(=|$)/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const groupOf = (apiVersion: string): string => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');
const findKind = (kinds: readonly LabKind[], apiVersion: unknown, kind: unknown): LabKind | undefined =>
  typeof apiVersion === 'string' ? kinds.find((k) => k.kind === kind && k.group === groupOf(apiVersion)) : undefined;
const kindNames = (kinds: readonly LabKind[]) => kinds.map((k) => k.kind).join(', ');

/**
 * Every way these manifests break the policy. `namespace` is the session's namespace at apply
 * time; without it (a task being written) no manifest may name a namespace at all.
 */
export function manifestViolations(manifests: readonly unknown[], at: string, namespace?: string): PolicyViolation[] {
  return manifests.flatMap((manifest, i) => objectViolations(manifest, `${at}[${i}]`, namespace));
}

/** Every way a task breaks the policy: its setup, reference and wrong solutions, and what its checks read. */
export function taskViolations(task: TaskDefinition, namespace?: string): PolicyViolation[] {
  return [
    ...manifestViolations(task.setup ?? [], 'setup', namespace),
    ...solutionViolations(task.solution, 'solution', namespace),
    ...solutionViolations(task.wrongSolution, 'wrongSolution', namespace),
    ...checkTargetViolations(task),
  ];
}

/** Checks read with the lab's own credentials, so they may only read inside the namespace. */
export function checkTargetViolations(task: TaskDefinition): PolicyViolation[] {
  return (task.checks ?? []).flatMap((check, i) =>
    findKind(LAB_READABLE_KINDS, check.target?.apiVersion, check.target?.kind)
      ? []
      : [{ path: `checks[${i}].target.kind`, message: `${String(check.target?.kind)} (${String(check.target?.apiVersion)}) is not a namespaced kind a check may read; allowed: ${kindNames(LAB_READABLE_KINDS)}` }],
  );
}

function solutionViolations(solution: (SolutionStep & { steps?: SolutionStep[] }) | undefined, at: string, namespace?: string): PolicyViolation[] {
  if (!solution) return [];
  return [
    ...stepViolations(solution, at, namespace),
    ...(solution.steps ?? []).flatMap((step, j) => stepViolations(step, `${at}.steps[${j}]`, namespace)),
  ];
}

function stepViolations(step: SolutionStep, at: string, namespace?: string): PolicyViolation[] {
  const kubectl = (step.kubectl ?? []).flatMap((line, i) => {
    const args = line.split(/\s+/);
    const end = args.indexOf('--');
    const flag = (end < 0 ? args : args.slice(0, end)).find((arg) => FOREIGN_KUBECTL_FLAG.test(arg));
    return flag ? [{ path: `${at}.kubectl[${i}]`, message: `${flag} leaves the candidate's namespace or identity; a line runs as the candidate, in their namespace` }] : [];
  });
  return [...manifestViolations(step.manifests ?? [], `${at}.manifests`, namespace), ...kubectl];
}

function objectViolations(manifest: unknown, at: string, namespace?: string): PolicyViolation[] {
  if (!isObject(manifest)) return [{ path: at, message: 'must be an object' }];
  const out: PolicyViolation[] = [];
  const kind = findKind(LAB_MANIFEST_KINDS, manifest.apiVersion, manifest.kind);
  if (!kind) {
    out.push({
      path: `${at}.kind`,
      message: `${String(manifest.kind)} (${String(manifest.apiVersion)}) is not a namespaced kind a lab task may hold; allowed: ${kindNames(LAB_MANIFEST_KINDS)}`,
    });
  }
  const metadata = isObject(manifest.metadata) ? manifest.metadata : {};
  if (metadata.namespace !== undefined && metadata.namespace !== namespace) {
    out.push({
      path: `${at}.metadata.namespace`,
      message: namespace
        ? `names namespace "${String(metadata.namespace)}"; the session's is "${namespace}"`
        : "must be left out: a task's objects live in the candidate's namespace",
    });
  }
  if (kind && RESERVED_NAMES[kind.kind]?.includes(String(metadata.name))) {
    out.push({ path: `${at}.metadata.name`, message: `"${String(metadata.name)}" belongs to the lab itself; choose another name` });
  }
  if (kind?.kind === 'Role') out.push(...roleViolations(manifest, at));
  if (kind?.kind === 'RoleBinding') out.push(...roleBindingViolations(manifest, at, namespace));
  if (kind?.kind === 'Secret' && manifest.type === 'kubernetes.io/service-account-token') {
    out.push({ path: `${at}.type`, message: 'a service-account token Secret would hand out an identity; the candidate has their own' });
  }
  if (kind && kind.group !== RBAC && kind.kind !== 'Secret' && kind.kind !== 'ConfigMap' && manifest.spec !== undefined) {
    out.push(...podSpecViolations(manifest.spec, `${at}.spec`));
  }
  return out;
}

/** A Role may grant only what the candidate's own Role grants in the namespace. */
function roleViolations(role: Json, at: string): PolicyViolation[] {
  const rules = Array.isArray(role.rules) ? role.rules : [];
  const granted = candidateRoleRules() as Json[];
  return rules.flatMap((rule, j) => {
    if (!isObject(rule)) return [{ path: `${at}.rules[${j}]`, message: 'must be an object' }];
    if (rule.nonResourceURLs !== undefined) return [{ path: `${at}.rules[${j}].nonResourceURLs`, message: 'non-resource URLs are cluster-wide' }];
    const wanted = ['apiGroups', 'resources', 'verbs'].map((key) => (Array.isArray(rule[key]) ? (rule[key] as unknown[]).map(String) : []));
    const [groups, resources, verbs] = wanted as [string[], string[], string[]];
    const beyond = groups.flatMap((g) => resources.flatMap((r) => verbs.filter((v) => !grants(granted, g, r, v)).map((v) => `${v} ${g || 'core'}/${r}`)));
    return beyond.length ? [{ path: `${at}.rules[${j}]`, message: `grants more than a candidate has in the namespace (${beyond.slice(0, 3).join(', ')}${beyond.length > 3 ? ', …' : ''})` }] : [];
  });
}

function grants(rules: Json[], group: string, resource: string, verb: string): boolean {
  const lists = (rule: Json, key: string, value: string) => Array.isArray(rule[key]) && (rule[key] as string[]).includes(value);
  return rules.some((rule) => rule.resourceNames === undefined && lists(rule, 'apiGroups', group) && lists(rule, 'resources', resource) && lists(rule, 'verbs', verb));
}

/** A RoleBinding may bind only this namespace's Roles or a read-only ClusterRole, only to this namespace's service accounts. */
function roleBindingViolations(binding: Json, at: string, namespace?: string): PolicyViolation[] {
  const out: PolicyViolation[] = [];
  const ref = isObject(binding.roleRef) ? binding.roleRef : {};
  if (ref.apiGroup !== RBAC) out.push({ path: `${at}.roleRef.apiGroup`, message: `must be ${RBAC}` });
  if (ref.kind === 'ClusterRole') {
    if (!BINDABLE_CLUSTER_ROLES.includes(String(ref.name))) {
      out.push({ path: `${at}.roleRef.name`, message: `ClusterRole "${String(ref.name)}" grants more than the namespace's own role; bindable: ${BINDABLE_CLUSTER_ROLES.join(', ')}` });
    }
  } else if (ref.kind === 'Role') {
    if (RESERVED_NAMES.Role!.includes(String(ref.name))) out.push({ path: `${at}.roleRef.name`, message: `Role "${String(ref.name)}" belongs to the lab itself` });
  } else {
    out.push({ path: `${at}.roleRef.kind`, message: 'must be Role or ClusterRole' });
  }
  const subjects = Array.isArray(binding.subjects) ? binding.subjects : [];
  subjects.forEach((subject, k) => {
    const s = isObject(subject) ? subject : {};
    if (s.kind !== 'ServiceAccount') {
      out.push({ path: `${at}.subjects[${k}].kind`, message: `${String(s.kind)} subjects reach beyond the namespace; bind a ServiceAccount of the namespace` });
    } else if (s.namespace !== undefined && s.namespace !== namespace) {
      out.push({ path: `${at}.subjects[${k}].namespace`, message: `names namespace "${String(s.namespace)}"; only the namespace's own service accounts may be bound` });
    }
  });
  return out;
}

/** Walks a spec (pod templates at any depth) for fields that reach the node. */
function podSpecViolations(value: unknown, at: string): PolicyViolation[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => podSpecViolations(item, `${at}[${i}]`));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = `${at}.${key}`;
    if (NODE_ACCESS[key]?.(inner)) return [{ path, message: 'reaches the node, and so every namespace on it' }];
    if ((key === 'serviceAccountName' || key === 'serviceAccount') && inner === LAB_SETUP_IDENTITY) return [{ path, message: `"${LAB_SETUP_IDENTITY}" belongs to the lab itself` }];
    return podSpecViolations(inner, path);
  });
}
