// One SQL sandbox process. Each run restores a fresh PGlite database from the dataset's snapshot and
// runs one statement as the `candidate` role, which may only read the tables. PGlite's session
// itself is its superuser, which a statement can switch back to (SET ROLE) — but only inside this
// run's in-memory copy, in a process started like the Python sandbox's: empty environment, no code
// generation from strings, reading only PGlite's files and the snapshot, writing nothing.
// PGlite's single backend has no timer to cancel a statement, so the host kills this process when
// a run overstays its time; every run starts from the snapshot again, whatever the last one did.
//
//   sql-runner.mjs <pglite entry> --make-snapshot <dataset.sql> <file>   load the dataset, write the snapshot
//   sql-runner.mjs <pglite entry> <snapshot file> <sha256>                serve runs over IPC, like python-runner.mjs
//                                                                          (a snapshot with another hash is refused)

import fsConstants from 'node:constants';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { constants as osConstants } from 'node:os';
import { pathToFileURL } from 'node:url';

const ROW_LIMIT = 1000;
const host = process;
const [pgliteEntry, mode, ...files] = host.argv.slice(2);
// Emscripten's Node file-system layer asks process.binding for constants, which the permission model refuses.
host.binding = (name) => {
  if (name === 'constants') return { os: osConstants, fs: fsConstants };
  throw new Error(`process.binding(${name}) is not available in the sandbox`);
};
const { PGlite } = await import(pathToFileURL(pgliteEntry).href);

if (mode === '--make-snapshot') {
  const [datasetFile, snapshotFile] = files;
  const database = new PGlite();
  await database.exec(fs.readFileSync(datasetFile, 'utf8'));
  // Runs connect as `candidate`; PGlite waits forever for a role it lacks, so every run would hang.
  // A dataset without the role is refused here, where the start-up names the dataset.
  const role = await database.query(`select 1 from pg_roles where rolname = 'candidate' and rolcanlogin`);
  if (role.rows.length === 0) {
    host.stderr?.write?.(
      `${datasetFile} has no login role "candidate" for runs to connect as (create role candidate login; grant select on its tables)\n`,
    );
    host.exit(4);
  }
  const dump = await database.dumpDataDir('none');
  await database.close();
  fs.writeFileSync(snapshotFile, new Uint8Array(await dump.arrayBuffer()));
  host.exit(0);
} else {
  const bytes = fs.readFileSync(mode);
  if (createHash('sha256').update(bytes).digest('hex') !== files[0]) {
    host.stderr?.write?.('the SQL snapshot does not match its hash; it is not used\n');
    host.exit(3);
  }
  const snapshot = new Blob([bytes]);
  // The next run's database is restored ahead, so a run's time is its statement's alone.
  const restore = async () => {
    const database = new PGlite({ loadDataDir: snapshot, username: 'candidate' });
    await database.waitReady;
    return database;
  };
  let next = await restore();
  host.send({ ready: true });
  host.on('message', async ({ id, request }) => {
    const started = performance.now();
    const database = next;
    const answer = (result) =>
      host.send({ id, result: { ...result, elapsedMs: performance.now() - started } });
    try {
      await database.exec(`set statement_timeout = ${Math.round(request.limits.timeMs)}`);
      const result = await database.query(request.source, [], { rowMode: 'array' });
      answer({
        outcome: 'completed',
        detail: '',
        columns: result.fields.map((field) => field.name),
        rows: result.rows.slice(0, ROW_LIMIT).map((row) => row.map(plain)),
        rowCount: result.rows.length,
      });
    } catch (error) {
      answer({
        outcome: 'invalid',
        detail: error instanceof Error ? error.message : String(error),
        columns: [],
        rows: [],
        rowCount: 0,
      });
    }
    await database.close().catch(() => undefined);
    next = await restore();
    host.send({ ready: true });
  });
}

/** Values as JSON can carry them: dates as ISO text (a midnight date as the day alone), big numbers as text. */
function plain(value) {
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  return value;
}
