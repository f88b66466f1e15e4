import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitApplication } from '../../src/core/applications/submit-application.js';
import { createJob } from '../../src/core/jobs/create-job.js';
import { transitionJob } from '../../src/core/jobs/transition-job.js';
import { adoptTemplate } from '../../src/core/processes/adopt-template.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { loadTemplates } from '../../src/server/templates.js';
import { launchChromium } from '../support/browser.js';
import { openTestDatabase } from '../support/db.js';
import { candidateLogin, listening } from '../support/http.js';
import { requireBuiltWebApp, review, staffContext, watchErrors } from '../support/web.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

// A mock coding interview in the browser: a candidate in the backend internship's process books
// it with a practice interviewer who volunteered on their account page, both work on one pad, the
// interviewer sends a coaching card and the candidate reads it in the portal, on a phone.
let database: Database;
let app: App;
let world: World;
let browser: Browser;
let base: string;
const clock = new TestClock(); // Monday 2 March 2026, 09:00 UTC
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const person = { email: 'ada.mock@example.com', firstName: 'Ada', lastName: 'Okafor' };
const reference = fs.readFileSync(
  new URL('../../templates/practice/coding/ad-slot-picking/reference.js', import.meta.url),
  'utf8',
);

beforeAll(async () => {
  requireBuiltWebApp();
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  const template = loadTemplates().get('backend-internship')!;
  const process = ok(
    await adoptTemplate(world.deps, { actor: world.staff.admin, teamId: world.teams.A, template }),
  );
  const job = ok(
    await createJob(world.deps, {
      actor: world.staff.recruiter,
      fields: {
        title: 'Backend Engineer Intern',
        teamId: world.teams.A,
        processId: process.id,
        employmentType: 'internship',
        jobFamily: 'internship',
        headcount: 3,
        level: 'intern',
        locations: ['Remote'],
        officeIds: [],
        posting: {},
      },
    }),
  );
  ok(await transitionJob(world.deps, { actor: world.staff.recruiter, jobId: job.id, to: 'open' }));
  ok(
    await submitApplication(world.deps, {
      actor: world.staff.recruiter,
      jobId: job.id,
      candidate: person,
      source: 'test',
    }),
  );
  ({ app, base } = await listening(database, clock));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

/** The candidate's portal at phone width, signed in by a link as the portal's own sign-in gives them. */
async function portal() {
  const [name, value] = (await candidateLogin(app, database, world.slug, person.email)).split('=');
  const context = await browser.newContext({
    timezoneId: 'Asia/Singapore',
    locale: 'en-GB',
    viewport: { width: 390, height: 844 },
  });
  await context.addCookies([{ name: name!, value: value!, url: base }]);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return { context, page, errors: watchErrors(page) };
}

describe('a mock interview', () => {
  it('is booked in the portal, held on one pad, and its coaching card reaches the candidate', async () => {
    const problems: string[] = [];
    // The interviewer volunteers for coding rounds on their own account page.
    const coach = await staffContext(browser, base, world.slug, world.staff.interviewer.email);
    coach.page.setDefaultTimeout(30_000);
    await coach.page.goto(`${base}/app/account`);
    await coach.page.getByLabel('I volunteer as a practice interviewer').check();
    await coach.page.getByRole('group', { name: 'Rounds I coach' }).getByLabel('Coding').check();
    await coach.page.getByRole('button', { name: 'Save' }).last().click();
    await coach.page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    // The candidate first practises a shipped coding problem on its public tests.
    const candidate = await portal();
    await candidate.page.goto(`${base}/candidate`);
    await candidate.page.getByRole('link', { name: 'Practise for your rounds' }).click();
    await candidate.page.getByRole('button', { name: 'Non-adjacent ad slots' }).first().click();
    await candidate.page.getByLabel('Your answer').fill(reference);
    await candidate.page.getByRole('button', { name: 'Run the public tests' }).click();
    await expect
      .poll(() => candidate.page.getByRole('status').first().textContent(), { timeout: 60_000 })
      .toContain('3 of 3 examples pass');
    problems.push(...(await review(candidate.page, 'mock-portal-practised')));

    // Then books the first open mock time, shown in Singapore time.
    await candidate.page.goto(`${base}/candidate`);
    await candidate.page.getByRole('link', { name: 'Practise with a mock interview' }).click();
    await candidate.page.getByLabel('Round').selectOption('coding');
    const time = candidate.page.getByLabel(/^Time \(\d+ minutes, in your zone/);
    await eventually(() => time.locator('option').count()).toBeGreaterThan(1);
    await time.selectOption({ index: 1 });
    problems.push(...(await review(candidate.page, 'mock-portal-book')));
    await candidate.page.getByRole('button', { name: 'Book this time' }).click();
    await candidate.page.getByRole('heading', { name: 'Mock coding with interviewer' }).waitFor();
    problems.push(...(await review(candidate.page, 'mock-portal-booked')));

    // The practice interviewer finds it in their own list and opens the pad.
    await coach.page.goto(`${base}/app/practice-interviews`);
    await coach.page.getByRole('link', { name: 'Mock coding with Ada' }).click();
    await coach.page.getByRole('button', { name: 'Open the coding pad' }).click();
    const editor = coach.page.getByLabel(/Shared code/);
    await eventually(() => coach.page.getByText(/· connected$/).count()).toBe(1);
    await editor.pressSequentially('// say the plan first\n');

    // The candidate joins the same pad from the portal and writes beneath.
    await candidate.page.reload();
    await candidate.page.getByRole('link', { name: 'Open the coding pad' }).click();
    const candidateEditor = candidate.page.getByLabel(/Shared code/);
    await eventually(() => candidateEditor.inputValue()).toContain('// say the plan first');
    await eventually(() => candidate.page.getByText(/· connected$/).count()).toBe(1);
    await candidateEditor.press('Control+End');
    await candidateEditor.pressSequentially('const twoSum = () => [];');
    await eventually(() => editor.inputValue()).toContain('const twoSum = () => [];');
    problems.push(...(await review(candidate.page, 'mock-portal-pad')));
    problems.push(...(await review(coach.page, 'mock-coach-pad')));

    // Once the session has begun, the coaching card goes to the candidate.
    const session = await world.db.selectFrom('mock_sessions').select('starts_at').executeTakeFirstOrThrow();
    clock.advanceMs(session.starts_at.getTime() - clock.now().getTime() + 45 * 60_000);
    await coach.page.reload();
    const card = coach.page.getByRole('form', { name: 'Coaching card' });
    const ratings = card.getByRole('combobox');
    for (let i = 0; i < (await ratings.count()); i++) await ratings.nth(i).selectOption('yes');
    const advice =
      'Saying the plan out loud before typing made the solution easy to follow; test the empty input.';
    await card.getByLabel('Advice').fill(advice);
    problems.push(...(await review(coach.page, 'mock-coach-card')));
    await card.getByRole('button', { name: 'Send the card to the candidate' }).click();
    await coach.page.getByRole('heading', { name: 'Your coaching card' }).waitFor();

    await candidate.page.goto(`${base}/candidate/mock`);
    await candidate.page.getByRole('heading', { name: 'Your coaching card' }).waitFor();
    await candidate.page.getByText(advice).waitFor();
    problems.push(...(await review(candidate.page, 'mock-portal-card')));
    expect(problems).toEqual([]);
    expect(candidate.errors).toEqual([]);
    expect(coach.errors).toEqual([]);
    await Promise.all([candidate.context.close(), coach.context.close()]);
  }, 180_000);
});
