// Jest loads this file outside its module transform, so it imports packages only.
import { rmSync } from 'node:fs';
import pg from 'pg';

interface EmbeddedRun {
  parent: string;
  embedded: { dataDir: string; stop(): Promise<void> };
}

export default async function globalTeardown(): Promise<void> {
  const run = (globalThis as Record<string, unknown>).__KQ_EMBEDDED_PG__ as EmbeddedRun | undefined;
  if (run) {
    await run.embedded.stop();
    // The data folder is elsewhere when the temp folder was out of the postgres user's reach.
    for (const folder of [run.embedded.dataDir, run.parent]) rmSync(folder, { recursive: true, force: true });
    return;
  }
  const serverUrl = process.env.KQ_TEST_PG_SERVER_URL;
  const template = process.env.KQ_TEST_PG_TEMPLATE;
  if (!serverUrl || !template) return;
  // On a shared server, drop what this run created: the template and the suites' copies.
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2',
      [template, `${template}_s%`],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
