import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { buildDataSourceOptions } from './data-source-options.js';

@Module({})
export class DatabaseModule {
  /** Pending migrations are applied on start; the schema never changes any other way. */
  static forRoot(url: string, poolSize: number): DynamicModule {
    return {
      module: DatabaseModule,
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
