// Jest loads this file outside its module transform, so it imports packages only.
import pg from 'pg';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as Record<string, unknown>).__KQ_EMBEDDED_PG__ as { stop(): Promise<void> } | undefined;
  if (embedded) {
    await embedded.stop();
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
