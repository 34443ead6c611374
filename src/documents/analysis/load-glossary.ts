import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Glossary, parseGlossary } from './glossary.js';

const RELATIVE = join('seeds', 'glossary', 'kubernetes.yaml');

/**
 * Reads the shipped Kubernetes glossary (or the file at `path`). The one I/O helper of the
 * analysis: everything else takes the parsed glossary as an argument.
 */
export function loadGlossary(path?: string): Glossary {
  return parseGlossary(readFileSync(path ?? findShippedGlossary(), 'utf8'));
}

/** Walks up from this module so it works from `src/` (tests) and `dist/src/` (built app). */
function findShippedGlossary(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, RELATIVE);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return resolve(process.cwd(), RELATIVE);
}
