import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../src/app.factory.js';
import type { AppModuleOptions } from '../../src/app.module.js';
import { ManualClock, type Clock } from '../../src/common/time/clock.js';
import { loadConfig } from '../../src/config/app-config.js';
import { DemoSeeder, DEMO_ACCOUNTS } from '../../src/seeding/demo-seeder.js';
import { createSuiteDatabase } from './test-database.js';

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<typeof request>;
  clock: ManualClock;
  databaseUrl: string;
  organizationId: string;
  /** Demo account password, predictable in tests: `<role>-password-123`. */
  password(key: string): string;
  login(key: string, organizationId?: string): Promise<string>;
  close(): Promise<void>;
}

export const demoEmail = (key: string) => DEMO_ACCOUNTS.find((a) => a.key === key)!.email;

/** The real app on a real, suite-private PostgreSQL, with a manual clock. */
export async function createTestApp(
  env: Record<string, string> = {},
  clock: Clock = new ManualClock(new Date()),
  logDestination?: NodeJS.WritableStream,
  overrides: Pick<AppModuleOptions, 'hostResolver'> = {},
): Promise<TestApp> {
  const databaseUrl = await createSuiteDatabase();
  // Suites call the public routes (login above all) far more often than anyone would from
  // one address; test/security/public-rate-limits.e2e-spec.ts sets a real budget.
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
    ...env,
  });
  const app = await createApp({ config, databaseUrl, clock, logDestination, ...overrides });
  await app.getHttpAdapter().getInstance().ready();
  const password = (key: string) => `${key}-password-123`;
  const report = await app.get(DemoSeeder).seed((account) => password(account.key));
  const http = request(app.getHttpServer());
  return {
    app,
    http,
    clock: clock as ManualClock,
    databaseUrl,
    organizationId: report.organizationId,
    password,
    async login(key, organizationId) {
      const response = await request(app.getHttpServer())
        .post('/v1/auth/login')
        .send({ email: demoEmail(key), password: password(key), ...(organizationId ? { organizationId } : {}) })
        .expect(200);
      return response.body.accessToken as string;
    },
    close: () => app.close(),
  };
}
