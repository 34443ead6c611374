import { stringify } from 'yaml';

export interface KubeconfigParams {
  server: string;
  token: string;
  caPem?: string;
  namespace?: string;
  user?: string;
  clusterName?: string;
}

/** A kubeconfig that kubectl and @kubernetes/client-node both accept. */
export function buildKubeconfig(p: KubeconfigParams): string {
  const clusterName = p.clusterName ?? 'sandbox';
  const user = p.user ?? 'sandbox-admin';
  const cluster: Record<string, unknown> = { server: p.server };
  if (p.caPem) cluster['certificate-authority-data'] = Buffer.from(p.caPem).toString('base64');
  else if (p.server.startsWith('https:')) cluster['insecure-skip-tls-verify'] = true;
  const context: Record<string, unknown> = { cluster: clusterName, user };
  if (p.namespace) context.namespace = p.namespace;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: clusterName, cluster }],
    users: [{ name: user, user: { token: p.token } }],
    contexts: [{ name: `${user}@${clusterName}`, context }],
    'current-context': `${user}@${clusterName}`,
    preferences: {},
  });
}
