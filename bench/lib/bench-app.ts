import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { DemoSeeder } from '../../src/seeding/demo-seeder.js';
import { mkdtempSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BenchApp {
  app: NestFastifyApplication;
  url: string;
  password: (key: string) => string;
  close(): Promise<void>;
}

/** The real app on a throw-away database (embedded unless DATABASE_URL is set), seeded. */
export async function startBenchApp(): Promise<BenchApp> {
  let databaseUrl = process.env.DATABASE_URL;
  let stopDatabase = async () => undefined as void;
  if (!databaseUrl) {
    const parent = mkdtempSync(join(tmpdir(), 'kubequiz-bench-pg-'));
    chmodSync(parent, 0o755);
    const embedded = await startEmbeddedPostgres({ dataDir: join(parent, 'data'), port: 0, database: 'kubequiz_bench' });
    databaseUrl = embedded.url;
    stopDatabase = embedded.stop;
  }
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, LOGIN_RATE_LIMIT_PER_MINUTE: '100000' });
  const app = await createApp({ config, databaseUrl });
  const password = (key: string) => `${key}-bench-password`;
  await app.get(DemoSeeder).seed((account) => password(account.key));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    password,
    async close() {
      await app.close();
      await stopDatabase();
    },
  };
}
