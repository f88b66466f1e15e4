import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { launchChromium } from '../support/browser.js';
import { openTestDatabase } from '../support/db.js';
import { listening } from '../support/http.js';
import { requireBuiltWebApp, review, staffContext } from '../support/web.js';
import { buildWorld, PASSWORD, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let browser: Browser;
let base: string;
const clock = new TestClock();

beforeAll(async () => {
  requireBuiltWebApp();
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  ({ app, base } = await listening(database, clock));
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

it('a recruiter ends a session left open on another device from "Your sessions", with the keyboard only', async () => {
  const { email } = world.staff.recruiter;
  // The forgotten session: signed in from a phone.
  const phone = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: {
      'user-agent':
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
    },
    payload: { org: world.slug, email, password: PASSWORD },
  });
  const phoneCookie = `hl_session=${phone.cookies.find((c) => c.name === 'hl_session')?.value}`;
  const { context, page, errors } = await staffContext(browser, base, world.slug, email);
  await page.getByRole('link', { name: 'Your account' }).click();
  const table = page.getByRole('table', { name: 'Your sessions' });
  await expect.poll(() => table.getByRole('row').count(), { timeout: 15_000 }).toBe(3);
  await expect(table.getByRole('row').filter({ hasText: '(this one)' }).count()).resolves.toBe(1);
  await table.getByRole('cell', { name: 'Chrome on Android', exact: true }).waitFor();

  const end = page.getByRole('button', { name: /^End the session on Chrome on Android/ });
  await end.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'Signed out of Chrome on Android.' }).waitFor();
  await expect.poll(() => table.getByRole('row').count(), { timeout: 15_000 }).toBe(2);
  const after = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: phoneCookie } });
  expect(after.statusCode).toBe(401);

  expect(await review(page, 'your-sessions')).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
}, 90_000);
