import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleInterview } from '../../src/core/scheduling/schedule-interview.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, errorCode, loginAs } from '../support/http.js';
import { testWorker } from '../support/worker.js';
import { buildWorld, ok, PASSWORD, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let clock: TestClock;
let admin: string;

const call = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

/** A staff member of this test's own, so each test changes only its own account. */
let made = 0;
async function newUser(roles: string[] = ['interviewer'], teamIds: string[] = []) {
  made++;
  const created = await call(admin, 'POST', '/api/users', {
    email: `person.${made}@${world.slug}.example`,
    name: `Person ${String(made).padStart(2, '0')}`,
    timezone: 'Europe/Paris',
    password: PASSWORD,
    roles,
    teamIds,
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json() as { id: string; email: string };
}

const view = async (id: string) => (await call(admin, 'GET', `/api/users/${id}`)).json();

beforeAll(async () => {
  database = await openTestDatabase();
  clock = new TestClock();
  world = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
  admin = await loginAs(app, world.slug, world.staff.admin.email);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('listing staff', () => {
  it('pages by name and filters by role, team, status and a part of the name or email', async () => {
    const first = await call(admin, 'GET', '/api/users?limit=3');
    expect(first.statusCode, first.body).toBe(200);
    const page1 = first.json();
    expect(page1.items).toHaveLength(3);
    expect(page1.nextCursor).toBeTruthy();
    const second = (await call(admin, 'GET', `/api/users?limit=3&cursor=${page1.nextCursor}`)).json();
    const names = [...page1.items, ...second.items].map((u: { name: string }) => u.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);

    const hms = (await call(admin, 'GET', '/api/users?role=hiring_manager')).json();
    expect(hms.items.map((u: { name: string }) => u.name).sort()).toEqual(['hiring_manager', 'hmB']);
    const teamB = (await call(admin, 'GET', `/api/users?teamId=${world.teams.B}`)).json();
    expect(teamB.items.map((u: { name: string }) => u.name).sort()).toEqual([
      'coordinator',
      'hmB',
      'hr',
      'recruiter',
    ]);
    const search = (await call(admin, 'GET', '/api/users?q=RECRUIT')).json();
    expect(search.items.map((u: { name: string }) => u.name)).toEqual(['recruiter']);
    const byEmail = (
      await call(admin, 'GET', `/api/users?q=${encodeURIComponent(`hmb@${world.slug}`)}`)
    ).json();
    expect(byEmail.items.map((u: { name: string }) => u.name)).toEqual(['hmB']);
    // A pattern character is text.
    expect((await call(admin, 'GET', '/api/users?q=%25')).json().items).toEqual([]);

    const leaver = await newUser();
    ok(
      await (await import('../../src/core/accounts/disable-user.js')).disableUser(world.deps, {
        actor: world.staff.admin,
        userId: leaver.id,
      }),
    );
    const disabled = (await call(admin, 'GET', '/api/users?status=disabled')).json();
    expect(disabled.items.map((u: { id: string }) => u.id)).toEqual([leaver.id]);
    expect(disabled.items[0].status).toBe('disabled');
    const active = (await call(admin, 'GET', '/api/users?status=active')).json();
    expect(active.items.map((u: { id: string }) => u.id)).not.toContain(leaver.id);
  });

  it('refuses a bad filter with the field named, and a cursor it did not issue', async () => {
    const bad = await call(admin, 'GET', '/api/users?role=boss&teamId=nope&limit=0');
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining(['querystring.role', 'querystring.teamId', 'querystring.limit']),
    );
    expect((await call(admin, 'GET', '/api/users?cursor=forged')).statusCode).toBe(400);
  });

  it('shows one user with a version and their last sign-in; another organisation’s id is not found', async () => {
    const person = await newUser();
    await loginAs(app, world.slug, person.email);
    const shown = await view(person.id);
    expect(shown).toMatchObject({ id: person.id, status: 'active', version: 1, languages: ['en'] });
    expect(shown.lastSignInAt).toBe(clock.now().toISOString());
    const other = await buildWorld(database, clock);
    const otherAdmin = await loginAs(app, other.slug, other.staff.admin.email);
    const foreign = await call(otherAdmin, 'GET', `/api/users/${person.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(errorCode(foreign)).toBe('user.not_found');
    const foreignEdit = await call(otherAdmin, 'PATCH', `/api/users/${person.id}`, {
      expectedVersion: 1,
      name: 'Hijacked',
    });
    expect(errorCode(foreignEdit)).toBe('user.not_found');
    const foreignDisable = await call(otherAdmin, 'POST', `/api/users/${person.id}/disable`);
    expect(errorCode(foreignDisable)).toBe('user.not_found');
    expect((await view(person.id)).name).not.toBe('Hijacked');
  });
});

describe('editing a user', () => {
  it('changes name, zone, roles, teams and languages; role changes are audited on their own', async () => {
    const person = await newUser();
    const edited = await call(admin, 'PATCH', `/api/users/${person.id}`, {
      expectedVersion: 1,
      name: 'Renamed Person',
      timezone: 'Asia/Singapore',
      roles: ['interviewer', 'recruiter'],
      teamIds: [world.teams.A],
      languages: ['en', 'zh'],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      name: 'Renamed Person',
      timezone: 'Asia/Singapore',
      roles: ['interviewer', 'recruiter'],
      teamIds: [world.teams.A],
      languages: ['en', 'zh'],
      version: 2,
    });
    const audit = await world.db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('entity_id', '=', person.id)
      .where('action', 'in', ['user.roles_changed', 'user.updated'])
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['user.roles_changed', 'user.updated']);
    expect(audit[0]?.data).toEqual({ from: ['interviewer'], to: ['interviewer', 'recruiter'] });
    expect(audit[1]?.data).toMatchObject({
      name: { from: expect.stringMatching(/^Person/), to: 'Renamed Person' },
    });
  });

  it('names each bad field in words', async () => {
    const person = await newUser();
    const bad = await call(admin, 'PATCH', `/api/users/${person.id}`, {
      expectedVersion: 1,
      roles: [],
      timezone: 'Mars/Olympus',
      languages: ['english!'],
    });
    expect(bad.statusCode).toBe(400);
    const issues = bad.json().error.details.issues as { field: string; message: string }[];
    expect(issues.map((i) => i.field)).toEqual(
      expect.arrayContaining(['body.roles', 'body.timezone', 'body.languages.0']),
    );
    expect(issues.find((i) => i.field === 'body.timezone')?.message).toMatch(/IANA time zone/);
    const noVersion = await call(admin, 'PATCH', `/api/users/${person.id}`, { name: 'x' });
    expect(noVersion.json().error.details.issues.map((i: { field: string }) => i.field)).toContain(
      'body.expectedVersion',
    );
    const unknownTeam = await call(admin, 'PATCH', `/api/users/${person.id}`, {
      expectedVersion: 1,
      teamIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(errorCode(unknownTeam)).toBe('team.not_found');
  });

  it('two admins editing at once: one edit lands, the other gets 409 and nothing is lost silently', async () => {
    const person = await newUser();
    const [a, b] = await Promise.all([
      call(admin, 'PATCH', `/api/users/${person.id}`, { expectedVersion: 1, name: 'Edit A' }),
      call(admin, 'PATCH', `/api/users/${person.id}`, { expectedVersion: 1, timezone: 'Asia/Tokyo' }),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(errorCode(loser)).toBe('conflict.stale_version');
    expect(loser.json().error.details).toMatchObject({ field: 'expectedVersion', currentVersion: 2 });
    const now = await view(person.id);
    expect(now.version).toBe(2);
    // The loser retries from the version it is told, and both changes hold.
    const retry = loser === a ? { name: 'Edit A' } : { timezone: 'Asia/Tokyo' };
    const again = await call(admin, 'PATCH', `/api/users/${person.id}`, { expectedVersion: 2, ...retry });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ name: 'Edit A', timezone: 'Asia/Tokyo', version: 3 });
  });

  it('never leaves the organisation without an admin who can sign in', async () => {
    const self = (await view(world.staff.admin.userId)) as { version: number };
    const demote = await call(admin, 'PATCH', `/api/users/${world.staff.admin.userId}`, {
      expectedVersion: self.version,
      roles: ['recruiter'],
    });
    expect(demote.statusCode).toBe(422);
    expect(errorCode(demote)).toBe('user.last_admin');
    expect(demote.json().error.details).toMatchObject({ field: 'roles' });
    const selfDisable = await call(admin, 'POST', `/api/users/${world.staff.admin.userId}/disable`);
    expect(errorCode(selfDisable)).toBe('user.cannot_disable_self');
    // With a second admin, the first may give up the role.
    const second = await newUser(['admin']);
    const secondCookie = await loginAs(app, world.slug, second.email);
    const ok2 = await call(secondCookie, 'PATCH', `/api/users/${world.staff.admin.userId}`, {
      expectedVersion: self.version,
      roles: ['admin', 'recruiter'],
    });
    expect(ok2.statusCode).toBe(200);
    const disabledSecond = await call(admin, 'POST', `/api/users/${second.id}/disable`);
    expect(disabledSecond.statusCode).toBe(200);
  });
});

describe('disabling a user', () => {
  it('ends their sessions and tokens, takes them off future panels, tells the recruiters, and keeps their history', async () => {
    const person = await newUser(['interviewer'], [world.teams.A]);
    const cookie = await loginAs(app, world.slug, person.email);
    const token = await call(cookie, 'POST', '/api/auth/tokens', {
      name: 'script',
      scopes: ['organisation:read'],
    });
    expect(token.statusCode, token.body).toBe(201);
    const secret = token.json().token as string;
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await app.inject({ method: 'GET', url: '/api/teams', headers: bearer })).statusCode).toBe(200);

    // A future interview with them and another interviewer, and one already held.
    const future = await world.atTechnicalRound();
    const upcoming = ok(
      await scheduleInterview(world.deps, {
        actor: world.staff.coordinator,
        applicationId: future.id,
        roundKey: 'tech',
        startsAt: new Date('2026-03-10T16:00:00Z'),
        interviewerIds: [person.id, world.staff.interviewer.userId],
        language: 'en',
      }),
    );
    const past = await world.atTechnicalRound();
    const earlier = ok(
      await scheduleInterview(world.deps, {
        actor: world.staff.coordinator,
        applicationId: past.id,
        roundKey: 'tech',
        startsAt: new Date('2026-03-03T16:00:00Z'),
        interviewerIds: [person.id],
        language: 'en',
      }),
    );
    clock.advanceDays(2); // the earlier interview has taken place

    const disabled = await call(admin, 'POST', `/api/users/${person.id}/disable`);
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json()).toMatchObject({ endedSessions: 1, revokedTokens: 1, removedFromInterviews: 1 });

    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(errorCode(me)).toBe('auth.required');
    const used = await app.inject({ method: 'GET', url: '/api/teams', headers: bearer });
    expect(used.statusCode).toBe(401);
    expect(errorCode(used)).toBe('auth.invalid_token');
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { org: world.slug, email: person.email, password: PASSWORD },
    });
    expect(errorCode(signIn)).toBe('auth.invalid_credentials');

    const interviews = await world.db
      .selectFrom('interviews')
      .select(['id', 'interviewer_ids'])
      .where('id', 'in', [upcoming.id, earlier.id])
      .execute();
    const panel = new Map(interviews.map((i) => [i.id, i.interviewer_ids]));
    expect(panel.get(upcoming.id)).toEqual([world.staff.interviewer.userId]);
    expect(panel.get(earlier.id)).toEqual([person.id]);
    const holds = await world.db
      .selectFrom('interview_holds')
      .select('participant_id')
      .where('interview_id', '=', upcoming.id)
      .execute();
    expect(holds.map((h) => h.participant_id)).not.toContain(person.id);
    const cards = await world.db
      .selectFrom('scorecards')
      .select(['interview_id'])
      .where('interviewer_id', '=', person.id)
      .execute();
    expect(cards.map((c) => c.interview_id)).toEqual([earlier.id]);

    const worker = testWorker(world);
    await worker.drain();
    const told = await world.db
      .selectFrom('deliveries')
      .select(['recipient', 'subject', 'body'])
      .where('subject', 'like', '%left the panel%')
      .execute();
    // The team's recruiters and coordinators (one made a recruiter above is among them), never the disabled person.
    const recipients = told.map((d) => d.recipient);
    expect(recipients).toEqual(
      expect.arrayContaining([world.staff.coordinator.email, world.staff.recruiter.email]),
    );
    expect(recipients).not.toContain(person.email);
    expect(told[0]?.body).toContain('Interviewers left on the panel: 1');
    await worker.close();

    // Disabling twice changes nothing more.
    const again = await call(admin, 'POST', `/api/users/${person.id}/disable`);
    expect(again.json()).toMatchObject({ endedSessions: 0, revokedTokens: 0, removedFromInterviews: 0 });
    const shown = await view(person.id);
    expect(shown.status).toBe('disabled');
    expect(shown.disabledAt).toBe(clock.now().toISOString());

    const enabled = await call(admin, 'POST', `/api/users/${person.id}/enable`);
    expect(enabled.statusCode).toBe(200);
    await loginAs(app, world.slug, person.email);
    // The revoked token stays revoked.
    expect((await app.inject({ method: 'GET', url: '/api/teams', headers: bearer })).statusCode).toBe(401);
    const actions = await world.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', person.id)
      .where('action', 'in', ['user.disabled', 'user.enabled'])
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['user.disabled', 'user.enabled']);
  });

  it('an unknown user is 404 and a malformed id 400', async () => {
    const missing = await call(admin, 'POST', '/api/users/00000000-0000-4000-8000-000000000000/disable');
    expect(missing.statusCode).toBe(404);
    expect(
      errorCode(await call(admin, 'POST', '/api/users/00000000-0000-4000-8000-000000000000/enable')),
    ).toBe('user.not_found');
    expect((await call(admin, 'POST', '/api/users/nope/disable')).statusCode).toBe(400);
  });
});
