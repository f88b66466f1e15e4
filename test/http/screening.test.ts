import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CriterionVerdict } from '../../src/contracts/screening.js';
import { createJob } from '../../src/core/jobs/create-job.js';
import { localMatcher } from '../../src/core/screening/index.js';
import type { Matcher, MatcherInput } from '../../src/core/screening/matcher.port.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { addBoard } from '../support/boards.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, errorCode, loginAs } from '../support/http.js';
import { testWorker } from '../support/worker.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let clock: TestClock;
let as: Record<'admin' | 'recruiter' | 'interviewer' | 'hm' | 'coordinator', string>;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await app?.close();
  await database.close();
});
beforeEach(async () => {
  clock = new TestClock();
  world = await buildWorld(database, clock);
  await app?.close();
  app = await buildTestApp(database, clock);
  const login = (email: string) => loginAs(app, world.slug, email);
  as = {
    admin: await login(world.staff.admin.email),
    recruiter: await login(world.staff.recruiter.email),
    interviewer: await login(world.staff.interviewer.email),
    hm: await login(world.staff.hiring_manager.email),
    coordinator: await login(world.staff.coordinator.email),
  };
});

type Method = 'GET' | 'POST' | 'PUT';
const call = (cookie: string, method: Method, url: string, payload?: unknown) =>
  app.inject({ method, url, payload: payload as object, headers: { cookie } });
const json = async (cookie: string, method: Method, url: string, payload?: unknown) => {
  const response = await call(cookie, method, url, payload);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

/** A draft full-time job of team A whose posting states qualifications. */
const draftJob = async () =>
  ok(
    await createJob(world.deps, {
      actor: world.staff.recruiter,
      fields: {
        title: 'Backend Engineer',
        teamId: world.teams.A,
        processId: world.processes.A.id,
        employmentType: 'full_time',
        jobFamily: 'backend',
        headcount: 3,
        level: 'mid',
        locations: ['Remote'],
        officeIds: [],
        posting: {
          summary: 'Build our services.',
          responsibilities: ['Write Go services'],
          minimumQualifications: ['Experience with Go', "Bachelor's degree in Computer Science"],
          preferredQualifications: ['Experience with Kafka'],
          faq: [],
        },
      },
    }),
  );

/** Criteria that test a resume for plain skills: Go is a must, Kafka and Kubernetes are nice. */
const skillCriteria = [
  { text: 'Writes Go', kind: 'must', weight: 3, check: { type: 'skills', anyOf: ['Go'] } },
  { text: 'Knows Kafka', kind: 'nice', weight: 2, check: { type: 'skills', anyOf: ['Kafka'] } },
  { text: 'Runs Kubernetes', kind: 'nice', weight: 2, check: { type: 'skills', anyOf: ['Kubernetes'] } },
];

/** An open job screened on `skillCriteria`, stored as version 2 (after the posting's version 1). */
const screenedJob = async () => {
  const job = await draftJob();
  await json(as.recruiter, 'POST', `/api/jobs/${job.id}/transitions`, { to: 'open' });
  const put = await json(as.recruiter, 'PUT', `/api/jobs/${job.id}/screening/criteria`, {
    expectedVersion: 1,
    items: skillCriteria,
  });
  expect(put.version).toBe(2);
  return job;
};

const apply = (jobId: string, resumeText: string | undefined, name = world.candidate()) =>
  world.apply({ ...name, ...(resumeText === undefined ? {} : { resumeText }) }, jobId);

/** A matcher of the test's own behind the port: each resume says which verdicts it gets. */
const scripted = (seen: MatcherInput[] = []): Matcher => ({
  name: 'scripted',
  version: '7.1',
  async annotate(input) {
    seen.push(input);
    const said = /verdicts: (\w+) (\w+) (\w+)/.exec(input.resumeText);
    return input.criteria.map(
      (c, i): CriterionVerdict => ({
        criterionId: c.id,
        verdict: (said?.[i + 1] ?? 'unclear') as CriterionVerdict['verdict'],
        reason: 'as scripted',
        passages: [],
      }),
    );
  },
});

const queue = (cookie: string, query: string) =>
  json(cookie, 'GET', `/api/applications?step=resume_screen&${query}`);

describe('criteria', () => {
  it("answers the posting's criteria as version 0, stores them when the job opens, and replaces them under a version", async () => {
    const job = await draftJob();
    const derived = await json(as.recruiter, 'GET', `/api/jobs/${job.id}/screening/criteria`);
    expect(derived.version).toBe(0);
    expect(derived.jobId).toBe(job.id);
    expect(derived.items.length).toBeGreaterThanOrEqual(3);
    expect(derived.items.every((c: { source: string }) => c.source === 'job')).toBe(true);
    // The same ids on every read, so an edit from version 0 can say which it keeps.
    expect(await json(as.hm, 'GET', `/api/jobs/${job.id}/screening/criteria`)).toEqual(derived);
    expect(derived.items.filter((c: { kind: string }) => c.kind === 'must').length).toBeGreaterThanOrEqual(2);

    await json(as.recruiter, 'POST', `/api/jobs/${job.id}/transitions`, { to: 'open' });
    const stored = await json(as.recruiter, 'GET', `/api/jobs/${job.id}/screening/criteria`);
    expect(stored.version).toBe(1);
    expect(stored.items.map((c: { text: string }) => c.text)).toEqual(
      derived.items.map((c: { text: string }) => c.text),
    );
    expect(stored.items.map((c: { position: number }) => c.position)).toEqual(
      stored.items.map((_: unknown, i: number) => i),
    );

    // The first criterion kept by id keeps its source; the new one is the recruiter's.
    const [first] = stored.items;
    const replaced = await json(as.recruiter, 'PUT', `/api/jobs/${job.id}/screening/criteria`, {
      expectedVersion: 1,
      items: [
        { id: first.id, text: first.text, kind: 'nice', weight: 5, check: first.check },
        { text: 'Has shipped a Kafka consumer', kind: 'must', weight: 2, check: { type: 'text' } },
      ],
    });
    expect(replaced.version).toBe(2);
    expect(replaced.items).toEqual([
      expect.objectContaining({ id: first.id, source: 'job', kind: 'nice', weight: 5, position: 0 }),
      expect.objectContaining({ source: 'recruiter', kind: 'must', position: 1 }),
    ]);
    expect(await json(as.hm, 'GET', `/api/jobs/${job.id}/screening/criteria`)).toEqual(replaced);

    // A write from the version before is refused, and nothing it sent is kept.
    const stale = await call(as.recruiter, 'PUT', `/api/jobs/${job.id}/screening/criteria`, {
      expectedVersion: 1,
      items: [],
    });
    expect([stale.statusCode, errorCode(stale)]).toEqual([409, 'conflict.stale_version']);
    expect(stale.json().error.details).toMatchObject({ field: 'expectedVersion', currentVersion: 2 });
    expect((await json(as.recruiter, 'GET', `/api/jobs/${job.id}/screening/criteria`)).items).toHaveLength(2);
  });

  it('refuses bad criteria naming the field, an unknown job, and editors who may not edit the job', async () => {
    const job = await screenedJob();
    const url = `/api/jobs/${job.id}/screening/criteria`;
    const heavy = await call(as.recruiter, 'PUT', url, {
      expectedVersion: 2,
      items: [{ text: 'Writes Go', kind: 'must', weight: 9, check: { type: 'skills', anyOf: ['Go'] } }],
    });
    expect([heavy.statusCode, errorCode(heavy)]).toEqual([400, 'validation.failed']);
    expect(JSON.stringify(heavy.json().error)).toContain('body.items.0.weight');
    const month = await call(as.recruiter, 'PUT', url, {
      expectedVersion: 2,
      items: [
        {
          text: 'Graduates late',
          kind: 'must',
          weight: 1,
          check: { type: 'graduation_after', month: '2025-13' },
        },
      ],
    });
    expect([month.statusCode, errorCode(month)]).toEqual([400, 'validation.failed']);
    expect(JSON.stringify(month.json().error)).toContain('body.items.0.check.month');
    const missing = await call(as.recruiter, 'PUT', url, { items: [] });
    expect(JSON.stringify(missing.json().error)).toContain('body.expectedVersion');

    const unknown = '00000000-0000-4000-8000-000000000009';
    const none = await call(as.recruiter, 'GET', `/api/jobs/${unknown}/screening/criteria`);
    expect([none.statusCode, errorCode(none)]).toEqual([404, 'job.not_found']);
    const noneEdit = await call(as.recruiter, 'PUT', `/api/jobs/${unknown}/screening/criteria`, {
      expectedVersion: 0,
      items: [],
    });
    expect([noneEdit.statusCode, errorCode(noneEdit)]).toEqual([404, 'job.not_found']);

    for (const cookie of [as.interviewer, as.coordinator]) {
      const denied = await call(cookie, 'PUT', url, { expectedVersion: 2, items: [] });
      expect([denied.statusCode, errorCode(denied)]).toEqual([403, 'permission.denied']);
    }
  });
});

describe('annotations', () => {
  it('the worker annotates a submitted application with the local matcher: verdicts, quoted passages, the tier in the queue', async () => {
    const job = await screenedJob();
    const resume = 'Backend engineer.\nFive years writing Go services that consume Kafka topics.\n';
    const application = await apply(job.id, resume);
    const before = await json(as.recruiter, 'GET', `/api/applications/${application.id}/screening`);
    expect(before).toMatchObject({ status: 'pending', annotation: null, blind: false, resumeText: resume });

    await testWorker(world).drain();
    const evidence = await json(as.recruiter, 'GET', `/api/applications/${application.id}/screening`);
    expect(evidence.status).toBe('annotated');
    expect(evidence.annotation).toMatchObject({
      applicationId: application.id,
      tier: 'strong',
      matcher: { name: localMatcher.name, version: localMatcher.version },
      criteriaVersion: 2,
      computedAt: clock.now().toISOString(),
    });
    const [go, kafka, kubernetes] = evidence.criteria.map((c: { id: string }) =>
      evidence.annotation.verdicts.find((v: { criterionId: string }) => v.criterionId === c.id),
    );
    expect([go.verdict, kafka.verdict, kubernetes.verdict]).toEqual(['found', 'found', 'missing']);
    for (const found of [go, kafka]) {
      expect(found.passages.length).toBeGreaterThan(0);
      for (const p of found.passages) expect(resume.slice(p.start, p.end)).toBe(p.text);
    }
    expect(go.passages.map((p: { text: string }) => p.text).join(' ')).toContain('Go');
    expect(kafka.passages.map((p: { text: string }) => p.text).join(' ')).toContain('Kafka');

    const item = (await queue(as.recruiter, `jobId=${job.id}`)).items.find(
      (i: { id: string }) => i.id === application.id,
    );
    expect(item.screening).toEqual({ status: 'annotated', tier: 'strong', mustFound: 1, mustTotal: 1 });
    expect(item.blind).toBe(false);

    // The log keeps the matcher's name and version and the criteria version it saw.
    const log = await world.db
      .selectFrom('screening_annotations')
      .select(['matcher_name', 'matcher_version', 'criteria_version', 'tier'])
      .where('application_id', '=', application.id)
      .execute();
    expect(log).toEqual([
      {
        matcher_name: localMatcher.name,
        matcher_version: localMatcher.version,
        criteria_version: 2,
        tier: 'strong',
      },
    ]);
  });

  it('new criteria annotate the applications still at the resume screen again, not those past it', async () => {
    const job = await screenedJob();
    const waiting = await apply(job.id, 'I write Go and run Kubernetes.');
    const past = await apply(job.id, 'I write Go and run Kubernetes.');
    const worker = testWorker(world);
    await worker.drain();
    await json(as.recruiter, 'POST', `/api/applications/${past.id}/decisions`, {
      roundKey: 'resume',
      decision: 'advance',
      rationale: 'ok',
      overrideReason: 'Moved on in the test without its evidence.',
    });
    await json(as.recruiter, 'PUT', `/api/jobs/${job.id}/screening/criteria`, {
      expectedVersion: 2,
      items: [{ text: 'Knows Rust', kind: 'must', weight: 1, check: { type: 'skills', anyOf: ['Rust'] } }],
    });
    await worker.drain();
    const versions = async (id: string) =>
      (
        await world.db
          .selectFrom('screening_annotations')
          .select('criteria_version')
          .where('application_id', '=', id)
          .orderBy('id')
          .execute()
      ).map((r) => r.criteria_version);
    expect(await versions(waiting.id)).toEqual([2, 3]);
    expect(await versions(past.id)).toEqual([2]);
    const evidence = await json(as.recruiter, 'GET', `/api/applications/${waiting.id}/screening`);
    expect(evidence.annotation).toMatchObject({ tier: 'weak', criteriaVersion: 3 });
  });

  it('a resume sent with a later submission annotates the open applications of the candidate again', async () => {
    const job = await screenedJob();
    const person = world.candidate();
    const first = await apply(job.id, 'Python only.', person);
    const worker = testWorker(world);
    await worker.drain();
    expect((await json(as.recruiter, 'GET', `/api/applications/${first.id}/screening`)).annotation.tier).toBe(
      'weak',
    );
    await apply(world.jobs.fullTimeA.id, 'Go and Kafka now.', person);
    await worker.drain();
    expect((await json(as.recruiter, 'GET', `/api/applications/${first.id}/screening`)).annotation.tier).toBe(
      'strong',
    );
  });

  it('an application whose candidate opted out is never read by a matcher; one without a resume or criteria says so', async () => {
    const job = await screenedJob();
    const secret = 'Opted-out resume: Go, Kafka, Kubernetes';
    const optedOut = await apply(job.id, secret);
    await world.db
      .updateTable('applications')
      .set({ screening_opt_out: true })
      .where('id', '=', optedOut.id)
      .execute();
    const noResume = await apply(job.id, undefined);
    const bare = ok(
      await createJob(world.deps, {
        actor: world.staff.recruiter,
        fields: {
          title: 'No posting',
          teamId: world.teams.A,
          processId: world.processes.A.id,
          employmentType: 'full_time',
          jobFamily: 'backend',
          headcount: 1,
          level: 'mid',
          locations: ['Remote'],
          officeIds: [],
          posting: {},
        },
      }),
    );
    await json(as.recruiter, 'POST', `/api/jobs/${bare.id}/transitions`, { to: 'open' });
    const noCriteria = await apply(bare.id, 'Go and Kafka.');
    const seen: MatcherInput[] = [];
    await testWorker(world, undefined, { matcher: scripted(seen) }).drain();
    expect(seen.map((s) => s.resumeText)).not.toContain(secret);
    expect(seen).toHaveLength(0);
    const count = await world.db
      .selectFrom('screening_annotations')
      .select('id')
      .where('application_id', 'in', [optedOut.id, noResume.id, noCriteria.id])
      .execute();
    expect(count).toHaveLength(0);
    const statuses = Object.fromEntries(
      (await queue(as.recruiter, 'limit=200')).items.map(
        (i: { id: string; screening: { status: string } }) => [i.id, i.screening.status],
      ),
    );
    expect([statuses[optedOut.id], statuses[noResume.id], statuses[noCriteria.id]]).toEqual([
      'opted_out',
      'no_resume',
      'no_criteria',
    ]);
    const evidence = await json(as.recruiter, 'GET', `/api/applications/${optedOut.id}/screening`);
    expect(evidence).toMatchObject({ status: 'opted_out', annotation: null });

    // Annotated before the candidate opted out: that tier no longer shows, filters or sorts.
    await world.db
      .updateTable('applications')
      .set({ screening_tier: 'strong' })
      .where('id', '=', optedOut.id)
      .execute();
    const strong = await queue(as.recruiter, `jobId=${job.id}&tier=strong`);
    expect(strong.items.map((i: { id: string }) => i.id)).not.toContain(optedOut.id);
    const byTier = await queue(as.recruiter, `jobId=${job.id}&sort=tier`);
    expect(byTier.items.find((i: { id: string }) => i.id === optedOut.id).screening).toEqual({
      status: 'opted_out',
      tier: null,
      mustFound: 0,
      mustTotal: 0,
    });
  });

  it('a plugged-in matcher is logged by its name and version; sort=tier orders strong, possible, unclear, weak, then the rest, with exact pages', async () => {
    const job = await screenedJob();
    const tiers = {
      strong: 'verdicts: found found found',
      possible: 'verdicts: found missing missing',
      unclear: 'verdicts: unclear found found',
      weak: 'verdicts: missing found found',
    };
    const made: { id: string; tier: string | null }[] = [];
    // Interleaved submissions, one clock tick apart, so each tier holds applications of several times.
    for (let round = 0; round < 3; round++) {
      for (const [tier, text] of Object.entries(tiers)) {
        clock.advanceMs(1000);
        made.push({ id: (await apply(job.id, text)).id, tier });
      }
      clock.advanceMs(1000);
      made.push({ id: (await apply(job.id, undefined)).id, tier: null });
    }
    await testWorker(world, undefined, { matcher: scripted() }).drain();
    const log = await world.db
      .selectFrom('screening_annotations')
      .select(['matcher_name', 'matcher_version'])
      .where('job_id', '=', job.id)
      .distinct()
      .execute();
    expect(log).toEqual([{ matcher_name: 'scripted', matcher_version: '7.1' }]);

    const rank = (t: string | null) => ['strong', 'possible', 'unclear', 'weak'].indexOf(t ?? '') >>> 0;
    const expected = made
      .map((m, i) => ({ ...m, i }))
      .sort((a, b) => rank(a.tier) - rank(b.tier) || a.i - b.i)
      .map((m) => m.id);
    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string; screening: { tier: string | null } }[]; nextCursor: string | null } =
        await queue(as.recruiter, `jobId=${job.id}&sort=tier&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      pages.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual(expected);

    const filtered = await queue(as.recruiter, `jobId=${job.id}&tier=strong,weak&sort=tier`);
    expect(filtered.items.map((i: { screening: { tier: string } }) => i.screening.tier)).toEqual([
      'strong',
      'strong',
      'strong',
      'weak',
      'weak',
      'weak',
    ]);
    const oldest = await queue(as.recruiter, `jobId=${job.id}&tier=possible`);
    expect(oldest.items.map((i: { id: string }) => i.id)).toEqual(
      made.filter((m) => m.tier === 'possible').map((m) => m.id),
    );
    const badTier = await call(as.recruiter, 'GET', '/api/applications?tier=great');
    expect([badTier.statusCode, errorCode(badTier)]).toEqual([400, 'validation.failed']);
    expect(JSON.stringify(badTier.json().error)).toContain('querystring.tier');
    const badSort = await call(as.recruiter, 'GET', '/api/applications?sort=score');
    expect(JSON.stringify(badSort.json().error)).toContain('querystring.sort');
    const forged = await call(
      as.recruiter,
      'GET',
      `/api/applications?sort=tier&cursor=${Buffer.from('["9|x","00000000-0000-4000-8000-000000000001"]').toString('base64url')}`,
    );
    expect([forged.statusCode, errorCode(forged)]).toEqual([400, 'validation.failed']);
  });
});

describe('blind review', () => {
  const person = {
    email: 'zelda.quintana@example.com',
    firstName: 'Zelda',
    lastName: 'Quintana',
    phone: '+1 415 555 0199',
  };
  const resume =
    'Zelda Quintana\nzelda.quintana@example.com · +1 415 555 0199\n\nBackend engineer writing Go and Kafka services.';
  const leaks = (body: string) =>
    ['Zelda', 'Quintana', 'zelda.quintana', '555 0199'].filter((word) => body.includes(word));

  it('hides the name, email, phone and resume text of an undecided application at the resume screen, everywhere a screener looks, until the decision', async () => {
    const job = await screenedJob();
    await json(as.admin, 'PUT', '/api/screening/settings', { blindReview: true });
    expect(await json(as.recruiter, 'GET', '/api/screening/settings')).toEqual({ blindReview: true });
    expect(await json(as.recruiter, 'GET', `/api/jobs/${job.id}/screening/settings`)).toEqual({
      blindReview: null,
      effective: true,
    });
    // Through the board API, so the resume is also a kept file.
    const token = `blind-${world.slug}`;
    await addBoard(world, { token, name: 'Careers', employmentTypes: ['full_time'] }, 'blind-key');
    const posts = (await app.inject({ url: `/v1/boards/${token}/jobs` })).json();
    const post = posts.jobs.find((j: { title: string }) => j.title === 'Backend Engineer');
    const sent = await app.inject({
      method: 'POST',
      url: `/v1/boards/${token}/jobs/${post.id}`,
      headers: { authorization: `Basic ${Buffer.from('blind-key:').toString('base64')}` },
      payload: {
        first_name: person.firstName,
        last_name: person.lastName,
        email: person.email,
        phone: person.phone,
        resume_text: resume,
      },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    await testWorker(world).drain();
    const application = await world.db
      .selectFrom('applications')
      .innerJoin('candidates', 'candidates.id', 'applications.candidate_id')
      .select(['applications.id', 'applications.candidate_id'])
      .where('candidates.email', '=', person.email)
      .executeTakeFirstOrThrow();
    const file = await world.db
      .selectFrom('attachments')
      .select('id')
      .where('candidate_id', '=', application.candidate_id)
      .executeTakeFirstOrThrow();

    const seen = async () => {
      const list = await call(as.recruiter, 'GET', `/api/applications?step=resume_screen&jobId=${job.id}`);
      const item = list.json().items.find((i: { id: string }) => i.id === application.id);
      const detail = await call(as.recruiter, 'GET', `/api/applications/${application.id}`);
      const evidence = await call(as.recruiter, 'GET', `/api/applications/${application.id}/screening`);
      const timeline = await call(as.recruiter, 'GET', `/api/applications/${application.id}/timeline`);
      const search = await call(as.recruiter, 'GET', '/api/search?q=Quintana');
      const candidates = await call(as.recruiter, 'GET', '/api/candidates?q=Quintana');
      const profile = await call(as.recruiter, 'GET', `/api/candidates/${application.candidate_id}`);
      const files = await call(
        as.recruiter,
        'GET',
        `/api/candidates/${application.candidate_id}/attachments`,
      );
      const download = await call(as.recruiter, 'GET', `/api/attachments/${file.id}`);
      return { item, list, detail, evidence, timeline, search, candidates, profile, files, download };
    };

    const hidden = await seen();
    expect(hidden.item.blind).toBe(true);
    expect(hidden.item.screening.status).toBe('annotated');
    expect(hidden.item.candidateName).not.toContain('Quintana');
    for (const response of [
      hidden.list,
      hidden.detail,
      hidden.evidence,
      hidden.timeline,
      hidden.search,
      hidden.candidates,
    ])
      expect(leaks(response.body), response.body).toEqual([]);
    const detail = hidden.detail.json();
    expect(detail.blind).toBe(true);
    expect(detail.candidate).toMatchObject({ email: '', phone: null });
    expect(detail.candidate.resumeText).toHaveLength(resume.length);
    expect(detail.candidate.resumeText).toContain('Go');
    const evidence = hidden.evidence.json();
    expect(evidence.blind).toBe(true);
    expect(evidence.resumeText).toHaveLength(resume.length);
    expect(evidence.resumeText).toContain('█');
    // The passages still quote what the redacted text shows at their offsets.
    for (const v of evidence.annotation.verdicts)
      for (const p of v.passages) expect(evidence.resumeText.slice(p.start, p.end)).toBe(p.text);
    for (const refused of [hidden.profile, hidden.files, hidden.download])
      expect([refused.statusCode, errorCode(refused)]).toEqual([403, 'screening.blind_review']);

    // A job of its own can turn it off while the organisation keeps it on, then inherit again.
    expect(
      await json(as.recruiter, 'PUT', `/api/jobs/${job.id}/screening/settings`, { blindReview: false }),
    ).toEqual({
      blindReview: false,
      effective: false,
    });
    expect((await seen()).item.candidateName).toBe('Zelda Quintana');
    expect(
      await json(as.recruiter, 'PUT', `/api/jobs/${job.id}/screening/settings`, { blindReview: null }),
    ).toEqual({
      blindReview: null,
      effective: true,
    });
    expect((await seen()).item.blind).toBe(true);

    await json(as.recruiter, 'POST', `/api/applications/${application.id}/decisions`, {
      roundKey: 'resume',
      decision: 'advance',
      rationale: 'Strong Go background',
      overrideReason: 'Decided in the test without its evidence.',
    });
    const shown = await seen();
    expect(shown.detail.json()).toMatchObject({
      blind: false,
      candidate: { firstName: 'Zelda', lastName: 'Quintana', email: person.email, resumeText: resume },
    });
    expect(shown.evidence.json()).toMatchObject({ blind: false, resumeText: resume });
    expect(shown.search.body).toContain('Quintana');
    for (const open of [shown.profile, shown.files, shown.download])
      expect(open.statusCode, open.body).toBe(200);
  });

  it('settings: only an admin sets the organisation, job editors set a job, and the bodies are checked', async () => {
    const job = await screenedJob();
    const denied = await call(as.recruiter, 'PUT', '/api/screening/settings', { blindReview: true });
    expect([denied.statusCode, errorCode(denied)]).toEqual([403, 'permission.denied']);
    const deniedJob = await call(as.interviewer, 'PUT', `/api/jobs/${job.id}/screening/settings`, {
      blindReview: true,
    });
    expect([deniedJob.statusCode, errorCode(deniedJob)]).toEqual([403, 'permission.denied']);
    const bad = await call(as.admin, 'PUT', '/api/screening/settings', { blindReview: 'yes' });
    expect([bad.statusCode, errorCode(bad)]).toEqual([400, 'validation.failed']);
    expect(JSON.stringify(bad.json().error)).toContain('body.blindReview');
    const none = await call(
      as.recruiter,
      'GET',
      '/api/jobs/00000000-0000-4000-8000-000000000009/screening/settings',
    );
    expect([none.statusCode, errorCode(none)]).toEqual([404, 'job.not_found']);
    expect(await json(as.admin, 'GET', '/api/screening/settings')).toEqual({ blindReview: false });
  });
});
