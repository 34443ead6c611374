import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options.js';

const TEMPLATE_LOCK = 7_020_417;

function urlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A fresh, migrated database for one suite, cloned from the run's template. The first
 * suite to get here migrates the template; the advisory lock keeps the others waiting,
 * and later ones find nothing pending.
 */
export async function createSuiteDatabase(): Promise<string> {
  const serverUrl = process.env.KQ_TEST_PG_SERVER_URL;
  const template = process.env.KQ_TEST_PG_TEMPLATE;
  if (!serverUrl || !template) throw new Error('the e2e global setup did not run');
  const name = `${template}_s${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    const migrator = new DataSource(buildDataSourceOptions(urlFor(serverUrl, template), 1));
    await migrator.initialize();
    try {
      await migrator.runMigrations({ transaction: 'each' });
    } finally {
      await migrator.destroy();
    }
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]).catch(() => undefined);
    await admin.end();
  }
  return urlFor(serverUrl, name);
}
