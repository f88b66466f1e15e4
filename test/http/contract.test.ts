import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, candidateLogin, errorCode, loginAs } from '../support/http.js';
import { buildWorld, ids, PASSWORD, smallTemplate, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let clock: TestClock;
let as: { recruiter: string; hm: string; hr: string; admin: string };

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await app?.close();
  await database.close();
});
beforeEach(async () => {
  clock = new TestClock();
  world = await buildWorld(database, clock);
  await app?.close();
  app = await buildTestApp(database, clock);
  as = {
    recruiter: await loginAs(app, world.slug, world.staff.recruiter.email),
    hm: await loginAs(app, world.slug, world.staff.hiring_manager.email),
    hr: await loginAs(app, world.slug, world.staff.hr.email),
    admin: await loginAs(app, world.slug, world.staff.admin.email),
  };
});

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
const call = (
  cookie: string,
  method: Method,
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) => app.inject({ method, url, payload: payload as object, headers: { cookie, ...headers } });
const fields = (response: { json(): { error: { details: { issues: { field: string }[] } } } }) =>
  response.json().error.details.issues.map((i) => i.field);

async function apply(
  jobId = world.jobs.fullTimeA.id,
  candidate = world.candidate(),
  headers: Record<string, string> = {},
) {
  return call(as.recruiter, 'POST', '/api/applications', { jobId, candidate }, headers);
}

describe('service endpoints', () => {
  it('GET /healthz answers 200 when the database is reachable', async () => {
    const response = await app.inject({ url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: database.kind });
  });

  it('serves an OpenAPI 3 document and a browsable UI', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/applications/{id}/decisions', '/api/jobs', '/api/auth/login']),
    );
    expect(doc.paths['/api/applications/{id}/decisions'].post.responses).toHaveProperty('409');
    const ui = await app.inject({ url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('answers unknown routes, malformed JSON and wrong media types with JSON errors', async () => {
    const missing = await app.inject({ url: '/api/nope' });
    expect([missing.statusCode, errorCode(missing)]).toEqual([404, 'not_found']);
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"org":',
    });
    expect([malformed.statusCode, errorCode(malformed)]).toEqual([400, 'validation.failed']);
    const media = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/xml' },
      payload: '<x/>',
    });
    expect([media.statusCode, errorCode(media)]).toEqual([415, 'validation.failed']);
  });
});

describe('auth', () => {
  it('sets an HTTP-only, SameSite session cookie, Secure by default', async () => {
    const secureApp = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'silent' }), clock, ids });
    const response = await secureApp.inject({
      method: 'POST',
      url: '/api/auth/login',
      // Sign-in budgets live in the database, shared with the suite's app: an address of its own.
      remoteAddress: '192.0.2.96',
      payload: { org: world.slug, email: world.staff.hr.email, password: PASSWORD },
    });
    const cookie = response.cookies.find((c) => c.name === 'hl_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    await secureApp.close();
  });

  it('refuses a wrong password, an unknown email and an unknown org alike', async () => {
    for (const payload of [
      { org: world.slug, email: world.staff.hr.email, password: 'wrong password' },
      { org: world.slug, email: 'nobody@example.com', password: PASSWORD },
      { org: 'no-such-org', email: world.staff.hr.email, password: PASSWORD },
    ]) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect([response.statusCode, errorCode(response)]).toEqual([401, 'auth.invalid_credentials']);
    }
    const invalid = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { org: world.slug, email: 'not-an-email' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(fields(invalid)).toEqual(expect.arrayContaining(['body.email', 'body.password']));
  });

  it('logout ends the session; an expired session is refused', async () => {
    expect((await call(as.hr, 'GET', '/api/auth/me')).statusCode).toBe(200);
    await call(as.hr, 'POST', '/api/auth/logout');
    expect(errorCode(await call(as.hr, 'GET', '/api/auth/me'))).toBe('auth.required');
    clock.advanceDays(15);
    expect(errorCode(await call(as.recruiter, 'GET', '/api/auth/me'))).toBe('auth.required');
  });

  it('a candidate signs in by a one-time link written to the outbox; unknown emails get the same answer', async () => {
    const person = world.candidate();
    await apply(world.jobs.fullTimeA.id, person);
    const before = await database.db
      .selectFrom('outbox')
      .select('seq')
      .where('kind', '=', 'candidate.sign_in_link')
      .execute();
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/candidate-links',
      payload: { org: world.slug, email: 'stranger@example.com' },
    });
    expect(unknown.statusCode).toBe(202);
    const after = await database.db
      .selectFrom('outbox')
      .select('seq')
      .where('kind', '=', 'candidate.sign_in_link')
      .execute();
    expect(after.length).toBe(before.length);
    const cookie = await candidateLogin(app, database, world.slug, person.email.toLowerCase());
    const me = (await call(cookie, 'GET', '/api/auth/me')).json();
    expect(me).toMatchObject({ kind: 'candidate', email: person.email });
    const mine = (await call(cookie, 'GET', '/api/me/applications')).json();
    expect(mine.items).toHaveLength(1);
  });

  it('a sign-in link works once and expires after 30 minutes', async () => {
    const person = world.candidate();
    await apply(world.jobs.fullTimeA.id, person);
    const ask = async () => {
      await app.inject({
        method: 'POST',
        url: '/api/auth/candidate-links',
        payload: { org: world.slug, email: person.email },
      });
      const row = await database.db
        .selectFrom('outbox')
        .select('payload')
        .where('kind', '=', 'candidate.sign_in_link')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      return new URL(String(row.payload.url)).searchParams.get('token');
    };
    const token = await ask();
    const redeem = () =>
      app.inject({ method: 'POST', url: '/api/auth/candidate-links/redeem', payload: { token } });
    expect((await redeem()).statusCode).toBe(204);
    expect(errorCode(await redeem())).toBe('auth.invalid_link');
    const late = await ask();
    clock.advanceMs(31 * 60_000);
    const expired = await app.inject({
      method: 'POST',
      url: '/api/auth/candidate-links/redeem',
      payload: { token: late },
    });
    expect(errorCode(expired)).toBe('auth.invalid_link');
  });
});

describe('organisation', () => {
  it('R-ORG-1, R-ORG-2: teams carry an IANA zone; bad zones and duplicate names are refused', async () => {
    const created = await call(as.admin, 'POST', '/api/teams', { name: 'Gamma', timezone: 'Asia/Shanghai' });
    expect(created.statusCode).toBe(201);
    expect(created.json().createdAt).toMatch(/Z$/);
    const badZone = await call(as.admin, 'POST', '/api/teams', { name: 'Delta', timezone: 'Mars/Olympus' });
    expect([badZone.statusCode, fields(badZone)]).toEqual([400, ['body.timezone']]);
    const duplicate = await call(as.admin, 'POST', '/api/teams', { name: 'gamma', timezone: 'UTC' });
    expect([duplicate.statusCode, errorCode(duplicate)]).toEqual([409, 'team.name_taken']);
  });

  it('creates users with roles; a taken email, an unknown team or a short password are refused', async () => {
    const body = {
      email: 'new.person@example.com',
      name: 'New Person',
      timezone: 'Asia/Singapore',
      password: 'twelve chars ok',
      roles: ['interviewer'],
      teamIds: [world.teams.B],
    };
    const created = await call(as.admin, 'POST', '/api/users', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).not.toHaveProperty('passwordHash');
    expect(created.json()).not.toHaveProperty('password_hash');
    const stored = await database.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', created.json().id)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    expect(
      errorCode(await call(as.admin, 'POST', '/api/users', { ...body, email: 'NEW.person@example.com' })),
    ).toBe('user.email_taken');
    expect(
      errorCode(
        await call(as.admin, 'POST', '/api/users', {
          ...body,
          email: 'x@example.com',
          teamIds: [ids.next()],
        }),
      ),
    ).toBe('team.not_found');
    const short = await call(as.admin, 'POST', '/api/users', {
      ...body,
      email: 'y@example.com',
      password: 'short',
      roles: ['wizard'],
    });
    expect(fields(short)).toEqual(expect.arrayContaining(['body.password', 'body.roles.0']));
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { org: world.slug, email: body.email, password: body.password },
    });
    expect(login.statusCode).toBe(204);
  });

  it('policies per job family can be read and set', async () => {
    const defaults = (await call(as.recruiter, 'GET', '/api/policies')).json().items;
    expect(defaults).toContainEqual({
      jobFamily: 'internship',
      maxActiveApplications: 2,
      order: 'sequential',
      cooldownDays: 0,
    });
    const set = await call(as.admin, 'PUT', '/api/policies/internship', {
      maxActiveApplications: 1,
      order: 'sequential',
      cooldownDays: 180,
    });
    expect(set.statusCode).toBe(200);
    expect((await call(as.recruiter, 'GET', '/api/policies')).json().items).toContainEqual({
      jobFamily: 'internship',
      maxActiveApplications: 1,
      order: 'sequential',
      cooldownDays: 180,
    });
    const bad = await call(as.admin, 'PUT', '/api/policies/internship', {
      maxActiveApplications: 0,
      order: 'random',
      cooldownDays: -1,
    });
    expect(fields(bad).sort()).toEqual(['body.cooldownDays', 'body.maxActiveApplications', 'body.order']);
  });
});

describe('processes and jobs', () => {
  it('R-ROUND-5: a team adopts a shipped template and revises its copy; errors name the problem', async () => {
    const templates = (await call(as.hm, 'GET', '/api/templates')).json().items;
    expect(templates).toHaveLength(8);
    const adopted = await call(as.hm, 'POST', '/api/processes', {
      templateKey: 'data-scientist',
      teamId: world.teams.A,
    });
    expect(adopted.statusCode).toBe(201);
    expect(adopted.json()).toMatchObject({
      version: 1,
      templateKey: 'data-scientist@1',
      teamId: world.teams.A,
    });
    const unknown = await call(as.hm, 'POST', '/api/processes', {
      templateKey: 'astronaut',
      teamId: world.teams.A,
    });
    expect([unknown.statusCode, errorCode(unknown)]).toEqual([404, 'process.not_found']);
    const id = adopted.json().id;
    const rounds = adopted.json().definition.rounds;
    const broken = await call(as.hm, 'PUT', `/api/processes/${id}`, {
      expectedVersion: 1,
      definition: { name: 'x', rounds: [...rounds, rounds[0]] },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toMatch(/duplicate round key "resume"/);
    const revised = await call(as.hm, 'PUT', `/api/processes/${id}`, {
      expectedVersion: 1,
      definition: { name: 'Shorter', rounds: rounds.slice(0, 3) },
    });
    expect(revised.json()).toMatchObject({ version: 2, lineageId: id });
    const stale = await call(as.hm, 'PUT', `/api/processes/${id}`, {
      expectedVersion: 1,
      definition: { name: 'Again', rounds },
    });
    expect([stale.statusCode, errorCode(stale)]).toEqual([409, 'conflict.stale_version']);
  });

  it('R-JOB-1, R-JOB-2: a job is created as a draft with its posting; an internship needs its term', async () => {
    const body = {
      title: 'Backend Intern',
      teamId: world.teams.A,
      processId: world.processes.A.id,
      employmentType: 'internship',
      level: 'intern',
      headcount: 2,
      locations: ['Los Angeles'],
      posting: {
        responsibilities: ['Build services'],
        minimumQualifications: ['Enrolled in a BS/MS'],
        preferredQualifications: ['SQL'],
        faq: [{ question: 'How many can I apply to?', answer: 'Two.' }],
        internship: {
          term: 'Summer 2025',
          minimumWeeks: 12,
          degreeLevels: ['BS', 'MS'],
          eligibility: ['Currently enrolled'],
        },
      },
    };
    const created = await call(as.recruiter, 'POST', '/api/jobs', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      status: 'draft',
      jobFamily: 'internship',
      teamName: 'Alpha',
      posting: { internship: { minimumWeeks: 12 } },
    });
    const noTerm = await call(as.recruiter, 'POST', '/api/jobs', { ...body, posting: {} });
    expect([noTerm.statusCode, fields(noTerm)]).toEqual([400, ['body.posting.internship']]);
    const invalid = await call(as.recruiter, 'POST', '/api/jobs', {
      ...body,
      title: '',
      headcount: 0,
      teamId: 'nope',
    });
    expect(fields(invalid).sort()).toEqual(['body.headcount', 'body.teamId', 'body.title']);
    const foreignTeam = await call(as.recruiter, 'POST', '/api/jobs', { ...body, teamId: ids.next() });
    expect([foreignTeam.statusCode, errorCode(foreignTeam)]).toEqual([422, 'team.not_found']);
  });

  it('R-JOB-3: an illegal transition names the allowed ones; a stale edit is refused', async () => {
    const jobId = world.jobs.fullTimeA.id;
    const reopen = await call(as.recruiter, 'POST', `/api/jobs/${jobId}/transitions`, { to: 'open' });
    expect([reopen.statusCode, errorCode(reopen)]).toEqual([409, 'job.invalid_transition']);
    expect(reopen.json().error.details.allowed).toEqual(['closed']);
    const { version } = (await call(as.recruiter, 'GET', `/api/jobs/${jobId}`)).json();
    const first = await call(as.recruiter, 'PATCH', `/api/jobs/${jobId}`, {
      expectedVersion: version,
      title: 'Edited once',
    });
    expect(first.json()).toMatchObject({ title: 'Edited once', version: version + 1 });
    const second = await call(as.hm, 'PATCH', `/api/jobs/${jobId}`, {
      expectedVersion: version,
      title: 'Lost edit',
    });
    expect([second.statusCode, errorCode(second)]).toEqual([409, 'conflict.stale_version']);
    const empty = await call(as.hm, 'PATCH', `/api/jobs/${jobId}`, { expectedVersion: version + 1 });
    expect(empty.statusCode).toBe(400);
  });

  it('lists are cursor-paginated; a forged cursor is a 400', async () => {
    const first = (await call(as.recruiter, 'GET', '/api/jobs?limit=3')).json();
    expect(first.items).toHaveLength(3);
    const second = (await call(as.recruiter, 'GET', `/api/jobs?limit=3&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const forged = await call(as.recruiter, 'GET', '/api/jobs?cursor=bm9uc2Vuc2U');
    expect([forged.statusCode, errorCode(forged)]).toEqual([400, 'validation.failed']);
    const bigLimit = await call(as.recruiter, 'GET', '/api/jobs?limit=100000');
    expect(fields(bigLimit)).toEqual(['querystring.limit']);
  });

  it('pages over rows stamped to the microsecond see each row exactly once, at every page size', async () => {
    const db = database.db;
    const terms = JSON.stringify({
      currency: 'USD',
      baseSalaryCents: 100,
      expiresAt: '2030-01-01T00:00:00Z',
    });
    for (let i = 0; i < 5; i++) {
      const application = await world.apply();
      await sql`insert into offers (id, org_id, application_id, status, revision, terms, created_at, updated_at)
        values (${ids.next()}, ${world.orgId}, ${application.id}, 'draft', 1, ${terms}::jsonb,
          now(), now())`.execute(db);
      await sql`with event as (insert into outbox (org_id, kind, dedupe_key, payload, created_at, available_at)
          values (${world.orgId}, 'application.received', ${ids.next()}, '{}', now(), now()) returning seq)
        insert into deliveries (id, org_id, event_seq, channel, dedupe_key, recipient, subject, body, next_attempt_at, created_at)
        select ${ids.next()}, ${world.orgId}, seq, 'email', ${ids.next()}, 'a@example.com', 'Hi', 'Hi', now(), now()
        from event`.execute(db);
    }
    const lists = [
      ['jobs', 'created_at', '/api/jobs', 'asc'],
      ['candidates', 'created_at', '/api/candidates', 'asc'],
      ['applications', 'submitted_at', '/api/applications', 'asc'],
      ['offers', 'created_at', '/api/offers', 'asc'],
      ['deliveries', 'created_at', '/api/deliveries', 'desc'],
    ] as const;
    for (const [table, column, url, direction] of lists) {
      // Rows within one millisecond: most a microsecond apart, a third tied on `now()` (the id decides).
      await sql`update ${sql.table(table)} t
        set ${sql.ref(column)} = case when s.n % 3 = 0 then now()
          else timestamptz '2026-03-02 09:00:00.123456+00' + s.n * interval '1 microsecond' end
        from (select id, row_number() over (order by id) as n from ${sql.table(table)} where org_id = ${world.orgId}) s
        where t.id = s.id`.execute(db);
      const order = sql.raw(direction);
      const expected = await sql<{ id: string }>`select id from ${sql.table(table)}
        where org_id = ${world.orgId} order by ${sql.ref(column)} ${order}, id ${order}`.execute(db);
      expect(expected.rows.length, table).toBeGreaterThanOrEqual(4);
      for (const limit of [1, 2, 3]) {
        const seen: string[] = [];
        let cursor: string | null = '';
        // A cursor that repeats its boundary row would page forever: more pages than rows is a failure.
        for (let pages = 0; cursor !== null; pages++) {
          expect(pages, 'pages').toBeLessThanOrEqual(expected.rows.length);
          const after = cursor ? `&cursor=${cursor}` : '';
          const response = await call(as.admin, 'GET', `${url}?limit=${limit}${after}`);
          expect(response.statusCode, `${url} ${response.body}`).toBe(200);
          const page = response.json() as { items: { id: string }[]; nextCursor: string | null };
          seen.push(...page.items.map((item) => item.id));
          cursor = page.nextCursor;
        }
        expect(seen, `${url}?limit=${limit}`).toEqual(expected.rows.map((r) => r.id));
      }
    }
  });

  it('a cursor whose time is not a real time is a 400', async () => {
    for (const time of ['2026-02-30T00:00:00Z', '0000-01-01T00:00:00Z', 'yesterday']) {
      const cursor = Buffer.from(JSON.stringify([time, ids.next()])).toString('base64url');
      const response = await call(as.recruiter, 'GET', `/api/applications?cursor=${cursor}`);
      expect([response.statusCode, errorCode(response)], time).toEqual([400, 'validation.failed']);
    }
  });
});

describe('applications', () => {
  it('R-APP-6: an Idempotency-Key retry returns the first application with 200', async () => {
    const person = world.candidate();
    const first = await apply(world.jobs.fullTimeA.id, person, { 'idempotency-key': 'retry-key-0001' });
    const retry = await apply(world.jobs.fullTimeA.id, person, { 'idempotency-key': 'retry-key-0001' });
    expect([first.statusCode, retry.statusCode]).toEqual([201, 200]);
    expect(retry.json().id).toBe(first.json().id);
  });

  it('an Idempotency-Key reused for another applicant is refused, never answered with the first application', async () => {
    const first = await apply(world.jobs.fullTimeA.id, world.candidate(), {
      'idempotency-key': 'reused-key-0001',
    });
    const other = await apply(world.jobs.fullTimeA.id, world.candidate(), {
      'idempotency-key': 'reused-key-0001',
    });
    expect(first.statusCode).toBe(201);
    expect([other.statusCode, errorCode(other)]).toEqual([422, 'idempotency.key_reused']);
    expect(other.body).not.toContain(first.json().id);
  });

  it('R-APP-1: the refusal names the open applications; bad candidate fields are named', async () => {
    const person = world.candidate();
    await apply(world.jobs.internA.id, person);
    await apply(world.jobs.internB.id, person);
    const third = await apply(world.jobs.internB2.id, person);
    expect([third.statusCode, errorCode(third)]).toEqual([409, 'application.limit_reached']);
    expect(third.json().error.details.active).toHaveLength(2);
    const bad = await apply(world.jobs.fullTimeA.id, {
      email: 'nope',
      firstName: 'http://spam.example',
      lastName: '',
    });
    expect(fields(bad).sort()).toEqual([
      'body.candidate.email',
      'body.candidate.firstName',
      'body.candidate.lastName',
    ]);
    const unknownJob = await apply(ids.next());
    expect([unknownJob.statusCode, errorCode(unknownJob)]).toEqual([404, 'job.not_found']);
  });

  it('R-ROUND-1..3: decisions through the API, with every refusal code', async () => {
    const id = (await apply()).json().id;
    const decide = (cookie: string, body: object) =>
      call(cookie, 'POST', `/api/applications/${id}/decisions`, body);
    const skip = await decide(as.hm, { roundKey: 'tech', decision: 'advance', rationale: 'skip' });
    expect([skip.statusCode, errorCode(skip)]).toEqual([409, 'round.not_current']);
    const unknown = await decide(as.hm, { roundKey: 'dance-off', decision: 'advance', rationale: 'x' });
    expect([unknown.statusCode, errorCode(unknown)]).toEqual([422, 'round.unknown']);
    const noRationale = await decide(as.hm, { roundKey: 'resume', decision: 'advance', rationale: '   ' });
    expect([noRationale.statusCode, fields(noRationale)]).toEqual([400, ['body.rationale']]);
    const advanced = await decide(as.recruiter, {
      roundKey: 'resume',
      decision: 'advance',
      rationale: 'Strong Go projects.',
    });
    expect(advanced.json()).toMatchObject({
      currentRound: 'tech',
      step: 'technical_screen',
      decisions: [{ roundKey: 'resume', rationale: 'Strong Go projects.' }],
    });
    const twice = await decide(as.hm, {
      roundKey: 'resume',
      decision: 'reject',
      rationale: 'changed my mind',
    });
    expect([twice.statusCode, errorCode(twice)]).toEqual([409, 'round.already_decided']);
    const rejected = await decide(as.hm, {
      roundKey: 'tech',
      decision: 'reject',
      rationale: 'Could not finish the problem.',
      overrideReason: 'Interviewed outside the system, notes in the rationale.',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', currentRound: null });
    const afterReject = await decide(as.hr, { roundKey: 'hr', decision: 'advance', rationale: 'x' });
    expect([afterReject.statusCode, errorCode(afterReject)]).toEqual([409, 'application.not_active']);
    const timeline = (await call(as.recruiter, 'GET', `/api/applications/${id}/timeline`)).json().items;
    expect(timeline.map((e: { action: string }) => e.action)).toEqual([
      'application.submitted',
      'round.advanced',
      'round.rejected',
    ]);
    expect(timeline[2]).toMatchObject({
      reason: 'Could not finish the problem.',
      actor: { kind: 'staff', name: 'hiring_manager' },
    });
  });

  it('R-ROUND-4 and hire through the API', async () => {
    const id = (await apply()).json().id;
    const early = await call(as.hr, 'POST', `/api/applications/${id}/hire`);
    expect([early.statusCode, errorCode(early)]).toEqual([409, 'application.not_at_offer']);
    const round = { ...smallTemplate.rounds[1], key: 'tech-2', name: 'Second technical' };
    const noReason = await call(as.hm, 'POST', `/api/applications/${id}/rounds`, { round });
    expect(fields(noReason)).toEqual(['body.reason']);
    const added = await call(as.hm, 'POST', `/api/applications/${id}/rounds`, {
      round,
      reason: 'Committee split.',
      beforeRoundKey: 'hr',
    });
    expect(added.json().plan.map((r: { key: string }) => r.key)).toEqual(['resume', 'tech', 'tech-2', 'hr']);
    for (const [cookie, roundKey] of [
      [as.recruiter, 'resume'],
      [as.hm, 'tech'],
      [as.hm, 'tech-2'],
      [as.hr, 'hr'],
    ] as const) {
      expect(
        (
          await call(cookie, 'POST', `/api/applications/${id}/decisions`, {
            roundKey,
            decision: 'advance',
            rationale: 'ok',
            overrideReason: 'Interviewed outside the system.',
          })
        ).statusCode,
      ).toBe(200);
    }
    const hired = await call(as.hr, 'POST', `/api/applications/${id}/hire`);
    expect(hired.json()).toMatchObject({ status: 'hired', step: 'offer' });
  });

  it('bulk decisions return a per-item outcome', async () => {
    const a = (await apply()).json().id;
    const b = (await apply()).json().id;
    const response = await call(as.recruiter, 'POST', '/api/applications/bulk-decisions', {
      items: [
        { applicationId: a, roundKey: 'resume' },
        { applicationId: b, roundKey: 'hr' },
      ],
      decision: 'reject',
      rationale: 'Below the bar for this role.',
    });
    expect(response.json()).toMatchObject({
      succeeded: 1,
      failed: 1,
      results: [
        { applicationId: a, ok: true, status: 'rejected' },
        { applicationId: b, ok: false, error: { code: 'round.not_current' } },
      ],
    });
  });

  it('R-CAND-3: the candidate withdraws from the portal; the queue filters by status and round', async () => {
    const person = world.candidate();
    const id = (await apply(world.jobs.fullTimeA.id, person)).json().id;
    const cookie = await candidateLogin(app, database, world.slug, person.email);
    const withdrawn = await call(cookie, 'POST', `/api/me/applications/${id}/withdraw`, {
      reason: 'Accepted elsewhere',
    });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', jobTitle: 'full_time job' });
    const again = await call(cookie, 'POST', `/api/me/applications/${id}/withdraw`, {});
    expect([again.statusCode, errorCode(again)]).toEqual([409, 'application.not_active']);
    const reapply = await call(cookie, 'POST', '/api/me/applications', { jobId: world.jobs.fullTimeA.id });
    expect(reapply.statusCode).toBe(201);
    const atResume = (
      await call(as.recruiter, 'GET', `/api/applications?jobId=${world.jobs.fullTimeA.id}&roundKey=resume`)
    ).json();
    expect(atResume.items.map((a: { id: string }) => a.id)).toEqual([reapply.json().id]);
    const withdrawnList = (await call(as.recruiter, 'GET', '/api/applications?status=withdrawn')).json();
    expect(withdrawnList.items.map((a: { id: string }) => a.id)).toEqual([id]);
  });
});

describe('tenancy', () => {
  it('a user of another organisation can neither read nor change anything, whatever id is sent', async () => {
    const mine = (await apply()).json();
    const other = await buildWorld(database, clock);
    const stranger = await loginAs(app, other.slug, other.staff.hiring_manager.email);
    const strangerRecruiter = await loginAs(app, other.slug, other.staff.recruiter.email);
    const strangerAdmin = await loginAs(app, other.slug, other.staff.admin.email);
    const reads = [
      `/api/applications/${mine.id}`,
      `/api/applications/${mine.id}/timeline`,
      `/api/jobs/${world.jobs.fullTimeA.id}`,
      `/api/processes/${world.processes.A.id}`,
      `/api/candidates/${mine.candidateId}`,
    ];
    for (const url of reads) expect((await call(stranger, 'GET', url)).statusCode, url).toBe(404);
    const lists = (await call(stranger, 'GET', '/api/applications')).json().items;
    expect(lists).toHaveLength(0);
    const teams = (await call(stranger, 'GET', '/api/teams')).json().items.map((t: { id: string }) => t.id);
    expect(teams).not.toContain(world.teams.A);
    const decide = await call(stranger, 'POST', `/api/applications/${mine.id}/decisions`, {
      roundKey: 'resume',
      decision: 'reject',
      rationale: 'x',
    });
    expect(decide.statusCode).toBe(404);
    const applyThere = await call(strangerRecruiter, 'POST', '/api/applications', {
      jobId: world.jobs.fullTimeA.id,
      candidate: world.candidate(),
    });
    expect(applyThere.statusCode).toBe(404);
    const jobThere = await call(strangerRecruiter, 'POST', '/api/jobs', {
      title: 'Sneaky',
      teamId: world.teams.A,
      processId: other.processes.A.id,
      employmentType: 'full_time',
      level: 'x',
      headcount: 1,
      locations: ['x'],
      posting: {},
    });
    expect(errorCode(jobThere)).toBe('team.not_found');
    const adopt = await call(strangerAdmin, 'POST', '/api/processes', {
      templateKey: 'operations',
      teamId: world.teams.A,
    });
    expect(errorCode(adopt)).toBe('team.not_found');
    const edit = await call(strangerAdmin, 'PUT', `/api/processes/${world.processes.A.id}`, {
      expectedVersion: 1,
      definition: { name: 'x', rounds: smallTemplate.rounds },
    });
    expect(edit.statusCode).toBe(404);
    expect((await call(as.recruiter, 'GET', `/api/applications/${mine.id}`)).json().status).toBe('active');
  });
});

describe('logs', () => {
  it('keep cookies, query strings, bodies and link tokens out of request logs', async () => {
    const lines: string[] = [];
    const { Writable } = await import('node:stream');
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = await buildApp({
      database,
      config: loadConfig({ LOG_LEVEL: 'info' }),
      clock,
      ids,
      logStream: stream,
    });
    await logged.inject({
      url: '/api/candidates?q=secret.person@example.com',
      headers: { cookie: as.recruiter },
    });
    await logged.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { org: world.slug, email: 'leak@example.com', password: PASSWORD },
    });
    const linkToken = 'k'.repeat(43);
    await logged.inject({ url: `/api/assessments/${linkToken}` });
    await logged.close();
    const text = lines.join('');
    expect(text).toContain('/api/candidates');
    expect(text).toContain('/api/assessments/:token');
    for (const secret of [
      'secret.person',
      as.recruiter.split('=')[1]!,
      'leak@example.com',
      PASSWORD,
      linkToken,
    ])
      expect(text).not.toContain(secret);
  });
});
