import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest, type RequestOptions } from 'node:https';
import { ApiException, type KubeConfig } from '@kubernetes/client-node';
import { ClusterForbiddenError, ClusterNotFoundError, ClusterRequestError, ClusterUnavailableError } from './cluster-errors.js';

export interface TransportOptions {
  /** Per attempt, in milliseconds. */
  timeoutMs: number;
}

export interface SendOptions {
  method?: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  contentType?: string;
  /** Reads are retried once on unavailability; writes never (they may have landed). */
  idempotent?: boolean;
  /** Return the body as text rather than parsing JSON (pod logs). */
  text?: boolean;
}

/**
 * JSON over HTTPS to the server of a client-node KubeConfig. Authentication and TLS come
 * from the KubeConfig (token, client certificates, exec plugins, embedded CA). We send the
 * requests ourselves rather than through client-node's typed models because those turn
 * timestamps into Dates and drop fields they do not know, and checks must read objects
 * exactly as the server stores them; and so one keep-alive agent serves every call (the
 * generated clients open a TLS connection per call) with a hard per-call timeout.
 */
export class HttpTransport {
  private agent?: HttpAgent;
  private readonly server: URL;

  constructor(
    private readonly kc: KubeConfig,
    private readonly opts: TransportOptions,
  ) {
    const cluster = kc.getCurrentCluster();
    if (!cluster) throw new ClusterRequestError('kubeconfig has no current cluster');
    this.server = new URL(cluster.server);
  }

  get serverUrl(): string {
    return this.server.toString().replace(/\/$/, '');
  }

  async send<T = unknown>(path: string, o: SendOptions = {}): Promise<T> {
    try {
      return await this.attempt<T>(path, o);
    } catch (e) {
      if (o.idempotent && e instanceof ClusterUnavailableError) return this.attempt<T>(path, o);
      throw e;
    }
  }

  close(): void {
    this.agent?.destroy();
  }

  private async attempt<T>(path: string, o: SendOptions): Promise<T> {
    const base: RequestOptions = {};
    await this.kc.applyToHTTPSOptions(base);
    const url = new URL(this.server.pathname.replace(/\/$/, '') + path, this.server);
    for (const [k, v] of Object.entries(o.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    const payload = o.body === undefined ? undefined : JSON.stringify(o.body);
    const headers: Record<string, string> = { ...(base.headers as Record<string, string>), Accept: o.text ? '*/*' : 'application/json' };
    if (payload !== undefined) {
      headers['Content-Type'] = o.contentType ?? 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(payload));
    }
    const tls = url.protocol === 'https:';
    this.agent ??= tls
      ? new HttpsAgent({ keepAlive: true, ca: base.ca, cert: base.cert, key: base.key, pfx: base.pfx, passphrase: base.passphrase, rejectUnauthorized: base.rejectUnauthorized })
      : new HttpAgent({ keepAlive: true });
    const send = tls ? httpsRequest : httpRequest;
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = send(url, { method: o.method ?? 'GET', headers, agent: this.agent, auth: base.auth }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (err) => reject(unavailable(err)));
      });
      // Covers connect, TLS handshake and a server that never answers.
      const timer = setTimeout(() => req.destroy(new ClusterUnavailableError(`cluster did not answer within ${this.opts.timeoutMs} ms`)), this.opts.timeoutMs);
      timer.unref();
      req.on('close', () => clearTimeout(timer));
      req.on('error', (err) => reject(err instanceof ClusterUnavailableError ? err : unavailable(err)));
      if (payload !== undefined) req.write(payload);
      req.end();
    });
    if (status >= 200 && status < 300) return (o.text ? text : text ? JSON.parse(text) : undefined) as T;
    throw mapStatus(status, text, `${o.method ?? 'GET'} ${path}`);
  }
}

function unavailable(err: Error): ClusterUnavailableError {
  const code = (err as NodeJS.ErrnoException).code;
  return new ClusterUnavailableError(`cluster unreachable: ${code ?? err.message}`);
}

/** Maps an error response to a domain error; keeps client-node's ApiException as the cause. */
export function mapStatus(status: number, text: string, what: string): Error {
  let body: { message?: string } | undefined;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const message = body?.message ?? (text.slice(0, 200) || `HTTP ${status}`);
  const cause = new ApiException(status, message, body ?? text, {});
  const err =
    status === 401 || status === 403
      ? new ClusterForbiddenError(`${what}: ${message}`, status)
      : status === 404
        ? new ClusterNotFoundError(message, status)
        : status >= 500 || status === 429
          ? new ClusterUnavailableError(`${what}: ${message}`, status)
          : new ClusterRequestError(message, status);
  (err as Error & { cause?: unknown }).cause = cause;
  return err;
}
