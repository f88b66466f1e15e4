import { afterAll, beforeAll, expect, it } from 'vitest';
import { staffRoles } from '../../src/core/shared/types.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { addBoard } from '../support/boards.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, candidateLogin, loginAs } from '../support/http.js';
import { selfIdentificationLeak } from '../support/self-identification.js';
import { addStaffMember, buildWorld, openJobAtOffice, TestClock, type World } from '../support/world.js';

/**
 * The sweep (ADR 0025): applications carrying self-identification with distinctive answers, then
 * every GET the app documents, called as every staff role and as the applicant, with real ids in
 * the path. No answer may come back anywhere, except as counts in the compliance role's own report.
 */
let database: Database;
let app: App;
let world: World;
const cookies: Record<string, string> = {};
const pool: Record<string, string> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  const clock = new TestClock();
  world = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
  const { officeId, jobId } = await openJobAtOffice(world, clock, 'NYC', { title: 'Sweep job' });
  const board = await addBoard(
    world,
    { token: `sw-${world.slug}`, name: 'Careers', employmentTypes: ['full_time'] },
    'sw-key',
  );
  cookies.admin = await loginAs(app, world.slug, world.staff.admin.email);
  const allowed = await app.inject({
    method: 'PUT',
    url: `/api/compliance/office-policies/${officeId}`,
    payload: { collectSelfIdentification: true, expectedVersion: 0 },
    headers: { cookie: cookies.admin },
  });
  expect(allowed.statusCode, allowed.body).toBe(200);
  const publicId = (
    await world.db.selectFrom('jobs').select('public_id').where('id', '=', jobId).executeTakeFirstOrThrow()
  ).public_id;
  const posts = (await app.inject({ url: `/v1/boards/sw-${world.slug}/jobs` })).json().jobs as {
    id: number;
    internal_job_id: number;
  }[];
  const postId = posts.find((p) => p.internal_job_id === publicId)!.id;
  const answers = [
    { gender: 2, race: 6, veteran_status: 2, disability_status: 1 },
    { gender: 1, race: 1, veteran_status: 2, disability_status: 1 },
  ];
  const applicationIds: string[] = [];
  for (const [i, answer] of answers.entries()) {
    const response = await app.inject({
      method: 'POST',
      url: `/v1/boards/sw-${world.slug}/jobs/${postId}`,
      payload: {
        first_name: 'Sweep',
        last_name: `Person ${i}`,
        email: `sweep.${i}@example.com`,
        resume_text: 'Distributed systems in Go.',
        ...answer,
      },
      headers: { authorization: `Basic ${Buffer.from('sw-key:').toString('base64')}` },
    });
    expect(response.statusCode, response.body).toBe(200);
    applicationIds.push(response.json().application_id);
  }
  const stored = await world.db.selectFrom('self_identifications').selectAll().execute();
  expect(stored.map((s) => s.race).sort()).toEqual([
    'american_indian_or_alaska_native',
    'native_hawaiian_or_pacific_islander',
  ]);
  const application = await world.db
    .selectFrom('applications')
    .selectAll()
    .where('id', '=', applicationIds[0]!)
    .executeTakeFirstOrThrow();
  Object.assign(pool, {
    applications: application.id,
    candidates: application.candidate_id,
    jobs: jobId,
    teams: world.teams.A,
    processes: world.processes.A.id,
    offices: officeId,
    users: world.staff.recruiter.userId,
    boards: board.id,
  });
  for (const role of staffRoles) {
    if (role === 'compliance') continue;
    cookies[role] = await loginAs(app, world.slug, world.staff[role as keyof typeof world.staff].email);
  }
  const { email } = await addStaffMember(world, clock, 'compliance', ['compliance']);
  cookies.compliance = await loginAs(app, world.slug, email);
  cookies.candidate = await candidateLogin(app, database, world.slug, 'sweep.0@example.com');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

/** A path's parameters filled from the pool by the collection before each one (`/jobs/{id}` → a job). */
function fill(path: string): string {
  const parts = path.split('/');
  return parts
    .map((part, i) => {
      if (!part.startsWith('{')) return part;
      const before = parts[i - 1] ?? '';
      return pool[before] ?? pool.applications!;
    })
    .join('/');
}

it('no GET endpoint answers self-identification to any role; only the compliance role reads its counts', async () => {
  const paths = Object.entries(app.swagger().paths ?? {})
    .filter(([, ops]) => ops && 'get' in ops)
    .map(([path]) => path)
    // The public board's own form lists the questions (never answers); SCIM takes its own bearer token.
    .filter((path) => path.startsWith('/api/'));
  expect(paths.length).toBeGreaterThan(80);
  const reports = new Set(['/api/compliance/adverse-impact', '/api/compliance/adverse-impact.csv']);
  const answered: Record<string, number> = {};
  for (const path of paths) {
    const url = fill(path);
    for (const [role, cookie] of Object.entries(cookies)) {
      const response = await app.inject({ url, headers: { cookie } });
      if (response.statusCode === 200) answered[role] = (answered[role] ?? 0) + 1;
      if (role === 'compliance' && reports.has(path)) {
        expect(response.statusCode, `${role} ${url}`).toBe(200);
        continue;
      }
      expect(response.body, `${role} GET ${url}`).not.toMatch(selfIdentificationLeak);
    }
  }
  // The sweep reached real answers: the application and candidate the answers belong to.
  for (const path of ['/api/applications/{id}', '/api/candidates/{id}']) {
    const response = await app.inject({ url: fill(path), headers: { cookie: cookies.recruiter! } });
    expect(response.statusCode, path).toBe(200);
    expect(response.body).toContain('Sweep');
  }
  expect(answered.recruiter).toBeGreaterThan(40);
  expect(answered.admin).toBeGreaterThan(30);
  expect(answered.candidate).toBeGreaterThan(2);
  // The marker finds what it looks for: the stored answers, as JSON, match it.
  const stored = await world.db.selectFrom('self_identifications').selectAll().execute();
  expect(JSON.stringify(stored)).toMatch(selfIdentificationLeak);
  // About a thousand requests: on a busy machine more than the default 30 s.
}, 300_000);
