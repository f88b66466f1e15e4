import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, errorCode, loginAs } from '../support/http.js';
import { buildWorld, catalog, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let clock: TestClock;
let cookies: Record<'coordinator' | 'interviewer' | 'peer' | 'third' | 'hm', string>;
let ids: Record<'interviewer' | 'peer' | 'third', string>;
/** Interviews booked in one test: each next one a day later, so nobody is double-booked. */
let booked = 0;

type Proposal = {
  level: string | null;
  questionIds: string[];
  askedElsewhereIds: string[];
  askedHereIds: string[];
};

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
  const admin = await login(world.staff.admin.email);
  const extra = async (name: string) => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: {
        email: `${name}@${world.slug}.example`,
        name: `Interviewer ${name}`,
        timezone: 'UTC',
        password: 'correct horse battery staple',
        roles: ['interviewer'],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id as string;
  };
  ids = {
    interviewer: world.staff.interviewer.userId,
    peer: await extra('peer'),
    third: await extra('third'),
  };
  cookies = {
    coordinator: await login(world.staff.coordinator.email),
    interviewer: await login(world.staff.interviewer.email),
    peer: await login(`peer@${world.slug}.example`),
    third: await login(`third@${world.slug}.example`),
    hm: await login(world.staff.hiring_manager.email),
  };
});

const call = (cookie: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
  app.inject({ method, url, payload: payload as object, headers: { cookie } });

/** Books the technical (coding) round of an application with the given interviewers. */
async function book(applicationId: string, interviewerIds: string[]) {
  const startsAt = new Date(Date.parse('2026-03-05T10:00:00Z') + booked++ * 86_400_000).toISOString();
  const response = await call(cookies.coordinator, 'POST', `/api/applications/${applicationId}/interviews`, {
    roundKey: 'tech',
    startsAt,
    interviewerIds,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

async function proposal(cookie: string, interviewId: string): Promise<Proposal> {
  const response = await call(cookie, 'GET', `/api/interviews/${interviewId}/kit`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().proposal;
}

/** The interviewer ticks questions as asked on their draft scorecard. */
async function tick(cookie: string, interviewId: string, askedQuestionIds: string[]) {
  const url = `/api/interviews/${interviewId}/scorecard`;
  const { version } = (await call(cookie, 'GET', url)).json();
  const saved = await call(cookie, 'PUT', url, { content: { askedQuestionIds }, expectedVersion: version });
  expect(saved.statusCode, saved.body).toBe(200);
  return saved;
}

const coding = catalog.interviewKit('coding')!;
const midCoding = coding.questions.filter((q) => q.levels.includes('mid')).map((q) => q.id);

describe('the kit proposes questions', () => {
  it('never one the same candidate was asked in an earlier round, across two applications', async () => {
    const person = world.candidate();
    const first = await world.atTechnicalRound(person, world.jobs.fullTimeA.id);
    const second = await world.atTechnicalRound(person, world.jobs.internA.id);
    expect(second.candidateId).toBe(first.candidateId);

    const earlier = await book(first.id, [ids.interviewer]);
    const before = await proposal(cookies.interviewer, earlier);
    expect(before).toMatchObject({ level: 'mid', askedElsewhereIds: [], askedHereIds: [] });
    expect(before.questionIds).toHaveLength(3);
    expect(before.questionIds.every((id) => midCoding.includes(id))).toBe(true);
    const asked = [
      ...before.questionIds.slice(0, 2),
      midCoding.find((id) => !before.questionIds.includes(id))!,
    ];
    const stored = await tick(cookies.interviewer, earlier, asked);
    expect(stored.json().content.askedQuestionIds).toEqual(asked);
    expect((await proposal(cookies.interviewer, earlier)).askedHereIds).toEqual(asked);

    // The later round, on the other application, with another interviewer.
    const later = await book(second.id, [ids.peer]);
    const next = await proposal(cookies.peer, later);
    expect(next.questionIds).toHaveLength(3);
    expect(next.questionIds.filter((id) => asked.includes(id))).toEqual([]);
    expect([...next.askedElsewhereIds].sort()).toEqual([...asked].sort());
    expect(next.askedHereIds).toEqual([]);
    // The others stay reachable: the kit still lists every question.
    const kit = (await call(cookies.peer, 'GET', `/api/interviews/${later}/kit`)).json().kit;
    expect(kit.questions.map((q: { id: string }) => q.id)).toEqual(coding.questions.map((q) => q.id));

    // The second interviewer asks theirs too; a third round excludes both.
    await tick(cookies.peer, later, next.questionIds);
    const third = await book(second.id, [ids.third]);
    const last = await proposal(cookies.third, third);
    expect(last.questionIds.filter((id) => asked.includes(id) || next.questionIds.includes(id))).toEqual([]);
    expect(last.questionIds.length).toBeGreaterThan(0);
  });

  it('differently to two interviewers of one candidate, and the least-asked first for the next candidate', async () => {
    const application = await world.atTechnicalRound();
    const panel = await book(application.id, [ids.interviewer, ids.peer]);
    const mine = await proposal(cookies.interviewer, panel);
    const theirs = await proposal(cookies.peer, panel);
    expect(mine.questionIds).toHaveLength(3);
    expect(theirs.questionIds).toHaveLength(3);
    expect(mine.questionIds.filter((id) => theirs.questionIds.includes(id))).toEqual([]);
    // Each interviewer's proposal is stable across reloads.
    expect((await proposal(cookies.interviewer, panel)).questionIds).toEqual(mine.questionIds);

    await tick(cookies.interviewer, panel, mine.questionIds);
    await tick(cookies.peer, panel, theirs.questionIds);
    // A colleague on the same interview has asked theirs: they are not proposed to me again.
    expect((await proposal(cookies.interviewer, panel)).askedElsewhereIds.sort()).toEqual(
      [...theirs.questionIds].sort(),
    );

    // For another candidate, the six asked questions come after the never-asked ones.
    const worn = new Set([...mine.questionIds, ...theirs.questionIds]);
    const other = await world.atTechnicalRound();
    const fresh = await proposal(cookies.third, await book(other.id, [ids.third]));
    expect(fresh.questionIds.filter((id) => worn.has(id))).toEqual([]);
    expect(fresh.askedElsewhereIds).toEqual([]);
  });
});

describe('questions ticked as asked', () => {
  it("are the kit's own, checked on drafts, submissions and amendments", async () => {
    const application = await world.atTechnicalRound();
    const interviewId = await book(application.id, [ids.interviewer]);
    const url = `/api/interviews/${interviewId}/scorecard`;
    const stray = await call(cookies.interviewer, 'PUT', url, {
      content: { askedQuestionIds: ['sql-top-creators'] },
      expectedVersion: 1,
    });
    expect([stray.statusCode, errorCode(stray)]).toEqual([400, 'validation.failed']);
    expect(stray.json().error.details).toMatchObject({
      field: 'content.askedQuestionIds',
      unknown: ['sql-top-creators'],
    });
    const twice = await call(cookies.interviewer, 'PUT', url, {
      content: { askedQuestionIds: [midCoding[0], midCoding[0]] },
      expectedVersion: 1,
    });
    expect([twice.statusCode, errorCode(twice)]).toEqual([400, 'validation.failed']);
    const malformed = await call(cookies.interviewer, 'PUT', url, {
      content: { askedQuestionIds: ['Not An Id'] },
      expectedVersion: 1,
    });
    expect(malformed.statusCode).toBe(400);

    clock.advanceDays(4);
    const content = {
      ratings: { coding: 'yes' },
      recommendation: 'yes',
      askedQuestionIds: [midCoding[1]],
    };
    const submitted = await call(cookies.interviewer, 'POST', `${url}/submit`, { content });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().content.askedQuestionIds).toEqual([midCoding[1]]);
    // The same submission again is stored once.
    const again = await call(cookies.interviewer, 'POST', `${url}/submit`, { content });
    expect(again.json()).toMatchObject({ revision: 1 });
    const badAmend = await call(cookies.interviewer, 'POST', `${url}/amendments`, {
      content: { ...content, askedQuestionIds: ['hr-salary'] },
      reason: 'Ticked the wrong one.',
    });
    expect(errorCode(badAmend)).toBe('validation.failed');
    const amended = await call(cookies.interviewer, 'POST', `${url}/amendments`, {
      content: { ...content, askedQuestionIds: [midCoding[1], midCoding[2]] },
      reason: 'Also asked a second problem.',
    });
    expect(amended.json()).toMatchObject({
      revision: 2,
      content: { askedQuestionIds: [midCoding[1], midCoding[2]] },
    });
    // The hiring manager reads the kit without sitting on it: a proposal, nothing ticked by them.
    const hmView = await proposal(cookies.hm, interviewId);
    expect(hmView.askedHereIds).toEqual([]);
    expect(hmView.askedElsewhereIds).toEqual([midCoding[1], midCoding[2]]);
  });
});
