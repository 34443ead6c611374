import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Server } from 'node:net';
import { createSecureContext } from 'node:tls';
import { sandboxCertificate } from '../../sandbox-cluster/tls.js';
import { HostResolver, type ResolvedAddress } from './host-resolver.js';
import { OutboundHttpClient, type OutboundRequest } from './outbound-http-client.js';
import { OutboundRefusedError, OutboundTransportError } from './outbound-errors.js';
import { OutboundUrlGuard } from './outbound-url-guard.js';

/** DNS played by the test: each lookup takes the next answer, the last one repeats. */
class ScriptedResolver extends HostResolver {
  lookups = 0;
  private readonly answers: string[][];

  constructor(...answers: Array<string | string[]>) {
    super();
    this.answers = answers.map((answer) => (typeof answer === 'string' ? [answer] : answer));
  }

  async resolve(): Promise<ResolvedAddress[]> {
    this.lookups += 1;
    const answer = this.answers.length > 1 ? this.answers.shift()! : this.answers[0]!;
    return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  }
}

interface Seen {
  method: string;
  url: string;
  host: string;
  body: string;
}

async function listen(server: Server): Promise<{ port: number; close(): Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function httpServer(handle: (request: IncomingMessage, response: ServerResponse) => void) {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      seen.push({ method: request.method!, url: request.url!, host: request.headers.host!, body });
      handle(request, response);
    });
  });
  return { seen, ...(await listen(server)) };
}

const POST: OutboundRequest = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"hello":"world"}', timeoutMs: 2000, maxResponseBytes: 1024 };

describe('OutboundHttpClient', () => {
  const servers: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  const client = (resolver: HostResolver, allowPrivateNetworks = true) => new OutboundHttpClient(new OutboundUrlGuard(resolver, { allowPrivateNetworks }));

  it('connects to the address the guard checked, with the name in Host and no lookup of its own', async () => {
    const receiver = await httpServer((_, response) => response.writeHead(202).end('ok'));
    servers.push(receiver);
    // The system resolver knows nothing of this name: a second lookup by Node would fail.
    const resolver = new ScriptedResolver('127.0.0.1');
    const response = await client(resolver).send(`http://hooks.pinned.invalid:${receiver.port}/in?x=1`, POST);
    expect(response).toMatchObject({ status: 202, truncated: false });
    expect(response.body.toString()).toBe('ok');
    expect(receiver.seen).toEqual([{ method: 'POST', url: '/in?x=1', host: `hooks.pinned.invalid:${receiver.port}`, body: '{"hello":"world"}' }]);
    expect(resolver.lookups).toBe(1);
  });

  it('sends nothing when the name rebinds to loopback between the creation check and the call', async () => {
    const receiver = await httpServer((_, response) => response.writeHead(204).end());
    servers.push(receiver);
    const resolver = new ScriptedResolver('93.184.215.14', '127.0.0.1');
    const guard = new OutboundUrlGuard(resolver, { allowPrivateNetworks: false });
    const url = `http://rebind.attacker.invalid:${receiver.port}/`;
    await guard.check(url);
    await expect(new OutboundHttpClient(guard).send(url, POST)).rejects.toBeInstanceOf(OutboundRefusedError);
    expect(receiver.seen).toEqual([]);
  });

  it('tries the next checked address when one refuses the connection', async () => {
    const receiver = await httpServer((_, response) => response.writeHead(204).end());
    servers.push(receiver);
    // The receiver listens on 127.0.0.1 only, so 127.0.0.2 refuses the connection.
    const resolver = new ScriptedResolver(['127.0.0.2', '127.0.0.1']);
    const response = await client(resolver).send(`http://two-records.invalid:${receiver.port}/`, POST);
    expect(response.status).toBe(204);
    expect(receiver.seen).toHaveLength(1);
    expect(resolver.lookups).toBe(1);
  });

  it('does not follow redirects: a 3xx is the answer', async () => {
    const inside = await httpServer((_, response) => response.writeHead(200).end('secret'));
    const redirector = await httpServer((_, response) => response.writeHead(302, { location: `http://127.0.0.1:${inside.port}/secret` }).end());
    servers.push(inside, redirector);
    const response = await client(new ScriptedResolver('127.0.0.1')).send(`http://redirect.invalid:${redirector.port}/`, POST);
    expect(response.status).toBe(302);
    expect(inside.seen).toEqual([]);
  });

  it('cuts the response body at the cap', async () => {
    const chatty = await httpServer((_, response) => response.writeHead(200).end('x'.repeat(1024 * 1024)));
    servers.push(chatty);
    const response = await client(new ScriptedResolver('127.0.0.1')).send(`http://chatty.invalid:${chatty.port}/`, POST);
    expect(response).toMatchObject({ status: 200, truncated: true });
    expect(response.body.length).toBe(1024);
  });

  it('times out a receiver that never answers, and names no address when a connection fails', async () => {
    const silent = await httpServer(() => undefined);
    servers.push(silent);
    const started = Date.now();
    const timedOut = client(new ScriptedResolver('127.0.0.1')).send(`http://silent.invalid:${silent.port}/`, { ...POST, timeoutMs: 200 });
    await expect(timedOut).rejects.toMatchObject({ failure: 'timeout', message: 'timed out' });
    expect(Date.now() - started).toBeLessThan(1500);

    const closed = await listen(createServer());
    await closed.close();
    const refused = client(new ScriptedResolver('127.0.0.1')).send(`http://closed.invalid:${closed.port}/`, POST);
    await expect(refused).rejects.toEqual(new OutboundTransportError('connection-failed'));
    await expect(refused).rejects.toMatchObject({ message: 'connection failed' });
  });

  it('over TLS, sends the name as SNI and verifies the certificate', async () => {
    const { cert, key } = await sandboxCertificate();
    const serverNames: string[] = [];
    const tls = createTlsServer(
      {
        cert,
        key,
        SNICallback: (name, done) => {
          serverNames.push(name);
          done(null, createSecureContext({ cert, key }));
        },
      },
      (_, response) => response.writeHead(200).end(),
    );
    const listening = await listen(tls);
    servers.push(listening);
    // The sandbox certificate is self-signed: a verifying client must refuse it.
    const response = client(new ScriptedResolver('127.0.0.1')).send(`https://hooks.pinned.invalid:${listening.port}/`, POST);
    await expect(response).rejects.toMatchObject({ failure: 'tls-failed' });
    expect(serverNames).toEqual(['hooks.pinned.invalid']);
  });
});
