// Jest loads this file outside its module transform, so it imports packages only, and the
// embedded server through createRequire (that file is self-contained for this reason).
import { chmodSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

type EmbeddedPostgresModule = typeof import('../../src/database/embedded-postgres.js');

/**
 * Starts a real PostgreSQL for the run (embedded, or the server in DATABASE_URL) and
 * creates an empty template database; the first suite migrates it (see test-database.ts)
 * and every suite then clones it, so migrations run once and data is isolated per suite.
 * The embedded server works from any clone, even one the postgres user cannot enter.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const load = createRequire(import.meta.url);
    const { startEmbeddedPostgres } = load('../../src/database/embedded-postgres.ts') as EmbeddedPostgresModule;
    const parent = mkdtempSync(join(tmpdir(), 'kubequiz-test-pg-'));
    chmodSync(parent, 0o755); // mkdtemp makes it 0700; as root the postgres user must pass through
    const embedded = await startEmbeddedPostgres({ dataDir: join(parent, 'data'), port: 0, database: 'postgres' });
    (globalThis as Record<string, unknown>).__KQ_EMBEDDED_PG__ = { parent, embedded };
    serverUrl = embedded.url;
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
