import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from './app.factory.js';
import { loadConfig } from './config/app-config.js';
import { resolveDatabase, type ResolvedDatabase } from './database/resolve-database.js';
import { CourseSeeder } from './seeding/course-seeder.js';
import { DemoSeeder } from './seeding/demo-seeder.js';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('Bootstrap');
  // Handlers first, so a stop during start-up still shuts down what has started.
  const running: { database?: ResolvedDatabase; app?: NestFastifyApplication } = {};
  const stop = async () => {
    await running.app?.close();
    await running.database?.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const database = (running.database = await resolveDatabase(config, (message) => logger.log(message)));
  const app = (running.app = await createApp({ config, databaseUrl: database.url }));
  const banner: string[] = [];
  if (config.seedOnStart) {
    const course = await app.get(CourseSeeder).seed();
    banner.push(`Shipped course ${course.courseId}: ${course.questions.inserted} curated questions added, ${course.questions.unchanged} unchanged`);
    banner.push(...(await app.get(DemoSeeder).seed()).printable());
  }
  await app.listen({ port: config.PORT, host: config.HOST });
  logger.log(`kubequiz is listening on ${config.publicBaseUrl}`);
  // A plain banner for the person who ran `npm start`; the logs stay JSON.
  banner.push(`kubequiz is up: ${config.publicBaseUrl}`, `API docs:       ${config.publicBaseUrl}/docs  (OpenAPI JSON: /docs-json)`);
  process.stdout.write(`\n${banner.map((line) => `  ${line}`).join('\n')}\n\n`);
}

// Every start-up failure (configuration, embedded database, port) is one sentence, no stack.
bootstrap().catch((error: unknown) => {
  process.stderr.write(`kubequiz failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
