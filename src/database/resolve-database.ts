import type { AppConfig } from '../config/app-config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface ResolvedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise an embedded PostgreSQL in EMBEDDED_PG_DATA_DIR. */
export async function resolveDatabase(config: AppConfig, log: (message: string) => void): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, stop: async () => undefined };
  log(`No DATABASE_URL: starting embedded PostgreSQL in ${config.EMBEDDED_PG_DATA_DIR}`);
  const embedded = await startEmbeddedPostgres({
    dataDir: config.EMBEDDED_PG_DATA_DIR,
    port: config.EMBEDDED_PG_PORT,
    database: 'kubequiz',
  });
  log(`Embedded PostgreSQL ready: DATABASE_URL=${embedded.url}`);
  return embedded;
}
