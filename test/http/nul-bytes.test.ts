import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { addBoard } from '../support/boards.js';
import { openTestDatabase } from '../support/db.js';
import { multipart, pdfWith } from '../support/files.js';
import { buildTestApp, listening, loginAs } from '../support/http.js';
import { buildWorld, TestClock, type World } from '../support/world.js';

// PostgreSQL cannot store U+0000 in text or JSON; every way a zero byte can reach the server must
// end as a 400 naming the field, never as the database's 500.
let database: Database;
let world: World;
let app: App;
let base: string;
let staff: string;
let admin: string;
let postId: number;
const token = `nul-${Math.random().toString(36).slice(2, 8)}`;
const key = 'nul-board-key';
const clock = new TestClock();

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  ({ app, base } = await listening(database, clock));
  await addBoard(world, { token, name: 'Careers', employmentTypes: ['full_time', 'internship'] }, key);
  const jobs = (await app.inject({ url: `/v1/boards/${token}/jobs` })).json().jobs;
  postId = jobs[0].id;
  staff = await loginAs(app, world.slug, world.staff.recruiter.email);
  admin = await loginAs(app, world.slug, world.staff.admin.email);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const basic = `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
const applicant = { first_name: 'Ada', last_name: 'Lovelace', email: 'ada.nul@example.com' };

interface Case {
  name: string;
  field: string;
  request: () => InjectOptions;
}

const json = (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object, cookie?: string) => ({
  method,
  url,
  payload,
  headers: cookie ? { cookie } : {},
});
const form = (url: string, fields: Record<string, string>, files: Parameters<typeof multipart>[1] = []) => {
  const body = multipart(fields, files);
  return {
    method: 'POST' as const,
    url,
    payload: body.body,
    headers: { 'content-type': body.contentType, authorization: basic },
  };
};
const careers = () => `/careers/${token}/jobs/${postId}/apply`;
const v1 = () => `/v1/boards/${token}/jobs/${postId}`;
const apply = (candidate: Record<string, string>) => ({
  jobId: world.jobs.fullTimeA.id,
  candidate: { email: 'nul@example.com', firstName: 'Ada', lastName: 'Lovelace', ...candidate },
});

const cases: Case[] = [
  // Every example of the report first.
  {
    name: 'a first name',
    field: 'body.candidate.firstName',
    request: () => json('POST', '/api/applications', apply({ firstName: 'A\u0000da' }), staff),
  },
  {
    name: 'a phone number',
    field: 'body.candidate.phone',
    request: () => json('POST', '/api/applications', apply({ phone: '+44\u00001' }), staff),
  },
  {
    name: 'resume text',
    field: 'body.candidate.resumeText',
    request: () => json('POST', '/api/applications', apply({ resumeText: 'compilers\u0000' }), staff),
  },
  {
    name: 'a cover letter pasted into the board API',
    field: 'body.cover_letter_text',
    request: () => ({
      ...json('POST', v1(), { ...applicant, cover_letter_text: 'Dear\u0000' }),
      headers: { authorization: basic },
    }),
  },
  { name: 'a path segment', field: 'params.token', request: () => ({ url: '/careers/tik%00tok' }) },
  {
    name: 'a search',
    field: 'query.q',
    request: () => ({ url: '/api/candidates?q=%00', headers: { cookie: staff } }),
  },
  {
    name: "the login's organisation",
    field: 'body.org',
    request: () =>
      json('POST', '/api/auth/login', { org: `${world.slug}\u0000`, email: 'a@b.c', password: 'x' }),
  },
  // And the other ways in.
  {
    name: 'an Idempotency-Key header (stored with the application)',
    field: 'headers.idempotency-key',
    request: () => ({
      ...json('POST', '/api/applications', apply({})),
      headers: { cookie: staff, 'idempotency-key': 'retry-\u0000-0001' },
    }),
  },
  {
    name: 'a sign-in link request',
    field: 'body.org',
    request: () => json('POST', '/api/auth/candidate-links', { org: 'o\u0000', email: 'a@example.com' }),
  },
  {
    name: 'a JSON key',
    field: 'body.candidate.x\u0000',
    request: () => json('POST', '/api/applications', apply({ 'x\u0000': 'y' }), staff),
  },
  {
    name: 'a query parameter name',
    field: 'query.a\u0000',
    request: () => ({ url: '/api/applications?a%00=1', headers: { cookie: staff } }),
  },
  {
    name: 'a job id in the board API',
    field: 'params.token',
    request: () => ({ url: '/v1/boards/a%00/jobs' }),
  },
  { name: 'a scheduling link', field: 'params.token', request: () => ({ url: '/schedule/abc%00def' }) },
  {
    name: 'an assessment link',
    field: 'params.token',
    request: () => ({ url: '/api/assessments/abc%00def' }),
  },
  { name: 'a pad link', field: 'params.token', request: () => ({ url: '/api/pad-links/abc%00def' }) },
  {
    name: 'a team name',
    field: 'body.name',
    request: () => json('POST', '/api/teams', { name: 'Team\u0000', timezone: 'UTC' }, admin),
  },
  {
    name: 'a job title edit',
    field: 'body.title',
    request: () => json('PATCH', `/api/jobs/${world.jobs.fullTimeA.id}`, { title: 'T\u0000' }, staff),
  },
  {
    name: 'a board API JSON name',
    field: 'body.first_name',
    request: () => ({
      ...json('POST', v1(), { ...applicant, first_name: 'A\u0000' }),
      headers: { authorization: basic },
    }),
  },
  {
    name: 'a board API multipart phone',
    field: 'body.phone',
    request: () => form(v1(), { ...applicant, phone: '0\u00001' }),
  },
  {
    name: 'a career-site last name',
    field: 'body.last_name',
    request: () => form(careers(), { ...applicant, last_name: 'Love\u0000lace' }),
  },
  {
    name: 'a career-site pasted resume',
    field: 'body.resume_text',
    request: () => form(careers(), { ...applicant, resume_text: 'Analytical\u0000 engines' }),
  },
  {
    name: 'a career-site nested field',
    field: 'body.data_compliance.gdpr_processing_consent_given',
    request: () =>
      form(careers(), { ...applicant, 'data_compliance[gdpr_processing_consent_given]': 'tr\u0000ue' }),
  },
  {
    name: 'a scheduling form reason',
    field: 'body.reason',
    request: () => form(`/schedule/${'n'.repeat(32)}`, { action: 'cancel', reason: 'ill\u0000' }),
  },
];

describe('a zero byte is a 400 naming the field', () => {
  it.each(cases)('in $name', async ({ request, field }) => {
    const response = await app.inject(request());
    expect(response.statusCode, response.body).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation.failed');
    expect(error.details.issues).toContainEqual({ field, message: 'must not contain a zero byte' });
  });

  it('in a file name on the career site (the file itself may hold zero bytes)', async () => {
    const pdf = await pdfWith('Ada Lovelace');
    const response = await app.inject(
      form(careers(), applicant, [
        { field: 'resume', filename: 'ada\u0000.pdf', type: 'application/pdf', data: pdf },
      ]),
    );
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.details.issues).toContainEqual({
      field: 'body.resume.filename',
      message: 'must not contain a zero byte',
    });
  });

  it('a real HTTP request with %00 in the path gets the same 400', async () => {
    const response = await fetch(`${base}/careers/tik%00tok`);
    expect(response.status).toBe(400);
    expect((await response.json()).error.details.issues[0].field).toBe('params.token');
  });
});

it('a PDF holding zero bytes is still a resume: only text fields are checked', async () => {
  const pdf = Buffer.concat([await pdfWith('Ada Lovelace, engines'), Buffer.from('\n%\u0000\u0000\n')]);
  const response = await app.inject(
    form(careers(), { ...applicant, email: 'ada.pdf@example.com' }, [
      { field: 'resume', filename: 'ada.pdf', type: 'application/pdf', data: pdf },
    ]),
  );
  expect(response.statusCode, response.body).toBe(200);
  expect(response.body).toContain('Thank you for applying');
});

it('a zero byte typed into a live pad is kept as text, not a 500', async () => {
  const application = await world.atTechnicalRound();
  const created = await app.inject(
    json(
      'POST',
      `/api/applications/${application.id}/pads`,
      { problem: 'two-sum', language: 'javascript' },
      staff,
    ),
  );
  expect(created.statusCode, created.body).toBe(201);
  const pad = created.json();
  const socket = new WebSocket(
    `${base.replace('http', 'ws')}/api/pad-links/${pad.candidateUrl.split('/').pop()}/live`,
  );
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => socket.send(update));
  doc.getText('code').insert(0, 'let a = "\u0000";');
  await expect
    .poll(
      async () => (await app.inject({ url: `/api/pads/${pad.id}/replay`, headers: { cookie: staff } })).body,
      {
        timeout: 10_000,
      },
    )
    .toContain('\\u0000');
  socket.close();
  const read = await app.inject({ url: `/api/pads/${pad.id}`, headers: { cookie: staff } });
  expect(read.statusCode).toBe(200);
  expect(read.json().text).toContain('let a = "\u0000";');
});

it('a zero byte no check caught (text the server made itself) reaches the database as a 422, not a 500', async () => {
  const other = await buildTestApp(database, clock);
  other.get('/test/unchecked-text', async () => {
    await sql`select ${'made from a file\u0000'}::text`.execute(database.db);
    return {};
  });
  other.get('/test/unchecked-json', async () => {
    await sql`select ${JSON.stringify({ output: '\u0000' })}::jsonb`.execute(database.db);
    return {};
  });
  for (const url of ['/test/unchecked-text', '/test/unchecked-json']) {
    const response = await other.inject({ url });
    expect(response.statusCode, url).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'validation.failed',
      details: { reason: 'zero_byte' },
    });
  }
  await other.close();
});
