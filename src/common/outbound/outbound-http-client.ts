import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { isIP } from 'node:net';
import type { ResolvedAddress } from './host-resolver.js';
import { OutboundTransportError } from './outbound-errors.js';
import type { OutboundTarget, OutboundUrlGuard } from './outbound-url-guard.js';

export interface OutboundRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Whole exchange, from connect to the last byte read. */
  timeoutMs: number;
  /** The body is cut here; nobody may make us buffer an unbounded answer. */
  maxResponseBytes: number;
}

export interface OutboundResponse {
  /** The status as answered; a 3xx is final, redirects are never followed. */
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  truncated: boolean;
}

/**
 * The one way the server calls URLs that tenants give it (webhooks, LTI, …). The URL passes
 * the guard first, then the connection goes to the very address the guard checked while
 * the Host header and TLS server name keep the host name. Throws `OutboundRefusedError`
 * before any packet is sent, or `OutboundTransportError` when the exchange fails.
 */
export class OutboundHttpClient {
  constructor(private readonly guard: OutboundUrlGuard) {}

  async send(url: string, request: OutboundRequest): Promise<OutboundResponse> {
    const target = await this.guard.check(url);
    // Like a browser with several A/AAAA records: the next checked address when one cannot
    // be reached, but never after a request may have been sent, which could post it twice.
    for (let i = 0; ; i += 1) {
      try {
        return await sendPinned(target, target.addresses[i]!, request);
      } catch (error) {
        if (!(error instanceof OutboundTransportError && error.unreachable) || i === target.addresses.length - 1) throw error;
      }
    }
  }
}

function sendPinned(target: OutboundTarget, pinned: ResolvedAddress, request: OutboundRequest): Promise<OutboundResponse> {
  const secure = target.url.protocol === 'https:';
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  const options: RequestOptions = {
    // An IP literal as host: Node dials it as is and never calls a resolver.
    host: pinned.address,
    family: pinned.family,
    port: target.url.port || (secure ? 443 : 80),
    path: `${target.url.pathname}${target.url.search}`,
    method: request.method,
    headers: { ...request.headers, host: target.url.host, ...(body ? { 'content-length': String(body.length) } : {}) },
    // No pooling: a socket kept for one name must not serve a later request to another.
    agent: false,
    ...(secure && isIP(target.hostname) === 0 ? { servername: target.hostname } : {}),
  };
  return new Promise((resolve, reject) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const settle = (outcome: OutboundResponse | OutboundTransportError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outgoing.destroy();
      if (outcome instanceof OutboundTransportError) reject(outcome);
      else resolve(outcome);
    };
    const outgoing = (secure ? httpsRequest : httpRequest)(options, (response) => readCapped(response, request.maxResponseBytes, settle));
    timer = setTimeout(() => settle(new OutboundTransportError('timeout')), request.timeoutMs);
    outgoing.on('error', (error: Error & { code?: string }) => settle(transportError(error)));
    outgoing.end(body);
  });
}

function readCapped(response: IncomingMessage, maxBytes: number, settle: (outcome: OutboundResponse | OutboundTransportError) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  const finish = (truncated: boolean) => settle({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), truncated });
  response.on('data', (chunk: Buffer) => {
    const room = maxBytes - size;
    if (chunk.length <= room) {
      chunks.push(chunk);
      size += chunk.length;
      return;
    }
    chunks.push(chunk.subarray(0, room));
    size = maxBytes;
    finish(true);
  });
  response.on('end', () => finish(false));
  response.on('error', () => settle(new OutboundTransportError('connection-failed')));
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

function transportError(error: Error & { code?: string }): OutboundTransportError {
  const code = error.code ?? '';
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|HOSTNAME/.test(code)) return new OutboundTransportError('tls-failed');
  return new OutboundTransportError('connection-failed', UNREACHABLE_CODES.has(code));
}
