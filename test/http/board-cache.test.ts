import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateBoard } from '../../src/core/boards/update-board.js';
import { transitionJob } from '../../src/core/jobs/transition-job.js';
import { updateJob } from '../../src/core/jobs/update-job.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { answerCache } from '../../src/server/routes/boards-v1.cache.js';
import { addBoard } from '../support/boards.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp } from '../support/http.js';
import { buildWorld, ids, ok, TestClock, type World } from '../support/world.js';

// Two serve nodes on one database: what one changes, the other answers at once.
let database: Database;
let node: App;
let otherNode: App;
let world: World;
let clock: TestClock;
let boardId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  clock = new TestClock();
  world = await buildWorld(database, clock);
  node = await buildTestApp(database, clock);
  otherNode = await buildTestApp(database, clock);
  boardId = (
    await addBoard(world, { token: `in-${world.slug}`, name: 'Internships', employmentTypes: ['internship'] })
  ).id;
  await addBoard(world, { token: `twin-${world.slug}`, name: 'Twin', employmentTypes: ['internship'] });
});
afterAll(async () => {
  await node.close();
  await otherNode.close();
  await database.close();
});

const board = () => `/v1/boards/in-${world.slug}`;
const twin = () => `/v1/boards/twin-${world.slug}`;
const get = (url: string, etag?: string, app = node) =>
  app.inject({ url, headers: etag ? { 'if-none-match': etag } : {} });
const jobVersion = async (jobId: string) =>
  (await world.db.selectFrom('jobs').select('version').where('id', '=', jobId).executeTakeFirstOrThrow())
    .version;

describe('the public board answers with an ETag and is cached per board', () => {
  it('every GET carries an ETag and may be stored only if revalidated; If-None-Match with it is a 304 without a body', async () => {
    const listed = await get(`${board()}/jobs`);
    const postId = listed.json().jobs[0].id as number;
    for (const path of ['', '/jobs', '/jobs?content=true', `/jobs/${postId}`, '/departments', '/offices']) {
      const first = await get(`${board()}${path}`);
      expect(first.statusCode, path).toBe(200);
      const etag = first.headers.etag as string;
      expect(etag, path).toMatch(/^"[\w-]+"$/);
      expect(first.headers['cache-control']).toBe('public, no-cache');
      const again = await get(`${board()}${path}`, etag);
      expect(again.statusCode, path).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(etag);
      expect(again.headers['access-control-allow-origin']).toBe('*');
      // A list of tags, a weak one, and `*` match too; another tag does not.
      expect((await get(`${board()}${path}`, `"other", W/${etag}`)).statusCode).toBe(304);
      expect((await get(`${board()}${path}`, '*')).statusCode).toBe(304);
      const other = await get(`${board()}${path}`, '"other"');
      expect(other.statusCode).toBe(200);
      expect(other.body).toBe(first.body);
    }
  });

  it('content=true and content=false are different answers with different tags; ?content=1 is the same as true', async () => {
    const plain = await get(`${board()}/jobs`);
    const full = await get(`${board()}/jobs?content=true`);
    expect(full.headers.etag).not.toBe(plain.headers.etag);
    expect(plain.json().jobs[0]).not.toHaveProperty('content');
    expect(full.json().jobs[0]).toHaveProperty('content');
    expect((await get(`${board()}/jobs?content=1`)).body).toBe(full.body);
    expect((await get(`${board()}/jobs?content=true`, plain.headers.etag as string)).statusCode).toBe(200);
  });

  it('a JSONP answer has its own tag, and a 304 for it', async () => {
    const json = await get(`${board()}/jobs`);
    const jsonp = await get(`${board()}/jobs?callback=showJobs`);
    expect(jsonp.body.startsWith('/**/showJobs(')).toBe(true);
    expect(jsonp.headers.etag).not.toBe(json.headers.etag);
    expect((await get(`${board()}/jobs?callback=showJobs`, jsonp.headers.etag as string)).statusCode).toBe(
      304,
    );
    expect((await get(`${board()}/jobs`, jsonp.headers.etag as string)).statusCode).toBe(200);
  });

  it("another board never gets this board's cached answer, even with the same jobs", async () => {
    const mine = await get(`${board()}/jobs`);
    const theirs = await get(`${twin()}/jobs`);
    expect(theirs.json().jobs.map((j: { title: string }) => j.title)).toEqual(
      mine.json().jobs.map((j: { title: string }) => j.title),
    );
    expect(theirs.body).not.toBe(mine.body);
    expect(theirs.json().jobs[0].absolute_url).toContain(`/careers/twin-${world.slug}/`);
    expect((await get(`${twin()}/jobs`, mine.headers.etag as string)).statusCode).toBe(200);
    expect((await get(twin())).json().name).toBe('Twin');
    expect((await get(board())).json().name).toBe('Internships');
  });

  it('editing a posting on one node changes the answer and its tag on every node at once', async () => {
    const before = await get(`${board()}/jobs?content=true`);
    const beforeElsewhere = await get(`${board()}/jobs?content=true`, undefined, otherNode);
    expect(beforeElsewhere.headers.etag).toBe(before.headers.etag);
    const jobId = world.jobs.internA.id;
    ok(
      await updateJob(world.deps, {
        actor: world.staff.recruiter,
        jobId,
        expectedVersion: await jobVersion(jobId),
        change: { posting: { summary: 'Now with a new summary.' } },
      }),
    );
    for (const app of [node, otherNode]) {
      const after = await get(`${board()}/jobs?content=true`, before.headers.etag as string, app);
      expect(after.statusCode).toBe(200);
      expect(after.headers.etag).not.toBe(before.headers.etag);
      expect(after.body).toContain('Now with a new summary.');
    }
  });

  it('closing a job on one node takes it off every node’s list at once', async () => {
    const before = await get(`${board()}/jobs`);
    const elsewhere = await get(`${board()}/jobs`, undefined, otherNode);
    const count = before.json().meta.total as number;
    expect(elsewhere.json().meta.total).toBe(count);
    ok(
      await transitionJob(world.deps, {
        actor: world.staff.recruiter,
        jobId: world.jobs.internB2.id,
        to: 'closed',
      }),
    );
    for (const app of [node, otherNode]) {
      const after = await get(`${board()}/jobs`, before.headers.etag as string, app);
      expect(after.statusCode).toBe(200);
      expect(after.json().meta.total).toBe(count - 1);
    }
    // The twin board's list lost the job too: the stamp is per board, over the rows it is made of.
    expect((await get(`${twin()}/jobs`)).json().meta.total).toBe(count - 1);
  });

  it("the board's settings, the organisation, teams and offices change the answers that show them", async () => {
    const named = await get(board());
    ok(
      await updateBoard(world.deps, { actor: world.staff.admin, boardId, change: { name: 'Student roles' } }),
    );
    const renamed = await get(board(), named.headers.etag as string, otherNode);
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe('Student roles');

    const list = await get(`${board()}/jobs`);
    await world.db.updateTable('orgs').set({ name: 'Renamed Org' }).where('id', '=', world.orgId).execute();
    const company = await get(`${board()}/jobs`, list.headers.etag as string);
    expect(company.statusCode).toBe(200);
    expect(company.json().jobs[0].company_name).toBe('Renamed Org');

    // Both nodes have the answer cached before each change, and neither may serve it after.
    const departments = await get(`${board()}/departments`);
    await get(`${board()}/departments`, undefined, otherNode);
    await world.db
      .updateTable('teams')
      .set({ name: 'Gamma' })
      .where('org_id', '=', world.orgId)
      .where('name', '=', 'Beta')
      .execute();
    for (const app of [node, otherNode]) {
      const renamedTeam = await get(`${board()}/departments`, departments.headers.etag as string, app);
      expect(renamedTeam.statusCode).toBe(200);
      expect(renamedTeam.json().departments.map((d: { name: string }) => d.name)).toContain('Gamma');
    }

    const offices = await get(`${board()}/offices`);
    await get(`${board()}/offices`, undefined, otherNode);
    await world.db
      .insertInto('offices')
      .values({
        id: ids.next(),
        org_id: world.orgId,
        name: 'Lisbon',
        location: 'Lisbon',
        timezone: 'Europe/Lisbon',
        created_at: clock.now(),
      })
      .execute();
    for (const app of [node, otherNode]) {
      const opened = await get(`${board()}/offices`, offices.headers.etag as string, app);
      expect(opened.statusCode).toBe(200);
      expect(opened.json().offices.map((o: { name: string }) => o.name)).toContain('Lisbon');
    }
  });

  it('a board that widens its filter lists the jobs it now posts, on every node', async () => {
    const before = await get(`${board()}/jobs`, undefined, otherNode);
    const count = before.json().meta.total as number;
    ok(
      await updateBoard(world.deps, {
        actor: world.staff.admin,
        boardId,
        change: { employmentTypes: ['internship', 'full_time'] },
      }),
    );
    const after = await get(`${board()}/jobs`, before.headers.etag as string, otherNode);
    expect(after.statusCode).toBe(200);
    expect(after.json().meta.total).toBe(count + 1);
  });

  it('a write that changes nothing shown may cost a rebuild but gives the same tag', async () => {
    const before = await get(`${board()}/jobs`);
    const jobId = world.jobs.internA.id;
    await sql`UPDATE jobs SET headcount = headcount WHERE id = ${jobId}`.execute(world.db);
    const after = await get(`${board()}/jobs`, before.headers.etag as string, otherNode);
    expect(after.statusCode).toBe(304);
  });

  it('unknown boards and posts are still 404, with no tag', async () => {
    const missing = await get('/v1/boards/nope/jobs');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
    const post = await get(`${board()}/jobs/999999`);
    expect(post.statusCode).toBe(404);
    expect(post.headers.etag).toBeUndefined();
  });
});

describe('the answer cache', () => {
  const render = () => {
    let calls = 0;
    return {
      fn: async () => ({ n: ++calls }),
      get calls() {
        return calls;
      },
    };
  };

  it('renders once per key and stamp, again under a new stamp, and again once an entry is older than its limit', async () => {
    const time = new TestClock();
    const cache = answerCache(time, { ttlMs: 5_000, maxEntries: 10, maxChars: 1_000 });
    const r = render();
    const first = await cache.answer('a', 's1', r.fn);
    expect((await cache.answer('a', 's1', r.fn))?.json).toBe(first?.json);
    expect(r.calls).toBe(1);
    expect((await cache.answer('b', 's1', r.fn))?.json).toBe('{"n":2}');
    expect((await cache.answer('a', 's2', r.fn))?.json).toBe('{"n":3}');
    time.advanceMs(4_999);
    await cache.answer('a', 's2', r.fn);
    expect(r.calls).toBe(3);
    time.advanceMs(1);
    expect((await cache.answer('a', 's2', r.fn))?.json).toBe('{"n":4}');
  });

  it('keeps at most its number of entries and characters, dropping the least recently used; a 404 is not kept', async () => {
    const cache = answerCache(new TestClock(), { ttlMs: 60_000, maxEntries: 2, maxChars: 20 });
    const r = render();
    await cache.answer('a', 's', r.fn);
    await cache.answer('b', 's', r.fn);
    await cache.answer('a', 's', r.fn);
    await cache.answer('c', 's', r.fn);
    expect(cache.size).toBe(2);
    await cache.answer('a', 's', r.fn);
    expect(r.calls).toBe(3);
    await cache.answer('b', 's', r.fn);
    expect(r.calls).toBe(4);
    const big = await cache.answer('big', 's', async () => ({ text: 'x'.repeat(30) }));
    expect(big?.json).toContain('xxx');
    expect(cache.size).toBe(2);
    expect(await cache.answer('gone', 's', async () => null)).toBeNull();
    expect(cache.size).toBe(2);
  });

  it('requests that arrive while an answer is being rendered wait for that render', async () => {
    const cache = answerCache(new TestClock());
    const r = render();
    const [one, two] = await Promise.all([cache.answer('a', 's', r.fn), cache.answer('a', 's', r.fn)]);
    expect(r.calls).toBe(1);
    expect(two).toBe(one);
    await expect(cache.answer('b', 's', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect((await cache.answer('b', 's', r.fn))?.json).toBe('{"n":2}');
  });
});
