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
    // The jobs list counts the same: in progress, new this week, at offer.
    const listed = (await get(as.recruiter, '/api/jobs?limit=200')).json().items;
    expect(listed.find((j: { id: string }) => j.id === job).applications).toEqual({
      active: 3,
      newThisWeek: 4,
      atOffer: 1,
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

  it('narrows counts and cards by tag, owner, source and applied dates; each card names its owner', async () => {
    const job = world.jobs.internA.id;
    const [first, second] = [await apply(job), await apply(job)];
    const tag = (await post(as.recruiter, '/api/tags', { name: 'Board pick' })).json();
    const put = (url: string, payload?: unknown) =>
      app.inject({ method: 'PUT', url, payload: payload as object, headers: { cookie: as.recruiter } });
    for (const a of [first, second]) await put(`/api/candidates/${a.candidateId}/tags/${tag.id}`);
    await put(`/api/candidates/${first.candidateId}/owner`, { userId: world.staff.recruiter.userId });
    const board = async (query: string) => {
      const response = await get(as.recruiter, `/api/jobs/${job}/pipeline?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json().columns[0] as {
        count: number;
        cards: { applicationId: string; ownerName: string | null }[];
      };
    };
    const tagged = await board(`tagId=${tag.id}`);
    expect(tagged.count).toBe(2);
    // Applied in the same instant, the two cards may come in either order.
    expect(new Map(tagged.cards.map((c) => [c.applicationId, c.ownerName]))).toEqual(
      new Map([
        [first.id, 'recruiter'],
        [second.id, null],
      ]),
    );
    expect((await board(`ownerId=${world.staff.recruiter.userId}`)).count).toBe(1);
    expect((await board('source=nowhere')).count).toBe(0);
    expect((await board('appliedFrom=2030-01-01')).count).toBe(0);
    const bad = await get(as.recruiter, `/api/jobs/${job}/pipeline?tagId=red`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].field).toBe('querystring.tagId');
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
    clock.advanceDays(8); // both interviews, a week out, have taken place
    expect((await submitScorecard(completeInterview)).statusCode).toBe(200);

    const queue = (await get(as.hm, '/api/decision-queue')).json();
    const ids = queue.items.map((i: { applicationId: string }) => i.applicationId);
    expect(ids.indexOf(complete.id)).toBeLessThan(ids.indexOf(partial.id));
    expect(ids).not.toContain(waiting.id); // nothing booked on its round yet
    expect(queue.items.find((i: { applicationId: string }) => i.applicationId === complete.id)).toMatchObject(
      {
        roundKey: 'tech',
        roundName: 'Technical',
        panel: { expected: 1, submitted: 1 },
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
    const spread = (days: number, span: string) => ({
      medianDays: days,
      meanDays: days,
      p25Days: days,
      p75Days: days,
      p90Days: days,
      distribution: expect.arrayContaining([{ span, decisions: 1 }]),
    });
    expect(timing.timeInStep).toEqual([
      { step: 'resume_screen', decisions: 1, ...spread(3, '3–7 days') },
      { step: 'technical_screen', decisions: 1, ...spread(2, '1–3 days') },
    ]);
    expect(timing.timeInStep[0].distribution.map((d: { decisions: number }) => d.decisions)).toEqual([
      0, 0, 1, 0, 0, 0,
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

describe('reports over a range of days', () => {
  const day = (offset = 0) =>
    new Date(clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const job = () => world.jobs.internB.id;

  it('count what happened in the range, week by week, and open each figure on its applications', async () => {
    clock.advanceDays(60); // a quiet stretch: nothing else of this job falls in the range below
    as.hr = await loginAs(app, world.slug, world.staff.hr.email);
    const start = day();
    const first = await apply(job());
    await apply(job());
    clock.advanceDays(8);
    const later = await apply(job());
    await decide(later.id, 'resume');
    await decide(later.id, 'tech', 'advance', world.staff.hmB); // no interview: an override on the record
    const end = day();
    const range = `jobId=${job()}&from=${start}&to=${end}`;

    const funnel = (await get(as.hr, `/api/reports/funnel?${range}`)).json().items;
    expect(funnel).toHaveLength(1);
    expect(funnel[0]).toMatchObject({ jobId: job(), teamName: 'Beta', total: 3, hired: 0 });
    expect(funnel[0].rounds.slice(0, 3).map((r: { reached: number }) => r.reached)).toEqual([3, 1, 1]);
    const lastDay = (await get(as.hr, `/api/reports/funnel?jobId=${job()}&from=${end}&to=${end}`)).json();
    expect(lastDay.items[0].total).toBe(1);

    const trends = (await get(as.hr, `/api/reports/trends?${range}`)).json();
    expect([trends.from, trends.to]).toEqual([start, end]);
    for (const w of trends.weeks) expect(new Date(`${w.weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
    const sum = (key: string) =>
      trends.weeks.reduce((n: number, w: Record<string, number>) => n + w[key]!, 0);
    expect([sum('applied'), sum('advanced'), sum('withoutEvidence'), sum('hired')]).toEqual([3, 2, 1, 0]);
    // Without a range: the last twelve weeks up to the reader's today.
    const recent = (await get(as.hr, `/api/reports/trends?jobId=${job()}`)).json();
    expect(recent.to).toBe(end);
    expect(recent.weeks.length).toBeGreaterThanOrEqual(12);

    const drill = async (query: string) => {
      const response = await get(as.hr, `/api/reports/applications?${range}&${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const applied = await drill('measure=applied');
    expect(applied.items).toHaveLength(3);
    expect(applied.items).toContainEqual(
      expect.objectContaining({ applicationId: first.id, jobTitle: 'internship job', step: 'resume_screen' }),
    );
    expect(applied.items.at(-1)).toMatchObject({ applicationId: later.id }); // the latest to apply comes last
    expect((await drill('measure=reached&round=1')).items).toEqual([
      expect.objectContaining({ applicationId: later.id }),
    ]);
    expect((await drill('measure=without_evidence')).items).toEqual([
      expect.objectContaining({ applicationId: later.id }),
    ]);
    // One page at a time, none repeated.
    const one = await drill('measure=applied&limit=2');
    const two = await drill(`measure=applied&limit=2&cursor=${one.nextCursor}`);
    expect([...one.items, ...two.items].map((i: { applicationId: string }) => i.applicationId)).toEqual(
      applied.items.map((i: { applicationId: string }) => i.applicationId),
    );
    expect(two.nextCursor).toBeNull();
  });

  it('a range that ends before it starts, spans over two years or is not a day is refused, naming the field', async () => {
    const refused = async (url: string, field: RegExp, message: RegExp) => {
      const response = await get(as.hr, url);
      expect([response.statusCode, errorCode(response)]).toEqual([400, 'validation.failed']);
      expect(response.json().error.details.issues).toContainEqual({
        field: expect.stringMatching(field),
        message: expect.stringMatching(message),
      });
    };
    await refused('/api/reports/funnel?from=2026-05-10&to=2026-05-01', /to$/, /end on or after/);
    await refused('/api/reports/timing?from=2023-01-01&to=2026-01-01', /from$/, /at most two years/);
    await refused('/api/reports/trends?from=yesterday', /from$/, /./);
    await refused('/api/reports/applications?measure=reached', /jobId$/, /give the job and the round/);
    await refused(`/api/reports/applications?measure=reached&jobId=${job()}`, /round$/, /the round/);
    await refused('/api/reports/applications?measure=everything', /measure$/, /one of the choices/);
    await refused('/api/reports/applications?measure=applied&cursor=nope', /cursor$/, /./);
  });

  it("counts only the reader's organisation, whatever job is named", async () => {
    const other = await buildWorld(database, clock);
    const foreign = `jobId=${other.jobs.internB.id}`;
    expect((await get(as.hr, `/api/reports/funnel?${foreign}`)).json().items).toEqual([]);
    expect((await get(as.hr, `/api/reports/applications?measure=applied&${foreign}`)).json().items).toEqual(
      [],
    );
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

// Last: it moves the clock on past everyone's sessions.
describe('pipeline cards', () => {
  it('a card says since when it is in its column, where its interviews stand and the panel so far', async () => {
    const application = await apply();
    await decide(application.id, 'resume');
    const card = async () => {
      as.recruiter = await loginAs(app, world.slug, world.staff.recruiter.email);
      const board = (await get(as.recruiter, `/api/jobs/${world.jobs.fullTimeA.id}/pipeline`)).json();
      const tech = board.columns.find((c: { key: string }) => c.key === 'tech');
      return tech.cards.find((c: { applicationId: string }) => c.applicationId === application.id);
    };
    const decidedAt = clock.now().toISOString();
    expect(await card()).toMatchObject({
      enteredAt: decidedAt,
      interviews: 'to_book',
      panel: { expected: 0, submitted: 0 },
    });
    as.coordinator = await loginAs(app, world.slug, world.staff.coordinator.email);
    const interviewId = await bookTech(application.id);
    expect(await card()).toMatchObject({ interviews: 'booked', panel: { expected: 1, submitted: 0 } });
    clock.advanceDays(9); // the interview has taken place
    expect(await card()).toMatchObject({ enteredAt: decidedAt, interviews: 'feedback_due' });
    as.interviewer = await loginAs(app, world.slug, world.staff.interviewer.email);
    expect((await submitScorecard(interviewId)).statusCode).toBe(200);
    expect(await card()).toMatchObject({
      interviews: 'complete',
      panel: { expected: 1, submitted: 1, yes: 1, no: 0 },
    });
    // Nine days on, the internship job's applications are no longer new this week.
    const listed = (await get(as.recruiter, '/api/jobs?limit=200')).json().items;
    expect(listed.find((j: { id: string }) => j.id === world.jobs.internB.id).applications.newThisWeek).toBe(
      0,
    );
  });
});
