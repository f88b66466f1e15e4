import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations.js';
import type { DB } from './schema.js';

// Counts come back as numbers and calendar dates as 'YYYY-MM-DD' strings, in both modes alike.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/** The extensions the schema uses; every PGlite instance must load them. */
export const pgliteExtensions = { pg_trgm, btree_gist };

export interface Database {
  db: Kysely<DB>;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export class DataDirLockedError extends Error {}

/** Connection faults, as opposed to a query's own errors: the database is away, not the request wrong. */
const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (connectionCodes.has(code) || code.startsWith('08') || code === '57P01'))
    return true;
  // node-postgres reports a dropped or impossible connection only in words.
  return (
    typeof message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED/.test(
      message,
    )
  );
}

/** True when the database answers a trivial query. */
export async function databaseAnswers(db: Kysely<DB>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

export type DatabaseTarget =
  | { databaseUrl: string; onConnectionError?: (error: Error) => void; poolSize?: number }
  | { dataDir: string; sharedBuffersMb?: number }
  /** An already opened PGlite instance, owned by the caller (tests load one from a snapshot). */
  | { pglite: PGlite };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('databaseUrl' in target) {
    // A connection that cannot be made fails in seconds, so requests answer 503 rather than hang.
    const pool = new pg.Pool({
      connectionString: target.databaseUrl,
      max: target.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
    });
    // An idle connection that the server or the network drops is an event, not a crash: the pool
    // replaces it on the next checkout, and the query that needed it fails on its own.
    const dropped = (error: Error) => target.onConnectionError?.(error);
    pool.on('error', dropped);
    // A connection checked out between two queries has no listener of the pool's: give each one.
    pool.on('connect', (client) => client.on('error', dropped));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  if ('pglite' in target) {
    return fromPglite(target.pglite, async () => {});
  }
  fs.mkdirSync(target.dataDir, { recursive: true });
  const releaseLock = lockDataDir(target.dataDir);
  try {
    const pgdata = path.join(target.dataDir, 'pglite');
    if (target.sharedBuffersMb) setSharedBuffers(pgdata, target.sharedBuffersMb);
    const pglite = await PGlite.create(pgdata, { extensions: pgliteExtensions });
    return fromPglite(pglite, async () => {
      await pglite.close();
      releaseLock();
    });
  } catch (error) {
    releaseLock();
    throw error;
  }
}

function fromPglite(pglite: PGlite, onClose: () => Promise<void>): Database {
  // PGlite has one backend: the pool hands out a single connection, so transactions queue.
  const pool = new pg.Pool(createPgConfig(pglite));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    async close() {
      await db.destroy();
      await onClose();
    },
  };
}

/** The data directories this process holds, so a second open from inside it is refused too. */
const heldHere = new Set<string>();

/**
 * One process per PGlite directory: a second one would corrupt it. The lock names its holder by
 * pid and the pid's start time, so a lock left by a crash never blocks a later start, even when
 * the pid has since been reused (a container restarting as pid 1 again).
 */
/**
 * Sets PostgreSQL's buffer pool in a PGlite data directory's own postgresql.conf, from the next
 * start on. initdb's 128 MB is most of the embedded server's memory (WebAssembly touches its whole
 * linear memory as the pool is laid out): 311 MiB resident with it against 214 MiB with 32 MB,
 * for PGlite opened on the demo. The file is edited rather than passed to PGlite, whose option
 * replaces the whole file (time zone, locale and date style with it). A directory created at this
 * start, by initdb, has no file yet and gets the setting from its next start.
 */
function setSharedBuffers(pgdata: string, megabytes: number) {
  const file = path.join(pgdata, 'postgresql.conf');
  if (!fs.existsSync(file)) return;
  const text = fs.readFileSync(file, 'utf8');
  const setting = /^#?\s*shared_buffers\s*=.*$/m;
  const line = `shared_buffers = ${megabytes}MB`;
  const next = setting.test(text) ? text.replace(setting, line) : `${text}\n${line}\n`;
  if (next !== text) fs.writeFileSync(file, next);
}

function lockDataDir(dataDir: string): () => void {
  const lockPath = path.resolve(dataDir, 'hireloop.lock');
  const me = { pid: process.pid, startedAt: startTimeOf(process.pid) };
  const take = () => fs.writeFileSync(lockPath, JSON.stringify(me), { flag: 'wx' });
  if (heldHere.has(lockPath)) throw lockedBy(dataDir, process.pid);
  try {
    take();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = readHolder(lockPath);
    if (
      holder &&
      holder.pid !== process.pid &&
      isAlive(holder.pid) &&
      startTimeOf(holder.pid) === holder.startedAt
    ) {
      throw lockedBy(dataDir, holder.pid);
    }
    fs.rmSync(lockPath, { force: true });
    take();
  }
  heldHere.add(lockPath);
  return () => {
    heldHere.delete(lockPath);
    fs.rmSync(lockPath, { force: true });
  };
}

const lockedBy = (dataDir: string, pid: number) =>
  new DataDirLockedError(
    `The data directory ${path.resolve(dataDir)} is in use by another Hireloop process (pid ${pid}). ` +
      'Stop it first, or set DATA_DIR to another directory or DATABASE_URL to a PostgreSQL server.',
  );

function readHolder(lockPath: string): { pid: number; startedAt: string | null } | null {
  const text = fs.readFileSync(lockPath, 'utf8').trim();
  try {
    const parsed = JSON.parse(text) as { pid?: unknown; startedAt?: unknown };
    if (typeof parsed.pid === 'number')
      return { pid: parsed.pid, startedAt: typeof parsed.startedAt === 'string' ? parsed.startedAt : null };
  } catch {
    // Older locks hold only the pid; an unreadable one blocks nothing.
  }
  const pid = Number(text);
  return Number.isInteger(pid) && pid > 0 ? { pid, startedAt: startTimeOf(pid) } : null;
}

/** When the process started, in clock ticks since boot (Linux); null where /proc is not there. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses; fields count from after it.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Brings the schema up to date; on PostgreSQL the migrator holds an advisory lock, so concurrent
 * boots wait. When exactly the known migrations have run (most starts), one query says so and the
 * migrator, whose own checks take about 0.3 s on PGlite even with nothing to do, is not needed.
 */
export async function migrateToLatest(db: Kysely<DB>): Promise<void> {
  if (await upToDate(db)) return;
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}

async function upToDate(db: Kysely<DB>): Promise<boolean> {
  const known = Object.keys(await migrationProvider.getMigrations());
  const table = await sql<{
    found: string | null;
  }>`SELECT to_regclass('kysely_migration')::text AS found`.execute(db);
  if (!table.rows[0]?.found) return false;
  const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(db);
  const done = new Set(rows.map((row) => row.name));
  return done.size === known.length && known.every((name) => done.has(name));
}
