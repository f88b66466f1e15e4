import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Database, openDatabase, pgliteExtensions } from '../src/db/database.js';

/** Runs `work` on a database of its own on the PostgreSQL server at `serverUrl`, dropped afterwards. */
export async function withScratchDatabase<T>(serverUrl: string, prefix: string, work: (db: Database) => Promise<T>) {
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  await admin.connect();
  const name = `${prefix}_${process.pid}`;
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const server = await openDatabase({ databaseUrl: url.toString() });
    try {
      return await work(server);
    } finally {
      await server.close();
    }
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/**
 * Runs `measure` on each database `databases` names: `pglite` in memory, `postgres` on a scratch
 * database of the server at `serverUrl`. Answers what the runs answered, PGlite's first.
 */
export async function onEachDatabase<T>(
  databases: string[],
  serverUrl: string,
  prefix: string,
  measure: (kind: 'pglite' | 'postgres', database: Database) => Promise<T[]>,
): Promise<T[]> {
  const all: T[] = [];
  if (databases.includes('pglite')) {
    const pglite = await PGlite.create({ extensions: pgliteExtensions });
    const embedded = await openDatabase({ pglite });
    try {
      all.push(...(await measure('pglite', embedded)));
    } finally {
      await embedded.close();
      await pglite.close();
    }
  }
  if (databases.includes('postgres')) all.push(...(await withScratchDatabase(serverUrl, prefix, (db) => measure('postgres', db))));
  return all;
}
