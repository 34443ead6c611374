// Entry point for the TypeORM CLI (`npm run migration:*`): it needs a running server, so
// DATABASE_URL must be set (e.g. to the embedded one printed by `npm start`).
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options.js';

const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error('Set DATABASE_URL to run migrations from the CLI (npm start prints the embedded one).');
}

export default new DataSource(buildDataSourceOptions(url));
