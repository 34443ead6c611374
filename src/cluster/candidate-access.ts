import { stringify } from 'yaml';
import type { KubeConfig } from '@kubernetes/client-node';
import { readFileSync } from 'node:fs';

const ALL = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'];
const READ = ['get', 'list', 'watch'];

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

/** The manifests behind a candidate's access, applied in this order. */
export function candidateAccessManifests(namespace: string, serviceAccount: string): object[] {
  const labels = { 'app.kubernetes.io/managed-by': 'kubequiz' };
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: serviceAccount, namespace, labels } },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: serviceAccount, namespace, labels }, rules: candidateRoleRules() },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: serviceAccount, namespace, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: serviceAccount },
      subjects: [{ kind: 'ServiceAccount', name: serviceAccount, namespace }],
    },
  ];
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
