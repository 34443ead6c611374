import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { createSandboxClusterCore, type SandboxClusterCore, type SandboxClusterCoreOptions } from './core.js';
import type { Clock } from './core/types.js';
import { createRequestHandler } from './http/api-server.js';
import { buildKubeconfig } from './kubeconfig.js';
import { sandboxCertificate } from './tls.js';

export interface SandboxClusterOptions {
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Serve HTTPS with a self-signed certificate (default true). */
  tls?: boolean;
  adminToken?: string;
  clock?: { now(): Date };
  /** Milliseconds between watch BOOKMARK events (default 5000). */
  bookmarkIntervalMs?: number;
  /** Lower-level options for the core (history size, extra controllers…). */
  core?: Omit<SandboxClusterCoreOptions, 'clock' | 'adminToken' | 'rootCaPem'>;
}

export interface SandboxCluster {
  url: string;
  adminToken: string;
  kubeconfig(opts?: { token?: string; namespace?: string; user?: string }): string;
  close(): Promise<void>;
}

/** What startSandboxCluster returns, with the in-process internals for controllers and tests. */
export interface SandboxClusterHandle extends SandboxCluster {
  core: SandboxClusterCore;
  /** PEM of the serving certificate (its own CA), when TLS is on. */
  caPem?: string;
  /** Drops keep-alive connections that carry no request (clients that open one per call leave many). */
  closeIdleConnections(): void;
}

export { createSandboxClusterCore, type SandboxClusterCore, type SandboxClusterCoreOptions } from './core.js';
export type { Controller } from './controllers/controller.js';

export async function startSandboxCluster(opts: SandboxClusterOptions = {}): Promise<SandboxClusterHandle> {
  const tls = opts.tls ?? true;
  const material = tls ? await sandboxCertificate() : undefined;
  const core = await createSandboxClusterCore({ ...opts.core, clock: opts.clock as Clock | undefined, adminToken: opts.adminToken, rootCaPem: material?.cert });
  const handler = createRequestHandler({
    service: core.api,
    authenticator: core.authenticator,
    authorizer: core.authorizer,
    issuer: core.issuer,
    bookmarkIntervalMs: opts.bookmarkIntervalMs ?? 5000,
    podLogs: (ns, name, container) => core.podLogs(ns, name, container),
  });
  const server: Server = material ? createHttpsServer({ cert: material.cert, key: material.key }, handler) : createHttpServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `${tls ? 'https' : 'http'}://${urlHost}:${port}`;
  return {
    url,
    adminToken: core.adminToken,
    core,
    caPem: material?.cert,
    closeIdleConnections: () => server.closeIdleConnections(),
    kubeconfig: (k = {}) =>
      buildKubeconfig({ server: url, token: k.token ?? core.adminToken, caPem: material?.cert, namespace: k.namespace, user: k.user }),
    close: async () => {
      core.close();
      // Watches are long-lived: end their sockets so close() does not wait for clients.
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
