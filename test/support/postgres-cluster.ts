import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './processes.js';

const BIN = '/usr/lib/postgresql/15/bin';

/**
 * Why PostgreSQL servers of a test's own cannot be started here, or null: they need the server
 * binaries and, as PostgreSQL refuses to run as root, the `postgres` user to run them as.
 */
export function clusterUnavailable(): string | null {
  if (!fs.existsSync(path.join(BIN, 'postgres'))) return `no PostgreSQL 15 server binaries in ${BIN}`;
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0)
    return 'running as root without a postgres user to run the servers as';
  return null;
}

/** Runs a program as the postgres user when we are root (PostgreSQL and PgBouncer refuse root). */
const asPostgres = (program: string, args: string[]): [string, string[]] =>
  process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];

function run(program: string, args: string[]) {
  const [command, full] = asPostgres(program, args);
  const result = spawnSync(command, full, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr || result.stdout}`);
}

function ownedDir(label: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hl-${label}-`));
  if (process.getuid?.() === 0) spawnSync('chown', ['-R', 'postgres:postgres', dir]);
  fs.chmodSync(dir, 0o700);
  return dir;
}

async function answering(url: string, ms: number) {
  const until = Date.now() + ms;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** A primary and, on request, a streaming replica made from it with pg_basebackup; all stopped by `stop`. */
export async function postgresCluster() {
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  const server = async (dataDir: string) => {
    const port = await freePort();
    const [command, args] = asPostgres(path.join(BIN, 'postgres'), [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-k',
      dataDir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'shared_buffers=32MB',
    ]);
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    children.push(child);
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    await answering(url, 30_000);
    return { port, url, child };
  };
  const primaryDir = ownedDir('primary');
  dirs.push(primaryDir);
  run(path.join(BIN, 'initdb'), ['-D', primaryDir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const primary = await server(primaryDir);
  return {
    primary,
    /** A hot standby streaming from the primary (pg_basebackup -R: it follows at once). */
    async replica() {
      const dir = ownedDir('replica');
      dirs.push(dir);
      fs.rmdirSync(dir);
      run(path.join(BIN, 'pg_basebackup'), [
        '-h',
        '127.0.0.1',
        '-p',
        String(primary.port),
        '-U',
        'postgres',
        '-D',
        dir,
        '-R',
        '-X',
        'stream',
        // A fast checkpoint: the default spreads it over minutes.
        '-c',
        'fast',
      ]);
      return server(dir);
    },
    /** PgBouncer in transaction mode in front of the primary: a session lasts one transaction. */
    async pgbouncer() {
      const dir = ownedDir('pgbouncer');
      dirs.push(dir);
      const port = await freePort();
      const ini = path.join(dir, 'pgbouncer.ini');
      fs.writeFileSync(
        ini,
        [
          '[databases]',
          `* = host=127.0.0.1 port=${primary.port} user=postgres`,
          '[pgbouncer]',
          'listen_addr = 127.0.0.1',
          `listen_port = ${port}`,
          `unix_socket_dir = ${dir}`,
          'auth_type = any',
          'pool_mode = transaction',
          'max_client_conn = 500',
          'default_pool_size = 20',
          // A test database is dropped when its file ends: no server connection may linger on it.
          'server_idle_timeout = 1',
          'ignore_startup_parameters = extra_float_digits,options',
          '',
        ].join('\n'),
      );
      if (process.getuid?.() === 0) spawnSync('chown', ['-R', 'postgres:postgres', dir]);
      const [command, args] = asPostgres('/usr/sbin/pgbouncer', [ini]);
      const child = spawn(command, args, { stdio: 'ignore', detached: true });
      children.push(child);
      const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
      await answering(url, 20_000);
      return { port, url };
    },
    async stop() {
      for (const child of children.reverse()) {
        if (child.exitCode !== null || child.signalCode !== null) continue;
        const gone = new Promise((resolve) => child.once('exit', resolve));
        // Its own process group (runuser and the server under it); SIGINT is PostgreSQL's fast shutdown.
        const group = -(child.pid ?? 0);
        process.kill(group, 'SIGINT');
        await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null && child.signalCode === null) process.kill(group, 'SIGKILL');
      }
      for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
