import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';
import type { Json } from '../core/types.js';
import { startSandboxCluster, type SandboxClusterHandle, type SandboxClusterOptions } from '../index.js';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: Json;
}

export interface RawRequest {
  method?: string;
  body?: Json;
  /** Sent as-is (YAML, malformed JSON, protobuf bytes…). */
  rawBody?: string | Buffer;
  contentType?: string;
  accept?: string;
  token?: string | null;
  /** Extra request headers (Impersonate-User…). */
  headers?: Record<string, string>;
}

/** A cluster on a free port; close it in afterAll. */
export function startTestCluster(opts: SandboxClusterOptions = {}): Promise<SandboxClusterHandle> {
  return startSandboxCluster({ port: 0, ...opts });
}

/** One HTTP(S) request against the cluster, trusting its self-signed certificate. */
export function call(cluster: SandboxClusterHandle, path: string, req: RawRequest = {}): Promise<RawResponse> {
  const url = new URL(path, cluster.url);
  const payload = req.rawBody ?? (req.body === undefined ? undefined : JSON.stringify(req.body));
  const headers: Record<string, string> = { Accept: req.accept ?? 'application/json', ...req.headers };
  const token = req.token === undefined ? cluster.adminToken : req.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (payload !== undefined) {
    headers['Content-Type'] = req.contentType ?? 'application/json';
    headers['Content-Length'] = String(Buffer.byteLength(payload));
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const r = send(url, { method: req.method ?? 'GET', headers, ca: cluster.caPem }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: Json;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    r.on('error', reject);
    if (payload !== undefined) r.write(payload);
    r.end();
  });
}

export interface WatchStream {
  events: Json[];
  /** Resolves once `n` events have arrived (or rejects after `ms`). */
  waitFor(n: number, ms?: number): Promise<Json[]>;
  ended: Promise<void>;
  close(): void;
}

/** Opens a watch and collects its newline-delimited events. */
export function openWatch(cluster: SandboxClusterHandle, path: string, token?: string): Promise<WatchStream> {
  const url = new URL(path, cluster.url);
  const events: Json[] = [];
  const waiters: Array<{ n: number; resolve: (e: Json[]) => void }> = [];
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let endResolve: () => void = () => undefined;
    const ended = new Promise<void>((r) => (endResolve = r));
    const r = send(url, { headers: { Authorization: `Bearer ${token ?? cluster.adminToken}` }, ca: cluster.caPem }, (res) => {
      let buf = '';
      res.on('data', (c: Buffer) => {
        buf += c.toString('utf8');
        let idx: number;
        while ((idx = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, idx);
          buf = buf.slice(idx + 1);
          if (!line.trim()) continue;
          events.push(JSON.parse(line));
          for (const w of [...waiters]) if (events.length >= w.n) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(events.slice());
          }
        }
      });
      res.on('end', endResolve);
      res.on('close', endResolve);
      resolve({
        events,
        ended,
        close: () => r.destroy(),
        waitFor: (n, ms = 3000) =>
          events.length >= n
            ? Promise.resolve(events.slice())
            : new Promise((res2, rej2) => {
                const w = { n, resolve: res2 };
                waiters.push(w);
                setTimeout(() => rej2(new Error(`timed out waiting for ${n} events, got ${JSON.stringify(events.map((e) => e.type))}`)), ms).unref();
              }),
      });
    });
    r.on('error', (e) => {
      if (!events.length) reject(e);
    });
    r.end();
  });
}

export function deploymentManifest(name: string, namespace: string, extra: Json = {}): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { app: name } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image: 'nginx:1.25' }] } },
      ...extra,
    },
  };
}

export async function createNamespace(cluster: SandboxClusterHandle, name: string): Promise<void> {
  const res = await call(cluster, '/api/v1/namespaces', { method: 'POST', body: { metadata: { name } } });
  if (res.status !== 201) throw new Error(`namespace ${name}: ${res.status} ${res.text}`);
}
