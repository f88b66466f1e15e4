import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decideApplicationRound } from '../../src/core/applications/decide-round.js';
import { submitApplication } from '../../src/core/applications/submit-application.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, candidateLogin, loginAs } from '../support/http.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
const cookies: Record<string, string | undefined> = {};
let idPool: string[] = [];
let routes: { method: string; path: string }[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  const clock = new TestClock();
  world = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
  const person = world.candidate();
  const application = ok(
    await submitApplication(world.deps, {
      actor: world.staff.recruiter,
      jobId: world.jobs.fullTimeA.id,
      candidate: person,
      source: 'fuzz',
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
  for (const role of ['admin', 'recruiter', 'coordinator', 'interviewer', 'hiring_manager', 'hr'] as const) {
    cookies[role] = await loginAs(app, world.slug, world.staff[role].email);
  }
  cookies.candidate = await candidateLogin(app, database, world.slug, person.email);
  cookies.anonymous = undefined;
  // Ids that exist (so requests reach deep into the handlers), ids that do not, and junk.
  idPool = [
    application.id,
    application.candidateId,
    world.jobs.fullTimeA.id,
    world.jobs.internA.id,
    world.processes.A.id,
    world.teams.A,
    world.staff.admin.userId,
    '00000000-0000-0000-0000-000000000000',
    'not-a-uuid',
    '1',
    '-1',
    '%00',
    'x'.repeat(300),
  ];
  const paths = app.swagger().paths ?? {};
  routes = Object.entries(paths).flatMap(([path, ops]) =>
    Object.keys(ops ?? {}).map((method) => ({ method: method.toUpperCase(), path })),
  );
}, 60_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

const scalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    'advance',
    'reject',
    'resume',
    'tech',
    'USD',
    'full_time',
    'internship',
    '2026-03-05T10:00:00Z',
    'a@b.co',
    'Asia/Singapore',
  ),
);
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 12 }), scalar, { maxKeys: 4 }),
);
/** Bodies built from the field names the API actually uses, with values of every type. */
const fieldNames = fc.constantFrom(
  'roundKey',
  'decision',
  'rationale',
  'jobId',
  'candidate',
  'email',
  'firstName',
  'lastName',
  'title',
  'teamId',
  'processId',
  'employmentType',
  'headcount',
  'level',
  'locations',
  'posting',
  'expectedVersion',
  'to',
  'name',
  'timezone',
  'password',
  'roles',
  'terms',
  'changes',
  'reason',
  'note',
  'content',
  'startsAt',
  'interviewerIds',
  'language',
  'round',
  'items',
  'url',
  'eventTypes',
  'subject',
  'body',
  'vote',
  'day',
  'token',
  'org',
  'component',
  'proposal',
  'maxActiveApplications',
  'order',
  'cooldownDays',
);
const body = fc.oneof(fc.dictionary(fieldNames, value, { maxKeys: 8 }), value);

it('random requests to every endpoint as every role: never a 5xx; every error has a code, validation names the field', async () => {
  expect(routes.length).toBeGreaterThan(80);
  const failures: string[] = [];
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...routes),
      fc.constantFrom(...Object.keys(cookies)),
      fc.array(fc.constantFrom(...idPool), { minLength: 4, maxLength: 4 }),
      fc.dictionary(
        fc.constantFrom('limit', 'cursor', 'status', 'jobId', 'q', 'roundKey', 'channel', 'teamId'),
        fc.string({ maxLength: 20 }),
        { maxKeys: 3 },
      ),
      body,
      async (route, role, params, query, payload) => {
        let i = 0;
        const url = route.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(params[i++ % params.length]!));
        const search = new URLSearchParams(query).toString();
        const cookie = cookies[role];
        const response = await app.inject({
          method: route.method as 'GET',
          url: search ? `${url}?${search}` : url,
          ...(route.method === 'GET'
            ? {}
            : {
                payload: JSON.stringify(payload),
                headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
              }),
          ...(route.method === 'GET' && cookie ? { headers: { cookie } } : {}),
        });
        const where = `${route.method} ${url}${search ? `?${search}` : ''} as ${role} with ${JSON.stringify(payload).slice(0, 200)}`;
        if (response.statusCode >= 500)
          failures.push(`${response.statusCode} ${where}: ${response.body.slice(0, 300)}`);
        if (response.statusCode >= 400 && String(response.headers['content-type']).includes('json')) {
          const body = response.json();
          const error = body.error;
          // The public /v1 board API answers its own refusals in Greenhouse's shapes (words, no
          // code); what its schemas refuse is answered like the rest of the API.
          const greenhouse =
            url.startsWith('/v1/') && (typeof error === 'string' || typeof body.message === 'string');
          // SCIM answers in RFC 7644's error shape (`schemas`, `status`, `detail`), as identity providers expect.
          const scim =
            url.startsWith('/scim/') && typeof body.detail === 'string' && typeof body.status === 'string';
          const explained = greenhouse || scim || typeof error?.code === 'string';
          if (!explained) failures.push(`no error code: ${where}: ${response.body.slice(0, 200)}`);
          if (
            error?.code === 'validation.failed' &&
            response.statusCode === 400 &&
            !error.details?.issues &&
            !error.details?.field &&
            !error.details?.reason
          ) {
            failures.push(`validation without a field: ${where}: ${response.body.slice(0, 200)}`);
          }
        }
      },
    ),
    { numRuns: 1500, seed: 20261122 },
  );
  expect(failures.slice(0, 10)).toEqual([]);
}, 300_000);
