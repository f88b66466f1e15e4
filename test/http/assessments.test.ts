import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBMIT_GRACE_MS } from '../../src/core/assessments/assessment.rules.js';
import { gradeAtDeadline } from '../../src/core/assessments/grade-at-deadline.js';
import type { Database } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import type { App } from '../../src/server/context.js';
import { type Grading, grader, loadProblemSet } from '../../src/server/problems.js';
import { templatesRoot } from '../../src/server/templates.js';
import { openTestDatabase } from '../support/db.js';
import { docxWith, multipart, pdfWith } from '../support/files.js';
import { errorCode, loginAs, testConfig } from '../support/http.js';
import { buildWorld, ids, ok, TestClock, type World } from '../support/world.js';

// A timed assessment from the recruiter's request to the graded result on the application, with the
// server holding the clock: the candidate's link is the only credential on their side.
let database: Database;
let app: App;
let world: World;
let grading: Grading;
const clock = new TestClock();
let as: Record<'recruiter' | 'interviewer' | 'hm', string>;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  // The app's sandboxes, shared with the deadline sweep the worker runs.
  grading = grader(loadProblemSet(), {
    threads: testConfig.SANDBOX_RUNNERS,
    snapshotDir: path.join(testConfig.DATA_DIR, 'sandbox'),
  });
  app = await buildApp({ database, config: testConfig, clock, ids, grading });
  as = {
    recruiter: await loginAs(app, world.slug, world.staff.recruiter.email),
    interviewer: await loginAs(app, world.slug, world.staff.interviewer.email),
    hm: await loginAs(app, world.slug, world.staff.hiring_manager.email),
  };
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const solution = (kind: 'coding' | 'sql', slug: string, file: string) =>
  fs.readFileSync(path.join(templatesRoot, 'problems', kind, slug, file), 'utf8');
const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, cookie?: string) =>
  app.inject({ method, url, payload: payload as object, headers: cookie ? { cookie } : {} });

async function send(applicationId: string, body: object = {}) {
  const response = await call(
    'POST',
    `/api/applications/${applicationId}/assessments`,
    {
      items: [
        { kind: 'coding', slug: 'longest-substring-without-repeats' },
        { kind: 'sql', slug: 'follow-back-rate' },
      ],
      durationMinutes: 60,
      ...body,
    },
    as.recruiter,
  );
  expect(response.statusCode, response.body).toBe(201);
  const created = response.json();
  const token = String(created.url).split('/candidate/assessment/')[1]!;
  return { id: created.id as string, token, created };
}

describe('sending an assessment', () => {
  it('lists the problems it can use', async () => {
    const response = await call('GET', '/api/problems', undefined, as.recruiter);
    const items = response.json().items as { kind: string }[];
    expect(items.filter((i) => i.kind === 'coding').length).toBeGreaterThanOrEqual(20);
    expect(items.filter((i) => i.kind === 'sql').length).toBeGreaterThanOrEqual(10);
  });

  it('refuses an unknown problem, a repeated one and an ended application, naming the field', async () => {
    const application = await world.atTechnicalRound();
    const unknown = await call(
      'POST',
      `/api/applications/${application.id}/assessments`,
      {
        items: [
          { kind: 'coding', slug: 'two-sum' },
          { kind: 'sql', slug: 'no-such-question' },
        ],
      },
      as.recruiter,
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({
      code: 'problem.not_found',
      details: { field: 'items.1.slug' },
    });
    const twice = await call(
      'POST',
      `/api/applications/${application.id}/assessments`,
      {
        items: [
          { kind: 'coding', slug: 'two-sum' },
          { kind: 'coding', slug: 'two-sum' },
        ],
      },
      as.recruiter,
    );
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.message).toContain('listed twice');
    const tooShort = await call(
      'POST',
      `/api/applications/${application.id}/assessments`,
      { items: [{ kind: 'coding', slug: 'two-sum' }], durationMinutes: 1 },
      as.recruiter,
    );
    expect(tooShort.json().error.details.issues[0].field).toContain('durationMinutes');
  });

  it('emails the candidate the link, and keeps only its hash', async () => {
    const application = await world.atTechnicalRound();
    const { token, created } = await send(application.id);
    expect(created).toMatchObject({ status: 'not_started', durationMinutes: 60, scorePercent: null });
    const message = await database.db
      .selectFrom('outbox')
      .select('payload')
      .where('kind', '=', 'candidate.assessment_link')
      .where('dedupe_key', '=', `assessment_link:${created.id}`)
      .executeTakeFirstOrThrow();
    expect(message.payload).toMatchObject({ url: created.url, durationMinutes: 60, problemCount: 2 });
    const stored = await database.db
      .selectFrom('assessments')
      .select('token_hash')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);
  });
});

describe("the candidate's side", () => {
  it('shows nothing of the problems before the start, then the statements and examples but never a hidden test', async () => {
    const application = await world.atTechnicalRound();
    const { token } = await send(application.id);
    const before = (await call('GET', `/api/assessments/${token}`)).json();
    expect(before.status).toBe('not_started');
    expect(before.items[0]).toMatchObject({
      title: 'Longest substring without repeating characters',
      statement: '',
      examples: [],
    });
    expect(
      (await call('PUT', `/api/assessments/${token}/answers/0`, { language: 'python', code: 'x' })).json()
        .error.code,
    ).toBe('assessment.not_started');

    const started = await call('POST', `/api/assessments/${token}/start`);
    expect(started.json().deadlineAt).toBe(new Date(clock.now().getTime() + 60 * 60_000).toISOString());
    clock.advanceMs(60_000);
    const again = await call('POST', `/api/assessments/${token}/start`);
    expect(again.json().deadlineAt).toBe(started.json().deadlineAt);

    const during = await call('GET', `/api/assessments/${token}`);
    const view = during.json();
    expect(view.status).toBe('in_progress');
    expect(view.items[0].statement).toContain('longest substring');
    expect(view.items[0].starter.python).toContain('def length_of_longest_substring');
    expect(view.items[0].examples.length).toBeGreaterThan(0);
    expect(view.items[1]).toMatchObject({ kind: 'sql', languages: ['sql'] });
    const hidden = JSON.parse(solution('coding', 'longest-substring-without-repeats', 'problem.json'))
      .hidden as { args: string[] }[];
    expect(during.body).not.toContain(JSON.stringify(hidden[6]!.args[0]));
    expect(during.body).not.toContain('"hidden"');
  });

  it('runs the examples, records the timeline, and grades the submission with the hidden tests', async () => {
    const application = await world.atTechnicalRound();
    const { id, token } = await send(application.id);
    await call('GET', `/api/assessments/${token}`);
    await call('POST', `/api/assessments/${token}/start`);

    const wrongLanguage = await call('POST', `/api/assessments/${token}/answers/1/run`, {
      language: 'python',
      code: 'x',
    });
    expect(wrongLanguage.statusCode).toBe(400);
    expect(wrongLanguage.json().error.details.issues[0].field).toBe('body.language');
    expect(
      (await call('POST', `/api/assessments/${token}/answers/7/run`, { language: 'sql', code: 'select 1' }))
        .statusCode,
    ).toBe(400);

    const run = await call('POST', `/api/assessments/${token}/answers/0/run`, {
      language: 'python',
      code: solution('coding', 'longest-substring-without-repeats', 'wrong.py'),
    });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ outcome: 'completed', total: 2 });
    expect(run.json().tests[0]).toHaveProperty('expected');
    const query = await call('POST', `/api/assessments/${token}/answers/1/run`, {
      language: 'sql',
      code: 'select count(*) from follows',
    });
    expect(query.json()).toMatchObject({ outcome: 'completed', rowCount: 1 });
    expect(query.json()).not.toHaveProperty('correct');

    await call('POST', `/api/assessments/${token}/events`, {
      events: [
        { kind: 'paste', item: 0, characters: 412 },
        { kind: 'focus_lost', item: 0 },
        { kind: 'focus_back', item: 0 },
      ],
    });
    const saved = await call('PUT', `/api/assessments/${token}/answers/1`, {
      language: 'sql',
      code: solution('sql', 'follow-back-rate', 'reference.sql'),
    });
    expect(saved.statusCode).toBe(200);
    clock.advanceMs(30 * 60_000);

    // The SQL answer comes from the last save; the coding answer with the submission.
    const submitted = await call('POST', `/api/assessments/${token}/submit`, {
      answers: [
        {
          item: 0,
          language: 'typescript',
          code: solution('coding', 'longest-substring-without-repeats', 'reference.js'),
        },
      ],
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().scorePercent).toBe(100);
    const twice = await call('POST', `/api/assessments/${token}/submit`, { answers: [] });
    expect(twice.statusCode).toBe(409);
    expect(errorCode(twice)).toBe('assessment.already_submitted');

    const listed = await call('GET', `/api/applications/${application.id}/assessments`, undefined, as.hm);
    expect(listed.statusCode).toBe(200);
    const result = listed.json().items.find((a: { id: string }) => a.id === id);
    expect(result).toMatchObject({ status: 'submitted', scorePercent: 100 });
    expect(result.items[0].answer).toMatchObject({
      language: 'typescript',
      grade: { passed: 10, total: 10 },
    });
    expect(result.items[0].answer.code).toContain('lengthOfLongestSubstring');
    expect(result.items[1].answer.grade).toMatchObject({ correct: true });
    expect(result.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'opened',
      'started',
      'run',
      'run',
      'paste',
      'focus_lost',
      'focus_back',
      'submitted',
    ]);
    expect(result.timeline[4]).toMatchObject({ item: 0, detail: { characters: 412 } });
  }, 120_000); // The first Python and SQL runs make their sandboxes' snapshots: slow on a busy machine.

  it('refuses late work on the server, whatever the page shows, and records the attempt', async () => {
    const application = await world.atTechnicalRound();
    const { id, token } = await send(application.id, { durationMinutes: 45 });
    await call('POST', `/api/assessments/${token}/start`);
    clock.advanceMs(45 * 60_000 + 5_000);
    // Within the few seconds' grace for the network, work still lands.
    expect(
      (await call('PUT', `/api/assessments/${token}/answers/0`, { language: 'javascript', code: '1' }))
        .statusCode,
    ).toBe(200);
    clock.advanceMs(10_000);
    const late = await call('POST', `/api/assessments/${token}/submit`, {
      answers: [
        { item: 0, language: 'javascript', code: 'function lengthOfLongestSubstring() { return 3 }' },
      ],
    });
    expect(late.statusCode).toBe(409);
    expect(errorCode(late)).toBe('assessment.time_up');
    expect(
      (await call('POST', `/api/assessments/${token}/answers/0/run`, { language: 'javascript', code: '1' }))
        .statusCode,
    ).toBe(409);
    const listed = (
      await call('GET', `/api/applications/${application.id}/assessments`, undefined, as.recruiter)
    ).json();
    const result = listed.items.find((a: { id: string }) => a.id === id);
    expect(result).toMatchObject({ status: 'timed_out', scorePercent: null, submittedAt: null });
    expect(result.timeline.at(-1).kind).toBe('late_refused');
  });

  it('answers an unknown link with 404', async () => {
    const response = await call('GET', `/api/assessments/${'x'.repeat(43)}`);
    expect(response.statusCode).toBe(404);
    expect(errorCode(response)).toBe('assessment.not_found');
  });
});

describe('who sees the results', () => {
  it("an interviewer sees them for candidates they interview, and no one else's", async () => {
    const application = await world.atTechnicalRound();
    await send(application.id);
    const before = await call(
      'GET',
      `/api/applications/${application.id}/assessments`,
      undefined,
      as.interviewer,
    );
    expect(before.statusCode).toBe(403);
    const booked = await call(
      'POST',
      `/api/applications/${application.id}/interviews`,
      {
        roundKey: 'tech',
        startsAt: new Date(clock.now().getTime() + 3 * 86_400_000).toISOString(),
        interviewerIds: [world.staff.interviewer.userId],
      },
      as.recruiter,
    );
    expect(booked.statusCode, booked.body).toBe(201);
    const after = await call(
      'GET',
      `/api/applications/${application.id}/assessments`,
      undefined,
      as.interviewer,
    );
    expect(after.statusCode).toBe(200);
    expect(after.json().items).toHaveLength(1);
  });
});

describe('a case study', () => {
  const upload = async (token: string, file: { filename: string; type: string; data: Buffer }) => {
    const form = multipart({}, [{ field: 'file', ...file }]);
    return app.inject({
      method: 'PUT',
      url: `/api/assessments/${token}/answers/0/file`,
      payload: form.body,
      headers: { 'content-type': form.contentType },
    });
  };

  it('gives the brief and its days, takes a deck or a PDF, and leaves the grading to people', async () => {
    const application = await world.atTechnicalRound();
    const sent = await call(
      'POST',
      `/api/applications/${application.id}/assessments`,
      { items: [{ kind: 'case_study', slug: 'live-gifts-go-no-go' }] },
      as.recruiter,
    );
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().durationMinutes).toBe(5 * 24 * 60);
    const token = String(sent.json().url).split('/candidate/assessment/')[1]!;
    await call('POST', `/api/assessments/${token}/start`);
    const view = (await call('GET', `/api/assessments/${token}`)).json();
    expect(view.items[0]).toMatchObject({ kind: 'case_study', languages: ['file'] });
    expect(view.items[0].statement).toContain('go, no-go');
    expect(view.items[0].constraints.join(' ')).toMatch(/measurement plan.*prioritisation/s);
    expect(view.items[0].deliverable).toContain('10 slides');

    const early = await call('POST', `/api/assessments/${token}/submit`, { answers: [] });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.issues[0].field).toBe('body.answers.0');
    const notADeck = await upload(token, {
      filename: 'deck.pdf',
      type: 'application/pdf',
      data: Buffer.from('MZ\u0090\u0000'),
    });
    expect(notADeck.statusCode).toBe(400);
    expect(notADeck.json().error.details.issues[0]).toMatchObject({ field: 'body.file' });
    const docx = await upload(token, {
      filename: 'deck.docx',
      type: 'application/octet-stream',
      data: await docxWith('Go'),
    });
    expect(docx.statusCode).toBe(400);
    const pdf = await pdfWith('Recommendation: go, with spending limits.');
    const uploaded = await upload(token, { filename: 'live-gifts.pdf', type: 'application/pdf', data: pdf });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const submitted = await call('POST', `/api/assessments/${token}/submit`, { answers: [] });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().scorePercent).toBeNull();

    const listed = (
      await call('GET', `/api/applications/${application.id}/assessments`, undefined, as.hm)
    ).json();
    const file = listed.items[0].items[0].answer.file;
    expect(file).toMatchObject({ filename: 'live-gifts.pdf', sizeBytes: pdf.byteLength });
    const download = await call('GET', file.url, undefined, as.hm);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect((await call('GET', file.url, undefined, as.interviewer)).statusCode).toBe(403);
  });

  it('is sent on its own, and timed problems stay within eight hours', async () => {
    const application = await world.atTechnicalRound();
    const mixed = await call(
      'POST',
      `/api/applications/${application.id}/assessments`,
      {
        items: [
          { kind: 'case_study', slug: 'live-gifts-go-no-go' },
          { kind: 'coding', slug: 'two-sum' },
        ],
      },
      as.recruiter,
    );
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.message).toContain('on its own');
    const long = await call(
      'POST',
      `/api/applications/${application.id}/assessments`,
      { items: [{ kind: 'coding', slug: 'two-sum' }], durationMinutes: 600 },
      as.recruiter,
    );
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details.issues[0].field).toBe('body.durationMinutes');
  });
});

describe('grading at the deadline', () => {
  it('grades an assessment left unsubmitted from its saved drafts once time is up, once', async () => {
    const sweep = () => gradeAtDeadline({ ...world.deps, grader: grading });
    const application = await world.atTechnicalRound();
    const { id, token } = await send(application.id);
    await call('POST', `/api/assessments/${token}/start`);
    await call('PUT', `/api/assessments/${token}/answers/1`, {
      language: 'sql',
      code: solution('sql', 'follow-back-rate', 'reference.sql'),
    });
    const listed = async () =>
      (await call('GET', `/api/applications/${application.id}/assessments`, undefined, as.hm))
        .json()
        .items.find((a: { id: string }) => a.id === id);

    // Within the grace after the deadline the candidate may still submit: nothing is graded yet.
    clock.advanceMs(60 * 60_000 + SUBMIT_GRACE_MS);
    ok(await sweep());
    expect((await listed()).status).toBe('in_progress');

    clock.advanceMs(1_000);
    ok(await sweep());
    const graded = await listed();
    // The query is right, the coding problem has no draft: (100 + 0) / 2.
    expect(graded).toMatchObject({ status: 'submitted', scorePercent: 50, submittedAt: graded.deadlineAt });
    expect(graded.items[1].answer.grade).toMatchObject({ correct: true });
    expect(graded.timeline.at(-1)).toMatchObject({
      kind: 'graded_at_deadline',
      detail: { scorePercent: 50 },
    });
    expect(ok(await sweep()).graded).toBe(0);
    const late = await call('POST', `/api/assessments/${token}/submit`, { answers: [] });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('assessment.time_up');
    expect((await listed()).timeline.at(-1).kind).toBe('late_refused');
    const audit = await database.db
      .selectFrom('audit_events')
      .select(['actor_kind', 'data'])
      .where('action', '=', 'assessment.graded_at_deadline')
      .where('entity_id', '=', application.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_kind: 'system', data: { assessmentId: id, scorePercent: 50 } });
  });
});

describe('one link cannot hold the sandboxes', () => {
  it('16 runs fired at once through one link: the ones past its share are refused (429 sandbox.busy), and another link still runs', async () => {
    const application = await world.atTechnicalRound();
    const flooding = await send(application.id);
    const other = await send((await world.atTechnicalRound()).id);
    for (const link of [flooding, other]) {
      await call('GET', `/api/assessments/${link.token}`);
      await call('POST', `/api/assessments/${link.token}/start`);
    }
    const query = { language: 'sql', code: 'select count(*) from views a, views b where a.id < 300' };
    const flood = await Promise.all(
      Array.from({ length: 16 }, () =>
        call('POST', `/api/assessments/${flooding.token}/answers/1/run`, query),
      ),
    );
    const refused = flood.filter((response) => response.statusCode === 429);
    expect(refused.length).toBeGreaterThan(0);
    for (const response of refused) expect(errorCode(response)).toBe('sandbox.busy');
    for (const response of flood.filter((r) => r.statusCode !== 429)) expect(response.statusCode).toBe(200);
    const elsewhere = await call('POST', `/api/assessments/${other.token}/answers/1/run`, {
      language: 'sql',
      code: 'select 1',
    });
    expect(elsewhere.statusCode, elsewhere.body).toBe(200);
    // A refused run never ran: the timeline has only the runs that did.
    const listed = await call('GET', `/api/applications/${application.id}/assessments`, undefined, as.hm);
    const timeline = listed.json().items.find((a: { id: string }) => a.id === flooding.id).timeline as {
      kind: string;
    }[];
    expect(timeline.filter((event) => event.kind === 'run').length).toBe(16 - refused.length);
  });
});
