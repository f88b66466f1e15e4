import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { addBoard } from '../support/boards.js';
import { launchChromium } from '../support/browser.js';
import { openTestDatabase } from '../support/db.js';
import { pdfWith } from '../support/files.js';
import { listening, loginAs } from '../support/http.js';
import { buildWorld, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let browser: Browser;
let base: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const clock = new TestClock();
  world = await buildWorld(database, clock);
  await addBoard(world, {
    token: `browser-${world.slug}`,
    name: 'Internships',
    intro: 'Summer internships',
    employmentTypes: ['internship'],
    gdprRetentionDays: 365,
  });
  ({ app, base } = await listening(database, clock));
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

it('a candidate finds the internship on the career site, applies with a PDF, and lands in the recruiter’s queue', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/careers/browser-${world.slug}`);
  await expect(page.title()).resolves.toBe(`Internships — Org ${world.slug}`);
  await page.getByRole('link', { name: 'internship job' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'internship job' }).waitFor();

  // Keyboard first: the form is reachable and fillable by label.
  await page.getByLabel('First Name').fill('Katherine');
  await page.getByLabel('Last Name').fill('Johnson');
  await page.getByLabel('Email').fill('katherine@example.com');
  await page.getByLabel('Resume/CV (file)').setInputFiles({
    name: 'katherine.pdf',
    mimeType: 'application/pdf',
    buffer: await pdfWith('Katherine Johnson - orbital mechanics'),
  });
  await page.getByLabel(/may process my data/).check();
  await page.screenshot({ path: '.test-results/career-site-form.png', fullPage: true });
  await page.getByRole('button', { name: 'Submit application' }).click();

  await page.getByRole('heading', { name: 'Thank you for applying' }).waitFor();
  expect(await page.getByRole('status').textContent()).toContain('internship job');
  await page.close();

  const recruiter = await loginAs(app, world.slug, world.staff.recruiter.email);
  const queue = (
    await app.inject({
      url: `/api/applications?jobId=${world.jobs.internA.id}`,
      headers: { cookie: recruiter },
    })
  ).json().items;
  const detail = await Promise.all(
    queue.map(async (a: { id: string }) =>
      (await app.inject({ url: `/api/applications/${a.id}`, headers: { cookie: recruiter } })).json(),
    ),
  );
  const mine = detail.find((d) => d.candidate.email === 'katherine@example.com');
  expect(mine).toMatchObject({ status: 'active', currentRound: 'resume' });
  const resume = await world.db
    .selectFrom('candidates')
    .select('resume_text')
    .where('email', '=', 'katherine@example.com')
    .executeTakeFirstOrThrow();
  expect(resume.resume_text).toContain('orbital mechanics');
}, 60_000);
