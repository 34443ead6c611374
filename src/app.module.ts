import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AttemptsModule } from './attempts/attempts.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CertificatesModule } from './certificates/certificates.module.js';
import { ClusterRegistryModule } from './cluster/registry/cluster-registry.module.js';
import { LabsModule } from './labs/labs.module.js';
import { ExamsModule } from './exams/exams.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { CommonModule } from './common/common.module.js';
import { ProblemFilter } from './common/errors/problem.filter.js';
import type { HostResolver } from './common/outbound/host-resolver.js';
import { OutboundModule } from './common/outbound/outbound.module.js';
import { Clock } from './common/time/clock.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { HealthModule } from './health/health.module.js';
import { buildLoggerOptions } from './logging/logger-options.js';
import { OrganizationsModule } from './organizations/organizations.module.js';
import { QuestionBankModule } from './question-bank/question-bank.module.js';
import { QuizzesModule } from './quizzes/quizzes.module.js';
import { SeedingModule } from './seeding/seeding.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  clock?: Clock;
  /** Where logs go (stdout when unset); tests pass a stream to inspect them. */
  logDestination?: NodeJS.WritableStream;
  /** How outbound calls resolve host names (the system resolver when unset); tests play DNS with it. */
  hostResolver?: HostResolver;
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options.config),
        CommonModule.forRoot(options.clock),
        OutboundModule.forRoot(options.hostResolver),
        LoggerModule.forRoot(buildLoggerOptions(options.config, options.logDestination)),
        DatabaseModule.forRoot(options.databaseUrl, options.config.DATABASE_POOL_SIZE),
        HealthModule,
        OrganizationsModule,
        AuthModule,
        DocumentsModule,
        QuestionBankModule,
        QuizzesModule,
        JobsModule,
        ExamsModule,
        AttemptsModule,
        CertificatesModule,
        ClusterRegistryModule,
        LabsModule,
        SeedingModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
    };
  }
}
