import { readdirSync, readFileSync } from 'node:fs';
import { findSeedFile } from '../../src/documents/parsing/seed-outline.fixture.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const coursesDir = new URL('../../seeds/courses/', import.meta.url);

/** Every course document the repository ships, and the shared seed overview when it is present. */
function shippedDocuments(): Array<{ name: string; text: string }> {
  const docs = readdirSync(coursesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(new URL(`${d.name}/`, coursesDir)).filter((f) => f.endsWith('.md')).map((f) => `${d.name}/${f}`))
    .sort()
    .map((name) => ({ name, text: readFileSync(new URL(name, coursesDir), 'utf8') }));
  const seed = findSeedFile();
  return seed ? [...docs, { name: 'shared seed overview', text: readFileSync(seed, 'utf8') }] : docs;
}

describe('question-bank:generate on every shipped document', () => {
  let t: TestApp;
  let author: string;
  let courseId: string;

  beforeAll(async () => {
    t = await createTestApp();
    author = `Bearer ${await t.login('author')}`;
    courseId = (await t.http.post('/v1/courses').set('authorization', author).send({ slug: 'k8s-every-document', title: { zh: 'K8s', en: 'K8s' } }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  it.each(shippedDocuments())('generates a bank from $name without failing, reporting every section', async ({ name, text }) => {
    const created = await t.http.post(`/v1/courses/${courseId}/documents`).set('authorization', author).send({ title: name, text }).expect(201);
    const tree = await t.http.get(`/v1/documents/${created.body.id}/sections`).set('authorization', author).expect(200);
    const keys = flatKeys(tree.body.sections);
    const result = await t.http.post(`/v1/documents/${created.body.id}/question-bank:generate`).set('authorization', author).send({ seed: 'every-doc' });
    expect({ name, status: result.status }).toEqual({ name, status: 200 });
    expect(result.body.created).toBeGreaterThan(0);
    expect(result.body.perSection.map((p: { sectionKey: string }) => p.sectionKey)).toEqual(keys);
    expect(result.body.skipped).toEqual(expect.any(Array));
    expect(result.body.flagged).toEqual(expect.any(Array));
    // Drafts carry the generator's quality score, for review best first.
    const drafts = await t.http.get(`/v1/questions?courseId=${courseId}&origin=generated&status=draft&limit=20`).set('authorization', author).expect(200);
    for (const q of drafts.body.items) {
      expect(q.source.quality).toEqual({ score: expect.any(Number), reasons: expect.any(Array) });
      expect(q.source.quality.score).toBeGreaterThanOrEqual(0.6);
    }
    for (const p of result.body.perSection) expect(p.generated + (result.body.skipped.some((s: { sectionKey: string }) => s.sectionKey === p.sectionKey) ? 1 : 0)).toBeGreaterThan(0);
  });
});

function flatKeys(nodes: Array<{ key: string; children: unknown[] }>): string[] {
  return nodes.flatMap((n) => [n.key, ...flatKeys(n.children as Array<{ key: string; children: unknown[] }>)]);
}
