import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, openDatabase } from '../../src/db/database.js';

const dirs: string[] = [];
const fresh = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hireloop-lock-'));
  dirs.push(dir);
  return dir;
};
const startTime = (pid: number) => {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
};
/** A live process that is not Hireloop, as a reused pid would be. */
const bystander = spawn('sleep', ['300'], { stdio: 'ignore' });
afterAll(() => {
  bystander.kill();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

// The lock guards the embedded database's directory; the PostgreSQL pass has nothing new to show.
describe.skipIf(Boolean(process.env.DATABASE_URL))('the PGlite data directory lock', () => {
  it('a lock left with this very pid (a container restarting as the same pid) does not block start-up', async () => {
    const dir = fresh();
    fs.writeFileSync(path.join(dir, 'hireloop.lock'), JSON.stringify({ pid: process.pid, startedAt: '1' }));
    const database = await openDatabase({ dataDir: dir });
    await database.close();
    expect(fs.existsSync(path.join(dir, 'hireloop.lock'))).toBe(false);
  }, 60_000);

  it('a lock whose pid now belongs to another, later process does not block start-up', async () => {
    const dir = fresh();
    const pid = bystander.pid!;
    fs.writeFileSync(path.join(dir, 'hireloop.lock'), JSON.stringify({ pid, startedAt: '1' }));
    const database = await openDatabase({ dataDir: dir });
    await database.close();
  }, 60_000);

  it('a live holder is refused with a message naming it, and so is a second open in one process', async () => {
    const dir = fresh();
    const pid = bystander.pid!;
    fs.writeFileSync(path.join(dir, 'hireloop.lock'), JSON.stringify({ pid, startedAt: startTime(pid) }));
    const refusal = await openDatabase({ dataDir: dir }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    expect((refusal as Error).message).toContain(`in use by another Hireloop process (pid ${pid})`);

    const own = fresh();
    const first = await openDatabase({ dataDir: own });
    const second = await openDatabase({ dataDir: own }).catch((error: unknown) => error);
    expect(second).toBeInstanceOf(DataDirLockedError);
    await first.close();
  }, 60_000);
});

describe.skipIf(Boolean(process.env.DATABASE_URL))('the PGlite buffer pool', () => {
  it('is set in the data directory from its next start, the rest of postgresql.conf kept', async () => {
    const dir = fresh();
    const shared = async (sharedBuffersMb: number) => {
      const database = await openDatabase({ dataDir: dir, sharedBuffersMb });
      const { rows } = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(database.db);
      const { rows: zone } = await sql<{ TimeZone: string }>`show timezone`.execute(database.db);
      await database.close();
      return [rows[0]!.shared_buffers, zone[0]!.TimeZone];
    };
    // Created by initdb at this start: its own default until the next.
    expect(await shared(32)).toEqual(['128MB', 'UTC']);
    expect(await shared(32)).toEqual(['32MB', 'UTC']);
    expect(await shared(48)).toEqual(['48MB', 'UTC']);
    const conf = fs.readFileSync(path.join(dir, 'pglite', 'postgresql.conf'), 'utf8');
    expect(conf.match(/^shared_buffers.*$/gm)).toEqual(['shared_buffers = 48MB']);
  }, 120_000);
});
