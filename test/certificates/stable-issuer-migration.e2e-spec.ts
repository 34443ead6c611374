import { DataSource } from 'typeorm';
import { StableIssuerAndCheckableName1796001200000 } from '../../migrations/1796001200000-StableIssuerAndCheckableName.js';
import { recipientNameMatches } from '../../src/certificates/name-check/recipient-name-hash.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { LONG_TTL, certificateWorld } from './certificate-fixtures.js';

const BASE = 'https://kubequiz.before-migration.test';

/** The migration on a database that already holds certificates: base URLs and name hashes filled in, choices kept. */
describe('migration StableIssuerAndCheckableName on existing certificates', () => {
  let t: TestApp;
  let ids: { shown: string; hidden: string };

  beforeAll(async () => {
    t = await createTestApp({ JWT_ACCESS_TTL_SECONDS: LONG_TTL, PUBLIC_BASE_URL: BASE, SANDBOX_ENABLED: 'false' });
    const w = await certificateWorld(t);
    const examId = await w.publishedExam();
    const shown = (await w.myCertificate((await w.sit(examId, 4)).attemptId))!.id as string;
    const hidden = (await w.myCertificate((await w.sit(examId, 4)).attemptId))!.id as string;
    ids = { shown, hidden };
    const db = t.app.get(DataSource);
    // As before the migration: the old default (false) on one, and no record of base URLs.
    await db.query(`UPDATE certificates SET show_name = false WHERE id = $1`, [hidden]);
    // This migration alone, down and up again (whatever migrations came after it).
    const migration = new StableIssuerAndCheckableName1796001200000();
    const runner = db.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
  }, 120_000);
  afterAll(() => t?.close());

  it('records the base URL the certificates were issued under', async () => {
    const rows = await t.app.get(DataSource).query(`SELECT organization_id, base_url FROM issuer_base_urls`);
    expect(rows).toEqual([{ organization_id: t.organizationId, base_url: BASE }]);
  });

  it('keeps every holder’s visibility as it was, with no choice recorded', async () => {
    const rows: Array<{ id: string; show_name: boolean; show_name_chosen_at: Date | null }> = await t.app
      .get(DataSource)
      .query(`SELECT id, show_name, show_name_chosen_at FROM certificates ORDER BY issued_at, id`);
    const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
    expect(byId[ids.shown]).toMatchObject({ show_name: true, show_name_chosen_at: null });
    expect(byId[ids.hidden]).toMatchObject({ show_name: false, show_name_chosen_at: null });
  });

  it('hashes the printed name of existing certificates so the name check answers for them', async () => {
    const [row] = await t.app.get(DataSource).query(`SELECT recipient_name_salt, recipient_name_hash FROM certificates WHERE id = $1`, [ids.hidden]);
    const stored = { salt: row.recipient_name_salt as Buffer, hash: row.recipient_name_hash as Buffer };
    expect(recipientNameMatches(' 李学员 (CANDIDATE)', stored)).toBe(true);
    expect(recipientNameMatches('王芳', stored)).toBe(false);
    const answer = await t.http.post(`/v1/certificates/${ids.hidden}/name-check`).send({ name: '李学员 (Candidate)' }).expect(200);
    expect(answer.body.matches).toBe(true);
    const page = await t.http.get(`/v1/certificates/${ids.hidden}/verification`).set('accept', 'text/html').set('accept-language', 'en').expect(200);
    expect(page.text).toContain('Not published (issued before names were shown by default)');
    expect((await t.http.get(`/v1/certificates/${ids.hidden}/verification`).expect(200)).body.status).toBe('valid');
  });
});
