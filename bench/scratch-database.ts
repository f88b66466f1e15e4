import pg from 'pg';
import { type Database, openDatabase } from '../src/db/database.js';

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
