import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSchedulingLink } from '../../src/core/scheduling/create-scheduling-link.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { launchChromium } from '../support/browser.js';
import { openTestDatabase } from '../support/db.js';
import { listening } from '../support/http.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let browser: Browser;
let base: string;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, new TestClock());
  await world.db
    .updateTable('users')
    .set({ timezone: 'America/Los_Angeles' })
    .where('id', '=', world.staff.interviewer.userId)
    .execute();
  ({ app, base } = await listening(database, new TestClock()));
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

it('a candidate in Shanghai opens the emailed link, sees times in their zone, books one, then cancels it', async () => {
  const application = await world.atTechnicalRound();
  const link = ok(
    await createSchedulingLink(world.deps, {
      actor: world.staff.coordinator,
      applicationId: application.id,
      roundKey: 'tech',
      interviewerIds: [world.staff.interviewer.userId],
      language: 'zh',
      windowStart: new Date('2026-03-05T00:00:00Z'),
      windowEnd: new Date('2026-03-12T00:00:00Z'),
      pageUrl: `${base}/schedule`,
    }),
  );
  const token = link.url.split('/').pop()!;

  // The browser is in Shanghai: the page switches to the browser's zone by itself.
  const context = await browser.newContext({ timezoneId: 'Asia/Shanghai', locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${base}/schedule/${token}`);
  await page.waitForURL(/timezone=Asia%2FShanghai/);
  await page.getByRole('heading', { level: 1, name: 'Pick a time for your Technical interview' }).waitFor();
  expect(await page.getByRole('group', { name: 'Times in Asia/Shanghai' }).isVisible()).toBe(true);
  await expect(page.getByRole('heading', { name: 'Thursday 5 March' }).isVisible()).resolves.toBe(true);
  const first = page.getByRole('radio', { name: /08:00–09:00 \(.*16:00 in Los Angeles\)/ }).first();
  await page.screenshot({ path: '.test-results/schedule-pick.png', fullPage: true });

  // Keyboard only: choose the first time, confirm the language, book.
  await first.focus();
  await page.keyboard.press('Space');
  await page.getByLabel('I confirm the interview will be held in Chinese').focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Book this time' }).press('Enter');
  await page.getByRole('status').waitFor();
  expect(await page.getByRole('status').textContent()).toContain('Your interview is booked');
  await page.getByRole('heading', { level: 2, name: /Thursday 5 March at 08:00/ }).waitFor();
  expect(await page.getByRole('link', { name: 'Join by video' }).getAttribute('href')).toMatch(
    /^https:\/\/meet\.jit\.si\/hireloop-/,
  );
  await page.screenshot({ path: '.test-results/schedule-booked.png', fullPage: true });

  // Cancelling needs a reason; without one the browser asks for it, with one it goes through.
  await page.getByLabel('Why are you cancelling?').fill('I accepted another offer');
  await page.getByRole('button', { name: 'Cancel my interview' }).click();
  await page.getByText('Your interview is cancelled').waitFor();
  await page.getByRole('heading', { level: 1, name: 'Pick a time for your Technical interview' }).waitFor();
  const interview = await world.db
    .selectFrom('interviews')
    .select(['status', 'change_reason'])
    .where('application_id', '=', application.id)
    .executeTakeFirstOrThrow();
  expect(interview).toEqual({ status: 'cancelled', change_reason: 'I accepted another offer' });
  await context.close();
});

it('an unknown link says so, in words', async () => {
  const page = await browser.newPage();
  const response = await page.goto(`${base}/schedule/${'x'.repeat(43)}`);
  expect(response?.status()).toBe(404);
  await page.getByRole('heading', { name: 'Link not found' }).waitFor();
  await page.close();
});
