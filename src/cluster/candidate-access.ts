import { stringify } from 'yaml';
import type { KubeConfig } from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';

const ALL = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'];
const READ = ['get', 'list', 'watch'];
const RBAC = 'rbac.authorization.k8s.io';

/** The service account a candidate's kubeconfig speaks as. */
export const CANDIDATE_SERVICE_ACCOUNT = 'candidate';
/** The short-lived identity that applies a task's setup inside its namespace (then is deleted). */
export const LAB_SETUP_IDENTITY = 'kubequiz-setup';
/** ClusterRoles a namespace's own RoleBinding may grant: read-only, and no Secrets. */
export const BINDABLE_CLUSTER_ROLES: readonly string[] = ['view'];

/**
 * What a learner may do in their lab namespace. Broad on workloads, networking and config;
 * read-only on what the lab itself installed (quota, limits, service accounts) and no RBAC at
 * all, so a candidate cannot lift their own limits or grant themselves more. ResourceQuotas may
 * be created (quotas add up, so a new one can only restrict further) but not edited.
 */
export function candidateRoleRules(): object[] {
  return [
    {
      apiGroups: [''],
      resources: ['pods', 'pods/log', 'pods/exec', 'pods/portforward', 'pods/eviction', 'services', 'endpoints', 'configmaps', 'secrets', 'persistentvolumeclaims', 'replicationcontrollers', 'replicationcontrollers/scale'],
      verbs: ALL,
    },
    { apiGroups: [''], resources: ['events', 'serviceaccounts', 'limitranges', 'pods/status', 'services/status'], verbs: READ },
    { apiGroups: [''], resources: ['resourcequotas'], verbs: [...READ, 'create'] },
    {
      apiGroups: ['apps'],
      resources: ['deployments', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'statefulsets/scale', 'daemonsets', 'controllerrevisions'],
      verbs: ALL,
    },
    { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: ALL },
    { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: ALL },
    { apiGroups: ['networking.k8s.io'], resources: ['ingresses', 'networkpolicies'], verbs: ALL },
    { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: ALL },
    { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: READ },
  ];
}

/**
 * What a task's setup may do: everything a candidate may, plus writing service accounts, Roles
 * and RoleBindings of the namespace, creating LimitRanges, and binding the read-only ClusterRoles.
 * Every rule sits in a Role of the lab namespace, so nothing here reaches another namespace or
 * anything cluster-scoped, whatever the setup asks for. Quotas stay create-only, so a setup can
 * add limits but never lift the lab's own.
 */
export function labSetupRoleRules(): object[] {
  return [
    ...candidateRoleRules(),
    { apiGroups: [''], resources: ['serviceaccounts'], verbs: ALL },
    { apiGroups: [''], resources: ['limitranges'], verbs: [...READ, 'create'] },
    { apiGroups: [RBAC], resources: ['roles', 'rolebindings'], verbs: ALL },
    // A real API server lets a RoleBinding name a ClusterRole only if its author may `bind` it.
    { apiGroups: [RBAC], resources: ['clusterroles'], resourceNames: [...BINDABLE_CLUSTER_ROLES], verbs: ['bind'] },
  ];
}

/** A ServiceAccount with a Role of `rules` bound to it, all named `name`, in this order. */
export function namespaceIdentityManifests(namespace: string, name: string, rules: object[]): object[] {
  const labels = { 'app.kubernetes.io/managed-by': 'kubequiz' };
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace, labels } },
    { apiVersion: `${RBAC}/v1`, kind: 'Role', metadata: { name, namespace, labels }, rules },
    {
      apiVersion: `${RBAC}/v1`,
      kind: 'RoleBinding',
      metadata: { name, namespace, labels },
      roleRef: { apiGroup: RBAC, kind: 'Role', name },
      subjects: [{ kind: 'ServiceAccount', name, namespace }],
    },
  ];
}

/** The manifests behind a candidate's access, applied in this order. */
export function candidateAccessManifests(namespace: string, serviceAccount: string): object[] {
  return namespaceIdentityManifests(namespace, serviceAccount, candidateRoleRules());
}

/** A kubeconfig for the candidate: same server and CA as ours, their token, their namespace. */
export function candidateKubeconfig(admin: KubeConfig, server: string, namespace: string, user: string, token: string): string {
  const c = admin.getCurrentCluster();
  const cluster: Record<string, unknown> = { server };
  const caData = c?.caData ?? (c?.caFile ? readFileSync(c.caFile).toString('base64') : undefined);
  if (caData) cluster['certificate-authority-data'] = caData;
  if (c?.skipTLSVerify) cluster['insecure-skip-tls-verify'] = true;
  if (c?.tlsServerName) cluster['tls-server-name'] = c.tlsServerName;
  const clusterName = c?.name ?? 'lab';
  const contextName = `${user}@${namespace}`;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: clusterName, cluster }],
    users: [{ name: user, user: { token } }],
    contexts: [{ name: contextName, context: { cluster: clusterName, user, namespace } }],
    'current-context': contextName,
    preferences: {},
  });
}
