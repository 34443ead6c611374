import type { AppConfig } from '../config/app-config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface ResolvedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise an embedded PostgreSQL in EMBEDDED_PG_DATA_DIR. Failures
 * of the embedded server arrive as an EmbeddedDatabaseError whose message is the whole story.
 */
export async function resolveDatabase(config: AppConfig, log: (message: string) => void): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, stop: async () => undefined };
  log(`No DATABASE_URL: starting embedded PostgreSQL for ${config.EMBEDDED_PG_DATA_DIR}`);
  const embedded = await startEmbeddedPostgres({
    dataDir: config.EMBEDDED_PG_DATA_DIR,
    port: config.EMBEDDED_PG_PORT,
    database: 'kubequiz',
    onNotice: log,
  });
  // The password stays out of logs; it is kept in the data folder for this process only.
  log(`Embedded PostgreSQL ready (data in ${embedded.dataDir}): ${embedded.url.replace(/:[^:@/]+@/, ':***@')}`);
  return embedded;
}
