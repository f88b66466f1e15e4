import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSchedulingLink } from '../../src/core/scheduling/create-scheduling-link.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { addBoard } from '../support/boards.js';
import { launchChromium } from '../support/browser.js';
import { openTestDatabase } from '../support/db.js';
import { listening, loginAs } from '../support/http.js';
import { requireBuiltWebApp, staffContext } from '../support/web.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

// Every kind of page runs under its Content-Security-Policy with nothing refused: the policy is
// strict, and the product works within it.
let database: Database;
let app: App;
let world: World;
let browser: Browser;
let base: string;
const clock = new TestClock();
const token = `csp-${Math.random().toString(36).slice(2, 8)}`;
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

beforeAll(async () => {
  requireBuiltWebApp();
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  await addBoard(world, { token, name: 'Careers', employmentTypes: ['full_time', 'internship'] });
  ({ app, base } = await listening(database, clock));
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

/** Every CSP refusal in a context's pages: the DOM event, and Chromium's own console report. */
async function watchViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(
        `CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
      ),
    );
  });
  context.on('console', (message) => {
    const text = message.text();
    if (/CSP violation|Content Security Policy/i.test(text))
      violations.push(`${message.page()?.url()}: ${text}`);
  });
  return violations;
}

it('the web app, signed in as staff, runs with no CSP violation', async () => {
  const { context, page } = await staffContext(browser, base, world.slug, world.staff.recruiter.email);
  const violations = await watchViolations(context);
  await world.apply();
  for (const path of ['/app/', '/app/applications', '/app/jobs', '/app/candidates', '/app/reports']) {
    await page.goto(`${base}${path}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
  }
  expect(violations).toEqual([]);
  await context.close();
});

it('the career site lists jobs, shows one and takes an application with no CSP violation', async () => {
  const context = await browser.newContext();
  const violations = await watchViolations(context);
  const page = await context.newPage();
  await page.goto(`${base}/careers/${token}`);
  await page.getByRole('link', { name: 'internship job' }).first().click();
  await page.getByLabel('First Name').fill('Grace');
  await page.getByLabel('Last Name').fill('Hopper');
  await page.getByLabel('Email').fill('grace.csp@example.com');
  await page.getByRole('textbox', { name: 'Resume/CV (or paste as text)' }).fill('Compilers, COBOL');
  await page.getByRole('button', { name: 'Submit application' }).click();
  await page.getByRole('heading', { name: 'Thank you for applying' }).waitFor();
  expect(violations).toEqual([]);
  await context.close();
});

it("the scheduling page's inline script runs (it moves to the browser's zone) with no CSP violation", async () => {
  const application = await world.atTechnicalRound();
  const link = ok(
    await createSchedulingLink(world.deps, {
      actor: world.staff.coordinator,
      applicationId: application.id,
      roundKey: 'tech',
      interviewerIds: [world.staff.interviewer.userId],
      language: 'en',
      windowStart: new Date('2026-03-05T00:00:00Z'),
      windowEnd: new Date('2026-03-12T00:00:00Z'),
      pageUrl: `${base}/schedule`,
    }),
  );
  const context = await browser.newContext({ timezoneId: 'Asia/Tokyo' });
  const violations = await watchViolations(context);
  const page = await context.newPage();
  await page.goto(`${base}/schedule/${link.url.split('/').pop()}`);
  await page.waitForURL(/timezone=Asia%2FTokyo/);
  await page.getByRole('heading', { level: 1 }).waitFor();
  expect(violations).toEqual([]);
  await context.close();
});

it("the candidate's pad page connects its socket and edits with no CSP violation", async () => {
  const cookie = await loginAs(app, world.slug, world.staff.recruiter.email);
  const application = await world.atTechnicalRound();
  const created = await app.inject({
    method: 'POST',
    url: `/api/applications/${application.id}/pads`,
    headers: { cookie },
    payload: { problem: 'two-sum', language: 'javascript' },
  });
  expect(created.statusCode, created.body).toBe(201);
  const context = await browser.newContext();
  const violations = await watchViolations(context);
  const page = await context.newPage();
  await page.goto(`${base}${new URL(created.json().candidateUrl).pathname}`);
  const editor = page.getByLabel(/Shared code/);
  await eventually(() => editor.inputValue()).toContain('twoSum');
  await eventually(() => page.getByText('connected').count()).toBe(1);
  await editor.press('Control+Home');
  await editor.pressSequentially('// hi\n');
  await eventually(
    async () =>
      (await app.inject({ url: `/api/pads/${created.json().id}`, headers: { cookie } })).json().text,
  ).toContain('// hi');
  expect(violations).toEqual([]);
  await context.close();
});

it('the API documentation (Swagger UI) renders under its own policy with no CSP violation', async () => {
  const context = await browser.newContext();
  const violations = await watchViolations(context);
  const page = await context.newPage();
  await page.goto(`${base}/docs`);
  await page.getByText('Hireloop API').first().waitFor();
  await page.locator('.opblock').first().waitFor();
  expect(violations).toEqual([]);
  await context.close();
});
