import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The baseline: plain node:http answering a fixed JSON body, nothing else. */
export async function startBareServer(body: unknown): Promise<{ url: string; close(): Promise<void> }> {
  const payload = JSON.stringify(body);
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
    response.end(payload);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
