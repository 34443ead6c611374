import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getMetadataStorage } from 'class-validator';
import { repoRoot } from '../repo-paths.js';

// Settings come from the operator, not from a client; every other class-validator class is input.
const NOT_CLIENT_INPUT = new Set(['src/config/app-config.ts']);
const NUMERIC = new Set(['isInt', 'isNumber', 'isPositive', 'isNegative', 'isDivisibleBy']);

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

describe('numeric input bounds', () => {
  it('gives every numeric field of every input class both a minimum and a maximum', async () => {
    const classes = await inputClasses();
    const storage = getMetadataStorage();
    const unbounded: string[] = [];
    let numericFields = 0;
    for (const { file, cls } of classes) {
      const byProperty = storage.groupByPropertyName(storage.getTargetValidationMetadatas(cls, '', true, false));
      for (const [property, rules] of Object.entries(byProperty)) {
        const names = new Set(rules.map((rule) => rule.name));
        if (![...names].some((name) => name && NUMERIC.has(name))) continue;
        numericFields += 1;
        if (!names.has('min') || !names.has('max')) unbounded.push(`${file} ${cls.name}.${property}`);
      }
    }
    // Guards the walk itself: if it found nothing, it would pass for the wrong reason.
    expect(numericFields).toBeGreaterThan(5);
    expect(unbounded).toEqual([]);
  });
});
