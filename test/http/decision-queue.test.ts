import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TemplateFile } from '../../src/contracts/process-template.js';
import { decideApplicationRound } from '../../src/core/applications/decide-round.js';
import { submitApplication } from '../../src/core/applications/submit-application.js';
import { createJob } from '../../src/core/jobs/create-job.js';
import { transitionJob } from '../../src/core/jobs/transition-job.js';
import { adoptTemplate } from '../../src/core/processes/adopt-template.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, loginAs } from '../support/http.js';
import { buildWorld, ok, smallTemplate, TestClock, type World } from '../support/world.js';

// The decision queue on one world whose clock only moves forward; it starts on Monday 2 March 2026, 09:00 UTC.
let database: Database;
let app: App;
let world: World;
const clock = new TestClock();
let as: Record<'recruiter' | 'coordinator' | 'interviewer' | 'hm' | 'hmB' | 'hr', string>;

/** Signs everyone in again: a staff session ends after 30 idle minutes, and the clock jumps days. */
async function signIn() {
  const login = (email: string) => loginAs(app, world.slug, email);
  as = {
    recruiter: await login(world.staff.recruiter.email),
    coordinator: await login(world.staff.coordinator.email),
    interviewer: await login(world.staff.interviewer.email),
    hm: await login(world.staff.hiring_manager.email),
    hmB: await login(world.staff.hmB.email),
    hr: await login(world.staff.hr.email),
  };
}
/** Moves the clock, then signs everyone in again. */
async function later(move: () => void) {
  move();
  await signIn();
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
  await signIn();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

interface Item {
  applicationId: string;
  decidableNow: boolean;
  gaps: { code: string; message: string }[];
  panel: { expected: number; submitted: number };
  majority: string | null;
  waitingDays: number | null;
  slaDays: number;
  overdue: boolean;
  votes: { advance: number; reject: number; consensus: string | null } | null;
}
const get = (cookie: string, url: string) => app.inject({ url, headers: { cookie } });
const post = (cookie: string, url: string, payload: unknown) =>
  app.inject({ method: 'POST', url, payload: payload as object, headers: { cookie } });
const queue = async (cookie = as.hm, query = '') => {
  const response = await get(cookie, `/api/decision-queue${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { total: number; ready: number; nextOffset: number | null; items: Item[] } & {
    overridesThisMonth: { items: { applicationId: string; reason: string; roundKey: string }[] };
  };
};
const itemOf = async (applicationId: string, cookie = as.hm) =>
  (await queue(cookie)).items.find((i) => i.applicationId === applicationId);

/** An application at the technical round (its resume screen passed on a recorded override). */
const atTech = () => world.atTechnicalRound();
let slot = 0;
/** Books the round's interview at a fresh hour `days` ahead, so no interviewer is booked twice. */
async function book(applicationId: string, roundKey: string, interviewerIds: string[], days = 2) {
  const startsAt = new Date(clock.now().getTime() + days * 86_400_000 + slot++ * 2 * 3_600_000);
  const response = await post(as.coordinator, `/api/applications/${applicationId}/interviews`, {
    roundKey,
    startsAt: startsAt.toISOString(),
    interviewerIds,
  });
  expect(response.statusCode, response.body).toBe(201);
  return { id: response.json().id as string, startsAt };
}
/** Moves the clock past an interview's start, as a scorecard is written only after it. */
const pastStart = (startsAt: Date) =>
  later(() => {
    const ahead = startsAt.getTime() + 3_600_000 - clock.now().getTime();
    if (ahead > 0) clock.advanceMs(ahead);
  });
const submit = (cookie: string, interviewId: string, recommendation = 'yes') =>
  post(cookie, `/api/interviews/${interviewId}/scorecard/submit`, {
    content: { ratings: { coding: recommendation }, recommendation, notes: 'Seen in the interview.' },
  });
/** Moves the clock forward to the next given weekday (1 = Monday) at 10:00 UTC. */
const toNext = (weekday: number) =>
  later(() => {
    let at = DateTime.fromJSDate(clock.now(), { zone: 'UTC' }).plus({ days: 1 }).set({ hour: 10, minute: 0 });
    while (at.weekday !== weekday) at = at.plus({ days: 1 });
    clock.advanceMs(at.toMillis() - clock.now().getTime());
  });

describe('what can be decided now', () => {
  it('R-ROUND-7: a round whose interview is still to come is not decidable, and the gap says when it is held', async () => {
    await toNext(1); // Monday 10:00
    const application = await atTech();
    const starts = DateTime.fromJSDate(clock.now(), { zone: 'UTC' }).plus({ days: 7 }).set({ hour: 9 });
    const response = await post(as.coordinator, `/api/applications/${application.id}/interviews`, {
      roundKey: 'tech',
      startsAt: starts.toISO(),
      interviewerIds: [world.staff.interviewer.userId],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(await itemOf(application.id)).toMatchObject({
      decidableNow: false,
      gaps: [
        {
          code: 'no_interview_held',
          message: `interview on ${starts.toFormat("ccc d LLL 'at' HH:mm")} not yet held`,
        },
        { code: 'feedback_missing', message: '0 of 1 scorecards in' },
      ],
      panel: { expected: 1, submitted: 0 },
      majority: null,
      waitingDays: null,
      overdue: false,
    });
    expect((await itemOf(application.id))?.gaps[0]?.message).toMatch(
      /^interview on Mon \d{1,2} \w{3} at 09:00 not yet held$/,
    );
  });

  it('R-ROUND-3: with 1 of 2 scorecards in there is no majority; once both are in the round is ready, first, with its majority', async () => {
    const waitingForTheInterview = await atTech();
    await book(waitingForTheInterview.id, 'tech', [world.staff.interviewer.userId], 6);
    const application = await atTech();
    const interview = await book(application.id, 'tech', [
      world.staff.interviewer.userId,
      world.staff.hr.userId,
    ]);
    await pastStart(interview.startsAt);
    expect((await submit(as.interviewer, interview.id)).statusCode).toBe(200);
    expect(await itemOf(application.id)).toMatchObject({
      decidableNow: false,
      gaps: [{ code: 'feedback_missing', message: '1 of 2 scorecards in' }],
      panel: { expected: 2, submitted: 1 },
      majority: null,
    });

    expect((await submit(as.hr, interview.id, 'strong_yes')).statusCode).toBe(200);
    const after = await queue();
    expect(after.items.find((i) => i.applicationId === application.id)).toMatchObject({
      decidableNow: true,
      gaps: [],
      panel: { expected: 2, submitted: 2 },
      majority: 'advance',
      waitingDays: 0,
      overdue: false,
    });
    // Every round ready to decide comes before every round still waiting for its evidence.
    const ready = after.items.map((i) => i.decidableNow);
    expect(ready).toEqual([...ready].sort((a, b) => Number(b) - Number(a)));
    expect(after.ready).toBe(ready.filter(Boolean).length);
    const ids = after.items.map((i) => i.applicationId);
    expect(ids.indexOf(application.id)).toBeLessThan(ids.indexOf(waitingForTheInterview.id));
  });

  it('R-ROUND-7: with one interview held and another still to come, the round waits for both', async () => {
    const application = await atTech();
    const first = await book(application.id, 'tech', [world.staff.interviewer.userId], 1);
    const second = await book(application.id, 'tech', [world.staff.hr.userId], 5);
    await pastStart(first.startsAt);
    expect((await submit(as.interviewer, first.id)).statusCode).toBe(200);
    const at = DateTime.fromJSDate(second.startsAt, { zone: 'UTC' }).toFormat("ccc d LLL 'at' HH:mm");
    expect(await itemOf(application.id)).toMatchObject({
      decidableNow: false,
      gaps: [{ code: 'feedback_missing', message: `1 of 2 scorecards in; interview on ${at} not yet held` }],
      panel: { expected: 2, submitted: 1 },
      majority: null,
    });
  });

  it('R-ROUND-3: waiting days count business days since the last scorecard, and the round is overdue past its target', async () => {
    await toNext(5); // Friday 10:00
    const application = await atTech();
    const interview = await book(application.id, 'tech', [world.staff.interviewer.userId], 0);
    await pastStart(interview.startsAt);
    expect((await submit(as.interviewer, interview.id)).statusCode).toBe(200);
    expect(await itemOf(application.id)).toMatchObject({ decidableNow: true, waitingDays: 0, slaDays: 2 });
    await toNext(1); // the weekend does not count
    expect(await itemOf(application.id)).toMatchObject({ waitingDays: 1, overdue: false });
    await toNext(3);
    expect(await itemOf(application.id)).toMatchObject({ waitingDays: 3, overdue: true });
    const longest = (await queue()).items[0];
    expect(longest?.decidableNow).toBe(true);
    expect(longest?.waitingDays).toBeGreaterThanOrEqual(3);
  });

  it('R-ROUND-3: the hiring manager does not see a round HR decides; HR does, and the other team sees neither', async () => {
    const application = await atTech();
    ok(
      await decideApplicationRound(world.deps, {
        actor: world.staff.hiring_manager,
        applicationId: application.id,
        roundKey: 'tech',
        decision: 'advance',
        rationale: 'ok',
        overrideReason: 'Decided in the test without its interview.',
      }),
    );
    await book(application.id, 'hr', [world.staff.interviewer.userId]);
    const hm = (await queue()).items.map((i) => i.applicationId);
    expect(hm).not.toContain(application.id);
    expect(await itemOf(application.id, as.hr)).toMatchObject({
      roundKey: 'hr',
      decidedBy: 'hr',
      decidableNow: false,
    });
    expect((await queue(as.hmB)).items).toEqual([]);
    // The recruiter decides resume screens, which have no interviews: nothing waits for them here.
    expect((await queue(as.recruiter)).items).toEqual([]);
  });

  it('a committee round shows its votes so far', async () => {
    const template: TemplateFile = {
      ...smallTemplate,
      key: 'test-committee',
      rounds: [
        {
          key: 'committee',
          name: 'Hiring committee',
          step: 'interview_rounds',
          roundType: 'hiring_committee',
          durationMinutes: 0,
          format: 'async',
          eliminatory: true,
          decidedBy: 'hiring_manager',
          feedbackSlaDays: 3,
          committee: true,
        },
      ],
    };
    const { staff, teams } = world;
    const process = ok(await adoptTemplate(world.deps, { actor: staff.admin, teamId: teams.A, template }));
    const job = ok(
      await createJob(world.deps, {
        actor: staff.recruiter,
        fields: {
          title: 'committee job',
          teamId: teams.A,
          processId: process.id,
          employmentType: 'full_time',
          jobFamily: 'committee',
          headcount: 1,
          level: 'mid',
          locations: ['Remote'],
          officeIds: [],
          posting: {},
        },
      }),
    );
    ok(await transitionJob(world.deps, { actor: staff.recruiter, jobId: job.id, to: 'open' }));
    const application = ok(
      await submitApplication(world.deps, {
        actor: staff.recruiter,
        jobId: job.id,
        candidate: world.candidate(),
        source: 'test',
      }),
    ).application;
    expect((await queue()).items.map((i) => i.applicationId)).not.toContain(application.id);
    for (const [cookie, vote] of [
      [as.hr, 'advance'],
      [as.recruiter, 'reject'],
    ] as const) {
      const voted = await post(cookie, `/api/applications/${application.id}/rounds/committee/votes`, {
        vote,
      });
      expect(voted.statusCode, voted.body).toBe(200);
    }
    expect(await itemOf(application.id)).toMatchObject({
      roundKey: 'committee',
      decidableNow: true,
      panel: { expected: 0, submitted: 0 },
      majority: null,
      votes: { advance: 1, reject: 1, consensus: null },
      slaDays: 3,
    });
  });
});

describe('decisions taken without evidence', () => {
  it('R-ROUND-7: an override this month is listed in the decider scope with its reason', async () => {
    const application = await atTech();
    const { startsAt } = await book(application.id, 'tech', [world.staff.interviewer.userId]);
    expect(startsAt > clock.now()).toBe(true);
    const reason = 'The candidate has a competing offer expiring today.';
    const decided = await post(as.hm, `/api/applications/${application.id}/decisions`, {
      roundKey: 'tech',
      decision: 'advance',
      rationale: 'Strong referral and portfolio.',
      overrideReason: reason,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const overrides = (await queue()).overridesThisMonth.items;
    expect(overrides[0]).toMatchObject({
      applicationId: application.id,
      roundKey: 'tech',
      roundName: 'Technical',
      decision: 'advance',
      reason,
      gaps: ['no_interview_held', 'feedback_missing'],
      deciderName: 'hiring_manager',
    });
    expect((await queue()).items.map((i) => i.applicationId)).not.toContain(application.id);
    expect((await queue(as.hmB)).overridesThisMonth.items).toEqual([]);
    // A month on, it has left this month's list (the reports keep counting it).
    await later(() => clock.advanceDays(31));
    const aMonthOn = (await queue()).overridesThisMonth.items.map((o) => o.applicationId);
    expect(aMonthOn).not.toContain(application.id);
  });
});

describe('paging', () => {
  it('pages through the whole queue by offset, with the total', async () => {
    const all = await queue();
    expect(all.total).toBeGreaterThan(2);
    const first = await queue(as.hm, '?limit=2');
    expect(first).toMatchObject({ total: all.total, nextOffset: 2 });
    const rest = await queue(as.hm, `?limit=200&offset=${first.nextOffset}`);
    expect([...first.items, ...rest.items].map((i) => i.applicationId)).toEqual(
      all.items.map((i) => i.applicationId),
    );
    expect(rest.nextOffset).toBeNull();
    expect((await get(as.hm, '/api/decision-queue?limit=0')).statusCode).toBe(400);
    expect((await get(as.hm, '/api/decision-queue?offset=-1')).statusCode).toBe(400);
  });
  it('narrows by job, team and tag, and a saved view counts what the filtered queue holds', async () => {
    const tagged = await atTech();
    await book(tagged.id, 'tech', [world.staff.interviewer.userId], 3);
    const other = await atTech();
    await book(other.id, 'tech', [world.staff.interviewer.userId], 3);
    const tag = (await post(as.recruiter, '/api/tags', { name: 'Referred by Ana' })).json();
    const put = await app.inject({
      method: 'PUT',
      url: `/api/candidates/${tagged.candidateId}/tags/${tag.id}`,
      headers: { cookie: as.recruiter },
    });
    expect(put.statusCode, put.body).toBe(200);

    const byTag = await queue(as.hm, `?tagId=${tag.id}`);
    expect(byTag.items.map((i) => i.applicationId)).toEqual([tagged.id]);
    const byJob = await queue(as.hm, `?jobId=${world.jobs.fullTimeA.id}&limit=200`);
    expect(byJob.items.map((i) => i.applicationId)).toEqual(expect.arrayContaining([tagged.id, other.id]));
    expect(
      (await queue(as.hm, `?jobId=${world.jobs.internA.id}`)).items.map((i) => i.applicationId),
    ).not.toContain(tagged.id);
    expect((await queue(as.hm, `?teamId=${world.teams.B}`)).total).toBe(0);

    const view = await post(as.hm, '/api/views', {
      list: 'decisions',
      name: 'Referrals',
      filters: { tagId: tag.id },
    });
    expect(view.statusCode, view.body).toBe(201);
    expect(view.json().count).toBe(1);
    // Each reader of a shared view counts their own queue.
    const shared = await post(as.hm, '/api/views', {
      list: 'decisions',
      name: 'Team A, shared',
      filters: { teamId: world.teams.A },
      shared: true,
    });
    expect(shared.json().count).toBe((await queue(as.hm, `?teamId=${world.teams.A}`)).total);
    const hrViews = (await get(as.hr, '/api/views?list=decisions')).json().items;
    expect(hrViews.find((v: { id: string }) => v.id === shared.json().id).count).toBe(
      (await queue(as.hr, `?teamId=${world.teams.A}`)).total,
    );

    const bad = await get(as.hm, '/api/decision-queue?jobId=job-1');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].field).toBe('querystring.jobId');
  });
});
