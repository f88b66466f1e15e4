import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideApplicationRound } from '../../src/core/applications/decide-round.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, candidateLogin, errorCode, loginAs } from '../support/http.js';
import { testWorker } from '../support/worker.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

// The read models behind the web app's screens, on one world whose clock moves forward.
let database: Database;
let app: App;
let world: World;
const clock = new TestClock();
let as: Record<'recruiter' | 'coordinator' | 'interviewer' | 'hm' | 'hmB' | 'hr', string>;
let booked = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
  const login = (email: string) => loginAs(app, world.slug, email);
  as = {
    recruiter: await login(world.staff.recruiter.email),
    coordinator: await login(world.staff.coordinator.email),
    interviewer: await login(world.staff.interviewer.email),
    hm: await login(world.staff.hiring_manager.email),
    hmB: await login(world.staff.hmB.email),
    hr: await login(world.staff.hr.email),
  };
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = (cookie: string, url: string) => app.inject({ url, headers: { cookie } });
const post = (cookie: string, url: string, payload: unknown) =>
  app.inject({ method: 'POST', url, payload: payload as object, headers: { cookie } });

const apply = (jobId = world.jobs.fullTimeA.id, person: Parameters<World['apply']>[0] = world.candidate()) =>
  world.apply(person, jobId);
/** Decides a round as its decider: the recruiter, HR, or the hiring manager of the job's team. */
const decide = async (
  applicationId: string,
  roundKey: string,
  decision: 'advance' | 'reject' = 'advance',
  hm = world.staff.hiring_manager,
) =>
  ok(
    await decideApplicationRound(world.deps, {
      actor: roundKey === 'resume' ? world.staff.recruiter : roundKey === 'hr' ? world.staff.hr : hm,
      applicationId,
      roundKey,
      decision,
      rationale: 'ok',
      overrideReason: 'Deciding on the feedback that is in.',
    }),
  );
async function bookTech(applicationId: string) {
  const response = await post(as.coordinator, `/api/applications/${applicationId}/interviews`, {
    roundKey: 'tech',
    startsAt: new Date(clock.now().getTime() + 7 * 86_400_000 + booked++ * 2 * 3_600_000).toISOString(),
    interviewerIds: [world.staff.interviewer.userId],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}
const submitScorecard = (interviewId: string) =>
  post(as.interviewer, `/api/interviews/${interviewId}/scorecard/submit`, {
    content: { ratings: { coding: 'yes' }, recommendation: 'yes', notes: 'Solid.' },
  });

describe('lists for the screening queue', () => {
  it('R-APP-4: step=resume_screen lists the active applications at their resume screen, oldest first, named', async () => {
    const job = world.jobs.internA.id;
    const first = await apply(job);
    clock.advanceMs(60_000);
    const second = await apply(job);
    const passed = await apply(job);
    await decide(passed.id, 'resume');
    const page = (await get(as.recruiter, `/api/applications?step=resume_screen&jobId=${job}`)).json();
    expect(page.items.map((a: { id: string }) => a.id)).toEqual([first.id, second.id]);
    expect(page.items[0]).toMatchObject({
      candidateName: expect.stringMatching(/^Cand Number/),
      jobTitle: 'internship job',
    });
    const bad = await get(as.recruiter, '/api/applications?step=offer');
    expect([bad.statusCode, bad.json().error.details.issues[0].field]).toEqual([400, 'querystring.step']);
  });

  it('an application answers with its resume text for the screen', async () => {
    const application = await apply(world.jobs.internA.id, {
      ...world.candidate(),
      resumeText: 'Rust, 3 years.',
    });
    const detail = (await get(as.recruiter, `/api/applications/${application.id}`)).json();
    expect(detail.candidate.resumeText).toBe('Rust, 3 years.');
  });

  it('who am I says what my roles allow, so screens show only what works', async () => {
    const me = (await get(as.interviewer, '/api/auth/me')).json();
    expect(me.can).toContain('feedback.write');
    expect(me.can).not.toContain('application.read');
    expect((await get(as.hm, '/api/auth/me')).json().can).toContain('application.add_round');
  });
});

describe('pipeline board', () => {
  it("counts a job's applications per round, at offer and per ending, with the oldest cards", async () => {
    const job = world.jobs.internB.id;
    const atResume = await apply(job);
    const atTech = await apply(job);
    await decide(atTech.id, 'resume');
    const rejected = await apply(job);
    await decide(rejected.id, 'resume', 'reject');
    const atOffer = await apply(job);
    for (const round of ['resume', 'tech', 'hr']) await decide(atOffer.id, round, 'advance', world.staff.hmB);
    const board = (await get(as.recruiter, `/api/jobs/${job}/pipeline`)).json();
    const column = (key: string) => board.columns.find((c: { key: string }) => c.key === key);
    expect(board.columns.map((c: { key: string }) => c.key)).toEqual([
      'resume',
      'tech',
      'hr',
      'offer',
      'queued',
      'hired',
      'rejected',
      'withdrawn',
      'closed',
    ]);
    expect([column('resume').count, column('tech').count, column('hr').count, column('offer').count]).toEqual(
      [1, 1, 0, 1],
    );
    expect(column('rejected').cards.map((c: { applicationId: string }) => c.applicationId)).toEqual([
      rejected.id,
    ]);
    expect(column('resume').cards[0]).toMatchObject({
      applicationId: atResume.id,
      candidateName: expect.any(String),
    });
    const missing = await get(as.recruiter, `/api/jobs/${crypto.randomUUID()}/pipeline`);
    expect([missing.statusCode, errorCode(missing)]).toEqual([404, 'job.not_found']);
  });

  it('shows at most 20 cards a column but counts them all', async () => {
    const job = world.jobs.internB2.id;
    for (let i = 0; i < 22; i++) await apply(job);
    const resume = (await get(as.recruiter, `/api/jobs/${job}/pipeline`)).json().columns[0];
    expect([resume.count, resume.cards.length]).toEqual([22, 20]);
  });
});

describe('decision queue', () => {
  it('R-ROUND-3: the HM sees rounds of their teams with interviews, complete feedback first; others do not', async () => {
    const complete = await apply();
    await decide(complete.id, 'resume');
    const partial = await apply();
    await decide(partial.id, 'resume');
    const waiting = await apply();
    await decide(waiting.id, 'resume');
    const partialInterview = await bookTech(partial.id);
    const completeInterview = await bookTech(complete.id);
    expect(partialInterview).toBeTruthy();
    clock.advanceDays(1);
    expect((await submitScorecard(completeInterview)).statusCode).toBe(200);

    const queue = (await get(as.hm, '/api/decision-queue')).json();
    const ids = queue.items.map((i: { applicationId: string }) => i.applicationId);
    expect(ids.indexOf(complete.id)).toBeLessThan(ids.indexOf(partial.id));
    expect(ids).not.toContain(waiting.id); // nothing booked on its round yet
    expect(queue.items.find((i: { applicationId: string }) => i.applicationId === complete.id)).toMatchObject(
      {
        roundKey: 'tech',
        roundName: 'Technical',
        scorecards: 1,
        submitted: 1,
      },
    );
    expect(queue.total).toBe(queue.items.length);
    // Team B's hiring manager and the recruiter (who decides resume screens, with no interviews) see none of these.
    expect((await get(as.hmB, '/api/decision-queue')).json().items).toEqual([]);
    expect((await get(as.recruiter, '/api/decision-queue')).json().items).toEqual([]);
    expect((await get(as.hm, '/api/decision-queue?limit=1')).json()).toMatchObject({ total: queue.total });
    expect((await get(as.hm, '/api/decision-queue?limit=0')).statusCode).toBe(400);
  });
});

describe('reports', () => {
  it('R-OFFER-5, R-FB-4: time in each step, application to offer against six weeks, feedback on time', async () => {
    const job = world.jobs.internB2.id;
    const before = (await get(as.hr, `/api/reports/timing?jobId=${job}`)).json();
    expect(before.timeToOffer).toMatchObject({
      offers: 0,
      medianDays: null,
      withinTargetRate: null,
      targetDays: 42,
    });
    expect(before.timeInStep).toEqual([]);
    // The 22 applications of this job have waited since they applied; 50 days on, all are past the target.
    clock.advanceDays(50);
    as.hr = await loginAs(app, world.slug, world.staff.hr.email);
    const later = (await get(as.hr, `/api/reports/timing?jobId=${job}`)).json();
    expect(later.timeToOffer.openPastTarget).toBe(22);

    const one = await apply(job);
    clock.advanceDays(3);
    await decide(one.id, 'resume');
    clock.advanceDays(2);
    await decide(one.id, 'tech', 'advance', world.staff.hmB);
    const timing = (await get(as.hr, `/api/reports/timing?jobId=${job}`)).json();
    expect(timing.timeInStep).toEqual([
      { step: 'resume_screen', decisions: 1, medianDays: 3, meanDays: 3 },
      { step: 'technical_screen', decisions: 1, medianDays: 2, meanDays: 2 },
    ]);
    // R-ROUND-7: the technical round went without an interview, on a written override; the resume screen needs none.
    expect(timing.decisionsWithoutEvidence).toEqual([
      { teamId: world.teams.B, teamName: 'Beta', decisions: 2, withoutEvidence: 1, rate: 0.5 },
    ]);
    const all = (await get(as.hr, '/api/reports/timing')).json();
    expect(all.feedback).toMatchObject({ submitted: 1, onTimeRate: 1 });
    expect(all.feedback.overdue).toBeGreaterThanOrEqual(1); // the partial panel's scorecard is long overdue
    expect((await get(as.hr, '/api/reports/timing?teamId=nope')).statusCode).toBe(400);
  });

  it('the funnel names each round after the job’s process, and the offer after the last', async () => {
    const items = (await get(as.hr, `/api/reports/funnel?jobId=${world.jobs.internB.id}`)).json().items;
    expect(items[0].jobTitle).toBe('internship job');
    expect(items[0].rounds.map((r: { name: string }) => r.name)).toEqual([
      'Resume',
      'Technical',
      'HR',
      'Offer',
    ]);
  });
});

describe('candidate portal', () => {
  it('R-CAND-1, R-CAND-2: each application says where it is, what comes next and how to prepare', async () => {
    const person = world.candidate();
    const application = await apply(world.jobs.fullTimeA.id, person);
    await decide(application.id, 'resume');
    const cookie = await candidateLogin(app, database, world.slug, person.email);
    const [mine] = (await get(cookie, '/api/me/applications')).json().items;
    expect(mine).toMatchObject({
      id: application.id,
      currentRoundName: 'Technical',
      nextRoundName: 'HR',
      lastHeardAt: null,
      preparation: { roundName: 'Technical', durationMinutes: 60 },
    });
    expect(mine.preparation.sampleQuestions.length).toBeGreaterThan(0);
    expect(mine.preparation.commonMistakes.length).toBeGreaterThan(0);
  });

  it('R-CAND-4: exports everything held about me as a JSON file, and nothing about anyone else', async () => {
    const person = { ...world.candidate(), resumeText: 'Kotlin, 5 years.' };
    const application = await apply(world.jobs.fullTimeA.id, person);
    await apply(world.jobs.fullTimeA.id); // someone else's
    const cookie = await candidateLogin(app, database, world.slug, person.email);
    const response = await get(cookie, '/api/me/export');
    expect(response.headers['content-disposition']).toBe('attachment; filename="my-hireloop-data.json"');
    const data = response.json();
    expect(data.profile).toMatchObject({ email: person.email, resumeText: 'Kotlin, 5 years.' });
    expect(data.applications.map((a: { id: string }) => a.id)).toEqual([application.id]);
    expect(data).toMatchObject({
      interviews: [],
      offers: [],
      attachments: [],
      exportedAt: clock.now().toISOString(),
    });
    expect(Array.isArray(data.messages)).toBe(true);
    const recruiter = await loginAs(app, world.slug, world.staff.recruiter.email);
    expect((await get(recruiter, '/api/me/export')).statusCode).toBe(403);
  });

  it('R-CAND-4: erasing withdraws open applications, cancels interviews, removes personal data and ends the session', async () => {
    const worker = testWorker(world);
    as.coordinator = await loginAs(app, world.slug, world.staff.coordinator.email); // sessions outlived by the clock
    const person = { ...world.candidate(), resumeText: 'Scala, 6 years.' };
    const application = await apply(world.jobs.fullTimeA.id, person);
    await decide(application.id, 'resume');
    const interviewId = await bookTech(application.id);
    await worker.drain();
    const cookie = await candidateLogin(app, database, world.slug, person.email);

    const wrong = await post(cookie, '/api/me/erasure', { email: 'someone@example.com' });
    expect([wrong.statusCode, wrong.json().error.details.issues[0].field]).toEqual([400, 'body.email']);
    const erased = await post(cookie, '/api/me/erasure', { email: person.email.toUpperCase() });
    expect([erased.statusCode, erased.json()]).toEqual([200, { withdrawn: 1 }]);
    expect(erased.cookies.find((c) => c.name === 'hl_session')?.value).toBe('');
    expect((await get(cookie, '/api/me/applications')).statusCode).toBe(401);

    const candidate = await world.db
      .selectFrom('candidates')
      .selectAll()
      .where('id', '=', application.candidateId)
      .executeTakeFirstOrThrow();
    expect(candidate).toMatchObject({
      first_name: 'Erased',
      last_name: 'candidate',
      email: `erased-${candidate.id}@erased.invalid`,
      resume_text: null,
      phone: null,
    });
    expect(candidate.erased_at).toEqual(clock.now());
    const recruiter = await loginAs(app, world.slug, world.staff.recruiter.email);
    const detail = (await get(recruiter, `/api/applications/${application.id}`)).json();
    expect(detail).toMatchObject({
      status: 'withdrawn',
      candidate: { firstName: 'Erased', resumeText: null },
    });
    const interview = await world.db
      .selectFrom('interviews')
      .select('status')
      .where('id', '=', interviewId)
      .executeTakeFirstOrThrow();
    expect(interview.status).toBe('cancelled');
    // The emails already sent keep their place without their words; the withdrawal news goes to
    // the team, and nothing more to the candidate.
    const before = await world.db
      .selectFrom('deliveries')
      .select(['recipient', 'subject'])
      .where('candidate_id', '=', candidate.id)
      .execute();
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((d) => d.subject === '[erased]' && d.recipient === candidate.email)).toBe(true);
    await worker.drain();
    const after = await world.db
      .selectFrom('deliveries')
      .select('id')
      .where('candidate_id', '=', candidate.id)
      .execute();
    expect(after.length).toBe(before.length);
    const searched = (
      await get(recruiter, `/api/candidates?q=${encodeURIComponent(person.lastName)}`)
    ).json();
    expect(searched.items.map((c: { id: string }) => c.id)).not.toContain(candidate.id);
    await worker.close();
  });

  it('R-CAND-4: a hired candidate is told to ask HR instead', async () => {
    const person = world.candidate();
    const application = await apply(world.jobs.fullTimeA.id, person);
    await world.passAllRounds(application.id);
    await world.db
      .updateTable('applications')
      .set({ status: 'hired' })
      .where('id', '=', application.id)
      .execute();
    const cookie = await candidateLogin(app, database, world.slug, person.email);
    const refused = await post(cookie, '/api/me/erasure', { email: person.email });
    expect([refused.statusCode, errorCode(refused)]).toEqual([409, 'candidate.erasure_blocked']);
    expect((await get(cookie, '/api/me/applications')).statusCode).toBe(200);
  });
});
