import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { sharedState } from '../../src/db/shared-state.repository.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { App } from '../../src/server/context.js';
import { addBoard } from '../support/boards.js';
import { openTestDatabase } from '../support/db.js';
import { buildWorld, ids, TestClock, type World } from '../support/world.js';

// Two nodes on one PostgreSQL count one budget: requests spread over both are refused once the
// budget is spent in all, per address and per board key. (PGlite is one process: nothing to share.)
const postgres = Boolean(process.env.DATABASE_URL);
let database: Database;
let world: World;
let nodes: App[] = [];

beforeAll(async () => {
  if (!postgres) return;
  database = await openTestDatabase();
  world = await buildWorld(database, new TestClock());
  await addBoard(
    world,
    { token: `sl-${world.slug}`, name: 'Careers', employmentTypes: ['full_time'] },
    'shared-key',
  );
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    SUBMISSIONS_PER_MINUTE_PER_IP: '3',
    SUBMISSIONS_PER_MINUTE_PER_KEY: '5',
    SCHEDULING_REQUESTS_PER_MINUTE_PER_IP: '4',
  });
  nodes = await Promise.all([1, 2].map(() => buildApp({ database, config, clock: new TestClock(), ids })));
});
afterAll(async () => {
  for (const node of nodes) await node.close();
  await database?.close();
});

describe.skipIf(!postgres)('budgets shared by the nodes', () => {
  it('per address: the fifth request, on either node, is refused', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      const response = await nodes[i % 2]!.inject({
        url: `/api/scheduling/${'x'.repeat(43)}`,
        remoteAddress: '10.7.0.1',
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([404, 404, 404, 404, 429, 429]);
    // Another address has a budget of its own.
    const other = await nodes[1]!.inject({
      url: `/api/scheduling/${'x'.repeat(43)}`,
      remoteAddress: '10.7.0.2',
    });
    expect(other.statusCode).toBe(404);
  });

  it('per board key and per address, across nodes', async () => {
    const jobs = (await nodes[0]!.inject({ url: `/v1/boards/sl-${world.slug}/jobs` })).json();
    const send = (node: number, ip: string, n: string) =>
      nodes[node]!.inject({
        method: 'POST',
        url: `/v1/boards/sl-${world.slug}/jobs/${jobs.jobs[0].id}`,
        remoteAddress: ip,
        headers: { authorization: `Basic ${Buffer.from('shared-key:').toString('base64')}` },
        payload: {
          first_name: 'Ada',
          last_name: n,
          email: `ada.${n}@example.com`,
          resume_text: 'cv',
          data_compliance: { gdpr_processing_consent_given: true },
        },
      });
    const fromOne = [];
    for (let i = 0; i < 4; i++) fromOne.push((await send(i % 2, '10.8.0.1', `one-${i}`)).statusCode);
    expect(fromOne).toEqual([200, 200, 200, 429]);
    // The key's budget of five: two more from other addresses, then refused on both nodes.
    const others = [];
    for (let i = 0; i < 4; i++) others.push((await send(i % 2, `10.8.1.${i}`, `other-${i}`)).statusCode);
    expect(others).toEqual([200, 200, 429, 429]);
    const refused = await send(0, '10.8.2.1', 'late');
    expect(refused.json().error).toMatchObject({ code: 'rate.limited' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('the sweeps lease', () => {
  it('one worker at a time: its holder keeps it by renewing, another takes it once it runs out', async () => {
    const own = postgres ? null : await openTestDatabase();
    const state = sharedState((own ?? database).db);
    const at = new Date('2026-03-02T09:00:00Z');
    const later = (ms: number) => new Date(at.getTime() + ms);
    expect(await state.lease('test-sweeps', 'worker-a', at, 90_000)).toBe(true);
    expect(await state.lease('test-sweeps', 'worker-b', later(1_000), 90_000)).toBe(false);
    expect(await state.lease('test-sweeps', 'worker-a', later(60_000), 90_000)).toBe(true);
    // worker-a's renewal holds until 150 s; worker-b waits until then.
    expect(await state.lease('test-sweeps', 'worker-b', later(120_000), 90_000)).toBe(false);
    expect(await state.lease('test-sweeps', 'worker-b', later(151_000), 90_000)).toBe(true);
    expect(await state.lease('test-sweeps', 'worker-a', later(152_000), 90_000)).toBe(false);
    await own?.close();
  });
});
