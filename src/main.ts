import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { loadConfig } from './config/app-config.js';
import { resolveDatabase } from './database/resolve-database.js';
import { DemoSeeder } from './seeding/demo-seeder.js';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('Bootstrap');
  const database = await resolveDatabase(config, (message) => logger.log(message));
  const app = await createApp({ config, databaseUrl: database.url });
  if (config.seedOnStart) {
    const report = await app.get(DemoSeeder).seed();
    for (const line of report.printable()) logger.log(line);
  }
  await app.listen({ port: config.PORT, host: config.HOST });
  logger.log(`kubequiz is listening on ${config.publicBaseUrl}`);
  logger.log(`API docs: ${config.publicBaseUrl}/docs (OpenAPI JSON at /docs-json)`);
  const stop = async () => {
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`kubequiz failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
