// `npm run seed`: loads the demo organisation and accounts (and, as modules land, the
// shipped course, questions and labs) into DATABASE_URL, or the embedded database.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from '../app.factory.js';
import { ConfigValidationError, loadConfig } from '../config/app-config.js';
import { EmbeddedDatabaseError } from '../database/embedded-postgres.js';
import { resolveDatabase } from '../database/resolve-database.js';
import { CourseSeeder } from '../seeding/course-seeder.js';
import { DemoSeeder } from '../seeding/demo-seeder.js';

async function seed(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('Seed');
  const database = await resolveDatabase(config, (message) => logger.log(message));
  const app = await createApp({ config, databaseUrl: database.url });
  try {
    const course = await app.get(CourseSeeder).seed();
    logger.log(`Shipped course ${course.courseId}: documents ${JSON.stringify(course.documents)}, questions ${JSON.stringify(course.questions)}`);
    const report = await app.get(DemoSeeder).seed();
    for (const line of report.printable()) logger.log(line);
  } finally {
    await app.close();
    await database.stop();
  }
}

seed().catch((error: unknown) => {
  // Configuration and embedded-database failures are told in full by their message.
  const told = error instanceof ConfigValidationError || error instanceof EmbeddedDatabaseError;
  process.stderr.write(`seed failed: ${error instanceof Error ? (told ? error.message : error.stack) : String(error)}\n`);
  process.exit(1);
});
