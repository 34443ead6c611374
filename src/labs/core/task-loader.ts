import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { repoRoot, seedsPath } from '../../common/repo-paths.js';
import { parsePath } from './json-path.js';
import { taskViolations, type PolicyViolation } from './manifest-policy.js';
import type { Assertion, TaskDefinition } from './task-types.js';

// ajv-formats is CommonJS; under ESM its default export may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

export class TaskDefinitionError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    detail: string,
  ) {
    super(`${file}: ${path || '/'} ${detail}`);
    this.name = 'TaskDefinitionError';
  }
}

/** The task is well formed but asks for more than its namespace (every violation, not just the first). */
export class TaskPolicyError extends TaskDefinitionError {
  constructor(
    file: string,
    readonly violations: PolicyViolation[],
  ) {
    super(file, violations[0]!.path, `breaks the lab policy: ${violations.map((v) => `${v.path} ${v.message}`).join('; ')}`);
    this.name = 'TaskPolicyError';
  }
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    // Read from the source tree (found like the seeds) so the built app needs no JSON copy step.
    const schema = JSON.parse(readFileSync(join(repoRoot(), 'src', 'labs', 'core', 'task.schema.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
    addFormats(ajv);
    compiled = ajv.compile(schema);
  }
  return compiled;
}

/** The most useful error: the deepest path, preferring anything over anyOf/oneOf summaries. */
function pickError(errors: ErrorObject[]): ErrorObject {
  return [...errors].sort((a, b) => b.instancePath.split('/').length - a.instancePath.split('/').length || Number(/Of$/.test(a.keyword)) - Number(/Of$/.test(b.keyword)))[0];
}

/** Validates one parsed task; `file` only names the source in errors. */
export function parseTask(raw: unknown, file = '<inline>'): TaskDefinition {
  const validate = validator();
  if (!validate(raw)) {
    const e = pickError(validate.errors ?? []);
    const extra = e.keyword === 'additionalProperties' ? ` (${(e.params as { additionalProperty: string }).additionalProperty})` : '';
    throw new TaskDefinitionError(file, e.instancePath, `${e.message ?? 'is invalid'}${extra}`);
  }
  const task = raw as TaskDefinition;
  const ids = new Set<string>();
  task.checks.forEach((c, i) => {
    if (ids.has(c.id)) throw new TaskDefinitionError(file, `/checks/${i}/id`, `duplicate check id "${c.id}"`);
    ids.add(c.id);
    checkPaths(c.assert, `/checks/${i}/assert`, file);
  });
  task.wrongSolution.expectFailed.forEach((id, i) => {
    if (!ids.has(id)) throw new TaskDefinitionError(file, `/wrongSolution/expectFailed/${i}`, `names no check ("${id}")`);
  });
  const violations = taskViolations(task);
  if (violations.length) throw new TaskPolicyError(file, violations);
  return task;
}

function checkPaths(a: Assertion, at: string, file: string): void {
  if ('field' in a) {
    try {
      parsePath(a.field.path);
    } catch (e) {
      throw new TaskDefinitionError(file, `${at}/field/path`, (e as Error).message);
    }
  }
  if ('all' in a) a.all.forEach((s, i) => checkPaths(s, `${at}/all/${i}`, file));
  if ('any' in a) a.any.forEach((s, i) => checkPaths(s, `${at}/any/${i}`, file));
}

/** Every `*.yaml` task of the folder, sorted by file name; throws naming the file and the path. */
export function loadTasks(dir: string = seedsPath('labs')): TaskDefinition[] {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  const seen = new Map<string, string>();
  return files.map((f) => {
    let raw: unknown;
    try {
      raw = parse(readFileSync(join(dir, f), 'utf8'));
    } catch (e) {
      throw new TaskDefinitionError(f, '', `is not valid YAML: ${(e as Error).message}`);
    }
    const task = parseTask(raw, f);
    const other = seen.get(task.id);
    if (other) throw new TaskDefinitionError(f, '/id', `"${task.id}" is also the id in ${other}`);
    seen.set(task.id, f);
    return task;
  });
}
