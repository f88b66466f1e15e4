import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decideApplicationRound } from '../../src/core/applications/decide-round.js';
import { submitApplication } from '../../src/core/applications/submit-application.js';
import { createJob } from '../../src/core/jobs/create-job.js';
import { transitionJob } from '../../src/core/jobs/transition-job.js';
import { adoptTemplate } from '../../src/core/processes/adopt-template.js';
import type { Database } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import type { App } from '../../src/server/context.js';
import { launchChromium } from '../support/browser.js';
import { openTestDatabase } from '../support/db.js';
import { testConfig } from '../support/http.js';
import { requireBuiltWebApp, review, staffContext, watchErrors } from '../support/web.js';
import { buildWorld, catalog, ids, ok, TestClock, type World } from '../support/world.js';

// A candidate in the backend internship's process practises in the portal: they read what their
// rounds test, solve a coding problem on its public tests, and run a timed practice to its
// explanation, at desktop and phone widths.
const practiceFixture = fileURLToPath(new URL('../fixtures/practice/', import.meta.url));
let database: Database;
let app: App;
let world: World;
let browser: Browser;
let base: string;
const clock = new TestClock();
const email = 'intern.practice@example.com';
const solution =
  'function hasPair(nums, target) {\n  const seen = new Set();\n  for (const x of nums) {\n    if (seen.has(target - x)) return true;\n    seen.add(x);\n  }\n  return false;\n}\n';

beforeAll(async () => {
  requireBuiltWebApp();
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  app = await buildApp({ database, config: testConfig, clock, ids, practiceRoot: practiceFixture });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const template = catalog.processTemplates.get('backend-internship');
  if (!template) throw new Error('the backend internship template is not shipped');
  const process = ok(
    await adoptTemplate(world.deps, { actor: world.staff.admin, teamId: world.teams.A, template }),
  );
  const job = ok(
    await createJob(world.deps, {
      actor: world.staff.recruiter,
      fields: {
        title: 'Backend Software Engineer Intern',
        teamId: world.teams.A,
        processId: process.id,
        employmentType: 'internship',
        jobFamily: 'internship',
        headcount: 1,
        level: 'intern',
        locations: ['Remote'],
        officeIds: [],
        posting: {},
      },
    }),
  );
  ok(await transitionJob(world.deps, { actor: world.staff.recruiter, jobId: job.id, to: 'open' }));
  const application = ok(
    await submitApplication(world.deps, {
      actor: world.staff.recruiter,
      jobId: job.id,
      candidate: { email, firstName: 'Ines', lastName: 'Intern' },
      source: 'test',
    }),
  ).application;
  ok(
    await decideApplicationRound(world.deps, {
      actor: world.staff.recruiter,
      applicationId: application.id,
      roundKey: 'resume',
      decision: 'advance',
      rationale: 'Strong projects.',
      overrideReason: 'Decided in the test without its interview.',
    }),
  );
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

async function signIn(width: number) {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${base}/candidate/sign-in?org=${world.slug}`);
  await page.getByLabel('Your email').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.getByText('a sign-in link is on its way').waitFor();
  const message = await world.db
    .selectFrom('outbox')
    .select('payload')
    .where('kind', '=', 'candidate.sign_in_link')
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  await page.goto(String(message.payload.url).replace(/^https?:\/\/[^/]+/, base));
  await page.getByRole('heading', { level: 1, name: 'My applications' }).waitFor();
  return { context, page, errors };
}

const answer = async (page: Page, code: string) => {
  await page.getByLabel('Your answer').fill(code);
};

it('a backend intern practises a coding problem and runs a timed practice', async () => {
  const violations: string[] = [];
  const { context, page, errors } = await signIn(1280);
  await page.getByRole('link', { name: 'Practise for your rounds' }).click();
  await page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
  expect(await page.getByRole('note').textContent()).toContain('the hiring team never sees');
  // The internship's rounds a candidate sits, each with what it tests.
  await page.getByRole('heading', { name: /Coding screen/ }).waitFor();
  await page.getByRole('heading', { name: 'Hiring-manager interview' }).waitFor();
  violations.push(...(await review(page, 'practice-space')));

  await page.getByRole('button', { name: 'Practice: a pair with a given sum' }).click();
  await answer(page, solution);
  await page.getByRole('button', { name: 'Run the public tests' }).click();
  await expect
    .poll(() => page.getByRole('status').first().textContent(), { timeout: 60_000 })
    .toContain('3 of 3 examples pass');
  violations.push(...(await review(page, 'practice-solved')));

  await page.getByRole('button', { name: /Start a timed practice/ }).click();
  await page.getByRole('timer').waitFor();
  await page.getByRole('button', { name: 'Submit timed practice' }).click();
  await page.getByRole('heading', { name: 'How to solve it' }).waitFor({ timeout: 60_000 });
  expect(await page.getByText(/keep the numbers seen so far/).count()).toBe(1);
  violations.push(...(await review(page, 'practice-timed-result')));
  await context.close();

  const phone = await signIn(390);
  await phone.page.goto(`${base}/candidate/practice`);
  await phone.page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
  await phone.page.getByRole('button', { name: 'Practice: a pair with a given sum' }).first().click();
  await phone.page.getByRole('heading', { name: 'Practice: a pair with a given sum' }).waitFor();
  violations.push(...(await review(phone.page, 'practice-phone')));
  await phone.context.close();

  expect(violations).toEqual([]);
  expect([...errors, ...phone.errors]).toEqual([]);
}, 240_000);

it('an admin publishes the public practice link, a visitor practises on it, and a withdrawn link stops', async () => {
  const violations: string[] = [];
  const admin = await staffContext(browser, base, world.slug, world.staff.admin.email);
  await admin.page.goto(`${base}/app/admin/practice`);
  await admin.page.getByRole('heading', { name: 'Public practice link' }).waitFor();
  await admin.page.getByRole('button', { name: 'Publish a practice link' }).click();
  const shown = admin.page.getByRole('status').filter({ hasText: 'shown this once' });
  const url = (await shown.locator('code').textContent())!;
  violations.push(...(await review(admin.page, 'practice-link-admin')));

  // A visitor with no account opens it and runs a problem's public tests; nothing asks who they are.
  const visitor = await browser.newContext({ locale: 'en-GB', viewport: { width: 390, height: 900 } });
  const page = await visitor.newPage();
  const errors = watchErrors(page);
  await page.goto(url.replace(/^https?:\/\/[^/]+/, base));
  await page.getByRole('button', { name: 'Practice: a pair with a given sum' }).first().click();
  await answer(page, solution);
  await page.getByRole('button', { name: 'Run the public tests' }).click();
  await expect
    .poll(() => page.getByRole('status').first().textContent(), { timeout: 60_000 })
    .toContain('3 of 3 examples pass');
  violations.push(...(await review(page, 'practice-public-link')));

  // Withdrawn, the same link no longer opens the space.
  await admin.page.getByRole('button', { name: 'Withdraw the link' }).click();
  await admin.page.getByRole('button', { name: 'Withdraw it' }).click();
  await admin.page.getByText('Not published.').waitFor();
  await page.reload();
  await expect.poll(() => page.getByRole('button', { name: 'Run the public tests' }).count()).toBe(0);
  expect(violations).toEqual([]);
  expect([...errors, ...admin.errors]).toEqual([]);
  await Promise.all([visitor.close(), admin.context.close()]);
}, 240_000);
