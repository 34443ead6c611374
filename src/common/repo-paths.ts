import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json: shipped data (seeds/) sits there whether the code runs
 * from src/ (tests) or from dist/src/ (built).
 */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i += 1) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'seeds'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

export function seedsPath(...parts: string[]): string {
  return join(repoRoot(), 'seeds', ...parts);
}
