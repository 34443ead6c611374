import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getMetadataStorage } from 'class-validator';
import { repoRoot } from '../repo-paths.js';

// Settings come from the operator, not from a client; every other class-validator class is input.
const NOT_CLIENT_INPUT = new Set(['src/config/app-config.ts']);
const NUMERIC = new Set(['isInt', 'isNumber', 'isPositive', 'isNegative', 'isDivisibleBy']);
// Rules that cap a string's length, directly or through the shape they demand.
const STRING_BOUNDS = new Set(['maxLength', 'isLength', 'matches', 'isIn', 'isEnum', 'isUUID', 'isEmail', 'isISO8601', 'isUrl', 'equals']);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

async function inputClasses(): Promise<Array<{ file: string; cls: Function }>> {
  const root = repoRoot();
  const files = sourceFiles(join(root, 'src')).filter(
    (file) => readFileSync(file, 'utf8').includes("from 'class-validator'") && !NOT_CLIENT_INPUT.has(relative(root, file)),
  );
  const found: Array<{ file: string; cls: Function }> = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const value of Object.values(module)) {
      if (typeof value === 'function') found.push({ file: relative(root, file), cls: value });
    }
  }
  return found;
}

function rulesByField(classes: Array<{ file: string; cls: Function }>): Array<{ field: string; names: Set<string | undefined> }> {
  const storage = getMetadataStorage();
  return classes.flatMap(({ file, cls }) =>
    Object.entries(storage.groupByPropertyName(storage.getTargetValidationMetadatas(cls, '', true, false))).map(([property, rules]) => ({
      field: `${file} ${cls.name}.${property}`,
      names: new Set(rules.map((rule) => rule.name)),
    })),
  );
}

describe('input bounds', () => {
  it('gives every numeric field of every input class both a minimum and a maximum', async () => {
    const fields = rulesByField(await inputClasses());
    const numeric = fields.filter(({ names }) => [...names].some((name) => name && NUMERIC.has(name)));
    const unbounded = numeric.filter(({ names }) => !names.has('min') || !names.has('max')).map(({ field }) => field);
    // Guards the walk itself: if it found nothing, it would pass for the wrong reason.
    expect(numeric.length).toBeGreaterThan(5);
    expect(unbounded).toEqual([]);
  });

  it('caps the length of every string field of every input class', async () => {
    const strings = rulesByField(await inputClasses()).filter(({ names }) => names.has('isString'));
    const unbounded = strings.filter(({ names }) => ![...names].some((name) => name && STRING_BOUNDS.has(name))).map(({ field }) => field);
    expect(strings.length).toBeGreaterThan(10);
    expect(unbounded).toEqual([]);
  });
});
