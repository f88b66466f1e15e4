import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase, pgliteExtensions } from '../../src/db/database.js';
import { withDatabase } from './global-setup.js';

/** A fresh, migrated database of its own for one test file: a PGlite snapshot, or a clone of the PostgreSQL template. */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `hireloop_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDb')}`);
    // TEST_PGBOUNCER_URL: the app's queries go through PgBouncer (test/integration/replica-pgbouncer.test.ts).
    const through = process.env.TEST_PGBOUNCER_URL;
    const database = await openDatabase({ databaseUrl: withDatabase(through ?? url, name) });
    return {
      ...database,
      async close() {
        await database.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const snapshot = new Blob([fs.readFileSync(inject('snapshotFile'))]);
  const pglite = await PGlite.create({ loadDataDir: snapshot, extensions: pgliteExtensions });
  const database = await openDatabase({ pglite });
  return {
    ...database,
    async close() {
      await database.close();
      await pglite.close();
    },
  };
}
