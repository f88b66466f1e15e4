import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleInterview } from '../../src/core/scheduling/schedule-interview.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { loadCatalog } from '../../src/server/templates.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, candidateLogin, errorCode, loginAs } from '../support/http.js';
import { testWorker } from '../support/worker.js';
import { addStaffMember, buildWorld, ids, ok, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let clock: TestClock;
const staffRoles = ['admin', 'recruiter', 'coordinator', 'interviewer', 'hiring_manager', 'hr'] as const;
const as = {} as Record<(typeof staffRoles)[number] | 'coach' | 'coach2', string>;
const coachIds = {} as Record<'coach' | 'coach2', string>;
let n = 0;

const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  app.inject({ method, url, payload: payload as object, headers: { cookie } });

/** A staff member outside the hiring roles' sight of the session: a volunteer practice interviewer. */
async function addCoach(name: 'coach' | 'coach2') {
  const { userId, email } = await addStaffMember(
    world,
    clock,
    name,
    ['interviewer'],
    [world.teams.A],
    `Practice ${name}`,
  );
  coachIds[name] = userId;
  as[name] = await loginAs(app, world.slug, email);
}

/** A candidate in a process, signed in to the portal. */
async function candidateInProcess() {
  const person = { email: `mock.candidate.${++n}@example.com`, firstName: `Mia${n}`, lastName: 'Lee' };
  const application = await world.atTechnicalRound(person);
  const cookie = await candidateLogin(app, database, world.slug, person.email);
  return { cookie, application };
}

async function firstSlot(cookie: string, roundType = 'coding') {
  const slots = await call(cookie, 'GET', `/api/me/mock/slots?roundType=${roundType}`);
  expect(slots.statusCode, slots.body).toBe(200);
  return slots.json() as { items: { startsAt: string }[]; minutes: number; timezone: string };
}

beforeAll(async () => {
  database = await openTestDatabase();
  clock = new TestClock(); // Monday 2 March 2026, 09:00 UTC
  world = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
  for (const role of staffRoles) as[role] = await loginAs(app, world.slug, world.staff[role].email);
  await addCoach('coach');
  await addCoach('coach2');
  const volunteer = await call(as.coach, 'PUT', '/api/mock/coach', { active: true, roundTypes: ['coding'] });
  expect(volunteer.statusCode, volunteer.body).toBe(200);
});
afterAll(async () => {
  await app?.close();
  await database.close();
});

describe('mock interviews', () => {
  it('a booking, its pad, its session and its coaching card reach the candidate and no staff member outside the session', async () => {
    const { cookie } = await candidateInProcess();
    const slots = await firstSlot(cookie);
    expect(slots.items.length).toBeGreaterThan(0);
    const booked = await call(cookie, 'POST', '/api/me/mock/sessions', {
      roundType: 'coding',
      startsAt: slots.items[0]!.startsAt,
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const session = booked.json();
    expect(session).toMatchObject({ status: 'booked', coachName: 'Practice coach', card: null });

    // The practice interviewer sees it in their own list, with the coding kit, and opens the pad.
    const mine = await call(as.coach, 'GET', '/api/mock/sessions');
    expect(mine.json().items.map((s: { id: string }) => s.id)).toEqual([session.id]);
    const padded = await call(as.coach, 'POST', `/api/mock/sessions/${session.id}/pad`, {});
    expect(padded.statusCode, padded.body).toBe(200);
    const padId = padded.json().padId as string;
    const kit = padded.json().kit as { focusAttributes: { key: string }[]; questions: { prompt: string }[] };
    expect(kit.focusAttributes.length).toBeGreaterThan(0);
    // What to ask comes from the practice set: no question of the hiring bank reaches a candidate.
    const hiring = new Set(
      [...loadCatalog().interviewKits.values()].flatMap((k) => k.questions.map((q) => q.prompt)),
    );
    expect(kit.questions.length).toBeGreaterThan(0);
    expect(kit.questions.filter((q) => hiring.has(q.prompt))).toEqual([]);
    // Both of them reach the pad; the candidate through their own sign-in.
    expect((await call(as.coach, 'GET', `/api/pads/${padId}`)).statusCode).toBe(200);
    const candidatePad = await call(cookie, 'GET', `/api/pads/${padId}`);
    expect(candidatePad.statusCode, candidatePad.body).toBe(200);
    expect(candidatePad.json().applicationId).toBeNull();

    // Too early for a card: the session has not begun.
    const marker = `MOCKADVICE${ids.next().replaceAll('-', '')}`;
    const card = {
      ratings: Object.fromEntries(kit.focusAttributes.map((a) => [a.key, 'yes'])),
      advice: `Say your plan before you type. ${marker}`,
    };
    const early = await call(as.coach, 'POST', `/api/mock/sessions/${session.id}/card`, card);
    expect(errorCode(early), early.body).toBe('mock.not_started');
    clock.advanceMs(Date.parse(session.startsAt) - clock.now().getTime() + 60_000);
    const partial = await call(as.coach, 'POST', `/api/mock/sessions/${session.id}/card`, {
      ...card,
      ratings: {},
    });
    expect(errorCode(partial), partial.body).toBe('validation.failed');
    expect(partial.json().error.details.issues[0].field).toBe('body.ratings');
    const written = await call(as.coach, 'POST', `/api/mock/sessions/${session.id}/card`, card);
    expect(written.statusCode, written.body).toBe(200);
    expect(written.json().status).toBe('held');
    const again = await call(as.coach, 'POST', `/api/mock/sessions/${session.id}/card`, card);
    expect(errorCode(again)).toBe('mock.outcome_recorded');

    // The candidate reads the card in the portal.
    const portal = await call(cookie, 'GET', '/api/me/mock');
    const read = portal.json().items.find((s: { id: string }) => s.id === session.id);
    expect(read.card.advice).toContain(marker);
    expect(read.card.ratings.length).toBe(kit.focusAttributes.length);

    // Emails go to the two of them: the card's own words never leave the portal.
    const worker = testWorker(world);
    await worker.drain();
    await worker.close();
    const deliveries = await world.db
      .selectFrom('deliveries')
      .select(['recipient', 'subject', 'body'])
      .where('org_id', '=', world.orgId)
      .where((eb) => eb.or([eb('subject', 'like', '%ock%'), eb('subject', 'like', '%oaching%')]))
      .execute();
    expect(deliveries.map((d) => d.recipient).sort()).toEqual(
      [
        `coach@${world.slug}.example`,
        `mock.candidate.${n}@example.com`,
        `mock.candidate.${n}@example.com`,
      ].sort(),
    );
    expect(deliveries.some((d) => d.body.includes(marker))).toBe(false);
    // The admin's mailbox shows those emails went, without to whom, when or where.
    const mailbox = await call(as.admin, 'GET', '/api/deliveries?limit=200');
    const mockEmails = (
      mailbox.json().items as { subject: string; recipient: string; body: string; status: string }[]
    ).filter((d) => d.subject === 'Mock interview email');
    expect(mockEmails.map((d) => [d.recipient, d.body, d.status])).toEqual(
      Array(3).fill(['Mock interview email', '', 'delivered']),
    );
    for (const text of [session.startsAt.slice(0, 16), 'Practice coach', `mock-${session.id}`])
      expect(mailbox.body.includes(text), text).toBe(false);

    // Every staff GET route, as every other staff member, with every id of this story: nothing of
    // the session appears anywhere.
    const spec = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const candidateId = (
      await world.db
        .selectFrom('mock_sessions')
        .select('candidate_id')
        .where('id', '=', session.id)
        .executeTakeFirstOrThrow()
    ).candidate_id;
    const applications = await world.db
      .selectFrom('applications')
      .select('id')
      .where('candidate_id', '=', candidateId)
      .execute();
    const idsOfStory = [session.id, padId, candidateId, coachIds.coach, ...applications.map((a) => a.id)];
    const routes = Object.entries(spec.paths)
      .filter(([path, ops]) => 'get' in ops && !path.startsWith('/api/me') && path.startsWith('/api/'))
      .map(([path]) => path);
    expect(routes.length).toBeGreaterThan(50);
    const others = [...staffRoles, 'coach2'] as const;
    let calls = 0;
    for (const path of routes) {
      const urls = path.includes('{')
        ? idsOfStory.map((id) => path.replace(/\{[^}]+\}/g, id))
        : [`${path}?q=${marker}`, path];
      for (const url of urls) {
        for (const role of others) {
          const response = await call(as[role], 'GET', url);
          calls++;
          expect(response.statusCode, `${role} ${url}`).not.toBe(500);
          expect(response.body.includes(marker), `${role} ${url}`).toBe(false);
          // An id the request itself carries may be echoed back (a "not found" naming it).
          for (const id of [session.id, padId].filter((i) => !url.includes(i)))
            expect(response.body.includes(id), `${role} ${url}`).toBe(false);
        }
      }
    }
    expect(calls).toBeGreaterThan(300);
    // The coach reaches the session; no other staff member even learns that it exists.
    for (const role of others) {
      const other = await call(as[role], 'GET', `/api/mock/sessions/${session.id}`);
      expect(errorCode(other), role).toBe('mock.not_found');
      expect((await call(as[role], 'GET', `/api/pads/${padId}`)).statusCode, role).toBe(403);
    }
    // Hundreds of requests on two shared cores: a generous bound, not a measure.
  }, 300_000);

  it('a mock session and a real interview never overlap for the practice interviewer, either way', async () => {
    const { cookie } = await candidateInProcess();
    const slots = await firstSlot(cookie);
    const at = slots.items[0]!.startsAt;
    const booked = await call(cookie, 'POST', '/api/me/mock/sessions', { roundType: 'coding', startsAt: at });
    expect(booked.statusCode, booked.body).toBe(201);
    // A real interview with the practice interviewer at that time is refused by the database.
    const applicant = await world.atTechnicalRound();
    const clash = await scheduleInterview(world.deps, {
      actor: world.staff.coordinator,
      applicationId: applicant.id,
      roundKey: 'tech',
      startsAt: new Date(at),
      interviewerIds: [coachIds.coach],
      language: 'en',
    });
    expect(clash.ok ? 'booked' : clash.error.code).toBe('interview.slot_taken');

    // And the other way: a real interview takes the slot away from mock booking.
    const next = (await firstSlot(cookie)).items[0]!.startsAt;
    ok(
      await scheduleInterview(world.deps, {
        actor: world.staff.coordinator,
        applicationId: applicant.id,
        roundKey: 'tech',
        startsAt: new Date(next),
        interviewerIds: [coachIds.coach],
        language: 'en',
      }),
    );
    const after = await firstSlot(cookie);
    expect(after.items.map((s) => s.startsAt)).not.toContain(next);
    const refused = await call(cookie, 'POST', '/api/me/mock/sessions', {
      roundType: 'coding',
      startsAt: next,
    });
    expect(errorCode(refused), refused.body).toBe('mock.slot_unavailable');
  });

  it('limits per candidate, counting no cancelled session, and cancellation by either side with a reason', async () => {
    const settings = { enabled: true, maxSessions: 1, windowDays: 30 };
    expect((await call(as.admin, 'PUT', '/api/mock/settings', settings)).statusCode).toBe(200);
    const { cookie } = await candidateInProcess();
    const [first, second] = (await firstSlot(cookie)).items;
    const booked = await call(cookie, 'POST', '/api/me/mock/sessions', {
      roundType: 'coding',
      startsAt: first!.startsAt,
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const over = await call(cookie, 'POST', '/api/me/mock/sessions', {
      roundType: 'coding',
      startsAt: second!.startsAt,
    });
    expect(errorCode(over), over.body).toBe('mock.limit_reached');
    expect(over.json().error.details).toMatchObject({ maxSessions: 1, windowDays: 30, used: 1 });

    const noReason = await call(cookie, 'POST', `/api/me/mock/sessions/${booked.json().id}/cancel`, {});
    expect(errorCode(noReason)).toBe('validation.failed');
    const cancelled = await call(cookie, 'POST', `/api/me/mock/sessions/${booked.json().id}/cancel`, {
      reason: 'An exam moved to that day.',
    });
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      cancelReason: 'An exam moved to that day.',
    });
    const rebooked = await call(cookie, 'POST', '/api/me/mock/sessions', {
      roundType: 'coding',
      startsAt: first!.startsAt,
    });
    expect(rebooked.statusCode, rebooked.body).toBe(201);
    // The practice interviewer cancels too; someone else's candidate cannot touch the session.
    const { cookie: stranger } = await candidateInProcess();
    const foreign = await call(stranger, 'POST', `/api/me/mock/sessions/${rebooked.json().id}/cancel`, {
      reason: 'Not mine.',
    });
    expect(errorCode(foreign)).toBe('mock.not_found');
    const byCoach = await call(as.coach, 'POST', `/api/mock/sessions/${rebooked.json().id}/cancel`, {
      reason: 'I am travelling that week.',
    });
    expect(byCoach.json()).toMatchObject({ status: 'cancelled' });
    await call(as.admin, 'PUT', '/api/mock/settings', { ...settings, maxSessions: 2 });
  });

  it('no-shows are recorded on either side once the session has begun', async () => {
    const first = await candidateInProcess();
    const second = await candidateInProcess();
    const [a] = (await firstSlot(first.cookie)).items;
    const one = await call(first.cookie, 'POST', '/api/me/mock/sessions', {
      roundType: 'coding',
      startsAt: a!.startsAt,
    });
    // The practice interviewer's next free hour, now that the first one is taken.
    const [b] = (await firstSlot(second.cookie)).items;
    const two = await call(second.cookie, 'POST', '/api/me/mock/sessions', {
      roundType: 'coding',
      startsAt: b!.startsAt,
    });
    expect([one.statusCode, two.statusCode], one.body + two.body).toEqual([201, 201]);
    const early = await call(first.cookie, 'POST', `/api/me/mock/sessions/${one.json().id}/no-show`);
    expect(errorCode(early)).toBe('mock.not_started');
    clock.advanceMs(Date.parse(b!.startsAt) - clock.now().getTime() + 60_000);
    const coachAbsent = await call(first.cookie, 'POST', `/api/me/mock/sessions/${one.json().id}/no-show`);
    expect(coachAbsent.json().status).toBe('coach_no_show');
    const candidateAbsent = await call(as.coach, 'POST', `/api/mock/sessions/${two.json().id}/no-show`);
    expect(candidateAbsent.json().status).toBe('candidate_no_show');
    const late = await call(first.cookie, 'POST', `/api/me/mock/sessions/${one.json().id}/cancel`, {
      reason: 'Too late.',
    });
    expect(errorCode(late)).toBe('mock.not_cancellable');
  });

  it('the organisation turns mock interviews off: the portal says so and booking is refused', async () => {
    const { cookie } = await candidateInProcess();
    const [slot] = (await firstSlot(cookie)).items;
    const off = await call(as.admin, 'PUT', '/api/mock/settings', {
      enabled: false,
      maxSessions: 2,
      windowDays: 30,
    });
    expect(off.statusCode, off.body).toBe(200);
    expect((await call(cookie, 'GET', '/api/me/mock')).json().enabled).toBe(false);
    expect(errorCode(await call(cookie, 'GET', '/api/me/mock/slots?roundType=coding'))).toBe('mock.disabled');
    const refused = await call(cookie, 'POST', '/api/me/mock/sessions', {
      roundType: 'coding',
      startsAt: slot!.startsAt,
    });
    expect(refused.statusCode).toBe(403);
    expect(errorCode(refused)).toBe('mock.disabled');
    const notAdmin = await call(as.recruiter, 'PUT', '/api/mock/settings', {
      enabled: true,
      maxSessions: 2,
      windowDays: 30,
    });
    expect(errorCode(notAdmin)).toBe('permission.denied');
    await call(as.admin, 'PUT', '/api/mock/settings', { enabled: true, maxSessions: 2, windowDays: 30 });
  });

  it('refuses bad input with the field and why, and a round nobody coaches has no slots', async () => {
    const { cookie } = await candidateInProcess();
    const bad = await call(cookie, 'POST', '/api/me/mock/sessions', {
      roundType: 'karaoke',
      startsAt: 'soon',
    });
    expect(errorCode(bad)).toBe('validation.failed');
    const fields = bad.json().error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['body.roundType', 'body.startsAt']));
    expect((await firstSlot(cookie, 'system_design')).items).toEqual([]);
    const offGrid = await call(cookie, 'POST', '/api/me/mock/sessions', {
      roundType: 'coding',
      startsAt: new Date(clock.now().getTime() + 3 * 86_400_000 + 7 * 60_000).toISOString(),
    });
    expect(errorCode(offGrid)).toBe('mock.slot_unavailable');
    const twice = await call(as.coach, 'PUT', '/api/mock/coach', {
      active: true,
      roundTypes: ['coding', 'coding'],
    });
    expect(errorCode(twice)).toBe('validation.failed');
  });
});

describe("mock interviews are the candidate's own data", () => {
  it('are in their export, and erasing them cancels what is ahead and removes the words and the pad', async () => {
    const { cookie } = await candidateInProcess();
    const email = `mock.candidate.${n}@example.com`;
    const items = (await firstSlot(cookie)).items;
    const [soon, later] = [items[0]!, items[items.length - 1]!];
    const first = await call(cookie, 'POST', '/api/me/mock/sessions', {
      roundType: 'coding',
      startsAt: soon.startsAt,
    });
    const second = await call(cookie, 'POST', '/api/me/mock/sessions', {
      roundType: 'coding',
      startsAt: later.startsAt,
    });
    expect([first.statusCode, second.statusCode], first.body + second.body).toEqual([201, 201]);
    const [held, ahead] = [first.json().id as string, second.json().id as string];
    const padded = await call(as.coach, 'POST', `/api/mock/sessions/${held}/pad`, {});
    expect(padded.statusCode, padded.body).toBe(200);
    const kit = padded.json().kit as { focusAttributes: { key: string }[] };
    clock.advanceMs(Date.parse(soon.startsAt) - clock.now().getTime() + 60_000);
    const marker = `MOCKEXPORT${ids.next().replaceAll('-', '')}`;
    const card = await call(as.coach, 'POST', `/api/mock/sessions/${held}/card`, {
      ratings: Object.fromEntries(kit.focusAttributes.map((a) => [a.key, 'mixed'])),
      advice: `Test the edge cases out loud. ${marker}`,
    });
    expect(card.statusCode, card.body).toBe(200);

    const exported = await call(cookie, 'GET', '/api/me/export');
    expect(exported.statusCode, exported.body).toBe(200);
    const mine = exported.json().mockInterviews as {
      id: string;
      status: string;
      card: { advice: string } | null;
    }[];
    expect(mine.map((m) => [m.id, m.status]).sort()).toEqual(
      [
        [held, 'held'],
        [ahead, 'booked'],
      ].sort(),
    );
    expect(mine.find((m) => m.id === held)?.card?.advice).toContain(marker);

    const erased = await call(cookie, 'POST', '/api/me/erasure', { email });
    expect(erased.statusCode, erased.body).toBe(200);
    const sessions = await world.db
      .selectFrom('mock_sessions')
      .select(['id', 'status', 'cancel_reason'])
      .where('id', 'in', [held, ahead])
      .execute();
    expect(Object.fromEntries(sessions.map((s) => [s.id, s.status]))).toEqual({
      [held]: 'held',
      [ahead]: 'cancelled',
    });
    expect(sessions.every((s) => s.cancel_reason === null)).toBe(true);
    const left = async (table: 'mock_cards' | 'pads' | 'interview_holds') => {
      const column = table === 'mock_cards' ? 'session_id' : 'mock_session_id';
      const rows = await world.db
        .selectFrom(table)
        .select(column)
        .where(column, 'in', [held, ahead])
        .execute();
      return rows.map((r) => (r as Record<string, string | null>)[column]);
    };
    expect(await left('mock_cards')).toEqual([]);
    expect(await left('pads')).toEqual([]);
    // The held session keeps its past time; the one ahead frees both people's.
    expect(await left('interview_holds')).toEqual([held, held]);
    const coachList = await call(as.coach, 'GET', '/api/mock/sessions');
    expect(coachList.body.includes(marker)).toBe(false);
    const seen = coachList.json().items as {
      id: string;
      status: string;
      card: unknown;
      padId: string | null;
    }[];
    expect(seen.find((s) => s.id === held)).toMatchObject({ status: 'held', card: null, padId: null });
    expect(seen.find((s) => s.id === ahead)).toMatchObject({ status: 'cancelled' });
    // The practice interviewer is told of the session ahead going; the erased candidate is sent nothing.
    const worker = testWorker(world);
    await worker.drain();
    await worker.close();
    const told = await world.db
      .selectFrom('deliveries')
      .innerJoin('outbox', 'outbox.seq', 'deliveries.event_seq')
      .select(['deliveries.recipient', 'deliveries.subject'])
      .where('outbox.dedupe_key', '=', `mock.cancelled:${ahead}`)
      .execute();
    expect(told).toEqual([
      { recipient: `coach@${world.slug}.example`, subject: 'Cancelled: mock coding with Erased' },
    ]);
    // The freed slot is open again to someone else.
    const { cookie: next } = await candidateInProcess();
    expect((await firstSlot(next)).items.map((s) => s.startsAt)).toContain(later.startsAt);
  });
});

describe('booking spreads the load', () => {
  it('gives a slot to the free practice interviewer with the fewest sessions ahead, not the first by id', async () => {
    const [low, high] = (['coach', 'coach2'] as const)
      .slice()
      .sort((a, b) => (coachIds[a] < coachIds[b] ? -1 : 1));
    const profile = (name: 'coach' | 'coach2', active: boolean) =>
      call(as[name], 'PUT', '/api/mock/coach', { active, roundTypes: ['coding'] });
    // Only the interviewer with the smaller id coaches at first, and takes a session.
    expect((await profile(high!, false)).statusCode).toBe(200);
    expect((await profile(low!, true)).statusCode).toBe(200);
    const first = await candidateInProcess();
    const taken = await call(first.cookie, 'POST', '/api/me/mock/sessions', {
      roundType: 'coding',
      startsAt: (await firstSlot(first.cookie)).items[0]!.startsAt,
    });
    expect(taken.json().coachName, taken.body).toBe(`Practice ${low}`);
    // A time the busier one is free at too; with both volunteering, the one with no sessions takes it.
    const second = await candidateInProcess();
    const at = (await firstSlot(second.cookie)).items[0]!.startsAt;
    expect((await profile(high!, true)).statusCode).toBe(200);
    const spread = await call(second.cookie, 'POST', '/api/me/mock/sessions', {
      roundType: 'coding',
      startsAt: at,
    });
    expect(spread.statusCode, spread.body).toBe(201);
    expect(spread.json().coachName).toBe(`Practice ${high}`);
    await profile('coach2', false);
    await profile('coach', true);
  });
});
