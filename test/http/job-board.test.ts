import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as contract from '../../src/contracts/boards.js';
import { updateJob } from '../../src/core/jobs/update-job.js';
import type { Database } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { App } from '../../src/server/context.js';
import { addBoard } from '../support/boards.js';
import { openTestDatabase } from '../support/db.js';
import { docxWith, multipart, pdfWith } from '../support/files.js';
import { buildTestApp, loginAs } from '../support/http.js';
import { buildWorld, ids, ok, TestClock, type World } from '../support/world.js';

// The documented shapes (Greenhouse Job Board API v1), written from the documentation.
const isoWithOffset = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
const jobSummary = z.object({
  id: z.number().int(),
  internal_job_id: z.number().int().nullable(),
  title: z.string(),
  updated_at: isoWithOffset,
  requisition_id: z.string().nullable(),
  location: z.object({ name: z.string() }),
  absolute_url: z.url(),
  metadata: z
    .null()
    .or(z.array(z.object({ id: z.number(), name: z.string(), value_type: z.string(), value: z.unknown() }))),
  company_name: z.string(),
  first_published: isoWithOffset,
  language: z.string(),
});
const listDepartment = z.object({
  id: z.number().int(),
  name: z.string(),
  parent_id: z.number().nullable(),
  child_ids: z.array(z.number()),
});
const listOffice = listDepartment.extend({ location: z.string().nullable() });
const jobWithContent = jobSummary.extend({
  content: z.string(),
  departments: z.array(listDepartment),
  offices: z.array(listOffice),
});
const departmentList = listDepartment.extend({ jobs: z.array(jobSummary) });
type Tree = { id: number; name: string; jobs: unknown[]; children: Tree[] };
const departmentTree: z.ZodType<Tree> = z.lazy(() =>
  z.object({
    id: z.number().int(),
    name: z.string(),
    jobs: z.array(jobSummary),
    children: z.array(departmentTree),
  }),
);
const officeList = listOffice.extend({ departments: z.array(departmentList) });
const question = z.object({
  required: z.boolean(),
  label: z.string(),
  fields: z.array(
    z.object({
      name: z.string(),
      type: z.enum([
        'input_text',
        'input_file',
        'input_hidden',
        'textarea',
        'multi_value_single_select',
        'multi_value_multi_select',
      ]),
      values: z.array(z.object({ value: z.number(), label: z.string() })).optional(),
    }),
  ),
});

type OpenApiOperation = {
  security?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};

let database: Database;
let app: App;
let world: World;
let officeId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const clock = new TestClock();
  world = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
  officeId = ids.next();
  await world.db
    .insertInto('offices')
    .values({
      id: officeId,
      org_id: world.orgId,
      name: 'Singapore',
      location: 'Singapore',
      timezone: 'Asia/Singapore',
      created_at: clock.now(),
    })
    .execute();
  const job = (
    await world.db
      .selectFrom('jobs')
      .select('version')
      .where('id', '=', world.jobs.internB.id)
      .executeTakeFirstOrThrow()
  ).version;
  ok(
    await updateJob(world.deps, {
      actor: world.staff.recruiter,
      jobId: world.jobs.internB.id,
      expectedVersion: job,
      change: {
        officeIds: [officeId],
        locations: ['Singapore'],
        posting: {
          summary: 'Build <fast> services.',
          responsibilities: ['Ship'],
          internship: {
            term: 'Summer 2025',
            minimumWeeks: 12,
            degreeLevels: ['BS', 'MS'],
            eligibility: ['Enrolled'],
          },
        },
        compensationBand: {
          currency: 'USD',
          baseMinCents: 8_000_000,
          baseMaxCents: 9_000_000,
          approverRoles: ['admin'],
        },
      },
    }),
  );
  await addBoard(
    world,
    { token: `ft-${world.slug}`, name: 'Careers', intro: 'Hi & welcome', employmentTypes: ['full_time'] },
    'full-time-key',
  );
  await addBoard(
    world,
    {
      token: `in-${world.slug}`,
      name: 'Internships',
      employmentTypes: ['internship'],
      gdprRetentionDays: 365,
    },
    'intern-key',
  );
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const ft = () => `/v1/boards/ft-${world.slug}`;
const interns = () => `/v1/boards/in-${world.slug}`;
const get = (url: string) => app.inject({ url });
const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
async function internPostId() {
  const list = (await get(`${interns()}/jobs`)).json();
  return list.jobs.find((j: { location: { name: string } }) => j.location.name === 'Singapore').id as number;
}

const person = (n: string) => ({
  first_name: 'Ada',
  last_name: `Lovelace ${n}`,
  email: `ada.${n}@example.com`,
  question_1: 1,
  data_compliance: { gdpr_processing_consent_given: true },
});

describe('reading boards', () => {
  it('the board, its jobs with and without content, one job with questions and pay ranges', async () => {
    expect((await get(ft())).json()).toEqual({ name: 'Careers', content: '<p>Hi &amp; welcome</p>' });
    const list = (await get(`${ft()}/jobs`)).json();
    expect(
      z.object({ jobs: z.array(jobSummary), meta: z.object({ total: z.number() }) }).parse(list).meta.total,
    ).toBe(1);
    const full = (await get(`${interns()}/jobs?content=true`)).json();
    const jobs = z.array(jobWithContent).parse(full.jobs);
    expect(jobs).toHaveLength(3);
    const singapore = jobs.find((j) => j.location.name === 'Singapore')!;
    expect(singapore.offices).toEqual([
      expect.objectContaining({ name: 'Singapore', parent_id: null, child_ids: [] }),
    ]);
    expect(singapore.departments[0]!.name).toBe('Beta');
    // Entity-encoded HTML, as the real service sends it; the job's own text is escaped inside.
    expect(singapore.content).toContain('&lt;p&gt;Build &amp;lt;fast&amp;gt; services.&lt;/p&gt;');
    expect(singapore.content).toContain('Summer 2025');

    const one = (await get(`${interns()}/jobs/${singapore.id}?questions=true&pay_transparency=true`)).json();
    jobWithContent.parse(one);
    const questions = z.array(question).parse(one.questions);
    expect(questions.flatMap((q) => q.fields.map((f) => f.name))).toEqual([
      'first_name',
      'last_name',
      'email',
      'phone',
      'resume',
      'resume_text',
      'cover_letter',
      'cover_letter_text',
      'question_1',
      'screening_opt_out',
    ]);
    expect(questions.at(-2)).toMatchObject({
      required: true,
      label: 'Can you commit to at least 12 weeks during Summer 2025?',
    });
    // The candidate notice of automated annotation, with its opt-out, closes every job's questions.
    expect(questions.at(-1)).toMatchObject({
      required: false,
      label: 'Opt out of automated resume annotation',
    });
    expect(one.screening_notice).toMatchObject({ opt_out_field: 'screening_opt_out' });
    expect(one.data_compliance).toEqual([
      {
        type: 'gdpr',
        requires_consent: true,
        requires_processing_consent: true,
        requires_retention_consent: false,
        retention_period: 365,
      },
    ]);
    expect(one.pay_input_ranges).toEqual([
      expect.objectContaining({ min_cents: 8_000_000, max_cents: 9_000_000, currency_type: 'USD' }),
    ]);
    const plain = (await get(`${interns()}/jobs/${singapore.id}`)).json();
    expect(plain).not.toHaveProperty('questions');
    expect(plain).not.toHaveProperty('pay_input_ranges');
  });

  it('departments and offices, as list and as tree, one at a time, with JSONP and trailing slashes', async () => {
    const list = (await get(`${interns()}/departments`)).json();
    const departments = z.array(departmentList).parse(list.departments);
    expect(departments.map((d) => [d.name, d.jobs.length])).toEqual([
      ['Alpha', 1],
      ['Beta', 2],
    ]);
    const tree = (await get(`${interns()}/departments/?render_as=tree`)).json();
    z.array(departmentTree).parse(tree.departments);
    expect(tree.departments[0]).not.toHaveProperty('parent_id');
    const beta = departments.find((d) => d.name === 'Beta')!;
    expect(departmentList.parse((await get(`${interns()}/departments/${beta.id}`)).json()).jobs).toHaveLength(
      2,
    );
    const offices = z.array(officeList).parse((await get(`${interns()}/offices`)).json().offices);
    expect(offices[0]!.departments.find((d) => d.name === 'Beta')!.jobs).toHaveLength(1);
    const officeTree = (await get(`${interns()}/offices?render_as=tree`)).json().offices;
    expect(officeTree[0]).toHaveProperty('children');
    expect((await get(`${interns()}/offices/${offices[0]!.id}/`)).json().name).toBe('Singapore');
    const jsonp = await get(`${interns()}/jobs?callback=handleJobs`);
    expect(jsonp.headers['content-type']).toContain('application/javascript');
    const inner = /^\/\*\*\/handleJobs\((.*)\);$/s.exec(jsonp.body);
    expect(JSON.parse(inner![1]!).meta.total).toBe(3);
    expect((await get(`${interns()}/jobs?callback=alert(1)//`)).statusCode).toBe(400);
  });

  it('unknown boards, posts, departments and offices are 404 with a JSON body', async () => {
    for (const url of [
      '/v1/boards/nope',
      '/v1/boards/nope/jobs',
      `${ft()}/jobs/999999`,
      `${ft()}/departments/999999`,
      `${ft()}/offices/999999`,
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.json(), url).toMatchObject({ status: 404 });
    }
    expect((await get(`${ft()}/jobs/abc`)).statusCode).toBe(400);
  });
});

describe('applying through the API', () => {
  const apply = async (
    payload: unknown,
    key = 'intern-key',
    postId?: number,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method: 'POST',
      url: `${interns()}/jobs/${postId ?? (await internPostId())}`,
      payload: payload as object,
      headers: { authorization: basic(key), ...headers },
    });

  it('multipart with a PDF resume and a DOCX cover letter: stored, text extracted, readable by staff only', async () => {
    const pdf = await pdfWith('Ada Lovelace - analytical engines, Go and Kafka');
    const docx = await docxWith('Dear team, I would love to join.');
    const form = multipart(
      {
        first_name: 'Ada',
        last_name: 'Lovelace',
        email: 'ada@example.com',
        phone: '+65 5555 0000',
        question_1: '1',
        'data_compliance[gdpr_processing_consent_given]': 'true',
        mapped_url_token: 'linkedin',
      },
      [
        { field: 'resume', filename: 'ada.pdf', type: 'application/pdf', data: pdf },
        { field: 'cover_letter', filename: 'letter.docx', type: 'application/octet-stream', data: docx },
      ],
    );
    const response = await app.inject({
      method: 'POST',
      url: `${interns()}/jobs/${await internPostId()}`,
      payload: form.body,
      headers: { 'content-type': form.contentType, authorization: basic('intern-key') },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ success: 'Candidate saved successfully', created: true });
    const recruiter = await loginAs(app, world.slug, world.staff.recruiter.email);
    const applicationId = response.json().application_id;
    const detail = (
      await app.inject({ url: `/api/applications/${applicationId}`, headers: { cookie: recruiter } })
    ).json();
    const files = (
      await app.inject({
        url: `/api/candidates/${detail.candidateId}/attachments`,
        headers: { cookie: recruiter },
      })
    ).json().items;
    expect(files.map((f: { kind: string; contentType: string }) => [f.kind, f.contentType]).sort()).toEqual([
      ['cover_letter', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['resume', 'application/pdf'],
    ]);
    const download = await app.inject({
      url: `/api/attachments/${files.find((f: { kind: string }) => f.kind === 'resume').id}`,
      headers: { cookie: recruiter },
    });
    expect(download.rawPayload.equals(pdf)).toBe(true);
    const found = (
      await app.inject({ url: '/api/candidates?q=lovelace', headers: { cookie: recruiter } })
    ).json().items;
    expect(found).toHaveLength(1);
    const resumeText = await world.db
      .selectFrom('candidates')
      .select('resume_text')
      .where('id', '=', detail.candidateId)
      .executeTakeFirstOrThrow();
    expect(resumeText.resume_text).toContain('analytical engines');
    const interviewer = await loginAs(app, world.slug, world.staff.interviewer.email);
    expect(
      (await app.inject({ url: `/api/attachments/${files[0].id}`, headers: { cookie: interviewer } }))
        .statusCode,
    ).toBe(403);
    expect((await app.inject({ url: `/api/attachments/${files[0].id}` })).statusCode).toBe(401);
    // R-CAND-1: the candidate is sent a link to follow the application.
    const link = await world.db
      .selectFrom('outbox')
      .select('payload')
      .where('kind', '=', 'candidate.sign_in_link')
      .where('org_id', '=', world.orgId)
      .execute();
    expect(link.some((l) => l.payload.candidateId === detail.candidateId)).toBe(true);
  });

  it('JSON with a base64 resume; a retry with the same Idempotency-Key or for the same job is the same application', async () => {
    const resume = (await pdfWith('JSON applicant')).toString('base64');
    const body = { ...person('json'), resume_content: resume, resume_content_filename: 'cv.pdf' };
    const first = await apply(body, 'intern-key', undefined, { 'idempotency-key': 'abc-123-xyz' });
    const retry = await apply(body, 'intern-key', undefined, { 'idempotency-key': 'abc-123-xyz' });
    const again = await apply({ ...body, resume_text: 'pasted' });
    expect(first.json().created).toBe(true);
    expect([retry.json().application_id, again.json().application_id]).toEqual([
      first.json().application_id,
      first.json().application_id,
    ]);
    expect([retry.json().created, again.json().created]).toEqual([false, false]);
  });

  it('Chinese resumes in PDF and DOCX are read and found by Chinese queries, one character or several', async () => {
    const fixtures = path.join(import.meta.dirname, '../fixtures/resumes');
    const applicants: Record<string, string> = {};
    for (const file of ['zh-resume.pdf', 'zh-resume.docx']) {
      const response = await apply({
        ...person(file.replace('.', '-')),
        resume_content: fs.readFileSync(path.join(fixtures, file)).toString('base64'),
        resume_content_filename: file,
      });
      expect(response.statusCode, response.body).toBe(200);
      const { candidate_id } = await world.db
        .selectFrom('applications')
        .select('candidate_id')
        .where('id', '=', response.json().application_id)
        .executeTakeFirstOrThrow();
      applicants[candidate_id] = file;
    }
    const recruiter = await loginAs(app, world.slug, world.staff.recruiter.email);
    const found = async (q: string) => {
      const listed = (
        await app.inject({
          url: `/api/candidates?q=${encodeURIComponent(q)}`,
          headers: { cookie: recruiter },
        })
      ).json();
      const searched = (
        await app.inject({ url: `/api/search?q=${encodeURIComponent(q)}`, headers: { cookie: recruiter } })
      ).json();
      const bySearch = searched.items
        .filter((i: { kind: string }) => i.kind === 'candidate')
        .map((i: { id: string }) => applicants[i.id])
        .sort();
      expect(listed.items.map((c: { id: string }) => applicants[c.id]).sort(), q).toEqual(bySearch);
      return bySearch;
    };
    const both = ['zh-resume.docx', 'zh-resume.pdf'];
    expect(await found('浙江大学')).toEqual(both);
    expect(await found('王小明')).toEqual(both);
    expect(await found('硕士在读')).toEqual(both);
    expect(await found('使用 Golang 和 MySQL')).toEqual(both);
    // Two characters, the length of most Chinese words, and one.
    expect(await found('武汉')).toEqual(both);
    expect(await found('王')).toEqual(both);
    // The same characters in another order are other words.
    expect(await found('在读硕士')).toEqual([]);
    expect(await found('汉武')).toEqual([]);
  });

  it('the same Idempotency-Key with a different body is refused with 422', async () => {
    const first = await apply({ ...person('key-one'), resume_text: 'one' }, 'intern-key', undefined, {
      'idempotency-key': 'shared-key-123',
    });
    const second = await apply({ ...person('key-two'), resume_text: 'two' }, 'intern-key', undefined, {
      'idempotency-key': 'shared-key-123',
    });
    expect(first.json().created, first.body).toBe(true);
    expect(second.statusCode).toBe(422);
    expect(second.json().errors).toEqual([
      {
        field: 'Idempotency-Key',
        message: expect.stringContaining('already used for a different application'),
      },
    ]);
    expect(second.body).not.toContain(first.json().application_id);
  });

  it('refuses each bad input with 422 and the field named', async () => {
    const errorsOf = async (payload: unknown) => {
      const response = await apply(payload);
      expect(response.statusCode, response.body).toBe(422);
      return response
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort();
    };
    expect(await errorsOf({})).toEqual(
      expect.arrayContaining([
        'email',
        'first_name',
        'last_name',
        'resume',
        'question_1',
        'data_compliance.gdpr_processing_consent_given',
      ]),
    );
    expect(await errorsOf({ ...person('a'), resume_text: 'x', email: 'not-an-email' })).toEqual(['email']);
    expect(
      await errorsOf({ ...person('b'), resume_text: 'x', first_name: 'visit https://spam.example' }),
    ).toEqual(['first_name']);
    expect(await errorsOf({ ...person('c'), resume_text: 'x', first_name: 'A'.repeat(256) })).toEqual([
      'first_name',
    ]);
    expect(await errorsOf({ ...person('d'), resume_text: 'x', question_1: 7 })).toEqual(['question_1']);
    // A disguised file: an executable named .pdf, and a corrupt PDF.
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0)]);
    expect(
      await errorsOf({
        ...person('e'),
        resume_content: exe.toString('base64'),
        resume_content_filename: 'cv.pdf',
      }),
    ).toEqual(['resume_content']);
    const broken = Buffer.from('%PDF-1.7 this is not really a pdf');
    const corrupt = await apply({
      ...person('f'),
      resume_content: broken.toString('base64'),
      resume_content_filename: 'cv.pdf',
    });
    expect(corrupt.json().errors[0].message).toMatch(/^cv\.pdf: could not be read/);
    const big = multipart(
      {
        ...Object.fromEntries(
          Object.entries(person('g')).filter(
            ([k]) => typeof (person('g') as Record<string, unknown>)[k] !== 'object',
          ),
        ),
        question_1: '1',
      },
      [
        {
          field: 'resume',
          filename: 'big.pdf',
          type: 'application/pdf',
          data: Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10 * 1024 * 1024 + 1)]),
        },
      ],
    );
    const tooBig = await app.inject({
      method: 'POST',
      url: `${interns()}/jobs/${await internPostId()}`,
      payload: big.body,
      headers: { 'content-type': big.contentType, authorization: basic('intern-key') },
    });
    expect([tooBig.statusCode, tooBig.json().errors[0]]).toEqual([
      422,
      { field: 'resume', message: 'the file is larger than 10 MB' },
    ]);
  });

  it('R-APP-1: over the application limit is refused with the rule’s message; bad keys and unknown posts too', async () => {
    const list = (await get(`${interns()}/jobs`)).json().jobs.map((j: { id: number }) => j.id);
    const who = person('limit');
    for (const id of list.slice(0, 2))
      expect((await apply({ ...who, resume_text: 'cv' }, 'intern-key', id)).statusCode).toBe(200);
    const third = await apply({ ...who, resume_text: 'cv' }, 'intern-key', list[2]);
    expect(third.statusCode).toBe(422);
    expect(third.json()).toMatchObject({ code: 'application.limit_reached', errors: [{ field: 'email' }] });
    const badKey = await apply({ ...who, resume_text: 'cv' }, 'full-time-key');
    expect([badKey.statusCode, badKey.json()]).toEqual([
      401,
      { status: 401, error: 'Invalid Basic Auth credentials' },
    ]);
    expect(
      (await app.inject({ method: 'POST', url: `${interns()}/jobs/${list[0]}`, payload: who })).statusCode,
    ).toBe(401);
    expect((await apply({ ...who, resume_text: 'cv' }, 'intern-key', 999_999)).statusCode).toBe(404);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/v1/boards/none/jobs/1`,
          payload: who,
          headers: { authorization: basic('x') },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('abuse', () => {
  it('submissions are rate limited per IP and per board key', async () => {
    const limited = await buildApp({
      database,
      config: loadConfig({
        LOG_LEVEL: 'silent',
        SUBMISSIONS_PER_MINUTE_PER_IP: '3',
        SUBMISSIONS_PER_MINUTE_PER_KEY: '5',
      }),
      clock: new TestClock(),
      ids,
    });
    const post = await internPostId();
    const send = (ip: string) =>
      limited.inject({
        method: 'POST',
        url: `${interns()}/jobs/${post}`,
        remoteAddress: ip,
        payload: { ...person(`rl-${ip}`), resume_text: 'cv' },
        headers: { authorization: basic('intern-key') },
      });
    // Sent at once, so which of them is refused is up to the order they reach the limiter;
    // how many are refused is not.
    const statuses = (answers: { statusCode: number }[]) =>
      answers.map((r) => r.statusCode).sort((a, b) => a - b);
    const fromOne = await Promise.all([1, 2, 3, 4].map(() => send('10.0.0.1')));
    expect(statuses(fromOne)).toEqual([200, 200, 200, 429]);
    expect(fromOne.find((r) => r.statusCode === 429)!.json().error.code).toBe('rate.limited');
    // Other addresses still get through until the key's own budget of five is spent.
    const others = await Promise.all(['10.0.0.2', '10.0.0.3', '10.0.0.4'].map(send));
    expect(statuses(others)).toEqual([200, 200, 429]);
    await limited.close();
  });
});

describe('the documented contract', () => {
  it('/openapi.json lists every /v1 route with a response schema for 200, public reads and key-guarded applying', async () => {
    const doc = (await get('/openapi.json')).json();
    const routes = Object.entries(doc.paths as Record<string, Record<string, OpenApiOperation>>)
      .filter(([path]) => path.startsWith('/v1/'))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      [
        'get /v1/boards/{token}',
        'get /v1/boards/{token}/departments',
        'get /v1/boards/{token}/departments/{id}',
        'get /v1/boards/{token}/jobs',
        'get /v1/boards/{token}/jobs/{id}',
        'get /v1/boards/{token}/offices',
        'get /v1/boards/{token}/offices/{id}',
        'post /v1/boards/{token}/jobs/{id}',
      ].sort(),
    );
    for (const { path, method, op } of routes) {
      expect(op.responses['200']?.content?.['application/json']?.schema, `${method} ${path}`).toBeDefined();
      expect(op.responses, `${method} ${path}`).toHaveProperty('404');
      expect(op.security, `${method} ${path}`).toEqual(method === 'get' ? [] : [{ boardKey: [] }]);
    }
    expect(doc.components.schemas).toHaveProperty('BoardDepartmentTree');
  });

  it('every /v1 answer is exactly its documented schema: nothing missing, nothing extra', async () => {
    const post = await internPostId();
    const department = (await get(`${interns()}/departments`)).json().departments[0].id;
    const office = (await get(`${interns()}/offices`)).json().offices[0].id;
    const answers: [string, z.ZodType][] = [
      [ft(), contract.v1Board],
      [`${interns()}/jobs`, contract.v1Jobs],
      [`${interns()}/jobs?content=true`, contract.v1Jobs],
      [`${interns()}/jobs/${post}`, contract.v1Job],
      [`${interns()}/jobs/${post}?questions=true&pay_transparency=true`, contract.v1Job],
      [`${interns()}/departments`, contract.v1Departments],
      [`${interns()}/departments?render_as=tree`, contract.v1Departments],
      [`${interns()}/departments/${department}`, contract.v1Department],
      [`${interns()}/offices`, contract.v1Offices],
      [`${interns()}/offices?render_as=tree`, contract.v1Offices],
      [`${interns()}/offices/${office}?render_as=tree`, contract.v1Office],
      [`${interns()}/jobs/999999`, contract.v1Status],
    ];
    for (const [url, schema] of answers) {
      const body = (await get(url)).json();
      expect(schema.parse(body), url).toEqual(body);
    }
    const applied = await app.inject({
      method: 'POST',
      url: `${interns()}/jobs/${post}`,
      payload: { ...person('contract'), resume_text: 'cv' },
      headers: { authorization: basic('intern-key') },
    });
    expect(contract.v1Applied.parse(applied.json())).toEqual(applied.json());
    const refused = await app.inject({
      method: 'POST',
      url: `${interns()}/jobs/${post}`,
      payload: {},
      headers: { authorization: basic('intern-key') },
    });
    expect(contract.v1Refused.parse(refused.json())).toEqual(refused.json());
  });
});

describe('board administration', () => {
  it('admins create boards with a key shown once, rotate it, and the old key stops working', async () => {
    const admin = await loginAs(app, world.slug, world.staff.admin.email);
    const created = await app.inject({
      method: 'POST',
      url: '/api/boards',
      headers: { cookie: admin },
      payload: { token: `extra-${world.slug}`, name: 'Extra', employmentTypes: ['internship'] },
    });
    expect(created.statusCode).toBe(201);
    const { id, apiKey } = created.json();
    expect(apiKey).toMatch(/^[0-9a-f]{48}$/);
    const stored = await world.db
      .selectFrom('boards')
      .select('api_key_hash')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.api_key_hash).not.toContain(apiKey);
    expect(
      (await app.inject({ url: '/api/boards', headers: { cookie: admin } }))
        .json()
        .items.every((b: object) => !('apiKey' in b)),
    ).toBe(true);
    const taken = await app.inject({
      method: 'POST',
      url: '/api/boards',
      headers: { cookie: admin },
      payload: { token: `extra-${world.slug}`, name: 'Again', employmentTypes: ['internship'] },
    });
    expect(taken.json().error.code).toBe('board.token_taken');
    const post = (await get(`/v1/boards/extra-${world.slug}/jobs`)).json().jobs[0].id;
    const send = (key: string) =>
      app.inject({
        method: 'POST',
        url: `/v1/boards/extra-${world.slug}/jobs/${post}`,
        payload: { ...person('rotate'), resume_text: 'cv' },
        headers: { authorization: basic(key) },
      });
    expect((await send(apiKey)).statusCode).toBe(200);
    const rotated = (
      await app.inject({ method: 'POST', url: `/api/boards/${id}/rotate-key`, headers: { cookie: admin } })
    ).json();
    expect((await send(apiKey)).statusCode).toBe(401);
    expect((await send(rotated.apiKey)).statusCode).toBe(200);
  });
});
