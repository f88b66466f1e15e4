import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BENCH_PASSWORD, type Generated, generate } from '../../bench/generate.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, sessionCookie } from '../support/http.js';
import { TestClock } from '../support/world.js';

// The benchmark times what the generator's data makes the API do: if the API refused the data,
// the benchmark would time refusals.
let database: Database;
let app: App;
let data: Generated;
let cookie: string;

beforeAll(async () => {
  database = await openTestDatabase();
  data = await generate(database.db, { applications: 300, seed: 7, openJobs: 5 });
  app = await buildTestApp(database, new TestClock());
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { org: data.slug, email: 'recruiter@bench.example', password: BENCH_PASSWORD },
  });
  cookie = sessionCookie(login);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = (url: string) => app.inject({ url, headers: { cookie } });

describe('the benchmark data generator', () => {
  it('makes ids that are RFC 9562 UUIDs, which the API accepts', async () => {
    const tables = [
      'teams',
      'users',
      'processes',
      'jobs',
      'candidates',
      'applications',
      'interviews',
      'scorecards',
      'offers',
    ];
    for (const table of tables) {
      const rows = await sql<{ id: string }>`select id::text from ${sql.table(table)}
        where org_id = ${data.orgId}`.execute(database.db);
      expect(rows.rows.length, table).toBeGreaterThan(0);
      const refused = rows.rows.filter((r) => !z.uuid().safeParse(r.id).success);
      expect(refused, table).toEqual([]);
    }
    expect(z.uuid().safeParse(data.orgId).success).toBe(true);
    const application = await sql<{ id: string; candidate_id: string }>`select id, candidate_id
      from applications where org_id = ${data.orgId} limit 1`.execute(database.db);
    for (const url of [
      `/api/jobs/${data.queueJobId}`,
      `/api/applications/${application.rows[0]!.id}`,
      `/api/candidates/${application.rows[0]!.candidate_id}`,
    ]) {
      const response = await get(url);
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    }
  });

  it('makes a screening queue whose pages, microsecond times and all, hold each application once', async () => {
    for (const limit of [1, 2, 3, 7]) {
      const seen: string[] = [];
      let cursor: string | null = '';
      // A cursor that repeats its boundary row would page forever: more pages than rows is a failure.
      for (let pages = 0; cursor !== null; pages++) {
        expect(pages, 'pages').toBeLessThanOrEqual(data.queueSize);
        const after = cursor ? `&cursor=${cursor}` : '';
        const response = await get(
          `/api/applications?jobId=${data.queueJobId}&roundKey=resume&limit=${limit}${after}`,
        );
        expect(response.statusCode, response.body).toBe(200);
        const page = response.json() as { items: { id: string }[]; nextCursor: string | null };
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      }
      expect(new Set(seen).size, `limit ${limit}`).toBe(seen.length);
      expect(seen, `limit ${limit}`).toHaveLength(data.queueSize);
    }
  });
});
