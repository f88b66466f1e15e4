import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { launchChromium } from '../support/browser.js';
import { openTestDatabase } from '../support/db.js';
import { listening } from '../support/http.js';
import { requireBuiltWebApp, review, staffContext } from '../support/web.js';
import { buildWorld, TestClock, type World } from '../support/world.js';

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

it('an admin finds an interviewer, disables them after confirming, and the interviewer’s open page signs out', async () => {
  const interviewer = await staffContext(browser, base, world.slug, world.staff.interviewer.email);
  await interviewer.page.getByRole('link', { name: 'Your account' }).click();
  await interviewer.page.getByRole('heading', { name: 'Your sessions' }).waitFor();

  const admin = await staffContext(browser, base, world.slug, world.staff.admin.email);
  const { page } = admin;
  await page.goto(`${base}/app/admin/users`);
  const table = page.getByRole('table', { name: 'Users' });
  await table.getByRole('cell', { name: 'hmB', exact: true }).waitFor();
  await page.getByLabel('Role').selectOption('interviewer');
  await expect.poll(() => table.getByRole('row').count(), { timeout: 15_000 }).toBe(2);
  expect(await review(page, 'admin-users')).toEqual([]);

  await page.getByRole('button', { name: 'Edit interviewer' }).click();
  const editor = page.getByRole('form', { name: 'Edit interviewer' });
  await editor.getByLabel('Interview languages').fill('en, zh');
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect
    .poll(() => table.getByRole('button', { name: 'Edit interviewer' }).getAttribute('aria-expanded'))
    .toBe('false');

  await table.getByRole('button', { name: 'Edit interviewer' }).click();
  await page.getByRole('button', { name: 'Disable account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Disable interviewer?' });
  await dialog.waitFor();
  // The dialog opens with the focus on Cancel; Tab reaches the confirm button.
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
  expect(await review(page, 'admin-users-disable-confirm')).toEqual([]);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Disable account');
  await page.keyboard.press('Enter');
  await table.getByRole('cell', { name: 'Disabled' }).waitFor();

  const languages = await world.db
    .selectFrom('interviewer_profiles')
    .select('languages')
    .where('user_id', '=', world.staff.interviewer.userId)
    .executeTakeFirstOrThrow();
  expect(languages.languages).toEqual(['en', 'zh']);
  const row = await world.db
    .selectFrom('users')
    .select('disabled_at')
    .where('id', '=', world.staff.interviewer.userId)
    .executeTakeFirstOrThrow();
  expect(row.disabled_at).not.toBeNull();

  // The interviewer's next request finds the session gone and lands on the sign-in page.
  await interviewer.page.reload();
  await interviewer.page.waitForURL(/\/app\/sign-in/);
  await interviewer.page.getByLabel('Organisation').fill(world.slug);
  await interviewer.page.getByLabel('Email').fill(world.staff.interviewer.email);
  await interviewer.page.getByLabel('Password').fill('correct horse battery staple');
  await interviewer.page.getByRole('button', { name: 'Sign in' }).click();
  await interviewer.page
    .getByRole('alert')
    .filter({ hasText: 'Wrong organisation, email or password.' })
    .waitFor();

  expect(admin.errors).toEqual([]);
  expect(interviewer.errors).toEqual([]);
  await admin.context.close();
  await interviewer.context.close();
}, 120_000);

it('a recruiter makes an API token on their account page, sees it once with a copy button, uses it and revokes it', async () => {
  const { context, page, errors } = await staffContext(
    browser,
    base,
    world.slug,
    world.staff.recruiter.email,
  );
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  await page.getByRole('link', { name: 'Your account' }).click();
  const form = page.getByRole('form', { name: 'New personal token' });
  await form.getByLabel('What it is for').fill('Weekly report');
  await form.getByRole('checkbox', { name: /^Read candidates, applications, interviews/ }).check();
  await form.getByRole('button', { name: 'Make token' }).click();
  const shown = page.getByLabel('Token', { exact: true });
  await shown.waitFor();
  const secret = await shown.inputValue();
  expect(secret).toMatch(/^hlt_/);
  await page.getByRole('button', { name: 'Copy token' }).click();
  await page.getByRole('status').filter({ hasText: 'Copied to the clipboard.' }).waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  expect(await review(page, 'account-token-shown-once')).toEqual([]);

  const used = await app.inject({
    method: 'GET',
    url: '/api/applications?limit=1',
    headers: { authorization: `Bearer ${secret}` },
  });
  expect(used.statusCode).toBe(200);
  await page.getByRole('button', { name: 'I have kept it' }).click();
  await expect.poll(() => shown.count()).toBe(0);
  // The list never shows the secret again.
  expect(await page.content()).not.toContain(secret);
  await page.reload();
  const tokens = page.getByRole('table', { name: 'Your API tokens' });
  await tokens
    .getByRole('cell', { name: /Weekly report/ })
    .first()
    .waitFor();
  await tokens.getByRole('cell', { name: /from 127\.0\.0\.1/ }).waitFor();

  await page.getByRole('button', { name: 'Revoke Weekly report' }).click();
  await page
    .getByRole('dialog', { name: 'Revoke Weekly report?' })
    .getByRole('button', { name: 'Revoke token' })
    .click();
  await tokens.getByRole('cell', { name: 'Revoked' }).waitFor();
  const after = await app.inject({
    method: 'GET',
    url: '/api/applications?limit=1',
    headers: { authorization: `Bearer ${secret}` },
  });
  expect(after.statusCode).toBe(401);
  expect(await review(page, 'account-tokens')).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);

it('the audit log shows what happened, filtered, and a signed-out person resets their password from the link', async () => {
  const admin = await staffContext(browser, base, world.slug, world.staff.admin.email);
  await admin.page.goto(`${base}/app/admin/audit`);
  const log = admin.page.getByRole('table', { name: 'Audit log entries, newest first' });
  await log.getByRole('cell', { name: 'Disabled a user' }).waitFor();
  await admin.page.getByLabel('What').selectOption('token.');
  await log.getByRole('cell', { name: 'Made an API token' }).waitFor();
  await expect.poll(() => log.getByRole('cell', { name: 'Disabled a user' }).count()).toBe(0);
  expect(await review(admin.page, 'admin-audit-log')).toEqual([]);
  await admin.context.close();

  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${base}/app/sign-in`);
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByLabel('Organisation').fill(world.slug);
  await page.getByLabel('Email').fill(world.staff.hr.email);
  await page.getByRole('button', { name: 'Email me a link' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: 'a link to choose a new password is on its way' })
    .waitFor();
  const message = await world.db
    .selectFrom('outbox')
    .select('payload')
    .where('kind', '=', 'staff.password_reset_link')
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  const link = new URL(String(message.payload.url));
  await page.goto(`${base}${link.pathname}${link.search}`);
  await page.getByLabel('New password', { exact: true }).fill('password1234');
  await page.getByLabel('The same password again').fill('password1234');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await page.getByText('leaked in breaches').first().waitFor();
  expect(await review(page, 'reset-password-refused')).toEqual([]);
  await page.getByLabel('New password', { exact: true }).fill('seven blue herons at noon');
  await page.getByLabel('The same password again').fill('seven blue herons at noon');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await page.getByRole('status').filter({ hasText: 'Your password is changed' }).waitFor();
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { org: world.slug, email: world.staff.hr.email, password: 'seven blue herons at noon' },
  });
  expect(signIn.statusCode).toBe(204);
  await context.close();
}, 120_000);
