import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleInterview } from '../../src/core/scheduling/schedule-interview.js';
import type { Database } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { candidateLogin, loginAs, testConfig } from '../support/http.js';
import { buildWorld, ids, ok, TestClock, type World } from '../support/world.js';

// Practice is the candidate's own: no staff endpoint may return it. The staff GET routes are every
// documented GET route but the candidate's and the link-credentialed ones: the same set the
// role × endpoint matrix (test/http/permissions.test.ts) must cover, read from the app itself so a
// route added there is checked here too.
const practiceFixture = fileURLToPath(new URL('../fixtures/practice/', import.meta.url));
const staffRoles = ['admin', 'recruiter', 'coordinator', 'interviewer', 'hiring_manager', 'hr'] as const;
const notStaff = [
  /^\/api\/me(\/|$)/,
  /^\/api\/practice\//,
  /^\/v1\//,
  /^\/scim\//,
  /^\/api\/auth\//,
  /^\/api\/sso\//,
  /\{token\}/,
];

let database: Database;
let app: App;
let world: World;
const clock = new TestClock();
const marker = `practice-marker-${randomUUID()}`;
const person = { email: `private.${randomUUID()}@example.com`, firstName: 'Private', lastName: 'Practiser' };
let candidateId: string;
let applicationId: string;
let interviewId: string;
let candidateCookie: string;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  app = await buildApp({ database, config: testConfig, clock, ids, practiceRoot: practiceFixture });
  const application = await world.atTechnicalRound(person);
  applicationId = application.id;
  candidateId = application.candidateId;
  interviewId = ok(
    await scheduleInterview(world.deps, {
      actor: world.staff.coordinator,
      applicationId,
      roundKey: 'tech',
      startsAt: new Date(clock.now().getTime() + 3 * 86_400_000),
      interviewerIds: [world.staff.interviewer.userId],
      language: 'en',
    }),
  ).id;
  candidateCookie = await candidateLogin(app, database, world.slug, person.email);
  const code = `// ${marker}\nfunction hasPair(nums, target) { return false; }`;
  const run = await app.inject({
    method: 'POST',
    url: '/api/me/practice/coding/pair-with-sum/run',
    headers: { cookie: candidateCookie },
    payload: { language: 'javascript', code },
  });
  expect(run.statusCode, run.body).toBe(200);
  const timed = await app.inject({
    method: 'POST',
    url: '/api/me/practice/coding/reverse-words/timed',
    headers: { cookie: candidateCookie },
  });
  await app.inject({
    method: 'POST',
    url: `/api/me/practice/timed/${timed.json().id}/submit`,
    headers: { cookie: candidateCookie },
    payload: { language: 'javascript', code },
  });
  const plan = await app.inject({
    method: 'POST',
    url: '/api/me/practice/plan',
    headers: { cookie: candidateCookie },
    payload: {},
  });
  expect(plan.statusCode, plan.body).toBe(201);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** A staff GET route's address with its ids filled by the practising candidate's own records. */
function addressOf(route: string) {
  const filled = route
    .replace(/^\/api\/candidates\/\{id\}/, `/api/candidates/${candidateId}`)
    .replace(/^\/api\/interviews\/\{id\}/, `/api/interviews/${interviewId}`)
    .replace(/\{[A-Za-z]+\}/g, applicationId);
  return filled.includes('search') ? `${filled}?q=Practiser` : filled;
}

describe('practice never reaches the hiring team', () => {
  it('the candidate’s own export holds the marker, so the search below can find it', async () => {
    const exported = await app.inject({
      method: 'GET',
      url: '/api/me/export',
      headers: { cookie: candidateCookie },
    });
    expect(exported.body).toContain(marker);
    expect(exported.json().practice.plans).toHaveLength(1);
  });

  it('no staff GET route returns it, for any staff role', async () => {
    const routes = Object.entries(app.swagger().paths ?? {})
      .filter(([, ops]) => ops && 'get' in ops)
      .map(([route]) => route)
      .filter((route) => !notStaff.some((pattern) => pattern.test(route)));
    expect(routes.length).toBeGreaterThan(50);
    const answered = new Set<string>();
    for (const role of staffRoles) {
      const cookie = await loginAs(app, world.slug, world.staff[role].email);
      for (const route of routes) {
        const response = await app.inject({ method: 'GET', url: addressOf(route), headers: { cookie } });
        expect(response.body, `${role} GET ${route}`).not.toContain(marker);
        expect(response.body, `${role} GET ${route}`).not.toContain('pair-with-sum');
        if (response.statusCode === 200) answered.add(route);
      }
    }
    // The routes that show this candidate did answer with their records, so the check was not empty.
    for (const route of ['/api/candidates/{id}', '/api/applications/{id}', '/api/candidates/{id}/profile'])
      expect(answered, route).toContain(route);
  });
});
