import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, errorCode, loginAs } from '../support/http.js';
import { buildWorld, PASSWORD, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let clock: TestClock;
let admin: string;
let tokenId: string;
const start = new TestClock().now();

const get = (url: string, cookie = admin) => app.inject({ method: 'GET', url, headers: { cookie } });
const actions = (body: { items: { action: string }[] }) => body.items.map((i) => i.action);

beforeAll(async () => {
  database = await openTestDatabase();
  clock = new TestClock();
  world = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
  admin = await loginAs(app, world.slug, world.staff.admin.email);
  clock.advanceMs(60_000);
  // A failed sign-in on a known account, one on an unknown email, then a sign-in.
  for (const email of [world.staff.recruiter.email, 'who@example.com'])
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { org: world.slug, email, password: 'wrong guess' },
    });
  const recruiter = await loginAs(app, world.slug, world.staff.recruiter.email);
  clock.advanceMs(60_000);
  const made = await app.inject({
    method: 'POST',
    url: '/api/auth/tokens',
    headers: { cookie: recruiter },
    payload: { name: 'report script', scopes: ['candidates:read'] },
  });
  tokenId = made.json().id;
  await app.inject({
    method: 'GET',
    url: '/api/applications',
    headers: { authorization: `Bearer ${made.json().token}` },
  });
  clock.advanceMs(60_000);
  const user = (await get(`/api/users/${world.staff.interviewer.userId}`)).json();
  await app.inject({
    method: 'PATCH',
    url: `/api/users/${user.id}`,
    headers: { cookie: admin },
    payload: { expectedVersion: user.version, roles: ['interviewer', 'coordinator'] },
  });
  await app.inject({ method: 'POST', url: `/api/users/${user.id}/disable`, headers: { cookie: admin } });
  await app.inject({ method: 'POST', url: `/api/users/${user.id}/enable`, headers: { cookie: admin } });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the audit log', () => {
  it('holds sign-ins, failed sign-ins, role changes, disabling, tokens made and used, newest first', async () => {
    const log = await get('/api/audit-events?limit=200');
    expect(log.statusCode, log.body).toBe(200);
    const all = actions(log.json());
    for (const action of [
      'auth.signed_in',
      'auth.sign_in_failed',
      'token.created',
      'token.used',
      'user.roles_changed',
      'user.disabled',
      'user.enabled',
    ])
      expect(all).toContain(action);
    const seqs = log.json().items.map((i: { seq: string }) => Number(i.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const failed = log.json().items.filter((i: { action: string }) => i.action === 'auth.sign_in_failed');
    expect(failed.map((f: { entityType: string }) => f.entityType).sort()).toEqual(['org', 'user']);
    expect(failed.find((f: { entityType: string }) => f.entityType === 'org').data).toMatchObject({
      email: 'who@example.com',
    });
    const used = log.json().items.find((i: { action: string }) => i.action === 'token.used');
    expect(used).toMatchObject({
      token: { id: tokenId, name: 'report script' },
      actor: { kind: 'staff', id: world.staff.recruiter.userId, name: 'recruiter' },
      data: { route: '/api/applications' },
    });
    const roles = log.json().items.find((i: { action: string }) => i.action === 'user.roles_changed');
    expect(roles).toMatchObject({
      actor: { name: 'admin' },
      data: { from: ['interviewer'], to: ['coordinator', 'interviewer'] },
    });
  });

  it('filters by actor, action or prefix, target, token and dates, and pages with a cursor', async () => {
    const byActor = (await get(`/api/audit-events?actorId=${world.staff.recruiter.userId}`)).json();
    expect(new Set(byActor.items.map((i: { actor: { id: string } }) => i.actor.id))).toEqual(
      new Set([world.staff.recruiter.userId]),
    );
    const prefix = actions((await get('/api/audit-events?action=user.')).json());
    expect(prefix.length).toBeGreaterThan(0);
    expect(prefix.every((a) => a.startsWith('user.'))).toBe(true);
    expect(actions((await get('/api/audit-events?action=user.disabled')).json())).toEqual(['user.disabled']);
    const target = (
      await get(`/api/audit-events?entityType=user&entityId=${world.staff.interviewer.userId}`)
    ).json();
    expect(actions(target)).toEqual(['user.enabled', 'user.disabled', 'user.updated', 'user.roles_changed']);
    expect(actions((await get(`/api/audit-events?tokenId=${tokenId}`)).json())).toEqual(['token.used']);
    // The minute of the token: from inclusive, to exclusive.
    const from = new Date(start.getTime() + 120_000).toISOString();
    const to = new Date(start.getTime() + 180_000).toISOString();
    const window = actions((await get(`/api/audit-events?from=${from}&to=${to}`)).json());
    expect(window.sort()).toEqual(['token.created', 'token.used']);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { seq: string }[]; nextCursor: string | null } = (
        await get(`/api/audit-events?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((i) => i.seq));
      cursor = page.nextCursor;
    } while (cursor);
    const everything = (await get('/api/audit-events?limit=200'))
      .json()
      .items.map((i: { seq: string }) => i.seq);
    expect(seen).toEqual(everything);
  });

  it('refuses bad filters by name, and a cursor it did not issue', async () => {
    const bad = await get('/api/audit-events?from=yesterday&actorId=me&action=DROP%20TABLE');
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining(['querystring.from', 'querystring.actorId', 'querystring.action']),
    );
    const forged = Buffer.from(JSON.stringify(['1 OR 1=1', world.orgId])).toString('base64url');
    expect((await get(`/api/audit-events?cursor=${forged}`)).statusCode).toBe(400);
  });

  it('exports the same filters as CSV, with formulas defused', async () => {
    const csv = await get(`/api/audit-events/export?action=auth.`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('audit-log.csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'at,action,actor_kind,actor_id,actor_name,token_id,token_name,entity_type,entity_id,reason,details',
    );
    expect(lines.slice(1).every((l) => /^[^,]+,auth\./.test(l))).toBe(true);
    // A name that looks like a formula cannot run in a spreadsheet.
    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: {
        email: 'formula@example.com',
        name: '=SUM(1,2)',
        timezone: 'UTC',
        password: PASSWORD,
        roles: ['hr'],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    await loginAs(app, world.slug, 'formula@example.com');
    const again = await get('/api/audit-events/export?action=auth.signed_in');
    expect(again.body).toContain(`"'=SUM(1,2)"`);
    expect(again.body).not.toMatch(/(^|,)"?=SUM/m);
  });

  it('is for admins only, and shows only the organisation’s own entries', async () => {
    const recruiter = await loginAs(app, world.slug, world.staff.hr.email);
    expect(errorCode(await get('/api/audit-events', recruiter))).toBe('permission.denied');
    const other = await buildWorld(database, clock);
    const otherAdmin = await loginAs(app, other.slug, other.staff.admin.email);
    const theirs = (await get('/api/audit-events?limit=200', otherAdmin)).json();
    const ids = new Set([
      world.staff.admin.userId,
      world.staff.recruiter.userId,
      world.staff.interviewer.userId,
    ]);
    expect(
      theirs.items.some(
        (i: { actor: { id: string }; entityId: string }) => ids.has(i.actor.id) || ids.has(i.entityId),
      ),
    ).toBe(false);
    expect(
      (await get(`/api/audit-events?actorId=${world.staff.admin.userId}`, otherAdmin)).json().items,
    ).toEqual([]);
  });
});
