import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBMIT_GRACE_MS } from '../../src/core/assessments/assessment.rules.js';
import { scheduleInterview } from '../../src/core/scheduling/schedule-interview.js';
import type { Database } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import type { App } from '../../src/server/context.js';
import { loadProblemSet } from '../../src/server/problems.js';
import { loadPracticeContent } from '../../src/server/routes/practice.content.js';
import { loadCatalog, templatesRoot } from '../../src/server/templates.js';
import { openTestDatabase } from '../support/db.js';
import { candidateLogin, errorCode, loginAs, testConfig } from '../support/http.js';
import { testWorker } from '../support/worker.js';
import { buildWorld, ids, ok, TestClock, type World } from '../support/world.js';

/** The practice set the tests use until the shipped one is in templates/practice. */
const practiceFixture = fileURLToPath(new URL('../fixtures/practice/', import.meta.url));

let database: Database;
let app: App;
let world: World;
const clock = new TestClock();
let candidate: string;
let admin: string;
let applicationId: string;
let n = 0;

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, cookie?: string) =>
  app.inject({ method, url, payload: payload as object, headers: cookie ? { cookie } : {} });

const hasPair =
  'function hasPair(nums, target) { const seen = new Set(); for (const x of nums) { if (seen.has(target - x)) return true; seen.add(x); } return false; }';

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  app = await buildApp({ database, config: testConfig, clock, ids, practiceRoot: practiceFixture });
  const person = { email: `practising.${++n}@example.com`, firstName: 'Pat', lastName: `Practice ${n}` };
  applicationId = (await world.atTechnicalRound(person)).id;
  candidate = await candidateLogin(app, database, world.slug, person.email);
  admin = await loginAs(app, world.slug, world.staff.admin.email);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('the practice space', () => {
  it('lists the rounds of my process with what they test, and says practice never reaches the team', async () => {
    const response = await call('GET', '/api/me/practice', undefined, candidate);
    expect(response.statusCode, response.body).toBe(200);
    const space = response.json();
    expect(space.privacy).toMatch(/never sees/);
    const types = space.rounds.map((r: { roundType: string }) => r.roundType);
    expect(types).toEqual(['coding', 'hr']);
    const coding = space.rounds[0];
    expect(coding.whatItTests).toBeTruthy();
    expect(coding.focus.length).toBeGreaterThan(0);
    expect(coding.problems).toEqual([
      { kind: 'coding', slug: 'pair-with-sum' },
      { kind: 'coding', slug: 'reverse-words' },
    ]);
    expect(space.rounds[1].prompts).toEqual(['practice-started-unasked', 'practice-hard-feedback']);
    expect(space.prompts[0].valueName).toBe('Always Day 1');
    expect(space.caseStudies.map((c: { slug: string }) => c.slug)).toEqual(['library-app-launch']);
    expect(space.attempts).toEqual([]);
  });

  it('shows no hiring problem, even one copied into the practice folder', async () => {
    const hiring = loadProblemSet();
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'practice-'));
    fs.cpSync(practiceFixture, copy, { recursive: true });
    fs.cpSync(
      path.join(templatesRoot, 'problems', 'coding', 'valid-parentheses'),
      path.join(copy, 'coding', 'valid-parentheses'),
      { recursive: true },
    );
    // Made a valid practice item (an explanation, enough public tests), so only the overlap leaves it out.
    const copied = path.join(copy, 'coding', 'valid-parentheses', 'problem.json');
    const problem = JSON.parse(fs.readFileSync(copied, 'utf8'));
    problem.explanation = 'A stack of the brackets still open.';
    problem.examples = [...problem.examples, ...problem.hidden].slice(0, 3);
    fs.writeFileSync(copied, JSON.stringify(problem));
    const content = loadPracticeContent(copy, hiring);
    expect([...content.set.coding.keys()]).toEqual(['pair-with-sum', 'reverse-words']);
    const space = (await call('GET', '/api/me/practice', undefined, candidate)).json();
    const hiringSlugs = new Set([
      ...hiring.coding.keys(),
      ...hiring.sql.keys(),
      ...hiring.caseStudies.keys(),
    ]);
    const hiringTitles = new Set([...hiring.coding.values(), ...hiring.sql.values()].map((p) => p.title));
    for (const item of [...space.problems, ...space.caseStudies]) {
      expect(hiringSlugs.has(item.slug), item.slug).toBe(false);
      expect(hiringTitles.has(item.title), item.title).toBe(false);
    }
  });

  it('grades a coding answer on the public tests only, and keeps it as mine', async () => {
    const response = await call(
      'POST',
      '/api/me/practice/coding/pair-with-sum/run',
      { language: 'javascript', code: hasPair },
      candidate,
    );
    expect(response.statusCode, response.body).toBe(200);
    const grade = response.json();
    // Three public examples; the problem's five hidden tests are never run.
    expect(grade).toMatchObject({ outcome: 'completed', passed: 3, total: 3, scorePercent: 100 });
    expect(grade.tests.map((t: { args: unknown[] }) => t.args)).toEqual([
      [[1, 4, 6], 10],
      [[5], 10],
      [[5, 5], 10],
    ]);
    // An answer that fails only a hidden test (it ignores the empty list's case by returning true) still
    // passes every public one: the hidden tests are not part of practice.
    const wrongOnHidden =
      'function hasPair(nums, target) { return nums.length === 0 || nums.some((x, i) => nums.some((y, j) => i !== j && x + y === target)); }';
    const hiddenOnly = (
      await call(
        'POST',
        '/api/me/practice/coding/pair-with-sum/run',
        { language: 'javascript', code: wrongOnHidden },
        candidate,
      )
    ).json();
    expect(hiddenOnly).toMatchObject({ passed: 3, total: 3 });
    const wrong = (
      await call(
        'POST',
        '/api/me/practice/coding/pair-with-sum/run',
        { language: 'python', code: 'def has_pair(nums, target):\n    return False\n' },
        candidate,
      )
    ).json();
    expect(wrong).toMatchObject({ passed: 1, total: 3 });
    const space = (await call('GET', '/api/me/practice', undefined, candidate)).json();
    expect(space.attempts.length).toBe(3);
  });

  it('grades a query against the reference rows', async () => {
    const reference = fs.readFileSync(
      path.join(practiceFixture, 'sql', 'busiest-author', 'reference.sql'),
      'utf8',
    );
    const wrongQuery = fs.readFileSync(
      path.join(practiceFixture, 'sql', 'busiest-author', 'wrong.sql'),
      'utf8',
    );
    const right = await call(
      'POST',
      '/api/me/practice/sql/busiest-author/run',
      { language: 'sql', code: reference },
      candidate,
    );
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json()).toMatchObject({ outcome: 'completed', correct: true, rowCount: 3 });
    const wrong = await call(
      'POST',
      '/api/me/practice/sql/busiest-author/run',
      { language: 'sql', code: wrongQuery },
      candidate,
    );
    expect(wrong.json()).toMatchObject({ correct: false });
  }, 180_000); // The first query makes the practice dataset's snapshot: slow on a busy machine.

  it('names what is wrong with a request', async () => {
    const unknown = await call(
      'POST',
      '/api/me/practice/coding/valid-parentheses/run',
      { language: 'javascript', code: '' },
      candidate,
    );
    expect(unknown.statusCode).toBe(404);
    expect(errorCode(unknown)).toBe('practice.unknown_item');
    const language = await call(
      'POST',
      '/api/me/practice/sql/busiest-author/run',
      { language: 'python', code: '' },
      candidate,
    );
    expect(language.statusCode).toBe(400);
    expect(language.json().error.details.issues[0].field).toBe('body.language');
    const kind = await call(
      'POST',
      '/api/me/practice/essay/pair-with-sum/run',
      { language: 'python', code: '' },
      candidate,
    );
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.message).toMatch(/kind/);
    const staff = await call('GET', '/api/me/practice', undefined, admin);
    expect(staff.statusCode).toBe(403);
  });
});

describe('timed practice', () => {
  it('runs on the item’s minutes, scores the public tests and explains the solution', async () => {
    const started = await call('POST', '/api/me/practice/coding/pair-with-sum/timed', undefined, candidate);
    expect(started.statusCode, started.body).toBe(201);
    const timed = started.json();
    expect(Date.parse(timed.deadlineAt) - Date.parse(timed.startedAt)).toBe(15 * 60_000);
    clock.advanceMs(5 * 60_000);
    const submitted = await call(
      'POST',
      `/api/me/practice/timed/${timed.id}/submit`,
      { language: 'javascript', code: hasPair },
      candidate,
    );
    expect(submitted.statusCode, submitted.body).toBe(200);
    const result = submitted.json();
    expect(result.attempt).toMatchObject({ mode: 'timed', passed: 3, total: 3, scorePercent: 100 });
    expect(result.explanation).toMatch(/set/);
    const again = await call(
      'POST',
      `/api/me/practice/timed/${timed.id}/submit`,
      { language: 'javascript', code: hasPair },
      candidate,
    );
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('assessment.already_submitted');
  });

  it('refuses work after the deadline and its grace, and someone else’s practice', async () => {
    const timed = (
      await call('POST', '/api/me/practice/coding/reverse-words/timed', undefined, candidate)
    ).json();
    clock.advanceMs(10 * 60_000 + SUBMIT_GRACE_MS + 1000);
    const late = await call(
      'POST',
      `/api/me/practice/timed/${timed.id}/submit`,
      { language: 'javascript', code: '' },
      candidate,
    );
    expect(late.statusCode).toBe(409);
    expect(errorCode(late)).toBe('assessment.time_up');
    const person = { email: `other.${++n}@example.com`, firstName: 'Oth', lastName: `Er ${n}` };
    await world.apply(person);
    const other = await candidateLogin(app, database, world.slug, person.email);
    const theirs = await call(
      'POST',
      `/api/me/practice/timed/${timed.id}/submit`,
      { language: 'javascript', code: '' },
      other,
    );
    expect(theirs.statusCode).toBe(404);
  });
});

describe('the preparation plan', () => {
  it('starts from my next scheduled round and ticks off what I practise', async () => {
    const none = await call('POST', '/api/me/practice/plan', {}, candidate);
    expect(none.statusCode).toBe(409);
    expect(errorCode(none)).toBe('practice.no_upcoming_round');
    const startsAt = new Date(clock.now().getTime() + 4 * 86_400_000);
    ok(
      await scheduleInterview(world.deps, {
        actor: world.staff.coordinator,
        applicationId,
        roundKey: 'tech',
        startsAt,
        interviewerIds: [world.staff.interviewer.userId],
        language: 'en',
      }),
    );
    const made = await call('POST', '/api/me/practice/plan', { reminders: true }, candidate);
    expect(made.statusCode, made.body).toBe(201);
    const plan = made.json();
    expect(plan.roundType).toBe('coding');
    // Four days ahead: today and the three days before the round.
    expect(plan.days.length).toBe(4);
    expect(plan.days[0].date).toBe(clock.now().toISOString().slice(0, 10));
    expect(plan.done).toBe(0);
    expect(plan.days.flatMap((d: { items: { slug: string }[] }) => d.items.map((i) => i.slug))).toContain(
      'pair-with-sum',
    );
    await call(
      'POST',
      '/api/me/practice/coding/pair-with-sum/run',
      { language: 'javascript', code: hasPair },
      candidate,
    );
    const after = (await call('GET', '/api/me/practice', undefined, candidate)).json().plan;
    expect(after.done).toBeGreaterThan(0);
    const ended = await call('DELETE', '/api/me/practice/plan', undefined, candidate);
    expect(ended.statusCode).toBe(200);
    expect((await call('GET', '/api/me/practice', undefined, candidate)).json().plan).toBeNull();
  });
});

describe('plan reminders', () => {
  it('email today’s items once a day while the plan is in force, and stop when I unsubscribe', async () => {
    const person = { email: `reminded.${++n}@example.com`, firstName: 'Remi', lastName: `Nder ${n}` };
    const application = await world.atTechnicalRound(person);
    ok(
      await scheduleInterview(world.deps, {
        actor: world.staff.coordinator,
        applicationId: application.id,
        roundKey: 'tech',
        startsAt: new Date(clock.now().getTime() + 3 * 86_400_000 + 3_600_000),
        interviewerIds: [world.staff.interviewer.userId],
        language: 'en',
      }),
    );
    const cookie = await candidateLogin(app, database, world.slug, person.email);
    expect((await call('POST', '/api/me/practice/plan', {}, cookie)).statusCode).toBe(201);
    const worker = testWorker(world);
    const reminders = async () =>
      database.db
        .selectFrom('deliveries')
        .select(['subject', 'body'])
        .where('candidate_id', '=', application.candidateId)
        .where('subject', 'like', '%practice%')
        .execute();
    await worker.drain(true);
    await worker.drain(true);
    const first = await reminders();
    expect(first).toHaveLength(1);
    expect(first[0]!.body).toMatch(/Practice: /);
    clock.advanceDays(1);
    await worker.drain(true);
    expect(await reminders()).toHaveLength(2);
    const off = await call(
      'PUT',
      '/api/me/preferences',
      { language: null, timezone: null, unsubscribed: true },
      cookie,
    );
    expect(off.statusCode, off.body).toBe(200);
    clock.advanceDays(1);
    await worker.drain(true);
    expect(await reminders()).toHaveLength(2);
    await worker.close();
  });
});

describe('the public practice link', () => {
  it('is off by default, opened by an admin, and stores nothing for its visitors', async () => {
    const off = await call('GET', '/api/organisation/practice-link', undefined, admin);
    expect(off.json()).toEqual({ published: false, publishedAt: null, url: null });
    const recruiter = await loginAs(app, world.slug, world.staff.recruiter.email);
    const denied = await call('PUT', '/api/organisation/practice-link', { published: true }, recruiter);
    expect(denied.statusCode).toBe(403);
    const published = await call('PUT', '/api/organisation/practice-link', { published: true }, admin);
    expect(published.statusCode, published.body).toBe(200);
    const token = String(published.json().url).split('/practice/open/')[1]!;
    const space = await call('GET', `/api/practice/${token}`);
    expect(space.statusCode, space.body).toBe(200);
    expect(space.json()).toMatchObject({ attempts: null, plan: null });
    const before = await database.db
      .selectFrom('practice_attempts')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const run = await call('POST', `/api/practice/${token}/coding/pair-with-sum/submit`, {
      language: 'javascript',
      code: hasPair,
    });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().grade).toMatchObject({ passed: 3, total: 3 });
    expect(run.json().explanation).toMatch(/set/);
    const after = await database.db
      .selectFrom('practice_attempts')
      .select((e) => e.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    await call('PUT', '/api/organisation/practice-link', { published: false }, admin);
    const gone = await call('GET', `/api/practice/${token}`);
    expect(gone.statusCode).toBe(404);
    expect(errorCode(gone)).toBe('practice.link_not_found');
  });
});

describe('my data', () => {
  it('has my practice in my export, and erasing me erases it', async () => {
    const person = { email: `exporting.${++n}@example.com`, firstName: 'Ex', lastName: `Port ${n}` };
    await world.apply(person);
    const cookie = await candidateLogin(app, database, world.slug, person.email);
    const marker = `// practice-marker-${n}`;
    await call(
      'POST',
      '/api/me/practice/coding/reverse-words/run',
      { language: 'javascript', code: `${marker}\nfunction reverseWords(s) { return s; }` },
      cookie,
    );
    const exported = await call('GET', '/api/me/export', undefined, cookie);
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.json().practice.attempts[0].code).toContain(marker);
    const erased = await call('POST', '/api/me/erasure', { email: person.email }, cookie);
    expect(erased.statusCode, erased.body).toBe(200);
    const left = await database.db
      .selectFrom('practice_attempts')
      .select('id')
      .where('code', 'like', `%${marker}%`)
      .execute();
    expect(left).toEqual([]);
  });
});

describe("the portal's preparation", () => {
  it('shows samples from the practice set and no question from the hiring bank, anywhere in the portal', async () => {
    const [mine] = (await call('GET', '/api/me/applications', undefined, candidate)).json().items;
    expect(mine.preparation.sampleQuestions).toEqual([
      'Practice: a pair with a given sum',
      'Practice: words in reverse order',
    ]);
    const bank = [...loadCatalog().interviewKits.values()].flatMap((kit) =>
      kit.questions.map((q) => q.prompt),
    );
    expect(bank.length).toBeGreaterThan(100);
    for (const url of ['/api/me/applications', '/api/me/export', '/api/me/practice']) {
      const response = await call('GET', url, undefined, candidate);
      expect(response.statusCode, url).toBe(200);
      for (const prompt of bank) expect(response.body.includes(prompt), `${url}: ${prompt}`).toBe(false);
    }
  });
});
