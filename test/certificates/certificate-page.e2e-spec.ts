import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { LONG_TTL, certificateWorld } from './certificate-fixtures.js';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = process.env.CERTIFICATE_SCREENSHOTS ?? join(process.cwd(), 'test-output');
const HOSTILE_NAME = '<script>alert(1)</script><img src=x onerror="window.__pwned=1">';

const HEADINGS = {
  valid: { en: 'Valid certificate', zh: '证书有效' },
  revoked: { en: 'Revoked', zh: '证书已撤销' },
  expired: { en: 'Expired', zh: '证书已过期' },
  unknown: { en: 'Certificate not found', zh: '未找到证书' },
} as const;
type Case = keyof typeof HEADINGS;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The public certificate page in a real, headless Chromium: verdicts in zh and en, escaping, CSP. */
describe('certificates: the public page for people', () => {
  let t: TestApp;
  let base: string;
  let context: BrowserContext;
  let profile: string;
  const ids = {} as Record<Case, string>;
  const dialogs: string[] = [];
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp({ JWT_ACCESS_TTL_SECONDS: LONG_TTL, CANDIDATE_TOKEN_TTL_SECONDS: LONG_TTL, PUBLIC_BASE_URL: base });
    await t.app.listen({ port, host: '127.0.0.1' });
    const w = await certificateWorld(t);
    const org = `/v1/organizations/${t.organizationId}`;
    const lmsKey = (await t.http.post(`${org}/api-keys`).set('authorization', w.owner).send({ name: 'lms', scopes: ['candidates:write', 'candidates:token'] }).expect(201)).body.key;
    await t.http.put(`${org}/candidates/hostile-1`).set('x-api-key', lmsKey).send({ email: 'mallory@learner.example', displayName: HOSTILE_NAME }).expect(201);
    const mallory = `Bearer ${(await t.http.post(`${org}/candidates/hostile-1/token`).set('x-api-key', lmsKey).expect(200)).body.accessToken}`;

    // Valid: the hostile candidate, name shown by default, 12 months. Revoked: the demo candidate,
    // who hid the name. Expired: 1 month, then the clock moves 2; issued before names were
    // shown by default (as the migration leaves such certificates).
    const yearly = await w.publishedExam({ title: 'Kubernetes <Fundamentals> & "more"' }, { externalIds: ['hostile-1'], userIds: [w.candidateId] });
    const monthly = await w.publishedExam({ title: 'Pods 101', certificateValidityMonths: 1 });
    const valid = await w.sit(yearly, 4, mallory);
    ids.valid = (await w.myCertificate(valid.attemptId, mallory))!.id as string;
    const revoked = await w.sit(yearly, 3);
    ids.revoked = (await w.myCertificate(revoked.attemptId))!.id as string;
    await t.http.patch(`/v1/me/certificates/${ids.revoked}`).set('authorization', w.candidate).send({ showName: false }).expect(200);
    await t.http.post(`/v1/certificates/${ids.revoked}/revoke`).set('authorization', w.examiner).send({ reason: 'Answers shared <b>online</b>' }).expect(200);
    const expired = await w.sit(monthly, 4);
    ids.expired = (await w.myCertificate(expired.attemptId))!.id as string;
    await t.app.get(DataSource).query(`UPDATE certificates SET show_name = false, show_name_chosen_at = NULL WHERE id = $1`, [ids.expired]);
    ids.unknown = '00000000-0000-4000-8000-000000000000';
    t.clock.advance(62 * 24 * 3600_000);

    mkdirSync(SCREENSHOTS, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'kq-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, viewport: { width: 1024, height: 800 } });
    context.on('request', (request) => {
      if (!request.url().startsWith(base) && !request.url().startsWith('data:')) foreignRequests.push(request.url());
    });
    context.on('page', (page) => page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    }));
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await t?.close();
  });

  async function open(kind: Case, lang: 'zh' | 'en'): Promise<{ page: Page; status: number; csp: string | undefined }> {
    const page = await context.newPage();
    // zh by Accept-Language, en by the ?lang= switch (which must win over the header).
    await page.setExtraHTTPHeaders({ 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' });
    const response = await page.goto(`${base}/v1/certificates/${ids[kind]}/verification${lang === 'en' ? '?lang=en' : ''}`);
    return { page, status: response!.status(), csp: response!.headers()['content-security-policy'] };
  }

  for (const kind of Object.keys(HEADINGS) as Case[]) {
    for (const lang of ['zh', 'en'] as const) {
      it(`shows the ${kind} verdict first, in ${lang}`, async () => {
        const { page, status, csp } = await open(kind, lang);
        expect(status).toBe(kind === 'unknown' ? 404 : 200);
        expect(csp).toMatch(/default-src 'none'/);
        expect(csp).not.toMatch(/unsafe-inline|script-src/);
        expect(await page.getAttribute('html', 'lang')).toBe(lang === 'zh' ? 'zh-Hans' : 'en');
        const h1 = page.locator('h1');
        expect(await h1.getAttribute('data-verdict')).toBe(kind);
        expect((await h1.textContent())?.trim()).toBe(HEADINGS[kind][lang]);
        // The verdict comes before everything else in the reading order.
        expect(await page.evaluate("document.querySelector('h1') === document.querySelectorAll('h1, h2, dl')[0]")).toBe(true);
        expect(await page.title()).toContain(HEADINGS[kind][lang]);
        expect(await page.getAttribute('meta[property="og:title"]', 'content')).toContain(HEADINGS[kind][lang]);
        expect(await page.getAttribute('meta[property="og:url"]', 'content')).toBe(`${base}/v1/certificates/${ids[kind]}/verification`);
        const body = (await page.textContent('body')) ?? '';
        if (kind === 'revoked') expect(body).toContain('Answers shared <b>online</b>');
        if (kind === 'expired') expect(body).toMatch(lang === 'zh' ? /过期于 \d{4}年/ : /Expired on \d{1,2} \w+ \d{4}/);
        if (kind !== 'unknown') expect(body).toContain(lang === 'zh' ? '核验数字签名' : 'checked against');
        await page.screenshot({ path: join(SCREENSHOTS, `certificate-page-${kind}-${lang}.png`), fullPage: true });
        await page.close();
      });
    }
  }

  it('renders a hostile display name and exam title as text, and runs no script', async () => {
    const { page } = await open('valid', 'en');
    const recipient = page.locator('dt', { hasText: 'Awarded to' }).locator('xpath=following-sibling::dd[1]');
    expect(await recipient.textContent()).toBe(HOSTILE_NAME);
    expect(await page.locator('dd', { hasText: 'Kubernetes <Fundamentals> & "more"' }).count()).toBe(1);
    expect(await page.evaluate("document.querySelectorAll('script, img, iframe, object').length")).toBe(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(foreignRequests).toEqual([]);
    // Public by default: name, score band, downloads that work as plain links; no name check needed.
    expect(await page.locator('form.name-check').count()).toBe(0);
    expect(await page.textContent('body')).toContain('Passed (score 90–100%)');
    const links = (await page.locator('.downloads a').evaluateAll((anchors) => anchors.map((a) => (a as unknown as { href: string }).href)));
    expect(links).toEqual([
      `${base}/v1/certificates/${ids.valid}/credential`,
      `${base}/v1/certificates/${ids.valid}/credential?format=json`,
      `${base}/v1/certificates/${ids.valid}/pdf`,
    ]);
    const json = await page.request.get(links[1]!);
    expect((await json.json()).id).toBe(`urn:uuid:${ids.valid}`);
    const pdf = await page.request.get(links[2]!);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await page.close();
  });

  it('switches language with a plain link and keeps a private certificate private', async () => {
    const { page } = await open('revoked', 'zh');
    expect(await page.textContent('body')).toContain('应持有人要求不显示');
    expect(await page.locator('.downloads').count()).toBe(0);
    await page.click('a[hreflang="en"]');
    expect((await page.textContent('h1'))?.trim()).toBe('Revoked');
    expect(page.url()).toBe(`${base}/v1/certificates/${ids.revoked}/verification?lang=en`);
    expect(await page.textContent('body')).toContain('Not shown at the holder’s request');
    await page.close();
  });

  it('lets a visitor check the name on a hidden certificate with a plain form, in zh and en', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const { page } = await open('revoked', lang);
      const body = (await page.textContent('body')) ?? '';
      expect(body).not.toContain('李学员');
      expect(body).toContain(lang === 'zh' ? '应持有人要求不显示' : 'Not shown at the holder’s request');
      expect(await page.locator('[data-name-check]').count()).toBe(0);

      await page.fill('#name-check-input', '王芳');
      await Promise.all([page.waitForNavigation(), page.click('form.name-check button[type="submit"]')]);
      expect(page.url()).toBe(`${base}/v1/certificates/${ids.revoked}/name-check`);
      expect(await page.getAttribute('[data-name-check]', 'data-name-check')).toBe('no');
      expect((await page.textContent('[data-name-check]'))?.trim()).toBe(lang === 'zh' ? '否：此证书不是颁发给“王芳”的。' : 'No: this certificate was not issued to “王芳”.');
      expect(await page.getAttribute('html', 'lang')).toBe(lang === 'zh' ? 'zh-Hans' : 'en');
      await page.screenshot({ path: join(SCREENSHOTS, `certificate-page-name-check-no-${lang}.png`), fullPage: true });

      // The printed name, typed with other spacing and case, is a yes; the page still does not print it on its own.
      await page.fill('#name-check-input', '  李学员　(candidate) ');
      await Promise.all([page.waitForNavigation(), page.click('form.name-check button[type="submit"]')]);
      expect(await page.getAttribute('[data-name-check]', 'data-name-check')).toBe('yes');
      expect((await page.textContent('[data-name-check]'))?.trim()).toContain(lang === 'zh' ? '是：此证书颁发给' : 'Yes: this certificate was issued to');
      expect((await page.textContent('dl'))).not.toContain('李学员');
      expect((await page.textContent('h1'))?.trim()).toBe(HEADINGS.revoked[lang]);
      await page.screenshot({ path: join(SCREENSHOTS, `certificate-page-name-check-yes-${lang}.png`), fullPage: true });
      await page.close();
    }
    expect(dialogs).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('says a name was never published, rather than hidden on request, for certificates from before the default', async () => {
    const { page } = await open('expired', 'en');
    expect(await page.textContent('body')).toContain('Not published (issued before names were shown by default)');
    expect(await page.locator('form.name-check').count()).toBe(1);
    await page.close();
  });

  it('fits a phone screen', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.setExtraHTTPHeaders({ 'accept-language': 'zh-CN' });
    await page.goto(`${base}/v1/certificates/${ids.valid}/verification`);
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'certificate-page-valid-zh-mobile.png'), fullPage: true });
    await page.close();
  });

  it('still answers programs with the same JSON', async () => {
    for (const accept of [undefined, 'application/json', '*/*']) {
      const call = t.http.get(`/v1/certificates/${ids.revoked}/verification`);
      const response = await (accept ? call.set('accept', accept) : call).expect(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toMatchObject({
        status: 'revoked',
        certificateId: ids.revoked,
        recipient: { displayName: null, nameShown: false, nameCheckUrl: `${base}/v1/certificates/${ids.revoked}/name-check` },
        revocationReason: 'Answers shared <b>online</b>',
      });
      expect(Object.keys(response.body).sort()).toEqual(
        ['certificateId', 'checkedAt', 'checks', 'exam', 'issuedAt', 'issuer', 'recipient', 'revocationReason', 'revokedAt', 'status', 'validUntil'].sort(),
      );
    }
    const hostileId = await t.http.get('/v1/certificates/%3Cscript%3Ealert(1)%3C%2Fscript%3E/verification').set('accept', 'text/html').expect(404);
    expect(hostileId.text).not.toContain('<script');
    expect(hostileId.text).toContain('%3Cscript%3E');
    const page = await t.http.get(`/v1/certificates/${ids.valid}/verification`).set('accept', 'text/html').expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    // Accept-Encoding joins them when the page is sent compressed.
    expect(page.headers.vary.split(', ').slice(0, 2)).toEqual(['Accept', 'Accept-Language']);
    expect(Buffer.byteLength(page.text)).toBeLessThan(12 * 1024);
    const unknown = await t.http.get(`/v1/certificates/${ids.unknown}/verification`).expect(200);
    expect(unknown.body.status).toBe('unknown');
    const expired = await t.http.get(`/v1/certificates/${ids.expired}/verification`).set('accept', 'application/json').expect(200);
    expect(expired.body.status).toBe('expired');
  });
});
