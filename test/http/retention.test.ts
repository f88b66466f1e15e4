import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideApplicationRound } from '../../src/core/applications/decide-round.js';
import { withdrawApplication } from '../../src/core/applications/withdraw-application.js';
import { purgeOnSchedule } from '../../src/core/retention/purge-on-schedule.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { addBoard } from '../support/boards.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, candidateLogin, errorCode, loginAs } from '../support/http.js';
import { testWorker } from '../support/worker.js';
import { buildWorld, ok, openJobAt, TestClock, type World } from '../support/world.js';

/**
 * A constructed season. Berlin keeps rejected candidates 6 months and those who withdrew 3;
 * Paris keeps rejected ones 12; Lisbon has no policy. Everyone ends on 2 March 2026.
 */
let database: Database;
let app: App;
let world: World;
const clock = new TestClock(new Date('2026-03-02T09:00:00Z'));
let admin: string;
let recruiter: string;
const office: Record<'berlin' | 'paris' | 'lisbon', string> = { berlin: '', paris: '', lisbon: '' };
const job: Record<'berlin' | 'both' | 'lisbon', string> = { berlin: '', both: '', lisbon: '' };
/** Candidate ids by role in the season. */
const who: Record<string, string> = {};
const emails: Record<string, string> = {};

/** Moves the clock and signs the admin in again (staff sessions idle out after 30 days). */
async function advance(days: number) {
  clock.advanceDays(days);
  admin = await loginAs(app, world.slug, world.staff.admin.email);
}

const call = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
  app.inject({ method, url, payload: payload as object, headers: { cookie } });
const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

const berlinPolicy = {
  rejectedMonths: 6,
  withdrawnMonths: 3,
  closedMonths: null,
  consentMonths: 12,
  renewalNoticeDays: 30,
};

const openJob = (title: string, officeIds: string[]) =>
  openJobAt(world, { title, officeIds, locations: ['Europe'] });

async function rejected(name: string, jobId: string) {
  const person = world.candidate();
  emails[name] = person.email;
  const application = await world.apply(person, jobId);
  ok(
    await decideApplicationRound(world.deps, {
      actor: world.staff.recruiter,
      applicationId: application.id,
      roundKey: 'resume',
      decision: 'reject',
      rationale: 'Not this time.',
    }),
  );
  who[name] = application.candidateId;
  return application;
}

const erased = async () =>
  (
    await world.db
      .selectFrom('candidates')
      .select('id')
      .where('org_id', '=', world.orgId)
      .where('erased_at', 'is not', null)
      .execute()
  )
    .map((r) => r.id)
    .sort();
const renewalMails = async (candidateId: string) =>
  world.db
    .selectFrom('deliveries')
    .select(['subject', 'created_at'])
    .where('candidate_id', '=', candidateId)
    .where('subject', 'like', '%future jobs%')
    .execute();
const ids = (items: { candidateId: string }[]) => items.map((i) => i.candidateId).sort();
const names = (...keys: string[]) => keys.map((k) => who[k]!).sort();

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
  admin = await loginAs(app, world.slug, world.staff.admin.email);
  recruiter = await loginAs(app, world.slug, world.staff.recruiter.email);
  for (const [key, name] of [
    ['berlin', 'Berlin'],
    ['paris', 'Paris'],
    ['lisbon', 'Lisbon'],
  ] as const) {
    const made = await call(admin, 'POST', '/api/offices', {
      name,
      location: name,
      timezone: 'Europe/Berlin',
    });
    expect(made.statusCode, made.body).toBe(201);
    office[key] = made.json().id;
  }
  job.berlin = await openJob('Berlin engineer', [office.berlin]);
  job.both = await openJob('Berlin or Paris engineer', [office.berlin, office.paris]);
  job.lisbon = await openJob('Lisbon engineer', [office.lisbon]);
  await addBoard(
    world,
    { token: `ret-${world.slug}`, name: 'Careers', employmentTypes: ['full_time'] },
    'ret-key',
  );
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('retention policies', () => {
  it('an office has no policy until an admin sets one, and a stale version is refused', async () => {
    const before = (await call(admin, 'GET', '/api/retention/policies')).json().items;
    expect(before.find((p: { officeId: string }) => p.officeId === office.berlin)).toMatchObject({
      policy: null,
      version: 0,
    });
    const saved = await call(admin, 'PUT', `/api/retention/policies/${office.berlin}`, {
      ...berlinPolicy,
      version: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ officeName: 'Berlin', version: 1, policy: berlinPolicy });
    const stale = await call(admin, 'PUT', `/api/retention/policies/${office.berlin}`, {
      ...berlinPolicy,
      version: 0,
    });
    expect([stale.statusCode, errorCode(stale)]).toEqual([409, 'conflict.stale_version']);
    const paris = await call(admin, 'PUT', `/api/retention/policies/${office.paris}`, {
      ...berlinPolicy,
      rejectedMonths: 12,
      version: 0,
    });
    expect(paris.statusCode, paris.body).toBe(200);
  });

  it('refuses bad values naming the field, an unknown office, and anyone but an admin', async () => {
    const bad = await call(admin, 'PUT', `/api/retention/policies/${office.lisbon}`, {
      ...berlinPolicy,
      rejectedMonths: 0,
      version: 0,
    });
    expect([bad.statusCode, errorCode(bad)]).toEqual([400, 'validation.failed']);
    expect(bad.body).toContain('rejectedMonths');
    const unknown = await call(admin, 'PUT', `/api/retention/policies/${world.teams.A}`, {
      ...berlinPolicy,
      version: 0,
    });
    expect([unknown.statusCode, errorCode(unknown)]).toEqual([404, 'retention.office_not_found']);
    for (const [method, url] of [
      ['GET', '/api/retention/policies'],
      ['POST', '/api/retention/dry-run'],
      ['POST', '/api/retention/purge'],
      ['GET', '/api/retention/holds'],
      ['GET', '/api/retention/runs'],
    ] as const) {
      const response = await call(recruiter, method, url, method === 'POST' ? {} : undefined);
      expect(response.statusCode, url).toBe(403);
    }
  });
});

describe('a season of purges', () => {
  it('sets up: rejections, a withdrawal, an open application, a consent from the board', async () => {
    await rejected('due', job.berlin);
    await rejected('held', job.berlin);
    await rejected('paris', job.both);
    await rejected('noPolicy', job.lisbon);
    const open = await rejected('stillOpen', job.berlin);
    await world.apply({ ...world.candidate(), email: emails.stillOpen! }, world.jobs.internA.id);
    expect(open.candidateId).toBe(who.stillOpen);
    const withdrew = await world.apply(undefined, job.berlin);
    who.withdrew = withdrew.candidateId;
    ok(
      await withdrawApplication(world.deps, {
        actor: { kind: 'candidate', orgId: world.orgId, candidateId: withdrew.candidateId },
        applicationId: withdrew.id,
        reason: 'Took another offer.',
      }),
    );
    // The board API's Greenhouse field: consent to be kept for future jobs.
    const post = (await app.inject({ url: `/v1/boards/ret-${world.slug}/jobs` }))
      .json()
      .jobs.find((j: { title: string }) => j.title === 'Berlin engineer').id;
    const applied = await app.inject({
      method: 'POST',
      url: `/v1/boards/ret-${world.slug}/jobs/${post}`,
      payload: {
        first_name: 'Con',
        last_name: 'Sent',
        email: 'consent@example.com',
        resume_text: 'cv',
        data_compliance: { gdpr_retention_consent_given: true },
      },
      headers: { authorization: basic('ret-key') },
    });
    expect(applied.statusCode, applied.body).toBe(200);
    const consenting = await world.db
      .selectFrom('applications')
      .innerJoin('candidates', 'candidates.id', 'applications.candidate_id')
      .select(['applications.id', 'applications.candidate_id'])
      .where('candidates.email_normalized', '=', 'consent@example.com')
      .executeTakeFirstOrThrow();
    who.consented = consenting.candidate_id;
    const consent = await world.db
      .selectFrom('candidate_consents')
      .selectAll()
      .where('candidate_id', '=', consenting.candidate_id)
      .executeTakeFirstOrThrow();
    // Berlin's policy: a consent lasts 12 months.
    expect(consent).toMatchObject({ source: 'application', application_id: consenting.id });
    expect(consent.expires_at.toISOString()).toBe('2027-03-02T09:00:00.000Z');
    ok(
      await decideApplicationRound(world.deps, {
        actor: world.staff.recruiter,
        applicationId: consenting.id,
        roundKey: 'resume',
        decision: 'reject',
        rationale: 'Not this time.',
      }),
    );
  });

  it('places a legal hold, once, on a known candidate only', async () => {
    const placed = await call(admin, 'POST', '/api/retention/holds', {
      candidateId: who.held,
      reason: 'Employment tribunal claim',
    });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json()).toMatchObject({ candidateId: who.held, placedBy: 'admin', releasedAt: null });
    const again = await call(admin, 'POST', '/api/retention/holds', {
      candidateId: who.held,
      reason: 'Again',
    });
    expect([again.statusCode, errorCode(again)]).toEqual([409, 'retention.already_on_hold']);
    const nobody = await call(admin, 'POST', '/api/retention/holds', {
      candidateId: world.teams.A,
      reason: 'Nobody',
    });
    expect([nobody.statusCode, errorCode(nobody)]).toEqual([404, 'retention.candidate_not_found']);
    const short = await call(admin, 'POST', '/api/retention/holds', { candidateId: who.held, reason: '' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('reason');
    const list = (await call(admin, 'GET', '/api/retention/holds?active=true')).json();
    expect(list.items.map((h: { candidateId: string }) => h.candidateId)).toEqual([who.held]);
  });

  let dryRunId = '';
  it('before any keep period passed, the dry run lists nobody', async () => {
    await advance(60);
    const dry = (await call(admin, 'POST', '/api/retention/dry-run')).json();
    expect(dry).toMatchObject({ dry: true, candidates: 0, items: [] });
  });

  it('seven months on, the dry run lists exactly who is due and why; the purge then erases exactly them', async () => {
    await advance(154); // 2 October 2026
    const response = await call(admin, 'POST', '/api/retention/dry-run');
    expect(response.statusCode, response.body).toBe(200);
    const dry = response.json();
    dryRunId = dry.id;
    expect(ids(dry.items)).toEqual(names('due', 'withdrew'));
    expect(dry).toMatchObject({ keptOnHold: 1, keptByConsent: 1, more: false, runBy: 'admin' });
    const due = dry.items.find((i: { candidateId: string }) => i.candidateId === who.due);
    expect(due.reasons).toEqual([
      expect.objectContaining({
        status: 'rejected',
        keepMonths: 6,
        office: 'Berlin',
        jobTitle: 'Berlin engineer',
      }),
    ]);
    expect(await erased()).toEqual([]);

    // A minute to read the list: runs are listed newest first, and the clock stands still otherwise.
    clock.advanceMs(60_000);
    const purge = await call(admin, 'POST', '/api/retention/purge', { dryRunId });
    expect(purge.statusCode, purge.body).toBe(200);
    expect(purge.json()).toMatchObject({ dry: false, dryRunId, candidates: 2 });
    expect(await erased()).toEqual(ids(dry.items));
    const gone = await world.db
      .selectFrom('candidates')
      .select(['first_name', 'email'])
      .where('id', '=', who.due!)
      .executeTakeFirstOrThrow();
    expect(gone.first_name).toBe('Erased');
    clock.advanceMs(60_000);
    const again = (await call(admin, 'POST', '/api/retention/dry-run')).json();
    expect(again.items).toEqual([]);
    const runs = (await call(admin, 'GET', '/api/retention/runs?limit=2')).json();
    expect(runs.items.map((r: { dry: boolean }) => r.dry)).toEqual([true, false]);
    expect(runs.nextCursor).not.toBeNull();
  });

  it('an unknown dry run is refused by name', async () => {
    const purge = await call(admin, 'POST', '/api/retention/purge', { dryRunId: world.teams.A });
    expect([purge.statusCode, errorCode(purge)]).toEqual([404, 'retention.dry_run_not_found']);
  });

  it('the consent renewal mail goes out once, within the notice period, before the consent expires', async () => {
    const worker = testWorker(world);
    await advance(110); // 20 January 2027: the consent ends 2 March 2027, the notice is 30 days
    await worker.drain(true);
    expect(await renewalMails(who.consented!)).toEqual([]);
    await advance(18); // 7 February 2027
    await worker.drain(true);
    clock.advanceMs(120_000);
    await worker.drain(true);
    const mails = await renewalMails(who.consented!);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.created_at < new Date('2027-03-02T09:00:00Z')).toBe(true);
    // Nobody was due meanwhile: the schedule's purges erased no one else.
    expect(await erased()).toEqual(names('due', 'withdrew'));
    await worker.close();
  });

  it('once the consent expires, the candidate is due; the hold still keeps its candidate', async () => {
    await advance(24); // 3 March 2027
    const dry = (await call(admin, 'POST', '/api/retention/dry-run')).json();
    expect(ids(dry.items)).toEqual(names('consented', 'paris'));
    const consented = dry.items.find((i: { candidateId: string }) => i.candidateId === who.consented);
    expect(consented.consentExpiredAt).toBe('2027-03-02T09:00:00.000Z');
    expect(dry.keptOnHold).toBe(1);
    // The schedule runs the same purge, a minute later.
    clock.advanceMs(60_000);
    const worker = testWorker(world);
    await worker.drain(true);
    await worker.close();
    expect(await erased()).toEqual(names('due', 'withdrew', 'consented', 'paris'));
    const scheduled = (await call(admin, 'GET', '/api/retention/runs?limit=1')).json().items[0];
    expect(scheduled).toMatchObject({ trigger: 'schedule', runBy: null, candidates: 2 });
    const lines = (await call(admin, 'GET', `/api/retention/runs/${scheduled.id}`)).json();
    expect(ids(lines.items)).toEqual(ids(dry.items));
  });

  it('a released hold lets its candidate go at the next purge; no policy and open applications keep theirs', async () => {
    const hold = (await call(admin, 'GET', '/api/retention/holds?active=true')).json().items[0];
    const released = await call(admin, 'POST', `/api/retention/holds/${hold.id}/release`);
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json()).toMatchObject({ releasedBy: 'admin' });
    const twice = await call(admin, 'POST', `/api/retention/holds/${hold.id}/release`);
    expect([twice.statusCode, errorCode(twice)]).toEqual([404, 'retention.hold_not_found']);
    const dry = (await call(admin, 'POST', '/api/retention/dry-run')).json();
    expect(ids(dry.items)).toEqual(names('held'));
    await call(admin, 'POST', '/api/retention/purge', { dryRunId: dry.id });
    expect(await erased()).toEqual(names('due', 'withdrew', 'consented', 'paris', 'held'));
    expect(await erased()).not.toContain(who.noPolicy);
    expect(await erased()).not.toContain(who.stillOpen);
  });
});

describe('consent in the portal', () => {
  it('a candidate gives or renews their consent to future jobs from the portal', async () => {
    const cookie = await candidateLogin(app, database, world.slug, emails.stillOpen!);
    const before = (await call(cookie, 'GET', '/api/me/consent')).json();
    expect(before).toEqual({ current: null, renewable: true });
    const renewed = await call(cookie, 'POST', '/api/me/consent', {});
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json().current).toMatchObject({ source: 'portal_renewal' });
    expect((await call(admin, 'GET', '/api/me/consent')).statusCode).toBe(403);
  });

  it('a candidate withdraws their consent as easily; from then on the policy keeps them only its period', async () => {
    await rejected('changedMind', job.berlin);
    let cookie = await candidateLogin(app, database, world.slug, emails.changedMind!);
    expect((await call(cookie, 'POST', '/api/me/consent', {})).json().current).not.toBeNull();
    await advance(214); // seven months on: past Berlin's 6 months for a rejection, within the 12 of consent
    const kept = (await call(admin, 'POST', '/api/retention/dry-run')).json();
    expect(ids(kept.items)).not.toContain(who.changedMind);
    expect(kept.keptByConsent).toBeGreaterThanOrEqual(1);

    cookie = await candidateLogin(app, database, world.slug, emails.changedMind!);
    const withdrawn = await call(cookie, 'DELETE', '/api/me/consent');
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toEqual({ current: null, renewable: true });
    const twice = await call(cookie, 'DELETE', '/api/me/consent');
    expect([twice.statusCode, twice.json().current]).toEqual([200, null]);
    const audit = await world.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', who.changedMind!)
      .where('action', 'like', 'retention.consent_%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'retention.consent_renewed',
      'retention.consent_withdrawn',
    ]);

    clock.advanceMs(60_000);
    const due = (await call(admin, 'POST', '/api/retention/dry-run')).json();
    const line = due.items.find((i: { candidateId: string }) => i.candidateId === who.changedMind);
    expect(line.reasons).toEqual([
      expect.objectContaining({ status: 'rejected', keepMonths: 6, office: 'Berlin' }),
    ]);
  });
});

describe('a backlog larger than one run', () => {
  it('the schedule takes it run after run, without waiting a day between them, then stops', async () => {
    await rejected('backlogOne', job.berlin);
    await rejected('backlogTwo', job.berlin);
    await advance(214);
    const due = (await call(admin, 'POST', '/api/retention/dry-run')).json();
    expect(ids(due.items)).toEqual(names('backlogOne', 'backlogTwo', 'changedMind'));
    clock.advanceMs(60_000);
    const sweep = () => purgeOnSchedule(world.deps, { videoRoomBaseUrl: 'https://meet.example', limit: 2 });
    expect(ok(await sweep())).toEqual({ orgs: 1, erased: 2 });
    clock.advanceMs(60_000);
    expect(ok(await sweep())).toEqual({ orgs: 1, erased: 1 });
    clock.advanceMs(60_000);
    // The last run left nobody due: the next waits for tomorrow.
    expect(ok(await sweep())).toEqual({ orgs: 0, erased: 0 });
    expect(await erased()).toEqual(expect.arrayContaining(names('backlogOne', 'backlogTwo', 'changedMind')));
    const runs = (await call(admin, 'GET', '/api/retention/runs?limit=2')).json().items;
    expect(runs.map((r: { trigger: string; more: boolean }) => [r.trigger, r.more])).toEqual([
      ['schedule', false],
      ['schedule', true],
    ]);
  });
});
