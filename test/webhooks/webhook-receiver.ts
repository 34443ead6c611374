import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { ManualClock } from '../../src/common/time/clock.js';

export interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Received requests of one event type, in arrival order. */
  of(event: string): Received[];
  close(): Promise<void>;
}

/** A webhook receiver over real HTTP that fails the first `failures` requests with 503, then accepts. */
export async function receiver(failures = 0): Promise<Receiver> {
  const received: Received[] = [];
  let left = failures;
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.statusCode = left-- > 0 ? 503 : 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    of: (event) => received.filter((r) => r.headers['kubequiz-event'] === event),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 15000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * What a receiver does with the reference Standard Webhooks library: verify, then parse.
 * The library judges `webhook-timestamp` against Date.now(); the receiver's clock is set to
 * the app's (manual) clock for the call, as a receiver living at that time would see it.
 */
export function verifyStandard(secret: string, request: Received, clock: ManualClock, options?: { format: 'raw' }): unknown {
  const realNow = Date.now;
  Date.now = () => clock.now().getTime();
  try {
    return new Webhook(secret, options).verify(request.body, request.headers as Record<string, string>);
  } finally {
    Date.now = realNow;
  }
}
