import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
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

export type DatabaseTarget =
  | { databaseUrl: string }
  | { dataDir: string }
  /** An already opened PGlite instance, owned by the caller (tests load one from a snapshot). */
  | { pglite: PGlite };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('databaseUrl' in target) {
    const pool = new pg.Pool({ connectionString: target.databaseUrl, max: 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  if ('pglite' in target) {
    return fromPglite(target.pglite, async () => {});
  }
  fs.mkdirSync(target.dataDir, { recursive: true });
  const releaseLock = lockDataDir(target.dataDir);
  try {
    const pglite = await PGlite.create(path.join(target.dataDir, 'pglite'), { extensions: pgliteExtensions });
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

/** One process per PGlite directory: a second one would corrupt it. */
function lockDataDir(dataDir: string): () => void {
  const lockPath = path.join(dataDir, 'hireloop.lock');
  const take = () => fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
  try {
    take();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(fs.readFileSync(lockPath, 'utf8'));
    if (isAlive(holder)) {
      throw new DataDirLockedError(
        `The data directory ${path.resolve(dataDir)} is in use by another Hireloop process (pid ${holder}). ` +
          'Stop it first, or set DATA_DIR to another directory or DATABASE_URL to a PostgreSQL server.',
      );
    }
    fs.rmSync(lockPath, { force: true });
    take();
  }
  return () => fs.rmSync(lockPath, { force: true });
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

/** Brings the schema up to date; on PostgreSQL the migrator holds an advisory lock, so concurrent boots wait. */
export async function migrateToLatest(db: Kysely<DB>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}
