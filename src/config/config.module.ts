import { DynamicModule, Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from './app-config.js';
import { adoptStoredSecrets } from './instance-secrets.js';

/**
 * Makes the one validated configuration injectable everywhere as `AppConfig`. It resolves
 * once the database is migrated, because generated secrets are kept there (instance-secrets.ts).
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        {
          provide: AppConfig,
          useFactory: (dataSource: DataSource) => adoptStoredSecrets(config, dataSource),
          inject: [getDataSourceToken()],
        },
      ],
      exports: [AppConfig],
    };
  }
}
