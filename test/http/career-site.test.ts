import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { addBoard } from '../support/boards.js';
import { openTestDatabase } from '../support/db.js';
import { multipart, pdfWith } from '../support/files.js';
import { buildTestApp } from '../support/http.js';
import { buildWorld, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let token: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const clock = new TestClock();
  world = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
  token = `site-${world.slug}`;
  await addBoard(world, {
    token,
    name: 'Careers',
    intro: 'Come build with us',
    employmentTypes: ['full_time', 'internship'],
  });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function firstInternship() {
  const jobs = (await app.inject({ url: `/v1/boards/${token}/jobs` })).json().jobs;
  return jobs.find((j: { title: string }) => j.title === 'internship job').id as number;
}

it('the board page lists jobs by team, in accessible HTML', async () => {
  const page = await app.inject({ url: `/careers/${token}` });
  expect(page.statusCode).toBe(200);
  expect(page.headers['content-type']).toContain('text/html');
  expect(page.body).toContain('<html lang="en">');
  expect(page.body).toContain('<main id="main">');
  expect(page.body).toContain('<h2 id="t-Alpha">Alpha</h2>');
  expect(page.body).toContain('4 open jobs');
  expect((await app.inject({ url: '/careers/nope' })).statusCode).toBe(404);
});

it('a job page carries the posting, the generated form and schema.org JobPosting JSON-LD', async () => {
  const id = await firstInternship();
  const page = await app.inject({ url: `/careers/${token}/jobs/${id}` });
  expect(page.body).toContain('<h1>internship job</h1>');
  for (const name of ['first_name', 'last_name', 'email', 'phone', 'resume', 'resume_text', 'cover_letter']) {
    expect(page.body, name).toContain(`name="${name}"`);
  }
  expect(page.body).toMatch(
    /<label for="f-email">Email <span aria-hidden="true">\*<\/span><\/label><input id="f-email" type="email"/,
  );
  const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page.body);
  const posting = JSON.parse(ld![1]!);
  expect(posting).toMatchObject({
    '@type': 'JobPosting',
    title: 'internship job',
    employmentType: 'INTERN',
    hiringOrganization: { name: `Org ${world.slug}` },
    directApply: true,
  });
  expect(posting.jobLocation[0].address.addressLocality).toBe('Remote');
});

it('applying from the site: errors come back in place; success confirms; the honeypot silently drops bots', async () => {
  const id = await firstInternship();
  const url = `/careers/${token}/jobs/${id}/apply`;
  const bad = multipart({ first_name: 'Grace', last_name: '', email: 'nope', submission_id: 'sub-1' }, []);
  const refused = await app.inject({
    method: 'POST',
    url,
    payload: bad.body,
    headers: { 'content-type': bad.contentType },
  });
  expect(refused.statusCode).toBe(422);
  expect(refused.body).toContain('role="alert"');
  expect(refused.body).toContain('aria-invalid="true" aria-describedby="f-email-error"');
  expect(refused.body).toContain('value="Grace"');

  const pdf = await pdfWith('Grace Hopper, compilers');
  const good = multipart(
    { first_name: 'Grace', last_name: 'Hopper', email: 'grace@example.com', submission_id: 'sub-2' },
    [
      { field: 'resume', filename: 'grace.pdf', type: 'application/pdf', data: pdf },
      // What a browser sends for the cover-letter input left empty.
      { field: 'cover_letter', filename: '', type: 'application/octet-stream', data: Buffer.alloc(0) },
    ],
  );
  const accepted = await app.inject({
    method: 'POST',
    url,
    payload: good.body,
    headers: { 'content-type': good.contentType },
  });
  expect(accepted.statusCode).toBe(200);
  expect(accepted.body).toContain('Thank you for applying');
  // A double click resubmits the same form: still one application.
  await app.inject({
    method: 'POST',
    url,
    payload: good.body,
    headers: { 'content-type': good.contentType },
  });
  const apps = await world.db
    .selectFrom('applications')
    .innerJoin('candidates', 'candidates.id', 'applications.candidate_id')
    .select('applications.source')
    .where('candidates.email', '=', 'grace@example.com')
    .execute();
  expect(apps).toEqual([{ source: `careers:${token}` }]);

  const bot = multipart(
    {
      first_name: 'Bot',
      last_name: 'Bot',
      email: 'bot@example.com',
      website: 'http://spam.example',
      submission_id: 'sub-3',
    },
    [{ field: 'resume', filename: 'b.pdf', type: 'application/pdf', data: pdf }],
  );
  const dropped = await app.inject({
    method: 'POST',
    url,
    payload: bot.body,
    headers: { 'content-type': bot.contentType },
  });
  expect(dropped.body).toContain('Thank you for applying');
  const bots = await world.db
    .selectFrom('candidates')
    .select('id')
    .where('email', '=', 'bot@example.com')
    .execute();
  expect(bots).toEqual([]);
});
