import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decideApplicationRound } from '../../src/core/applications/decide-round.js';
import { submitApplication } from '../../src/core/applications/submit-application.js';
import { sendFeedbackReminders } from '../../src/core/feedback/send-feedback-reminders.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, candidateLogin, errorCode, loginAs } from '../support/http.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let clock: TestClock;
let as: Record<'admin' | 'recruiter' | 'coordinator' | 'interviewer' | 'hm' | 'hmB' | 'hr' | 'peer', string>;
let peerId: string;
/** Interviews booked in this test: each next one two hours later, as nobody can be double-booked. */
let booked = 0;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await app?.close();
  await database.close();
});
beforeEach(async () => {
  booked = 0;
  clock = new TestClock();
  world = await buildWorld(database, clock);
  await app?.close();
  app = await buildTestApp(database, clock);
  const login = (email: string) => loginAs(app, world.slug, email);
  // A second interviewer, in Singapore, to sit on panels with the first.
  const admin = await login(world.staff.admin.email);
  const peer = await app.inject({
    method: 'POST',
    url: '/api/users',
    headers: { cookie: admin },
    payload: {
      email: `peer@${world.slug}.example`,
      name: 'Peer Interviewer',
      timezone: 'Asia/Singapore',
      password: 'correct horse battery staple',
      roles: ['interviewer'],
    },
  });
  peerId = peer.json().id;
  as = {
    admin,
    recruiter: await login(world.staff.recruiter.email),
    coordinator: await login(world.staff.coordinator.email),
    interviewer: await login(world.staff.interviewer.email),
    hm: await login(world.staff.hiring_manager.email),
    hmB: await login(world.staff.hmB.email),
    hr: await login(world.staff.hr.email),
    peer: await login(`peer@${world.slug}.example`),
  };
});

type Method = 'GET' | 'POST' | 'PUT';
const call = (cookie: string, method: Method, url: string, payload?: unknown) =>
  app.inject({ method, url, payload: payload as object, headers: { cookie } });

/** An application past its resume screen, with a technical interview by two interviewers. */
async function interviewed() {
  const person = world.candidate();
  const application = ok(
    await submitApplication(world.deps, {
      actor: world.staff.recruiter,
      jobId: world.jobs.fullTimeA.id,
      candidate: { ...person, resumeText: 'Go, Kafka, 4 years at a video startup.' },
      source: 'test',
    }),
  ).application;
  ok(
    await decideApplicationRound(world.deps, {
      actor: world.staff.recruiter,
      applicationId: application.id,
      roundKey: 'resume',
      decision: 'advance',
      rationale: 'ok',
      overrideReason: 'Decided in the test without its interview.',
    }),
  );
  const interview = await call(as.coordinator, 'POST', `/api/applications/${application.id}/interviews`, {
    roundKey: 'tech',
    startsAt: new Date(Date.parse('2026-03-05T17:00:00-08:00') + booked++ * 2 * 3_600_000).toISOString(),
    interviewerIds: [world.staff.interviewer.userId, peerId],
    language: 'zh',
  });
  expect(interview.statusCode, interview.body).toBe(201);
  return { applicationId: application.id, interviewId: interview.json().id as string, email: person.email };
}

const content = (recommendation: string, rating = recommendation) => ({
  ratings: { problem_solving: rating, coding: rating },
  recommendation,
  notes: `Overall ${recommendation}.`,
  privateNote: 'For the hiring team: seemed tired.',
});

/** The hiring manager rejects at the technical round without waiting; then the interviewer submits. */
async function rejectThenSubmit(applicationId: string, interviewId: string) {
  ok(
    await decideApplicationRound(world.deps, {
      actor: world.staff.hiring_manager,
      applicationId,
      roundKey: 'tech',
      decision: 'reject',
      rationale: 'Decided without this scorecard.',
      overrideReason: 'Deciding on the feedback that is in.',
    }),
  );
  return call(as.interviewer, 'POST', `/api/interviews/${interviewId}/scorecard/submit`, {
    content: content('yes'),
  });
}

describe('interviews and kits', () => {
  it('R-ROUND-1: only the current round is scheduled; interviewers must be staff; R-ROUND-6 language is kept', async () => {
    const application = ok(
      await submitApplication(world.deps, {
        actor: world.staff.recruiter,
        jobId: world.jobs.fullTimeA.id,
        candidate: world.candidate(),
        source: 'test',
      }),
    ).application;
    const early = await call(as.coordinator, 'POST', `/api/applications/${application.id}/interviews`, {
      roundKey: 'tech',
      startsAt: '2026-03-05T10:00:00Z',
      interviewerIds: [world.staff.interviewer.userId],
    });
    expect([early.statusCode, errorCode(early)]).toEqual([409, 'round.not_current']);
    const { applicationId } = await interviewed();
    const stranger = await call(as.coordinator, 'POST', `/api/applications/${applicationId}/interviews`, {
      roundKey: 'tech',
      startsAt: '2026-03-05T10:00:00Z',
      interviewerIds: [world.jobs.fullTimeA.id],
    });
    expect([stranger.statusCode, errorCode(stranger)]).toEqual([422, 'interview.unknown_interviewer']);
    const list = (await call(as.recruiter, 'GET', `/api/applications/${applicationId}/interviews`)).json()
      .items;
    expect(list[0]).toMatchObject({
      roundKey: 'tech',
      language: 'zh',
      startsAt: '2026-03-06T01:00:00.000Z',
      endsAt: '2026-03-06T02:00:00.000Z',
    });
  });

  it('R-FB-1, R-ORG-2: an interviewer sees their interviews in their own zone and the kit with the resume; not other interviews', async () => {
    const { interviewId } = await interviewed();
    const mine = (await call(as.peer, 'GET', '/api/my/interviews')).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      timezone: 'Asia/Singapore',
      startsAtLocal: '2026-03-06T09:00:00+08:00',
      scorecardStatus: 'pending',
      feedbackDueAtLocal: '2026-03-10T23:59:59+08:00',
    });
    const kit = (await call(as.interviewer, 'GET', `/api/interviews/${interviewId}/kit`)).json();
    expect(kit.kit.roundType).toBe('coding');
    expect(kit.kit.focusAttributes.map((a: { key: string }) => a.key)).toContain('problem_solving');
    expect(kit.candidate.resumeText).toBe('Go, Kafka, 4 years at a video startup.');
    const other = await interviewed();
    const outsider = await loginAs(app, world.slug, world.staff.hmB.email);
    expect((await call(outsider, 'GET', `/api/interviews/${other.interviewId}/kit`)).statusCode).toBe(200); // HM role reads applications
    const notOn = await app.inject({
      method: 'GET',
      url: `/api/interviews/${world.jobs.fullTimeA.id}/kit`,
      headers: { cookie: as.peer },
    });
    expect(errorCode(notOn)).toBe('interview.not_found');
  });
});

describe('scorecards', () => {
  it('drafts autosave with a version; submit is final and a double submit is stored once; amendments are revisions', async () => {
    const { interviewId, applicationId } = await interviewed();
    const url = `/api/interviews/${interviewId}/scorecard`;
    const first = await call(as.interviewer, 'GET', url);
    expect(first.json()).toMatchObject({ status: 'pending', version: 1 });
    const draft = await call(as.interviewer, 'PUT', url, {
      content: { notes: 'half written' },
      expectedVersion: 1,
    });
    expect(draft.json()).toMatchObject({ status: 'draft', version: 2, content: { notes: 'half written' } });
    const staleTab = await call(as.interviewer, 'PUT', url, {
      content: { notes: 'other tab' },
      expectedVersion: 1,
    });
    expect([staleTab.statusCode, errorCode(staleTab)]).toEqual([409, 'conflict.stale_version']);
    clock.advanceDays(4); // 2026-03-06 09:00 UTC: the interview (01:00 UTC) has started
    const incomplete = await call(as.interviewer, 'POST', `${url}/submit`, {
      content: { notes: 'no recommendation' },
    });
    expect(errorCode(incomplete)).toBe('validation.failed');
    const badAttribute = await call(as.interviewer, 'POST', `${url}/submit`, {
      content: { ...content('yes'), ratings: { charm: 'yes' } },
    });
    expect(badAttribute.json().error.details.allowed).toContain('problem_solving');
    const submits = await Promise.all(
      [1, 2, 3].map(() => call(as.interviewer, 'POST', `${url}/submit`, { content: content('yes') })),
    );
    expect(submits.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const rows = await database.db.selectFrom('scorecard_revisions').selectAll().execute();
    expect(rows.filter((r) => submits[0]!.json().id === r.scorecard_id)).toHaveLength(1);
    const different = await call(as.interviewer, 'POST', `${url}/submit`, { content: content('no') });
    expect([different.statusCode, errorCode(different)]).toEqual([409, 'scorecard.already_submitted']);
    const afterSubmit = await call(as.interviewer, 'PUT', url, {
      content: content('no'),
      expectedVersion: 3,
    });
    expect(errorCode(afterSubmit)).toBe('scorecard.already_submitted');
    const amended = (
      await call(as.interviewer, 'POST', `${url}/amendments`, {
        content: content('strong_yes'),
        reason: 'Re-read my notes.',
      })
    ).json();
    expect(amended).toMatchObject({ revision: 2, content: { recommendation: 'strong_yes' } });
    expect(
      amended.revisions.map((r: { revision: number; reason: string }) => [r.revision, r.reason]),
    ).toEqual([
      [1, 'Submitted.'],
      [2, 'Re-read my notes.'],
    ]);
    const notSubmitted = await call(as.peer, 'POST', `${url}/amendments`, {
      content: content('yes'),
      reason: 'x',
    });
    expect(errorCode(notSubmitted)).toBe('scorecard.not_submitted');
    const timeline = (await call(as.recruiter, 'GET', `/api/applications/${applicationId}/timeline`))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(timeline).toEqual(
      expect.arrayContaining(['interview.scheduled', 'scorecard.submitted', 'scorecard.amended']),
    );
  });

  it('feedback for an interview one was not on is a permission error; after the application ended it has its own code', async () => {
    const { interviewId, applicationId } = await interviewed();
    for (const cookie of [as.hm, as.coordinator, as.hr]) {
      const response = await call(cookie, 'POST', `/api/interviews/${interviewId}/scorecard/submit`, {
        content: content('yes'),
      });
      expect([response.statusCode, errorCode(response)]).toEqual([403, 'scorecard.not_on_interview']);
    }
    const candidate = await candidateLogin(
      app,
      database,
      world.slug,
      (
        await database.db
          .selectFrom('candidates')
          .innerJoin('applications', 'applications.candidate_id', 'candidates.id')
          .select('candidates.email')
          .where('applications.id', '=', applicationId)
          .executeTakeFirstOrThrow()
      ).email,
    );
    expect(
      (
        await call(candidate, 'POST', `/api/interviews/${interviewId}/scorecard/submit`, {
          content: content('yes'),
        })
      ).statusCode,
    ).toBe(403);
    // The interview took place; then the application ended before this scorecard came in.
    clock.advanceDays(4);
    const closed = await rejectThenSubmit(applicationId, interviewId);
    expect([closed.statusCode, errorCode(closed)]).toEqual([409, 'scorecard.application_closed']);
    // The kit says so, so the interviewer's page shows no form to fill in for nothing.
    const kit = (await call(as.interviewer, 'GET', `/api/interviews/${interviewId}/kit`)).json();
    expect([kit.applicationStatus, kit.interview.status]).toEqual(['rejected', 'scheduled']);
  });

  it('an interview cancelled because the application ended takes no feedback, and says why', async () => {
    const { interviewId, applicationId } = await interviewed();
    const refused = await rejectThenSubmit(applicationId, interviewId);
    expect([refused.statusCode, errorCode(refused)]).toEqual([409, 'interview.not_scheduled']);
  });

  it('R-FB-3: independent feedback, through the API, for every role', async () => {
    const { applicationId, interviewId } = await interviewed();
    const other = await interviewed();
    clock.advanceDays(4); // both interviews have started
    const read = (cookie: string) => call(cookie, 'GET', `/api/applications/${applicationId}/scorecards`);
    await call(as.peer, 'POST', `/api/interviews/${interviewId}/scorecard/submit`, {
      content: content('no'),
    });
    // The interviewer who has not submitted sees only their own, and is told others are hidden.
    const before = (await read(as.interviewer)).json();
    expect(before.items.map((s: { interviewerName: string }) => s.interviewerName)).toEqual(['interviewer']);
    expect(before.othersHidden).toBe(true);
    // The hiring team sees everything, private notes included.
    for (const cookie of [as.hm, as.hr, as.recruiter, as.hmB]) {
      const all = (await read(cookie)).json();
      expect(all.items).toHaveLength(2);
      expect(all.othersHidden).toBe(false);
      expect(
        all.items.find((s: { interviewerId: string }) => s.interviewerId === peerId).content.privateNote,
      ).toBe('For the hiring team: seemed tired.');
    }
    // Coordinators and admins are not on the hiring team; a candidate never reads feedback.
    for (const cookie of [as.coordinator, as.admin]) {
      const refused = await read(cookie);
      expect([refused.statusCode, errorCode(refused)]).toEqual([403, 'feedback.not_allowed']);
    }
    const candidate = await candidateLogin(
      app,
      database,
      world.slug,
      (
        await database.db
          .selectFrom('candidates')
          .innerJoin('applications', 'applications.candidate_id', 'candidates.id')
          .select('candidates.email')
          .where('applications.id', '=', applicationId)
          .executeTakeFirstOrThrow()
      ).email,
    );
    expect((await read(candidate)).statusCode).toBe(403);
    // An interviewer of another application reads nothing here.
    await call(as.interviewer, 'POST', `/api/interviews/${other.interviewId}/scorecard/submit`, {
      content: content('yes'),
    });
    const elsewhere = await call(as.interviewer, 'GET', `/api/applications/${applicationId}/scorecards`);
    expect(elsewhere.json().othersHidden).toBe(true);
    // Once submitted, the interviewer sees the others, without their private notes.
    await call(as.interviewer, 'POST', `/api/interviews/${interviewId}/scorecard/submit`, {
      content: content('yes'),
    });
    const after = (await read(as.interviewer)).json();
    expect(after.items).toHaveLength(2);
    const peers = after.items.find((s: { interviewerId: string }) => s.interviewerId === peerId);
    expect(peers.content.recommendation).toBe('no');
    expect(peers.content).not.toHaveProperty('privateNote');
    expect(peers.revisions[0].content).not.toHaveProperty('privateNote');
  });
});

describe('feedback waits for the interview', () => {
  /** 2026-03-02 09:00 UTC (the test clock) to 2026-03-06 01:00 UTC, the first interview's start. */
  const untilStart = (3 * 24 + 16) * 3_600_000;

  it("a draft is saved before the interview; submitting is refused until it starts, naming the start in the interviewer's zone", async () => {
    const { interviewId, applicationId } = await interviewed();
    const url = `/api/interviews/${interviewId}/scorecard`;
    const kit = (await call(as.peer, 'GET', `/api/interviews/${interviewId}/kit`)).json();
    expect(kit.serverNow).toBe(clock.now().toISOString());
    const draft = await call(as.peer, 'PUT', url, { content: content('yes'), expectedVersion: 1 });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toMatchObject({ status: 'draft', content: { recommendation: 'yes' } });
    const early = await call(as.peer, 'POST', `${url}/submit`, { content: content('yes') });
    expect([early.statusCode, errorCode(early)]).toEqual([409, 'scorecard.interview_not_started']);
    expect(early.json().error.message).toBe(
      'This interview starts on Friday 6 March at 09:00 (Singapore time); you can submit your scorecard ' +
        'once it has started. Until then, save it as a draft.',
    );
    expect(early.json().error.details).toEqual({
      startsAt: '2026-03-06T01:00:00.000Z',
      startsAtLocal: '2026-03-06T09:00:00+08:00',
      timezone: 'Asia/Singapore',
    });
    clock.advanceMs(untilStart - 60_000); // a minute before the start
    const stillEarly = await call(as.peer, 'POST', `${url}/submit`, { content: content('yes') });
    expect(errorCode(stillEarly)).toBe('scorecard.interview_not_started');
    // Nothing of a submission was written: the draft stands, with no revision and no audit event.
    expect((await call(as.peer, 'GET', url)).json()).toMatchObject({ status: 'draft', revision: 0 });
    const timeline = async () =>
      (await call(as.recruiter, 'GET', `/api/applications/${applicationId}/timeline`))
        .json()
        .items.map((e: { action: string }) => e.action);
    expect(await timeline()).not.toContain('scorecard.submitted');
    clock.advanceMs(60_000); // the interview starts
    const submitted = await call(as.peer, 'POST', `${url}/submit`, { content: content('yes') });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', revision: 1 });
    expect(await timeline()).toContain('scorecard.submitted');
  });

  it('an application rejected after an interview had feedback keeps that interview; the ones still to come are cancelled', async () => {
    const { interviewId: held, applicationId } = await interviewed();
    const book = async (startsAt: string) => {
      const booked = await call(as.coordinator, 'POST', `/api/applications/${applicationId}/interviews`, {
        roundKey: 'tech',
        startsAt,
        interviewerIds: [world.staff.interviewer.userId],
      });
      expect(booked.statusCode, booked.body).toBe(201);
      return booked.json().id as string;
    };
    const later = await book('2026-03-12T10:00:00Z');
    const earlyFeedback = await book('2026-03-13T10:00:00Z');
    clock.advanceDays(4); // 2026-03-06 09:00 UTC: the first interview has taken place
    const submitted = await call(as.interviewer, 'POST', `/api/interviews/${held}/scorecard/submit`, {
      content: content('no'),
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    // Feedback submitted ahead of its interview before submissions waited for the start.
    await database.db
      .updateTable('scorecards')
      .set({ status: 'submitted', revision: 1, submitted_at: clock.now() })
      .where('interview_id', '=', earlyFeedback)
      .execute();
    const rejected = await call(as.hm, 'POST', `/api/applications/${applicationId}/decisions`, {
      roundKey: 'tech',
      decision: 'reject',
      rationale: 'Not strong enough on the fundamentals.',
      overrideReason: 'Deciding on the feedback that is in.',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const statuses = Object.fromEntries(
      (await call(as.recruiter, 'GET', `/api/applications/${applicationId}/interviews`))
        .json()
        .items.map((i: { id: string; status: string }) => [i.id, i.status]),
    );
    expect(statuses).toEqual({ [held]: 'scheduled', [later]: 'cancelled', [earlyFeedback]: 'scheduled' });
  });
});

describe('the final HR interview', () => {
  it('has its own kit, and a candidate may decline to state salary expectations', async () => {
    const person = world.candidate();
    const application = ok(
      await submitApplication(world.deps, {
        actor: world.staff.recruiter,
        jobId: world.jobs.fullTimeA.id,
        candidate: person,
        source: 'test',
      }),
    ).application;
    for (const [roundKey, actor] of [
      ['resume', world.staff.recruiter],
      ['tech', world.staff.hiring_manager],
    ] as const) {
      ok(
        await decideApplicationRound(world.deps, {
          actor,
          applicationId: application.id,
          roundKey,
          decision: 'advance',
          rationale: 'ok',
          overrideReason: 'Decided in the test without its interview.',
        }),
      );
    }
    const interview = (
      await call(as.recruiter, 'POST', `/api/applications/${application.id}/interviews`, {
        roundKey: 'hr',
        startsAt: '2026-03-05T10:00:00Z',
        interviewerIds: [world.staff.hr.userId],
      })
    ).json();
    const kit = (await call(as.hr, 'GET', `/api/interviews/${interview.id}/kit`)).json().kit;
    expect(kit.roundType).toBe('hr');
    expect(kit.questions.map((q: { id: string }) => q.id)).toEqual(
      expect.arrayContaining(['hr-feedback', 'hr-motivation', 'hr-career', 'hr-salary']),
    );
    expect(kit.questions.length).toBeGreaterThanOrEqual(10);
    clock.advanceDays(4); // the interview (2026-03-05 10:00 UTC) has taken place
    const declined = await call(as.hr, 'POST', `/api/interviews/${interview.id}/scorecard/submit`, {
      content: {
        ratings: { motivation: 'strong_yes' },
        recommendation: 'yes',
        salaryExpectation: { declined: true },
      },
    });
    expect(declined.json().content.salaryExpectation).toEqual({ declined: true });
    const bad = await call(as.hr, 'POST', `/api/interviews/${interview.id}/scorecard/amendments`, {
      content: {
        ratings: { motivation: 'yes' },
        recommendation: 'yes',
        salaryExpectation: { declined: false, currency: 'usd', minCents: -1 },
      },
      reason: 'They shared a figure.',
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('decisions from feedback', () => {
  it('R-ROUND-3: the HM waits for all scorecards or decides without one, recorded; against the majority is flagged', async () => {
    const { applicationId, interviewId } = await interviewed();
    const decide = (body: object) =>
      call(as.hm, 'POST', `/api/applications/${applicationId}/decisions`, {
        roundKey: 'tech',
        rationale: 'Decided.',
        ...body,
      });
    clock.advanceDays(4); // the interview has taken place
    await call(as.interviewer, 'POST', `/api/interviews/${interviewId}/scorecard/submit`, {
      content: content('no'),
    });
    const waiting = await decide({ decision: 'advance' });
    expect([waiting.statusCode, errorCode(waiting)]).toEqual([409, 'round.override_required']);
    expect(waiting.json().error.details.missingInterviewerIds).toEqual([peerId]);
    const decided = (
      await decide({ decision: 'advance', overrideReason: 'Deciding on the feedback that is in.' })
    ).json();
    expect(decided.decisions.at(-1)).toMatchObject({
      roundKey: 'tech',
      againstMajority: true,
      missingFeedback: [peerId],
    });
    const debrief = (
      await call(as.hr, 'GET', `/api/applications/${applicationId}/rounds/tech/debrief`)
    ).json();
    expect(debrief).toMatchObject({
      majority: 'reject',
      decision: { decision: 'advance', againstMajority: true },
    });
    expect(debrief.attributes.map((a: { key: string }) => a.key)).toContain('coding');
    expect(debrief.interviewers.map((i: { name: string; status: string }) => [i.name, i.status])).toEqual([
      ['interviewer', 'submitted'],
      ['Peer Interviewer', 'pending'],
    ]);
    expect(
      errorCode(await call(as.hr, 'GET', `/api/applications/${applicationId}/rounds/nope/debrief`)),
    ).toBe('round.unknown');
    expect(
      (await call(as.interviewer, 'GET', `/api/applications/${applicationId}/rounds/tech/debrief`))
        .statusCode,
    ).toBe(403);
  });

  it('R-ROUND-4: a committee without consensus is shown as such, and the HM adds a round', async () => {
    const { applicationId } = await interviewed();
    const process = (await call(as.admin, 'GET', `/api/processes/${world.processes.A.id}`)).json();
    expect(process.definition.rounds[1].committee).toBe(false);
    const notCommittee = await call(as.hm, 'POST', `/api/applications/${applicationId}/rounds/tech/votes`, {
      vote: 'advance',
    });
    expect(errorCode(notCommittee)).toBe('validation.failed');
    // A plan with a committee round: add one as the extra round, then move to it.
    const round = {
      key: 'committee',
      name: 'Hiring committee',
      step: 'interview_rounds',
      roundType: 'hiring_manager',
      durationMinutes: 45,
      format: 'video',
      committee: true,
    };
    await call(as.hm, 'POST', `/api/applications/${applicationId}/rounds`, {
      round,
      reason: 'Senior role: committee review.',
    });
    await call(as.hm, 'POST', `/api/applications/${applicationId}/decisions`, {
      roundKey: 'tech',
      decision: 'advance',
      rationale: 'ok',
      overrideReason: 'Deciding on the feedback that is in.',
    });
    await call(as.hm, 'POST', `/api/applications/${applicationId}/rounds/committee/votes`, {
      vote: 'advance',
      note: 'Strong.',
    });
    const split = (
      await call(as.hr, 'POST', `/api/applications/${applicationId}/rounds/committee/votes`, {
        vote: 'reject',
        note: 'Not senior enough.',
      })
    ).json();
    expect(split.votes).toHaveLength(2);
    const debrief = (
      await call(as.recruiter, 'GET', `/api/applications/${applicationId}/rounds/committee/debrief`)
    ).json();
    expect(debrief).toMatchObject({ committee: true, consensus: null, suggestExtraRound: true });
    const extra = await call(as.hm, 'POST', `/api/applications/${applicationId}/rounds`, {
      round: { ...round, key: 'committee-2', committee: false, name: 'Tie-break interview' },
      reason: 'No consensus in committee.',
    });
    expect(extra.json().plan.map((r: { key: string }) => r.key)).toEqual([
      'resume',
      'tech',
      'committee',
      'committee-2',
      'hr',
    ]);
    // The HM still decides, against a unanimous committee only with the flag on the record.
    await call(as.hr, 'POST', `/api/applications/${applicationId}/rounds/committee/votes`, {
      vote: 'advance',
      note: 'Changed my mind.',
    });
    const decided = (
      await call(as.hm, 'POST', `/api/applications/${applicationId}/decisions`, {
        roundKey: 'committee',
        decision: 'reject',
        rationale: 'My call.',
        overrideReason: 'The committee met outside the system.',
      })
    ).json();
    // Decided in the same instant as the technical round, and still listed after it.
    expect(decided.decisions.at(-1)).toMatchObject({ roundKey: 'committee', againstMajority: true });
  });

  it('R-ROUND-2: a round that is not eliminatory says so in its debrief and the timeline; a reject on it moves on', async () => {
    const { applicationId } = await interviewed();
    const chat = {
      key: 'chat',
      name: 'Team chat',
      step: 'interview_rounds',
      roundType: 'hiring_manager',
      durationMinutes: 30,
      format: 'video',
      eliminatory: false,
    };
    await call(as.hm, 'POST', `/api/applications/${applicationId}/rounds`, {
      round: chat,
      reason: 'An informational chat with the team.',
    });
    const debrief = async (roundKey: string) =>
      (
        await call(as.recruiter, 'GET', `/api/applications/${applicationId}/rounds/${roundKey}/debrief`)
      ).json();
    expect(await debrief('tech')).toMatchObject({ roundKey: 'tech', eliminatory: true });
    expect(await debrief('chat')).toMatchObject({ roundKey: 'chat', eliminatory: false });
    await call(as.hm, 'POST', `/api/applications/${applicationId}/decisions`, {
      roundKey: 'tech',
      decision: 'advance',
      rationale: 'ok',
      overrideReason: 'Deciding on the feedback that is in.',
    });
    const rejected = await call(as.hm, 'POST', `/api/applications/${applicationId}/decisions`, {
      roundKey: 'chat',
      decision: 'reject',
      rationale: 'Not the team for them; the loop goes on.',
      overrideReason: 'We spoke at a meetup; no interview was booked.',
    });
    expect(rejected.json()).toMatchObject({ status: 'active', currentRound: 'hr' });
    const timeline = (await call(as.recruiter, 'GET', `/api/applications/${applicationId}/timeline`)).json();
    const rounds = timeline.items
      .filter((e: { action: string }) => e.action.startsWith('round.'))
      .map((e: { action: string; data: { roundKey: string }; eliminatory?: boolean }) => [
        e.action,
        e.data.roundKey,
        e.eliminatory,
      ]);
    expect(rounds).toEqual([
      ['round.advanced', 'resume', true],
      ['round.added', 'chat', false],
      ['round.advanced', 'tech', true],
      ['round.rejected', 'chat', false],
    ]);
    const submitted = timeline.items.find((e: { action: string }) => e.action === 'application.submitted');
    expect(submitted).toBeDefined();
    expect(submitted).not.toHaveProperty('eliminatory');
  });
});

describe('deadlines and reminders', () => {
  it('R-FB-4: reminders before and at the deadline, escalation after it, each once, through the outbox', async () => {
    const { interviewId } = await interviewed();
    clock.advanceDays(4); // 2026-03-06 09:00 UTC: the interview has taken place, and the peer submits
    await call(as.peer, 'POST', `/api/interviews/${interviewId}/scorecard/submit`, {
      content: content('yes'),
    });
    const sweep = async () => ok(await sendFeedbackReminders(world.deps));
    // Sweeps cover every organisation; each test reads its own organisation's messages.
    const messages = async () =>
      (
        await database.db
          .selectFrom('outbox')
          .select(['kind', 'payload'])
          .where('org_id', '=', world.orgId)
          .where('kind', 'like', 'feedback.%')
          .orderBy('seq')
          .execute()
      ).map((m) => m.kind);
    // The interviewer in UTC: interview ends Fri 02:00 UTC, due Tue 2026-03-10 23:59:59 UTC.
    clock.advanceDays(3); // 2026-03-09 09:00 UTC: more than a day before the deadline
    await sweep();
    expect(await messages()).toEqual([]);
    clock.advanceDays(1); // 2026-03-10 09:00 UTC: within a day of it
    await sweep();
    expect(await messages()).toEqual(['feedback.reminder_before_due']);
    await sweep();
    expect(await messages()).toHaveLength(1);
    clock.advanceDays(1); // 2026-03-11 09:00 UTC: past the deadline
    await sweep();
    expect(await messages()).toEqual(['feedback.reminder_before_due', 'feedback.reminder_due']);
    clock.advanceDays(1); // a day after it
    await sweep();
    const all = await database.db
      .selectFrom('outbox')
      .select(['kind', 'payload'])
      .where('org_id', '=', world.orgId)
      .where('kind', '=', 'feedback.escalated')
      .execute();
    expect(all).toHaveLength(1);
    expect(all[0]!.payload).toMatchObject({
      interviewerId: world.staff.interviewer.userId,
      teamId: world.teams.A,
      recipients: ['interviewer', 'recruiter', 'hiring_manager'],
    });
    await sweep();
    expect(await messages()).toHaveLength(3);
  });

  it('a sweep long after the deadline sends every stage it skipped, and submitted feedback is never chased', async () => {
    const { interviewId } = await interviewed();
    clock.advanceDays(4); // the interview has taken place
    await call(as.interviewer, 'POST', `/api/interviews/${interviewId}/scorecard/submit`, {
      content: content('yes'),
    });
    clock.advanceDays(26); // a month after booking
    ok(await sendFeedbackReminders(world.deps));
    const sent = await database.db
      .selectFrom('outbox')
      .select(['kind', 'payload'])
      .where('org_id', '=', world.orgId)
      .where('kind', 'like', 'feedback.%')
      .orderBy('seq')
      .execute();
    expect(sent.map((m) => m.kind)).toEqual([
      'feedback.reminder_before_due',
      'feedback.reminder_due',
      'feedback.escalated',
    ]);
    expect(new Set(sent.map((m) => m.payload.interviewerId))).toEqual(new Set([peerId]));
  });

  it("holidays are the organisation's and push deadlines out", async () => {
    const add = await call(as.admin, 'POST', '/api/holidays', { day: '2026-03-09', name: 'Company day off' });
    expect(add.statusCode).toBe(201);
    expect(
      errorCode(await call(as.admin, 'POST', '/api/holidays', { day: '2026-03-09', name: 'Again' })),
    ).toBe('conflict.concurrent_change');
    expect(
      (await call(as.recruiter, 'POST', '/api/holidays', { day: '2026-03-10', name: 'x' })).statusCode,
    ).toBe(403);
    expect((await call(as.interviewer, 'GET', '/api/holidays')).json().items).toEqual([
      { day: '2026-03-09', name: 'Company day off' },
    ]);
    await interviewed();
    const mine = (await call(as.peer, 'GET', '/api/my/interviews')).json().items;
    expect(mine[0].feedbackDueAtLocal).toBe('2026-03-11T23:59:59+08:00');
  });
});

describe('interviewer insight', () => {
  it('agreement with decisions, leniency against the panel and on-time rate', async () => {
    for (const [mine, peers, decision] of [
      ['strong_yes', 'no', 'reject'],
      ['yes', 'no', 'reject'],
    ] as const) {
      const { applicationId, interviewId } = await interviewed();
      clock.advanceDays(4); // the morning after the interview: the interviewer is on time
      await call(as.interviewer, 'POST', `/api/interviews/${interviewId}/scorecard/submit`, {
        content: content(mine),
      });
      clock.advanceDays(5); // the peer is late: past Tuesday night in Singapore
      await call(as.peer, 'POST', `/api/interviews/${interviewId}/scorecard/submit`, {
        content: content(peers),
      });
      await call(as.hm, 'POST', `/api/applications/${applicationId}/decisions`, {
        roundKey: 'tech',
        decision,
        rationale: 'Panel.',
      });
      clock.advanceDays(-9);
    }
    const insight = (await call(as.recruiter, 'GET', '/api/insights/interviewers')).json().items;
    const me = insight.find(
      (i: { interviewerId: string }) => i.interviewerId === world.staff.interviewer.userId,
    );
    const peer = insight.find((i: { interviewerId: string }) => i.interviewerId === peerId);
    expect(me).toMatchObject({
      submitted: 2,
      agreementRate: 0,
      leniency: 2.5,
      tendency: 'lenient',
      onTimeRate: 1,
      overdue: 0,
    });
    expect(peer).toMatchObject({
      submitted: 2,
      agreementRate: 1,
      leniency: -2.5,
      tendency: 'harsh',
      onTimeRate: 0,
    });
    expect((await call(as.hm, 'GET', '/api/insights/interviewers')).statusCode).toBe(403);
  });
});

describe('decisions on evidence', () => {
  const decide = (cookie: string, applicationId: string, roundKey: string, extra: object = {}) =>
    call(cookie, 'POST', `/api/applications/${applicationId}/decisions`, {
      roundKey,
      decision: 'advance',
      rationale: 'Clear signal on the problem.',
      ...extra,
    });

  it('R-ROUND-7: a round is not decided before its interview took place and its feedback is in; an override needs a written reason and is on the record', async () => {
    const { applicationId } = await interviewed();
    const early = await decide(as.hm, applicationId, 'tech');
    expect([early.statusCode, errorCode(early)]).toEqual([409, 'round.override_required']);
    expect(early.json().error.details.gaps).toEqual(['no_interview_held', 'feedback_missing']);
    expect(early.json().error.message).toContain('no interview of this round has taken place');
    const vague = await decide(as.hm, applicationId, 'tech', { overrideReason: 'ok' });
    expect([vague.statusCode, errorCode(vague)]).toEqual([400, 'validation.failed']);
    const reason = 'The candidate interviewed with us last month for a sister team.';
    const overridden = await decide(as.hm, applicationId, 'tech', { overrideReason: reason });
    expect(overridden.statusCode, overridden.body).toBe(200);
    const detail = (await call(as.recruiter, 'GET', `/api/applications/${applicationId}`)).json();
    expect(detail.decisions.find((d: { roundKey: string }) => d.roundKey === 'tech').override).toEqual({
      reason,
      gaps: ['no_interview_held', 'feedback_missing'],
    });
    const timeline = (await call(as.recruiter, 'GET', `/api/applications/${applicationId}/timeline`)).json();
    const advanced = timeline.items.find(
      (e: { action: string; data: { roundKey?: string } }) =>
        e.action === 'round.advanced' && e.data.roundKey === 'tech',
    );
    expect(advanced.data.override).toEqual({ reason, gaps: ['no_interview_held', 'feedback_missing'] });
    const debrief = (
      await call(as.hm, 'GET', `/api/applications/${applicationId}/rounds/tech/debrief`)
    ).json();
    expect(debrief.decision.override).toEqual({ reason, gaps: ['no_interview_held', 'feedback_missing'] });
  });

  it('R-ROUND-7: once the interview has taken place and every scorecard is in, the round is decided without a reason and nothing is marked', async () => {
    const { applicationId, interviewId } = await interviewed();
    clock.advanceDays(4);
    for (const cookie of [as.interviewer, as.peer]) {
      const submitted = await call(cookie, 'POST', `/api/interviews/${interviewId}/scorecard/submit`, {
        content: content('yes'),
      });
      expect(submitted.statusCode, submitted.body).toBe(200);
    }
    const decided = await decide(as.hm, applicationId, 'tech');
    expect(decided.statusCode, decided.body).toBe(200);
    const detail = (await call(as.recruiter, 'GET', `/api/applications/${applicationId}`)).json();
    expect(detail.decisions.find((d: { roundKey: string }) => d.roundKey === 'tech').override).toBeNull();
  });

  it('R-ROUND-3, R-ROUND-7: the hiring manager may decide the HR round only as a recorded override; the recruiter may not decide the HM round', async () => {
    const application = await world.atTechnicalRound();
    const recruiter = await decide(as.recruiter, application.id, 'tech', {
      overrideReason: 'The hiring manager is away this week.',
    });
    expect([recruiter.statusCode, errorCode(recruiter)]).toEqual([403, 'round.not_your_decision']);
    ok(
      await decideApplicationRound(world.deps, {
        actor: world.staff.hiring_manager,
        applicationId: application.id,
        roundKey: 'tech',
        decision: 'advance',
        rationale: 'ok',
        overrideReason: 'Interviewed outside the system; notes attached.',
      }),
    );
    const hmOnHr = await decide(as.hm, application.id, 'hr');
    expect(errorCode(hmOnHr)).toBe('round.override_required');
    expect(hmOnHr.json().error.details.gaps).toContain('decided_by_another_role');
    const withReason = await decide(as.hm, application.id, 'hr', {
      overrideReason: 'HR asked me to close this round while they are on leave.',
    });
    expect(withReason.statusCode, withReason.body).toBe(200);
    const detail = (await call(as.recruiter, 'GET', `/api/applications/${application.id}`)).json();
    expect(detail.decisions.find((d: { roundKey: string }) => d.roundKey === 'hr').override.gaps).toContain(
      'decided_by_another_role',
    );
  });
});
