import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SignJWT } from 'jose';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { IssuerKeysService } from '../../src/certificates/issuer-keys.service.js';
import { ManualClock } from '../../src/common/time/clock.js';
import { AppConfig, loadConfig, PUBLISHED_SECRET_VALUES } from '../../src/config/app-config.js';
import { DemoSeeder } from '../../src/seeding/demo-seeder.js';
import { createSuiteDatabase } from '../support/test-database.js';
import { demoEmail } from '../support/test-app.js';

/**
 * The environment `npm start` runs with: no NODE_ENV, no secrets. (A suite database stands
 * in for the embedded one; the sandbox and jobs are off because no secret touches them.)
 */
const npmStartEnvironment = (databaseUrl: string) => ({
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: 'silent',
  SANDBOX_ENABLED: 'false',
  JOBS_ENABLED: 'false',
});

/** A platform-admin access token as the API mints them, signed with `secret`. */
async function forgeAdminToken(secret: string, userId: string, clock: ManualClock): Promise<string> {
  const now = Math.floor(clock.now().getTime() / 1000);
  return new SignJWT({ org: null, roles: [], adm: true, typ: 'access' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuer('kubequiz')
    .setAudience('kubequiz-api')
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(new TextEncoder().encode(secret));
}

describe('hostile tenant: known secrets', () => {
  const clock = new ManualClock(new Date());
  const adminPassword = 'admin-password-123';
  let databaseUrl: string;
  let first: NestFastifyApplication;
  let adminId: string;
  let organizationId: string;

  const start = async () => {
    const app = await createApp({ config: loadConfig(npmStartEnvironment(databaseUrl)), databaseUrl, clock });
    await app.getHttpAdapter().getInstance().ready();
    return app;
  };

  beforeAll(async () => {
    databaseUrl = await createSuiteDatabase();
    first = await start();
    const report = await first.get(DemoSeeder).seed((account) => `${account.key}-password-123`);
    organizationId = report.organizationId;
    const [admin] = await first.get(DataSource).query('SELECT id FROM users WHERE email = $1', [demoEmail('admin')]);
    adminId = admin.id;
  });
  afterAll(async () => {
    await first?.close();
  });

  it('refuses a platform-admin token signed with any secret published in the source', async () => {
    expect(PUBLISHED_SECRET_VALUES.length).toBeGreaterThan(0);
    for (const published of PUBLISHED_SECRET_VALUES) {
      const forged = await forgeAdminToken(published, adminId, clock);
      const response = await request(first.getHttpServer()).get('/v1/clusters').set('authorization', `Bearer ${forged}`);
      expect({ published, status: response.status }).toEqual({ published, status: 401 });
      expect(response.body.type).toBe('urn:kubequiz:problem:invalid-token');
    }
  });

  it('runs on a generated secret that no source holds', async () => {
    const config = first.get(AppConfig);
    for (const secret of [config.JWT_SECRET, config.SECRETS_ENCRYPTION_KEY]) {
      expect(PUBLISHED_SECRET_VALUES).not.toContain(secret);
      expect(secret).not.toMatch(/^change-me/);
      expect(secret.length).toBeGreaterThanOrEqual(32);
    }
    const login = await request(first.getHttpServer())
      .post('/v1/auth/login')
      .send({ email: demoEmail('admin'), password: adminPassword })
      .expect(200);
    await request(first.getHttpServer()).get('/v1/clusters').set('authorization', `Bearer ${login.body.accessToken}`).expect(200);
  });

  it('keeps tokens and sealed keys valid across a restart on the same data', async () => {
    const login = await request(first.getHttpServer())
      .post('/v1/auth/login')
      .send({ email: demoEmail('admin'), password: adminPassword })
      .expect(200);
    // Seals the organisation's signing key under SECRETS_ENCRYPTION_KEY.
    const sealedKid = (await first.get(IssuerKeysService).signingKey(organizationId)).kid;
    const firstSecrets = { jwt: first.get(AppConfig).JWT_SECRET, sealing: first.get(AppConfig).SECRETS_ENCRYPTION_KEY };
    await first.close();

    const second = await start();
    try {
      expect(second.get(AppConfig).JWT_SECRET).toBe(firstSecrets.jwt);
      expect(second.get(AppConfig).SECRETS_ENCRYPTION_KEY).toBe(firstSecrets.sealing);
      await request(second.getHttpServer()).get('/v1/clusters').set('authorization', `Bearer ${login.body.accessToken}`).expect(200);
      // A fresh process has nothing cached: the key is unsealed from the database.
      expect((await second.get(IssuerKeysService).signingKey(organizationId)).kid).toBe(sealedKid);
      const forged = await forgeAdminToken(PUBLISHED_SECRET_VALUES[0]!, adminId, clock);
      await request(second.getHttpServer()).get('/v1/clusters').set('authorization', `Bearer ${forged}`).expect(401);
    } finally {
      await second.close();
      first = undefined as unknown as NestFastifyApplication;
    }
  });
});
