import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestApp } from './test-app.js';

export interface RawResponse {
  statusCode: number;
  headers: IncomingHttpHeaders;
  /** The body bytes exactly as sent (still compressed, if they were). */
  rawPayload: Buffer;
  /** The same bytes as UTF-8 text. */
  body: string;
}

const listening = new WeakMap<Server, Promise<number>>();

function portOf(server: Server): Promise<number> {
  let port = listening.get(server);
  if (!port) {
    port = new Promise((resolve, reject) => {
      if (server.listening) return resolve((server.address() as AddressInfo).port);
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
    listening.set(server, port);
  }
  return port;
}

/** One HTTP request to the test app with Node's own client, which decodes nothing. */
export async function rawRequest(t: TestApp, method: string, path: string, headers: Record<string, string> = {}, json?: object): Promise<RawResponse> {
  const port = await portOf(t.app.getHttpServer() as Server);
  const body = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port, method, path, headers: { ...headers, ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const rawPayload = Buffer.concat(chunks);
          resolve({ statusCode: response.statusCode ?? 0, headers: response.headers, rawPayload, body: rawPayload.toString('utf8') });
        });
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
