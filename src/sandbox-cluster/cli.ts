import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandboxCluster } from './index.js';

// Starts a sandbox cluster in the foreground and writes a kubeconfig for kubectl.
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.SANDBOX_PORT ?? '0' },
    host: { type: 'string', default: process.env.SANDBOX_HOST ?? '127.0.0.1' },
    kubeconfig: { type: 'string', default: process.env.SANDBOX_KUBECONFIG ?? '.data/sandbox-kubeconfig.yaml' },
    'admin-token': { type: 'string', default: process.env.SANDBOX_ADMIN_TOKEN },
    'no-tls': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  process.stdout.write(
    'Usage: npm run sandbox -- [--port N] [--host H] [--kubeconfig PATH] [--admin-token T] [--no-tls]\n' +
      'Environment: SANDBOX_PORT, SANDBOX_HOST, SANDBOX_KUBECONFIG, SANDBOX_ADMIN_TOKEN\n',
  );
  process.exit(0);
}

const cluster = await startSandboxCluster({
  port: Number(values.port),
  host: values.host,
  tls: !values['no-tls'],
  adminToken: values['admin-token'],
});
const path = resolve(values.kubeconfig!);
mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, cluster.kubeconfig(), { mode: 0o600 });

// The CLI's output is for the person who started it, not a log.
const say = (line = '') => process.stdout.write(`${line}\n`);
say(`Sandbox cluster listening on ${cluster.url}`);
say(`Kubeconfig (admin) written to ${path}`);
say();
say(`  export KUBECONFIG=${path}`);
say('  kubectl get namespaces');
say('  kubectl create deployment web --image=nginx && kubectl get deploy,svc -o wide');
say();
say('State is in memory and is lost when this process stops (Ctrl-C).');

const stop = async () => {
  await cluster.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
