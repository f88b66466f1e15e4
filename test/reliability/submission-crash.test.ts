import { afterAll, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/db/database.js';
import { addBoard } from '../support/boards.js';
import { freePort, serverProcesses, waitForHealth } from '../support/processes.js';
import { buildWorld, TestClock } from '../support/world.js';

const processes = serverProcesses();
afterAll(() => processes.stopAll());

it('a server killed under a stream of submissions loses none that were acknowledged and duplicates none', async () => {
  const shared = await processes.sharedDatabase('submit');
  let database = await shared.open();
  await migrateToLatest(database.db);
  const world = await buildWorld(database, new TestClock(new Date()));
  await addBoard(world, { token: 'crash', name: 'Crash', employmentTypes: ['full_time'] }, 'crash-key');
  const post = await world.db.selectFrom('job_posts').select('id').executeTakeFirstOrThrow();
  await database.close();

  const port = await freePort();
  const env = { PORT: String(port), SUBMISSIONS_PER_MINUTE_PER_IP: '100000', ...shared.env };
  let server = processes.start(env);
  await waitForHealth(port, 60_000);

  const TOTAL = 60;
  const acknowledged = new Map<number, string>();
  const submit = async (n: number) => {
    const response = await fetch(`http://127.0.0.1:${port}/v1/boards/crash/jobs/${post.id}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from('crash-key:').toString('base64')}`,
        'idempotency-key': `stream-${n}`,
      },
      body: JSON.stringify({
        first_name: 'Stream',
        last_name: `Applicant ${n}`,
        email: `stream.${n}@example.com`,
        resume_text: 'cv',
      }),
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status !== 200) throw new Error(`status ${response.status}`);
    acknowledged.set(n, (await response.json()).application_id);
  };

  // Four clients send in parallel; the server dies after the 20th acknowledgement.
  const pending = Array.from({ length: TOTAL }, (_, n) => n);
  let killed = false;
  const client = async () => {
    for (let n = pending.shift(); n !== undefined; n = pending.shift()) {
      await submit(n).catch(() => undefined);
      if (!killed && acknowledged.size >= 20) {
        killed = true;
        server.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all([client(), client(), client(), client()]);
  await server.exited;
  expect(acknowledged.size).toBeLessThan(TOTAL);

  // Restart; the clients retry everything not acknowledged, with the same idempotency keys.
  server = processes.start(env);
  await waitForHealth(port, 60_000);
  for (let round = 0; round < 3 && acknowledged.size < TOTAL; round++) {
    for (let n = 0; n < TOTAL; n++) if (!acknowledged.has(n)) await submit(n).catch(() => undefined);
  }
  expect(acknowledged.size).toBe(TOTAL);
  server.child.kill('SIGTERM');
  await server.exited;

  database = await shared.open();
  const rows = await database.db
    .selectFrom('applications')
    .innerJoin('candidates', 'candidates.id', 'applications.candidate_id')
    .select(['applications.id', 'candidates.email'])
    .where('applications.source', '=', 'board:crash')
    .execute();
  await database.close();
  expect(rows).toHaveLength(TOTAL);
  expect(new Set(rows.map((r) => r.email)).size).toBe(TOTAL);
  expect(new Set(rows.map((r) => r.id))).toEqual(new Set(acknowledged.values()));
}, 240_000);
