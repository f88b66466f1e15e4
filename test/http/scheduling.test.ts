import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hiringWeek } from '../../bench/planner-instances.js';
import { decideApplicationRound } from '../../src/core/applications/decide-round.js';
import { submitApplication } from '../../src/core/applications/submit-application.js';
import { withdrawApplication } from '../../src/core/applications/withdraw-application.js';
import { violations } from '../../src/core/scheduling/planner/model.js';
import { scheduleInterview } from '../../src/core/scheduling/schedule-interview.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { refreshCalendarFeeds } from '../../src/server/jobs/worker.js';
import { plannerThread } from '../../src/server/planner-thread.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, candidateLogin, errorCode, loginAs } from '../support/http.js';
import { testWorker } from '../support/worker.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let clock: TestClock;
let as: Record<'admin' | 'recruiter' | 'coordinator' | 'interviewer' | 'hm', string>;

const LA = 'America/Los_Angeles';
const SHANGHAI = 'Asia/Shanghai';

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await app?.close();
  await database.close();
});
beforeEach(async () => {
  clock = new TestClock(); // Monday 2 March 2026, 09:00 UTC
  world = await buildWorld(database, clock);
  await world.db
    .updateTable('users')
    .set({ timezone: LA })
    .where('id', '=', world.staff.interviewer.userId)
    .execute();
  await app?.close();
  app = await buildTestApp(database, clock);
  const login = (email: string) => loginAs(app, world.slug, email);
  as = {
    admin: await login(world.staff.admin.email),
    recruiter: await login(world.staff.recruiter.email),
    coordinator: await login(world.staff.coordinator.email),
    interviewer: await login(world.staff.interviewer.email),
    hm: await login(world.staff.hiring_manager.email),
  };
});

const call = (
  cookie: string | null,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
) => app.inject({ method, url, payload: payload as object, headers: cookie ? { cookie } : {} });

/** An application at its technical round, for a candidate living in Shanghai. */
async function atTechnicalRound(timezone = SHANGHAI) {
  const application = await world.atTechnicalRound();
  await world.db
    .updateTable('candidates')
    .set({ timezone })
    .where('id', '=', application.candidateId)
    .execute();
  return application;
}

/** A self-scheduling link for the technical round with the Los Angeles interviewer, 5–12 March. */
async function linkFor(applicationId: string, extra: Record<string, unknown> = {}) {
  const response = await call(as.coordinator, 'POST', `/api/applications/${applicationId}/scheduling-links`, {
    roundKey: 'tech',
    interviewerIds: [world.staff.interviewer.userId],
    language: 'zh',
    windowStart: '2026-03-05T00:00:00Z',
    windowEnd: '2026-03-12T00:00:00Z',
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json().url as string).split('/').pop()!;
}

describe('availability', () => {
  it('an interviewer saves their own hours; a stale version is refused, not overwritten; hours are validated by field', async () => {
    const url = `/api/interviewers/${world.staff.interviewer.userId}/availability`;
    const fresh = (await call(as.interviewer, 'GET', url)).json();
    expect(fresh).toMatchObject({ configured: false, version: 0, weeklyCap: 8, timezone: LA });
    const body = {
      weeklyHours: {
        '1': [
          ['10:00', '12:00'],
          ['13:00', '18:00'],
        ],
        '3': [['09:00', '24:00']],
      },
      weeklyCap: 4,
      roundTypes: ['coding', 'system_design'],
      levels: [],
      languages: ['en', 'zh'],
      calendarUrl: null,
      expectedVersion: 0,
    };
    const saved = await call(as.interviewer, 'PUT', url, body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ configured: true, version: 1, weeklyCap: 4 });
    const stale = await call(as.coordinator, 'PUT', url, { ...body, weeklyCap: 9 });
    expect([stale.statusCode, errorCode(stale)]).toEqual([409, 'conflict.stale_version']);
    const bad = await call(as.interviewer, 'PUT', url, {
      ...body,
      expectedVersion: 1,
      weeklyHours: { '1': [['17:00', '09:00']], '8': [] },
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['body.weeklyHours.1.0', 'body.weeklyHours']));
    // Someone else's availability: only coordinators, recruiters and admins.
    const other = await call(as.hm, 'PUT', url, { ...body, expectedVersion: 1 });
    expect([other.statusCode, errorCode(other)]).toEqual([403, 'permission.denied']);
  });

  it('the interviewer directory: filtered by training and language, paginated by name', async () => {
    const hours = { '1': [['09:00', '17:00']] };
    const save = (userId: string, roundTypes: string[], languages: string[]) =>
      call(as.admin, 'PUT', `/api/interviewers/${userId}/availability`, {
        weeklyHours: hours,
        weeklyCap: 5,
        roundTypes,
        levels: [],
        languages,
        calendarUrl: null,
        expectedVersion: 0,
      });
    await save(world.staff.interviewer.userId, ['coding'], ['en', 'zh']);
    await save(world.staff.hiring_manager.userId, ['hiring_manager'], ['en']);
    const all = (await call(as.coordinator, 'GET', '/api/interviewers?limit=1')).json();
    expect(all.items).toHaveLength(1);
    const second = (
      await call(as.coordinator, 'GET', `/api/interviewers?limit=1&cursor=${all.nextCursor}`)
    ).json();
    expect(second.items[0].userId).not.toBe(all.items[0].userId);
    const mandarinCoders = (
      await call(as.coordinator, 'GET', '/api/interviewers?roundType=coding&language=zh')
    ).json();
    expect(mandarinCoders.items.map((i: { userId: string }) => i.userId)).toEqual([
      world.staff.interviewer.userId,
    ]);
    expect(mandarinCoders.items[0]).toMatchObject({ timezone: LA, roundTypes: ['coding'], configured: true });
    const badCursor = await call(as.coordinator, 'GET', '/api/interviewers?cursor=nope');
    expect([badCursor.statusCode, errorCode(badCursor)]).toEqual([400, 'validation.failed']);
  });

  it('free time: working hours in their zone, minus an override, an imported calendar and booked interviews', async () => {
    const id = world.staff.interviewer.userId;
    await call(as.interviewer, 'PUT', `/api/interviewers/${id}/overrides/2026-03-10`, {
      hours: [],
      reason: 'Leave',
    });
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//EN',
      'BEGIN:VEVENT',
      'UID:standup',
      'DTSTART;TZID=America/Los_Angeles:20260309T100000',
      'DTEND;TZID=America/Los_Angeles:20260309T110000',
      'RRULE:FREQ=DAILY;COUNT=5',
      'SUMMARY:Standup',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const imported = await call(as.interviewer, 'POST', `/api/interviewers/${id}/calendar`, { ics });
    expect(imported.statusCode, imported.body).toBe(200);
    // Moved into the window's 90 days: the test clock is 2 March, so all five days count.
    expect(imported.json().imported).toBe(5);
    const free = (
      await call(
        as.coordinator,
        'GET',
        `/api/interviewers/${id}/free?from=2026-03-09T00:00:00Z&to=2026-03-12T00:00:00Z`,
      )
    ).json();
    expect(free.timezone).toBe(LA);
    expect(
      free.items.map((i: { startsAtLocal: string; endsAtLocal: string }) => [i.startsAtLocal, i.endsAtLocal]),
    ).toEqual([
      ['2026-03-09T09:00:00-07:00', '2026-03-09T10:00:00-07:00'],
      ['2026-03-09T11:00:00-07:00', '2026-03-09T17:00:00-07:00'],
      ['2026-03-11T09:00:00-07:00', '2026-03-11T10:00:00-07:00'],
      ['2026-03-11T11:00:00-07:00', '2026-03-11T17:00:00-07:00'],
    ]);
    const broken = await call(as.interviewer, 'POST', `/api/interviewers/${id}/calendar`, {
      ics: 'not a calendar',
    });
    expect([broken.statusCode, errorCode(broken)]).toEqual([422, 'calendar.invalid']);
  });

  it("syncs the interviewer's calendar feed over HTTP; an unreachable feed is a clear error", async () => {
    const feed = http.createServer((_request, response) => {
      response.setHeader('content-type', 'text/calendar');
      response.end(
        'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20260309T170000Z\r\nDTEND:20260309T180000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
      );
    });
    await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
    const port = (feed.address() as AddressInfo).port;
    try {
      const id = world.staff.interviewer.userId;
      const profile = {
        weeklyHours: { '1': [['09:00', '17:00']] },
        weeklyCap: 5,
        roundTypes: ['coding'],
        levels: [],
        languages: ['en'],
        calendarUrl: `http://127.0.0.1:${port}/busy.ics`,
        expectedVersion: 0,
      };
      expect(
        (await call(as.interviewer, 'PUT', `/api/interviewers/${id}/availability`, profile)).statusCode,
      ).toBe(200);
      const busy = () =>
        world.db.selectFrom('busy_blocks').select('starts_at').where('user_id', '=', id).execute();
      // The worker's sweep reads feeds it has not read for an hour.
      await refreshCalendarFeeds(testWorker(world).options);
      expect((await busy()).map((b) => b.starts_at.toISOString())).toEqual(['2026-03-09T17:00:00.000Z']);
      expect(
        (await call(as.interviewer, 'GET', `/api/interviewers/${id}/availability`)).json(),
      ).toMatchObject({
        calendarSyncedAt: clock.now().toISOString(),
        calendarError: null,
      });
      const synced = await call(as.interviewer, 'POST', `/api/interviewers/${id}/calendar/sync`);
      expect([synced.statusCode, synced.json().imported]).toEqual([200, 1]);
      expect(await busy()).toHaveLength(1);
      // A feed address is a secret: its owner sees it, a coordinator only its host, and an edit
      // that leaves it out keeps it.
      const url = `/api/interviewers/${id}/availability`;
      expect((await call(as.interviewer, 'GET', url)).json().calendarUrl).toBe(profile.calendarUrl);
      const seen = (await call(as.coordinator, 'GET', url)).json();
      expect([seen.calendarUrl, seen.calendarHost]).toEqual([null, `127.0.0.1:${port}`]);
      const { calendarUrl: _left, ...withoutFeed } = profile;
      const edited = await call(as.coordinator, 'PUT', url, {
        ...withoutFeed,
        weeklyCap: 6,
        expectedVersion: 1,
      });
      expect(edited.json()).toMatchObject({
        weeklyCap: 6,
        calendarUrl: null,
        calendarHost: `127.0.0.1:${port}`,
      });
      const listed = (await call(as.coordinator, 'GET', '/api/interviewers')).json().items;
      expect(listed.every((i: { calendarUrl: string | null }) => i.calendarUrl === null)).toBe(true);
      await call(as.interviewer, 'PUT', `/api/interviewers/${id}/availability`, {
        ...profile,
        calendarUrl: 'http://127.0.0.1:1/nothing.ics',
        expectedVersion: 2,
      });
      const failed = await call(as.interviewer, 'POST', `/api/interviewers/${id}/calendar/sync`);
      expect([failed.statusCode, errorCode(failed)]).toEqual([422, 'calendar.fetch_failed']);
      clock.advanceMs(2 * 3_600_000);
      await refreshCalendarFeeds(testWorker(world).options);
      const after = (await call(as.interviewer, 'GET', `/api/interviewers/${id}/availability`)).json();
      expect(after.calendarError).toMatch(/could not be fetched/);
      // The last good import stays until a refresh works.
      expect(await busy()).toHaveLength(1);
    } finally {
      feed.close();
    }
  });
});

describe('self-scheduling', () => {
  it("R-ORG-2: slots in the candidate's zone with the interviewer's local time, across Los Angeles' change to daylight time", async () => {
    const application = await atTechnicalRound();
    const token = await linkFor(application.id);
    const page = await call(null, 'GET', `/api/scheduling/${token}`);
    expect(page.statusCode, page.body).toBe(200);
    // LA 09:00–17:00 meets Shanghai 08:00–20:00 for one hour while LA is on standard time
    // (UTC−8); from 8 March (UTC−7) the two working days no longer overlap at all.
    expect(page.json()).toMatchObject({
      timezone: SHANGHAI,
      language: 'zh',
      durationMinutes: 60,
      booked: null,
    });
    expect(page.json().slots).toEqual([
      {
        startsAt: '2026-03-05T00:00:00.000Z',
        endsAt: '2026-03-05T01:00:00.000Z',
        startsAtLocal: '2026-03-05T08:00:00+08:00',
        interviewers: [
          { name: expect.any(String), timezone: LA, startsAtLocal: '2026-03-04T16:00:00-08:00' },
        ],
      },
      {
        startsAt: '2026-03-06T00:00:00.000Z',
        endsAt: '2026-03-06T01:00:00.000Z',
        startsAtLocal: '2026-03-06T08:00:00+08:00',
        interviewers: [
          { name: expect.any(String), timezone: LA, startsAtLocal: '2026-03-05T16:00:00-08:00' },
        ],
      },
    ]);
    // Shown in another zone on request; the offered instants follow the candidate's hours there.
    const fromLondon = (await call(null, 'GET', `/api/scheduling/${token}?timezone=Europe/London`)).json();
    expect(fromLondon.timezone).toBe('Europe/London');
    expect(fromLondon.slots.length).toBeGreaterThan(2);
    expect((await call(null, 'GET', `/api/scheduling/${token}?timezone=Mars/Olympus`)).statusCode).toBe(400);
    expect((await call(null, 'GET', '/api/scheduling/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')).statusCode).toBe(
      404,
    );
  });

  it('R-ROUND-6: booking needs the language confirmed and an offered slot; then it is booked once', async () => {
    const application = await atTechnicalRound();
    const token = await linkFor(application.id);
    const book = (payload: object) => call(null, 'POST', `/api/scheduling/${token}/book`, payload);
    const wrongLanguage = await book({ startsAt: '2026-03-05T00:00:00Z', confirmLanguage: 'en' });
    expect([wrongLanguage.statusCode, errorCode(wrongLanguage)]).toEqual([
      422,
      'scheduling.language_not_confirmed',
    ]);
    const offHours = await book({ startsAt: '2026-03-05T06:00:00Z', confirmLanguage: 'zh' });
    expect([offHours.statusCode, errorCode(offHours)]).toEqual([409, 'scheduling.slot_unavailable']);
    const booked = await book({ startsAt: '2026-03-05T00:00:00Z', confirmLanguage: 'zh' });
    expect(booked.statusCode, booked.body).toBe(200);
    expect(booked.json()).toMatchObject({
      status: 'scheduled',
      sequence: 0,
      language: 'zh',
      startsAt: '2026-03-05T00:00:00.000Z',
    });
    expect(booked.json().videoUrl).toMatch(/^https:\/\/meet\.jit\.si\/hireloop-/);
    const row = await world.db
      .selectFrom('interviews')
      .selectAll()
      .where('id', '=', booked.json().id)
      .executeTakeFirstOrThrow();
    expect(row.language_confirmed_at).not.toBeNull();
    const again = await book({ startsAt: '2026-03-06T00:00:00Z', confirmLanguage: 'zh' });
    expect([again.statusCode, errorCode(again)]).toEqual([409, 'scheduling.already_booked']);
    const page = (await call(null, 'GET', `/api/scheduling/${token}`)).json();
    expect(page.booked).toMatchObject({ status: 'scheduled', startsAtLocal: '2026-03-05T08:00:00+08:00' });
    // To move it, the other open times: not the one it has.
    expect(page.slots.map((s: { startsAt: string }) => s.startsAt)).toEqual(['2026-03-06T00:00:00.000Z']);
    // The booked hour is no longer offered to anyone else.
    const other = await linkFor((await atTechnicalRound()).id);
    const otherSlots = (await call(null, 'GET', `/api/scheduling/${other}`)).json().slots;
    expect(otherSlots.map((s: { startsAt: string }) => s.startsAt)).toEqual(['2026-03-06T00:00:00.000Z']);
  });

  it('two candidates taking the same interviewer slot at once: exactly one gets it', async () => {
    const tokens = [
      await linkFor((await atTechnicalRound()).id),
      await linkFor((await atTechnicalRound()).id),
    ];
    const results = await Promise.all(
      tokens.map((token) =>
        call(null, 'POST', `/api/scheduling/${token}/book`, {
          startsAt: '2026-03-05T00:00:00Z',
          confirmLanguage: 'zh',
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes, results.map((r) => r.body).join('\n')).toEqual([200, 409]);
    const refused = results.find((r) => r.statusCode === 409)!;
    expect(['interview.slot_taken', 'scheduling.slot_unavailable']).toContain(errorCode(refused));
    const holds = await world.db
      .selectFrom('interview_holds')
      .select('interview_id')
      .where('participant_id', '=', world.staff.interviewer.userId)
      .execute();
    expect(holds).toHaveLength(1);
  });

  it('the database itself refuses an overlapping booking, whichever path writes it', async () => {
    const [a, b] = [await atTechnicalRound(), await atTechnicalRound()];
    const book = (applicationId: string, startsAt: string) =>
      scheduleInterview(world.deps, {
        actor: world.staff.coordinator,
        applicationId,
        roundKey: 'tech',
        startsAt: new Date(startsAt),
        interviewerIds: [world.staff.interviewer.userId],
        language: 'en',
      });
    const [first, second] = await Promise.all([
      book(a.id, '2026-03-09T17:00:00Z'),
      book(b.id, '2026-03-09T17:30:00Z'),
    ]);
    const outcomes = [first, second].map((r) => (r.ok ? 'ok' : r.error.code)).sort();
    expect(outcomes).toEqual(['interview.slot_taken', 'ok']);
    // Back to back is fine: holds are half-open.
    const loser = first.ok ? b : a;
    const winnerStart = first.ok ? '2026-03-09T17:00:00Z' : '2026-03-09T17:30:00Z';
    expect((await book(loser.id, new Date(Date.parse(winnerStart) + 3_600_000).toISOString())).ok).toBe(true);
  });

  it('the candidate moves and cancels through the link, with reasons; every change is audited', async () => {
    const application = await atTechnicalRound();
    const token = await linkFor(application.id);
    const booked = await call(null, 'POST', `/api/scheduling/${token}/book`, {
      startsAt: '2026-03-05T00:00:00Z',
      confirmLanguage: 'zh',
    });
    const notOffered = await call(null, 'POST', `/api/scheduling/${token}/reschedule`, {
      startsAt: '2026-03-05T03:00:00Z',
      reason: 'Clash',
    });
    expect([notOffered.statusCode, errorCode(notOffered)]).toEqual([409, 'scheduling.slot_unavailable']);
    const moved = await call(null, 'POST', `/api/scheduling/${token}/reschedule`, {
      startsAt: '2026-03-06T00:00:00Z',
      reason: 'A family event',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      id: booked.json().id,
      sequence: 1,
      startsAt: '2026-03-06T00:00:00.000Z',
    });
    const cancelled = await call(null, 'POST', `/api/scheduling/${token}/cancel`, {
      reason: 'I accepted another offer',
    });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', sequence: 2 });
    expect(
      (await call(null, 'POST', `/api/scheduling/${token}/cancel`, { reason: 'again' })).statusCode,
    ).toBe(409);
    const audit = await world.db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('entity_id', '=', application.id)
      .where('action', 'like', 'interview.%')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'interview.link_sent',
      'interview.scheduled',
      'interview.rescheduled',
      'interview.cancelled',
    ]);
    expect(audit[2]!.data).toMatchObject({
      reason: 'A family event',
      from: '2026-03-05T00:00:00.000Z',
      to: '2026-03-06T00:00:00.000Z',
    });
    // A cancelled booking frees the link to book again.
    const rebook = await call(null, 'POST', `/api/scheduling/${token}/book`, {
      startsAt: '2026-03-05T00:00:00Z',
      confirmLanguage: 'zh',
    });
    expect(rebook.statusCode, rebook.body).toBe(200);
  });

  it("the candidate's portal lists their interviews in their zone; a cancelled one keeps its reason, not its video link", async () => {
    const application = await atTechnicalRound();
    const token = await linkFor(application.id);
    await call(null, 'POST', `/api/scheduling/${token}/book`, {
      startsAt: '2026-03-05T00:00:00Z',
      confirmLanguage: 'zh',
    });
    const email = (
      await world.db
        .selectFrom('candidates')
        .select('email')
        .where('id', '=', application.candidateId)
        .executeTakeFirstOrThrow()
    ).email;
    const candidate = await candidateLogin(app, database, world.slug, email);
    const [booked] = (await call(candidate, 'GET', '/api/me/interviews')).json().items;
    expect(booked).toMatchObject({
      applicationId: application.id,
      roundName: 'Technical',
      startsAtLocal: '2026-03-05T08:00:00+08:00',
      timezone: SHANGHAI,
      language: 'zh',
      status: 'scheduled',
      videoUrl: expect.stringMatching(/^https:\/\/meet\.jit\.si\//),
    });
    await call(null, 'POST', `/api/scheduling/${token}/cancel`, { reason: 'A clash at work' });
    const [cancelled] = (await call(candidate, 'GET', '/api/me/interviews')).json().items;
    expect(cancelled).toMatchObject({ status: 'cancelled', changeReason: 'A clash at work', videoUrl: null });
    // Staff see the same state on the application.
    const staffView = (
      await call(as.recruiter, 'GET', `/api/applications/${application.id}/interviews`)
    ).json().items;
    expect(staffView[0]).toMatchObject({ status: 'cancelled', changeReason: 'A clash at work' });
  });

  it('an expired link shows nothing and books nothing', async () => {
    const application = await atTechnicalRound();
    const token = await linkFor(application.id);
    clock.advanceDays(11);
    expect((await call(null, 'GET', `/api/scheduling/${token}`)).json().slots).toEqual([]);
    const late = await call(null, 'POST', `/api/scheduling/${token}/book`, {
      startsAt: '2026-03-13T00:00:00Z',
      confirmLanguage: 'zh',
    });
    expect([late.statusCode, errorCode(late)]).toEqual([410, 'scheduling.link_expired']);
  });

  it('links only for the current round, a meeting, and a window that is still open', async () => {
    const application = await atTechnicalRound();
    const url = `/api/applications/${application.id}/scheduling-links`;
    const base = { roundKey: 'tech', interviewerIds: [world.staff.interviewer.userId] };
    const wrongRound = await call(as.coordinator, 'POST', url, { ...base, roundKey: 'hr' });
    expect([wrongRound.statusCode, errorCode(wrongRound)]).toEqual([409, 'round.not_current']);
    const past = await call(as.coordinator, 'POST', url, {
      ...base,
      windowStart: '2026-02-01T00:00:00Z',
      windowEnd: '2026-02-05T00:00:00Z',
    });
    expect([past.statusCode, errorCode(past)]).toEqual([422, 'scheduling.invalid_window']);
    const backwards = await call(as.coordinator, 'POST', url, {
      ...base,
      windowStart: '2026-03-10T00:00:00Z',
      windowEnd: '2026-03-09T00:00:00Z',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details.issues[0].field).toBe('body.windowEnd');
  });
});

describe('staff changes', () => {
  async function bookedAt(startsAt: string) {
    const application = await atTechnicalRound();
    return ok(
      await scheduleInterview(world.deps, {
        actor: world.staff.coordinator,
        applicationId: application.id,
        roundKey: 'tech',
        startsAt: new Date(startsAt),
        interviewerIds: [world.staff.interviewer.userId],
        language: 'en',
      }),
    );
  }

  it('reschedule: clashes, stale versions and past times are refused; deadlines follow the new time', async () => {
    const first = await bookedAt('2026-03-09T17:00:00Z');
    const second = await bookedAt('2026-03-09T19:00:00Z');
    const url = `/api/interviews/${second.id}/reschedule`;
    const clash = await call(as.coordinator, 'POST', url, {
      startsAt: '2026-03-09T17:30:00Z',
      reason: 'Earlier',
    });
    expect([clash.statusCode, errorCode(clash)]).toEqual([409, 'interview.slot_taken']);
    const past = await call(as.coordinator, 'POST', url, {
      startsAt: '2026-03-01T17:30:00Z',
      reason: 'Earlier',
    });
    expect([past.statusCode, errorCode(past)]).toEqual([400, 'validation.failed']);
    const moved = await call(as.coordinator, 'POST', url, {
      startsAt: '2026-03-16T17:00:00Z',
      reason: 'Interviewer ill',
      expectedVersion: 1,
    });
    expect(moved.json()).toMatchObject({ sequence: 1, version: 2, startsAt: '2026-03-16T17:00:00.000Z' });
    const stale = await call(as.coordinator, 'POST', url, {
      startsAt: '2026-03-17T17:00:00Z',
      reason: 'Again',
      expectedVersion: 1,
    });
    expect([stale.statusCode, errorCode(stale)]).toEqual([409, 'conflict.stale_version']);
    const card = await world.db
      .selectFrom('scorecards')
      .select('due_at')
      .where('interview_id', '=', second.id)
      .executeTakeFirstOrThrow();
    // Two business days after Monday 16 March in Los Angeles: the end of Wednesday 18 March there.
    expect(card.due_at.toISOString()).toBe('2026-03-19T06:59:59.999Z');
    expect(first.id).not.toBe(second.id);
  });

  it('cancel: holds released, open feedback dropped; a started interview cannot be changed', async () => {
    const interview = await bookedAt('2026-03-09T17:00:00Z');
    const cancelled = await call(as.coordinator, 'POST', `/api/interviews/${interview.id}/cancel`, {
      reason: 'Role paused',
    });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', sequence: 1 });
    expect(
      await world.db.selectFrom('scorecards').select('id').where('interview_id', '=', interview.id).execute(),
    ).toEqual([]);
    expect(
      await world.db
        .selectFrom('interview_holds')
        .select('participant_id')
        .where('interview_id', '=', interview.id)
        .execute(),
    ).toEqual([]);
    const twice = await call(as.coordinator, 'POST', `/api/interviews/${interview.id}/cancel`, {
      reason: 'x',
    });
    expect([twice.statusCode, errorCode(twice)]).toEqual([409, 'interview.not_scheduled']);
    // The same time can now be booked again.
    const again = await bookedAt('2026-03-09T17:00:00Z');
    clock.advanceDays(8);
    const started = await call(as.coordinator, 'POST', `/api/interviews/${again.id}/cancel`, { reason: 'x' });
    expect([started.statusCode, errorCode(started)]).toEqual([409, 'interview.already_started']);
    const missing = await call(
      as.coordinator,
      'POST',
      '/api/interviews/00000000-0000-4000-8000-000000000000/cancel',
      { reason: 'x' },
    );
    expect([missing.statusCode, errorCode(missing)]).toEqual([404, 'interview.not_found']);
    const noReason = await call(as.coordinator, 'POST', `/api/interviews/${again.id}/cancel`, {
      reason: '  ',
    });
    expect(noReason.json().error.details.issues[0].field).toBe('body.reason');
  });
});

describe('when the application ends', () => {
  it('R-ROUND-2, R-CAND-3: a rejection or a withdrawal cancels the interviews still to come, for everyone', async () => {
    const [rejected, withdrawn] = [await atTechnicalRound(), await atTechnicalRound()];
    const book = async (applicationId: string, startsAt: string) =>
      ok(
        await scheduleInterview(world.deps, {
          actor: world.staff.coordinator,
          applicationId,
          roundKey: 'tech',
          startsAt: new Date(startsAt),
          interviewerIds: [world.staff.interviewer.userId],
          language: 'en',
        }),
      );
    const first = await book(rejected.id, '2026-03-09T17:00:00Z');
    const second = await book(withdrawn.id, '2026-03-10T17:00:00Z');
    ok(
      await decideApplicationRound(world.deps, {
        actor: world.staff.hiring_manager,
        applicationId: rejected.id,
        roundKey: 'tech',
        decision: 'reject',
        rationale: 'Not the experience the team needs.',
        overrideReason: 'Deciding on the feedback that is in.',
      }),
    );
    ok(
      await withdrawApplication(world.deps, {
        actor: { kind: 'candidate', orgId: world.orgId, candidateId: withdrawn.candidateId },
        applicationId: withdrawn.id,
      }),
    );
    const interviews = await world.db
      .selectFrom('interviews')
      .select(['id', 'status', 'change_reason'])
      .where('id', 'in', [first.id, second.id])
      .orderBy('starts_at')
      .execute();
    expect(interviews.map((i) => [i.status, i.change_reason])).toEqual([
      ['cancelled', 'The application did not go further.'],
      ['cancelled', 'The candidate withdrew.'],
    ]);
    const holds = await world.db
      .selectFrom('interview_holds')
      .select('interview_id')
      .where('interview_id', 'in', [first.id, second.id])
      .execute();
    expect(holds).toEqual([]);
    const events = await world.db
      .selectFrom('outbox')
      .select(['kind', 'payload'])
      .where('org_id', '=', world.orgId)
      .where('kind', '=', 'interview.cancelled')
      .execute();
    expect(events.map((e) => e.payload.applicationEnded)).toEqual([true, true]);
  });
});

describe('planner', () => {
  const profile = (roundTypes: string[], languages: string[]) => ({
    weeklyHours: {
      '1': [['09:00', '17:00']],
      '2': [['09:00', '17:00']],
      '3': [['09:00', '17:00']],
      '4': [['09:00', '17:00']],
      '5': [['09:00', '17:00']],
    },
    weeklyCap: 10,
    roundTypes,
    levels: [],
    languages,
    calendarUrl: null,
    expectedVersion: 0,
  });

  it('plans with HiGHS, says so, and with commit books the current rounds only (R-ROUND-1)', async () => {
    await call(
      as.interviewer,
      'PUT',
      `/api/interviewers/${world.staff.interviewer.userId}/availability`,
      profile(['coding', 'hr'], ['en', 'zh']),
    );
    const apps = [await atTechnicalRound(LA), await atTechnicalRound(LA)];
    const body = {
      applicationIds: apps.map((a) => a.id),
      from: '2026-03-09T00:00:00Z',
      to: '2026-03-14T00:00:00Z',
      roundsAhead: 2,
      // A solve takes well under a second on an idle machine; the budget is for a busy one.
      timeLimitSeconds: 60,
    };
    const proposed = await call(as.coordinator, 'POST', '/api/scheduling/plans', body);
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(proposed.json()).toMatchObject({
      solver: 'highs',
      optimal: true,
      gap: 0,
      roundsRequested: 4,
      roundsPlanned: 4,
      skipped: [],
    });
    expect(proposed.json().items.every((i: { interviewId: string | null }) => i.interviewId === null)).toBe(
      true,
    );
    // One interviewer for everything: never two at once.
    const times: number[][] = proposed
      .json()
      .items.map((i: { startsAt: string; endsAt: string }) => [Date.parse(i.startsAt), Date.parse(i.endsAt)])
      .sort((x: number[], y: number[]) => x[0]! - y[0]!);
    for (let k = 1; k < times.length; k++) expect(times[k]![0]).toBeGreaterThanOrEqual(times[k - 1]![1]!);

    const committed = (
      await call(as.coordinator, 'POST', '/api/scheduling/plans', { ...body, commit: true })
    ).json();
    const tech = committed.items.filter((i: { roundKey: string }) => i.roundKey === 'tech');
    const hr = committed.items.filter((i: { roundKey: string }) => i.roundKey === 'hr');
    expect(tech.every((i: { interviewId: string | null }) => i.interviewId !== null)).toBe(true);
    expect(hr.map((i: { notBooked: { code: string } }) => i.notBooked.code)).toEqual([
      'round.not_current',
      'round.not_current',
    ]);
    // A hiring week by team or by job: the applications whose current round still needs booking.
    const { applicationIds: _ids, ...window } = body;
    const byJob = (
      await call(as.coordinator, 'POST', '/api/scheduling/plans', {
        ...window,
        jobId: world.jobs.fullTimeA.id,
      })
    ).json();
    expect(byJob.roundsRequested).toBe(0);
    const another = await atTechnicalRound(LA);
    const byTeam = (
      await call(as.coordinator, 'POST', '/api/scheduling/plans', { ...window, teamId: world.teams.A })
    ).json();
    expect(byTeam.items.map((i: { applicationId: string }) => i.applicationId)).toEqual([
      another.id,
      another.id,
    ]);
    const both = await call(as.coordinator, 'POST', '/api/scheduling/plans', {
      ...body,
      teamId: world.teams.A,
    });
    expect(both.json().error.details.issues[0]).toMatchObject({ field: 'body.applicationIds' });
    expect(tech[0].interviewers[0]).toMatchObject({ id: world.staff.interviewer.userId, timezone: LA });
  });

  it('solves on a thread of its own: the server keeps answering while HiGHS searches', async () => {
    const thread = plannerThread();
    try {
      const input = hiringWeek({ candidates: 6, interviewers: 6, days: 3, seed: 1018 });
      const order: string[] = [];
      const planning = thread.plan(input, { method: 'solver', timeLimitSeconds: 2 }).then((plan) => {
        order.push('plan');
        return plan;
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('a timer on the server thread');
      const health = await app.inject({ url: '/healthz' });
      order.push(`healthz ${health.statusCode}`);
      const plan = await planning;
      expect(order).toEqual(['a timer on the server thread', 'healthz 200', 'plan']);
      expect(violations(input, plan.assignments)).toEqual([]);
    } finally {
      await thread.close();
    }
  });

  it('skips what cannot be planned, with the reason', async () => {
    const fresh = ok(
      await submitApplication(world.deps, {
        actor: world.staff.recruiter,
        jobId: world.jobs.fullTimeA.id,
        candidate: world.candidate(),
        source: 'test',
      }),
    ).application;
    const plan = (
      await call(as.coordinator, 'POST', '/api/scheduling/plans', {
        applicationIds: [fresh.id, '00000000-0000-4000-8000-000000000000'],
        from: '2026-03-09T00:00:00Z',
        to: '2026-03-14T00:00:00Z',
      })
    ).json();
    expect(plan.skipped).toEqual(
      expect.arrayContaining([
        { applicationId: fresh.id, reason: 'the current round has no meeting to schedule' },
        { applicationId: '00000000-0000-4000-8000-000000000000', reason: 'not found' },
      ]),
    );
    const tooLong = await call(as.coordinator, 'POST', '/api/scheduling/plans', {
      applicationIds: [fresh.id],
      from: '2026-03-09T00:00:00Z',
      to: '2026-04-09T00:00:00Z',
    });
    expect(tooLong.json().error.details.issues[0]).toMatchObject({ field: 'body.to' });
  });
});
