import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadTasks, TaskDefinitionError } from './task-loader.js';

const valid = {
  id: 'demo',
  title: { zh: '演示', en: 'Demo' },
  instructions: { zh: '做', en: 'Do' },
  sections: ['5.3'],
  timeLimitMinutes: 5,
  setup: [],
  solution: { manifests: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }] },
  wrongSolution: { manifests: [], expectFailed: ['exists'] },
  checks: [
    {
      id: 'exists',
      title: { zh: '存在', en: 'Exists' },
      weight: 1,
      hint: { zh: '创建', en: 'Create it' },
      section: '5.3',
      target: { apiVersion: 'v1', kind: 'ConfigMap', name: 'c' },
      assert: { exists: true },
    },
  ],
};

describe('loadTasks', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tasks-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (file: string, body: unknown) => writeFileSync(join(dir, file), typeof body === 'string' ? body : stringify(body));
  const failure = (): TaskDefinitionError => {
    try {
      loadTasks(dir);
    } catch (e) {
      expect(e).toBeInstanceOf(TaskDefinitionError);
      return e as TaskDefinitionError;
    }
    throw new Error('expected an error');
  };
  const withCheck = (patch: object) => ({ ...valid, checks: [{ ...valid.checks[0], ...patch }] });

  it('loads the shipped tasks, every one with checks in both languages', () => {
    const tasks = loadTasks();
    expect(tasks.length).toBe(13);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
    for (const t of tasks) for (const c of t.checks) expect(c.hint.zh && c.hint.en && c.title.zh && c.title.en).toBeTruthy();
  });

  it('loads a valid folder in file order', () => {
    write('b.yaml', { ...valid, id: 'b' });
    write('a.yml', valid);
    write('notes.txt', 'ignored');
    expect(loadTasks(dir).map((t) => t.id)).toEqual(['demo', 'b']);
  });

  it.each([
    ['an unknown assertion', withCheck({ assert: { sparkles: true } }), '/checks/0/assert', /must NOT have additional properties \(sparkles\)/],
    ['two assertions at once', withCheck({ assert: { exists: true, absent: true } }), '/checks/0/assert', /must NOT have more than 1 properties/],
    ['a missing language', { ...valid, title: { en: 'Demo' } }, '/title', /must have required property 'zh'/],
    ['a bad regex', withCheck({ assert: { field: { path: 'a', matches: '([' } } }), '/checks/0/assert/field/matches', /must match format "regex"/],
    ['name and selector together', withCheck({ target: { apiVersion: 'v1', kind: 'Pod', name: 'a', labelSelector: 'x=y' } }), '/checks/0/target', /must NOT be valid/],
    ['an unsupported path', withCheck({ assert: { field: { path: 'a[?(@.x>1)]', equals: 1 } } }), '/checks/0/assert/field/path', /unsupported/],
    ['expectFailed naming no check', { ...valid, wrongSolution: { manifests: [], expectFailed: ['ghost'] } }, '/wrongSolution/expectFailed/0', /names no check/],
    ['a duplicate check id', { ...valid, checks: [valid.checks[0], valid.checks[0]] }, '/checks/1/id', /duplicate check id/],
  ])('names the file and path for %s', (_what, body, path, message) => {
    write('broken.yaml', body);
    const e = failure();
    expect([e.file, e.path]).toEqual(['broken.yaml', path]);
    expect(e.message).toMatch(message);
    expect(e.message.startsWith(`broken.yaml: ${path} `)).toBe(true);
  });

  it('reports YAML syntax errors and duplicate task ids with their files', () => {
    write('a.yaml', valid);
    write('b.yaml', valid);
    expect(failure().message).toBe('b.yaml: /id "demo" is also the id in a.yaml');
    write('c.yaml', 'id: [unclosed');
    rmSync(join(dir, 'b.yaml'));
    expect(failure().message).toMatch(/^c\.yaml: \/ is not valid YAML/);
  });
});
