import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The outline of the shared seed article (a copied web page, not ours to ship), which
 * the shipped course must cover. Specs assert it against the parsed seed when present.
 */
export const SEED_OUTLINE: readonly string[] = [
  '1', '1.1', '1.2', '1.3',
  '2', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7',
  '3', '3.1', '3.2', '3.3',
  '4',
  '5', '5.1', '5.2', '5.3', '5.4', '5.5', '5.6', '5.7', '5.8', '5.9', '5.10',
];

const SEED_NAME = '000_d58a0e262b1f4b9d.txt';

/**
 * Where the seed lives: `KUBEQUIZ_SEED_FILE`, the repo's `seeds/`, or the shared folder beside
 * the repo (or beside the folder of worktrees the repo is checked out in).
 */
export function findSeedFile(): string | null {
  const candidates = [
    process.env['KUBEQUIZ_SEED_FILE'],
    resolve(process.cwd(), 'seeds', SEED_NAME),
    resolve(process.cwd(), '..', 'shared', 'seeds', SEED_NAME),
    resolve(process.cwd(), '..', '..', 'shared', 'seeds', SEED_NAME),
  ];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}
