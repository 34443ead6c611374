import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { AppConfig } from '../config/app-config.js';
import { DATABASE_URL } from '../database/database.module.js';

export type JobHandler<T> = (data: T) => Promise<void>;

interface Registration {
  handler: JobHandler<never>;
  cron?: string;
  retryLimit: number;
}

/**
 * Background work on a PostgreSQL-backed queue (pg-boss): nothing runs on timers inside
 * request handlers, and any replica can pick up any job. Modules register handlers while
 * the app initialises; the queue starts once everything is wired.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly registrations = new Map<string, Registration>();
  private boss: PgBoss | null = null;

  constructor(
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    private readonly config: AppConfig,
  ) {}

  /** A handler for `name`; with `cron`, the queue also enqueues it on that schedule. */
  register<T>(name: string, handler: JobHandler<T>, options: { cron?: string; retryLimit?: number } = {}): void {
    this.registrations.set(name, { handler: handler as JobHandler<never>, cron: options.cron, retryLimit: options.retryLimit ?? 5 });
  }

  async send<T extends object>(name: string, data: T, options: { startAfter?: Date; retryLimit?: number; retryDelaySeconds?: number } = {}): Promise<void> {
    const boss = this.started();
    await boss.send(name, data, {
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      retryLimit: options.retryLimit ?? this.registrations.get(name)?.retryLimit ?? 5,
      retryDelay: options.retryDelaySeconds ?? 5,
      retryBackoff: true,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.JOBS_ENABLED) return;
    const boss = new PgBoss({
      connectionString: this.databaseUrl,
      max: 4,
      application_name: 'kubequiz-jobs',
      schedule: this.registrationsWithCron().length > 0,
    });
    boss.on('error', (error) => this.logger.error({ err: error }, 'job queue error'));
    await boss.start();
    this.boss = boss;
    for (const [name, registration] of this.registrations) {
      await boss.createQueue(name);
      await boss.work<object>(name, { pollingIntervalSeconds: this.config.JOBS_POLL_SECONDS, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) await registration.handler(job.data as never);
      });
      if (registration.cron) await boss.schedule(name, registration.cron, {});
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: false, wait: true, timeout: 5000 });
    this.boss = null;
  }

  private registrationsWithCron(): string[] {
    return [...this.registrations].filter(([, r]) => r.cron).map(([name]) => name);
  }

  private started(): PgBoss {
    if (!this.boss) throw new Error('the job queue is not running (JOBS_ENABLED=false?)');
    return this.boss;
  }
}
