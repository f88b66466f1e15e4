import { spawn } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDebianPackages } from '../../scripts/debian-packages.mjs';
import { submitApplication } from '../../src/core/applications/submit-application.js';
import { type Database, migrateToLatest, openDatabase } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import type { App } from '../../src/server/context.js';
import { withDatabase } from '../support/global-setup.js';
import { loginAs, testConfig } from '../support/http.js';
import { clusterUnavailable, postgresCluster } from '../support/postgres-cluster.js';
import { buildWorld, ids, ok, TestClock, type World } from '../support/world.js';

// PostgreSQL servers of the test's own: a primary, a streaming replica made with pg_basebackup
// that the reports read from, and PgBouncer in transaction mode that the HTTP contract tests
// pass through.
const postgres = Boolean(process.env.DATABASE_URL);
const unavailable = postgres ? (clusterUnavailable() ?? ensureDebianPackages(['pgbouncer'])) : null;
if (!postgres) console.warn('replica-pgbouncer: skipped, it runs with the PostgreSQL pass (DATABASE_URL)');
else if (unavailable) console.warn(`replica-pgbouncer: skipped, ${unavailable}`);

async function query(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

let cluster: Awaited<ReturnType<typeof postgresCluster>> | null = null;
afterAll(async () => {
  await cluster?.stop();
});

describe.skipIf(!postgres || unavailable)('a read replica and PgBouncer', () => {
  let primary: Database;
  let replica: Database;
  let app: App;
  let world: World;
  let cookie: string;
  let standbyUrl = '';
  const clock = new TestClock(new Date());

  beforeAll(async () => {
    cluster = await postgresCluster();
    await query(cluster.primary.url, 'CREATE DATABASE hireloop');
    primary = await openDatabase({ databaseUrl: withDatabase(cluster.primary.url, 'hireloop') });
    await migrateToLatest(primary.db);
    world = await buildWorld(primary, clock);
    const standby = await cluster.replica();
    standbyUrl = standby.url;
    replica = await openDatabase({ databaseUrl: withDatabase(standby.url, 'hireloop') });
    app = await buildApp({ database: primary, readDatabase: replica, config: testConfig, clock, ids });
    cookie = await loginAs(app, world.slug, world.staff.recruiter.email);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await replica?.close();
    await primary?.close();
  });

  const apply = async (n: number) => {
    for (let i = 0; i < n; i++)
      ok(
        await submitApplication(world.deps, {
          actor: world.staff.recruiter,
          jobId: world.jobs.fullTimeA.id,
          candidate: world.candidate(),
          source: 'test',
        }),
      );
  };
  const funnel = async () => {
    const response = await app.inject({
      url: `/api/reports/funnel?jobId=${world.jobs.fullTimeA.id}`,
      headers: { cookie },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as {
      freshness: { replica: boolean; lagSeconds: number };
      items: { total: number }[];
    };
    return { ...body.freshness, total: body.items[0]?.total ?? 0 };
  };

  it('serves the reports from the replica, saying how far behind it is', async () => {
    await apply(3);
    await expect.poll(funnel, { timeout: 30_000 }).toMatchObject({ replica: true, total: 3 });

    // The replica stops replaying: the report still answers, from what it has, and says it lags.
    await query(standbyUrl, 'SELECT pg_wal_replay_pause()');
    await apply(2);
    await expect
      .poll(async () => (await funnel()).lagSeconds, { timeout: 30_000, interval: 300 })
      .toBeGreaterThan(0);
    expect((await funnel()).total).toBe(3);
    // Writes and reads of one's own writes stay on the primary: the application list has all five.
    const list = await app.inject({
      url: `/api/jobs/${world.jobs.fullTimeA.id}/pipeline`,
      headers: { cookie },
    });
    expect(list.statusCode).toBe(200);
    const counts = (list.json() as { columns: { count: number }[] }).columns.map((c) => c.count);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(5);

    await query(standbyUrl, 'SELECT pg_wal_replay_resume()');
    await expect.poll(funnel, { timeout: 30_000 }).toMatchObject({ replica: true, total: 5, lagSeconds: 0 });
    // Another report says the same. Polled too: any write to the primary meanwhile puts the
    // replica a moment behind until it has replayed it.
    const timing = async () =>
      (await app.inject({ url: '/api/reports/timing', headers: { cookie } })).json().freshness;
    await expect.poll(timing, { timeout: 30_000 }).toEqual({ replica: true, lagSeconds: 0 });
  }, 120_000);

  it('passes the HTTP contract tests through PgBouncer in transaction mode', async () => {
    const bouncer = await cluster!.pgbouncer();
    // The contract tests in a run of their own: their databases on this primary, their queries through PgBouncer.
    const child = spawn(
      'npx',
      ['vitest', 'run', 'test/http/contract.test.ts', '--maxWorkers=1', '--minWorkers=1', '--reporter=dot'],
      {
        env: {
          ...process.env,
          NO_COLOR: '1',
          FORCE_COLOR: '0',
          DATABASE_URL: cluster!.primary.url,
          TEST_PGBOUNCER_URL: bouncer.url,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, output.slice(-3000)).toBe(0);
    expect(output).toMatch(/Tests\s+\d+ passed/);
  }, 300_000);
});
