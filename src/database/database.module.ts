import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { buildDataSourceOptions } from './data-source-options.js';

/** Injection token of the database URL, for clients other than TypeORM (the job queue). */
export const DATABASE_URL = 'DATABASE_URL';

@Global()
@Module({})
export class DatabaseModule {
  /** Pending migrations are applied on start; the schema never changes any other way. */
  static forRoot(url: string, poolSize: number): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [{ provide: DATABASE_URL, useValue: url }],
      exports: [DATABASE_URL],
      imports: [
        TypeOrmModule.forRoot({
          ...buildDataSourceOptions(url, poolSize),
          migrationsRun: true,
          migrationsTransactionMode: 'each',
          // Query errors surface through the exception filter; logging them here too would
          // double-report expected ones such as unique violations.
          logging: ['warn', 'migration'],
        }),
      ],
    };
  }
}
