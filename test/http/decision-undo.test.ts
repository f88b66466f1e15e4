import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSchedulingLink } from '../../src/core/scheduling/create-scheduling-link.js';
import { scheduleInterview } from '../../src/core/scheduling/schedule-interview.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, errorCode, loginAs } from '../support/http.js';
import { startSmtp } from '../support/smtp.js';
import { testWorker } from '../support/worker.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

let database: Database;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let app: App;
let world: World;
let clock: TestClock;
let worker: ReturnType<typeof testWorker>;
let as: Record<'admin' | 'recruiter' | 'hm' | 'coordinator', string>;

const MINUTE = 60_000;

beforeAll(async () => {
  database = await openTestDatabase();
  smtp = await startSmtp();
});
afterAll(async () => {
  worker?.close();
  await app?.close();
  await smtp.close();
  await database.close();
});
beforeEach(async () => {
  clock = new TestClock();
  world = await buildWorld(database, clock);
  // The organisation's own window, as it is when nobody has set one: five minutes.
  await sql`update orgs set decision_undo_minutes = default where id = ${world.orgId}`.execute(world.db);
  await app?.close();
  app = await buildTestApp(database, clock);
  worker?.close();
  worker = testWorker(world, smtp.url);
  const login = (email: string) => loginAs(app, world.slug, email);
  as = {
    admin: await login(world.staff.admin.email),
    recruiter: await login(world.staff.recruiter.email),
    hm: await login(world.staff.hiring_manager.email),
    coordinator: await login(world.staff.coordinator.email),
  };
  await worker.drain();
  smtp.received.length = 0;
});

const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

/**
 * Someone no other test writes to: the worker dispatches for every organisation in the database,
 * and a message another test held may fall due here.
 */
const someone = () => ({ ...world.candidate(), email: `${crypto.randomUUID()}@example.com` });

/** A fresh application at the resume screen, its confirmation already out. */
async function applied() {
  const person = someone();
  const application = await world.apply(person);
  await worker.drain();
  smtp.received.length = 0;
  return { application, email: person.email };
}

/** The technical interview, a week from now, with the test's interviewer. */
const bookTechNextWeek = async (applicationId: string) =>
  ok(
    await scheduleInterview(world.deps, {
      actor: world.staff.coordinator,
      applicationId,
      roundKey: 'tech',
      startsAt: new Date(clock.now().getTime() + 7 * 86_400_000),
      interviewerIds: [world.staff.interviewer.userId],
      language: 'en',
    }),
  );

const reject = (applicationId: string, roundKey = 'resume', cookie = as.recruiter) =>
  call(cookie, 'POST', `/api/applications/${applicationId}/decisions`, {
    roundKey,
    decision: 'reject',
    rationale: 'Not enough backend experience for this role.',
    ...(roundKey === 'resume' ? {} : { overrideReason: 'Decided before the interview in this test.' }),
  });
const latestDecision = (response: { json(): { decisions: { id: string; undoUntil: string | null }[] } }) =>
  response.json().decisions.at(-1)!;
const mailTo = (address: string) =>
  smtp.received.filter((m) => m.envelopeTo.some((r) => r.toLowerCase() === address.toLowerCase()));
const rejectionsTo = (address: string) =>
  mailTo(address).filter((m) => m.mail.text?.includes('we will not be moving forward'));

describe('R-MSG-1: a decision can be undone before its message reaches the candidate', () => {
  it('R-MSG-1: by default a rejection waits five minutes; undone in them, the application is back and nothing is sent', async () => {
    const settings = await call(as.admin, 'GET', '/api/settings/notifications');
    expect(settings.json().decisionUndoMinutes).toBe(5);
    const { application, email } = await applied();

    const decided = await reject(application.id);
    expect(decided.statusCode).toBe(200);
    expect(decided.json().status).toBe('rejected');
    const decision = latestDecision(decided);
    expect(decision.undoUntil).toBe(new Date(clock.now().getTime() + 5 * MINUTE).toISOString());

    clock.advanceMs(4 * MINUTE);
    await worker.drain();
    expect(mailTo(email)).toEqual([]);

    const undone = await call(as.recruiter, 'POST', `/api/decisions/${decision.id}/undo`);
    expect(undone.statusCode).toBe(200);
    expect(undone.json()).toMatchObject({ status: 'active', currentRound: 'resume', decisions: [] });

    clock.advanceMs(30 * MINUTE);
    await worker.drain();
    expect(mailTo(email)).toEqual([]);
    const timeline = await call(as.recruiter, 'GET', `/api/applications/${application.id}/timeline`);
    const actions = timeline.json().items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['round.rejected', 'round.decision_undone']));
    expect(actions.indexOf('round.decision_undone')).toBeGreaterThan(actions.indexOf('round.rejected'));

    // Decided again, the round takes the new decision, and its message goes once the window closes.
    const again = await reject(application.id);
    expect(again.statusCode).toBe(200);
    clock.advanceMs(5 * MINUTE);
    await worker.drain();
    expect(rejectionsTo(email)).toHaveLength(1);
  });

  it('R-MSG-1: once the window has closed the message goes and the decision stands', async () => {
    const { application, email } = await applied();
    const decision = latestDecision(await reject(application.id));
    clock.advanceMs(5 * MINUTE);
    await worker.drain();
    expect(rejectionsTo(email)).toHaveLength(1);
    const late = await call(as.recruiter, 'POST', `/api/decisions/${decision.id}/undo`);
    expect(late.statusCode).toBe(409);
    expect(errorCode(late)).toBe('decision.undo_closed');
    expect(late.json().error.message).toMatch(/decision stands/);
  });

  it('R-MSG-1: only the decider undoes, only the latest decision, and an unknown one is not found', async () => {
    const { application } = await applied();
    const advanced = await call(as.recruiter, 'POST', `/api/applications/${application.id}/decisions`, {
      roundKey: 'resume',
      decision: 'advance',
      rationale: 'Strong Go and Kafka experience.',
    });
    const first = latestDecision(advanced);
    const other = await call(as.hm, 'POST', `/api/decisions/${first.id}/undo`);
    expect(other.statusCode).toBe(403);
    expect(errorCode(other)).toBe('decision.not_yours');

    expect((await reject(application.id, 'tech', as.hm)).statusCode).toBe(200);
    const superseded = await call(as.recruiter, 'POST', `/api/decisions/${first.id}/undo`);
    expect(superseded.statusCode).toBe(409);
    expect(errorCode(superseded)).toBe('decision.superseded');

    const unknown = await call(as.recruiter, 'POST', `/api/decisions/${crypto.randomUUID()}/undo`);
    expect(unknown.statusCode).toBe(404);
    expect(errorCode(unknown)).toBe('decision.not_found');
  });

  it('R-MSG-1: a window of 0 sends at once; the window is set in words-checked bounds', async () => {
    const current = (await call(as.admin, 'GET', '/api/settings/notifications')).json();
    const tooLong = await call(as.admin, 'PUT', '/api/settings/notifications', {
      ...current,
      decisionUndoMinutes: 61,
    });
    expect(tooLong.statusCode).toBe(400);
    expect(JSON.stringify(tooLong.json())).toContain('decisionUndoMinutes');
    const saved = await call(as.admin, 'PUT', '/api/settings/notifications', {
      ...current,
      decisionUndoMinutes: 0,
    });
    expect(saved.statusCode).toBe(200);

    const { application, email } = await applied();
    const decision = latestDecision(await reject(application.id));
    expect(decision.undoUntil).toBeNull();
    await worker.drain();
    expect(rejectionsTo(email)).toHaveLength(1);
    expect(errorCode(await call(as.recruiter, 'POST', `/api/decisions/${decision.id}/undo`))).toBe(
      'decision.undo_closed',
    );
  });

  it('R-MSG-1: a bulk rejection is undone in one request, item by item', async () => {
    const people = [await applied(), await applied(), await applied()];
    const bulk = await call(as.recruiter, 'POST', '/api/applications/bulk-decisions', {
      items: people.map((p) => ({ applicationId: p.application.id, roundKey: 'resume' })),
      decision: 'reject',
      rationale: 'The role needs five years of backend work.',
    });
    expect(bulk.json().succeeded).toBe(3);
    const decisionIds = bulk.json().results.map((r: { decisionId: string; undoUntil: string }) => {
      expect(r.undoUntil).toBe(new Date(clock.now().getTime() + 5 * MINUTE).toISOString());
      return r.decisionId;
    });
    const unknown = crypto.randomUUID();
    const undo = await call(as.recruiter, 'POST', '/api/decisions/undo', {
      decisionIds: [...decisionIds, unknown],
    });
    expect(undo.statusCode).toBe(200);
    expect(undo.json()).toMatchObject({ undone: 3, failed: 1 });
    expect(undo.json().results.at(-1)).toMatchObject({
      decisionId: unknown,
      ok: false,
      error: { code: 'decision.not_found' },
    });
    for (const p of people) {
      const detail = await call(as.recruiter, 'GET', `/api/applications/${p.application.id}`);
      expect(detail.json().status).toBe('active');
    }
    clock.advanceMs(10 * MINUTE);
    await worker.drain();
    for (const p of people) expect(mailTo(p.email)).toEqual([]);
  });

  it('R-MSG-1: undoing a rejection books again the interview it cancelled, and no cancellation is ever sent', async () => {
    const person = someone();
    const application = await world.atTechnicalRound(person);
    const interview = await bookTechNextWeek(application.id);
    await worker.drain();
    smtp.received.length = 0;

    const decision = latestDecision(await reject(application.id, 'tech', as.hm));
    const cancelled = await world.db
      .selectFrom('interviews')
      .select('status')
      .where('id', '=', interview.id)
      .executeTakeFirstOrThrow();
    expect(cancelled.status).toBe('cancelled');
    const undone = await call(as.hm, 'POST', `/api/decisions/${decision.id}/undo`);
    expect(undone.statusCode).toBe(200);
    expect(undone.json()).toMatchObject({ status: 'active', currentRound: 'tech' });

    const restored = await world.db
      .selectFrom('interviews')
      .select('status')
      .where('id', '=', interview.id)
      .executeTakeFirstOrThrow();
    expect(restored.status).toBe('scheduled');
    const scorecards = await world.db
      .selectFrom('scorecards')
      .select(['interviewer_id', 'status'])
      .where('interview_id', '=', interview.id)
      .execute();
    expect(scorecards).toEqual([{ interviewer_id: world.staff.interviewer.userId, status: 'pending' }]);
    const holds = await world.db
      .selectFrom('interview_holds')
      .select('participant_id')
      .where('interview_id', '=', interview.id)
      .execute();
    expect(holds).toHaveLength(2);

    clock.advanceMs(10 * MINUTE);
    await worker.drain();
    const panel = [person.email, world.staff.interviewer.email].flatMap(mailTo);
    expect(panel.filter((m) => m.raw.includes('METHOD:CANCEL'))).toEqual([]);
    expect(rejectionsTo(person.email)).toEqual([]);
  });

  it('R-MSG-1: a message caused after a held decision waits behind it, so the candidate reads them in order; the booking keeps the advance from being undone', async () => {
    const { application, email } = await applied();
    const advanced = await call(as.recruiter, 'POST', `/api/applications/${application.id}/decisions`, {
      roundKey: 'resume',
      decision: 'advance',
      rationale: 'Strong Go and Kafka experience.',
    });
    expect(advanced.statusCode).toBe(200);
    await bookTechNextWeek(application.id);
    await worker.drain();
    expect(mailTo(email)).toEqual([]);
    // The interview booked for the round the advance opened stands in the way of undoing it.
    const refused = await call(as.recruiter, 'POST', `/api/decisions/${latestDecision(advanced).id}/undo`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'decision.superseded',
      message: expect.stringMatching(/cancel it first/),
    });
    clock.advanceMs(5 * MINUTE);
    await worker.drain();
    const subjects = mailTo(email).map((m) => m.mail.subject);
    expect(subjects).toHaveLength(2);
    expect(subjects[1]).toMatch(/^Interview scheduled/);
  });
  it('R-MSG-1: a scheduling link, sent ahead of other mail, still waits behind a held advance and follows its news', async () => {
    const { application, email } = await applied();
    const advanced = await call(as.recruiter, 'POST', `/api/applications/${application.id}/decisions`, {
      roundKey: 'resume',
      decision: 'advance',
      rationale: 'Strong Go and Kafka experience.',
    });
    expect(advanced.statusCode).toBe(200);
    ok(
      await createSchedulingLink(world.deps, {
        actor: world.staff.coordinator,
        applicationId: application.id,
        roundKey: 'tech',
        interviewerIds: [world.staff.interviewer.userId],
        language: 'en',
        pageUrl: 'https://hireloop.test/schedule',
      }),
    );
    await worker.drain();
    expect(mailTo(email)).toEqual([]);
    clock.advanceMs(5 * MINUTE);
    await worker.drain();
    const texts = mailTo(email).map((m) => m.mail.text ?? '');
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('Good news');
    expect(texts[1]).toContain('https://hireloop.test/schedule');
  });
});
