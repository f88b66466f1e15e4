import { createServer } from 'node:net';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import type { App } from '../../src/server/context.js';
import { launchChromium } from '../support/browser.js';
import { openTestDatabase } from '../support/db.js';
import { testConfig } from '../support/http.js';
import { requireBuiltWebApp, review, staffContext, watchErrors } from '../support/web.js';
import { buildWorld, ids, PASSWORD, TestClock, type World } from '../support/world.js';

/**
 * Passkeys through Chromium's virtual authenticator (DevTools protocol, WebAuthn domain), and the
 * authenticator app set up from its QR code. Passkeys are bound to a host name, not an IP
 * address, so the app is reached at http://localhost (a secure context without TLS).
 */
let database: Database;
let app: App;
let world: World;
let browser: Browser;
let base: string;
const clock = new TestClock();

async function freePort() {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

async function signInWithPassword(page: Page, email: string) {
  await page.goto(`${base}/app/sign-in`);
  await page.getByLabel('Organisation').fill(world.slug);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

beforeAll(async () => {
  requireBuiltWebApp();
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  const port = await freePort();
  base = `http://localhost:${port}`;
  app = await buildApp({ database, config: { ...testConfig, PUBLIC_URL: base }, clock, ids });
  await app.listen({ port, host: 'localhost' });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

it('a hiring manager adds a passkey on "Your account", then signs in with it as the second step', async () => {
  const { email, userId } = world.staff.hiring_manager;
  const { context, page, errors } = await staffContext(browser, base, world.slug, email);
  const { cdp, authenticatorId } = await virtualAuthenticator(page);
  await page.getByRole('link', { name: 'Your account' }).click();
  await page.getByRole('heading', { name: 'Two-step sign-in' }).waitFor();
  await page.getByLabel('Passkey name').fill('Work laptop');
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
  await expect(page.locator('.recovery-codes li').count()).resolves.toBe(10);
  expect(await review(page, 'mfa-recovery-codes')).toEqual([]);
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await page.getByRole('button', { name: 'Remove Work laptop' }).waitFor();
  expect(await review(page, 'mfa-account-passkey')).toEqual([]);
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials).toHaveLength(1);
  const stored = await world.db
    .selectFrom('webauthn_credentials')
    .selectAll()
    .where('user_id', '=', userId)
    .execute();
  expect(stored.map((s) => s.name)).toEqual(['Work laptop']);
  expect(stored[0]?.id).toBe(
    credentials[0]?.credentialId.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'),
  );

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in/);
  await signInWithPassword(page, email);
  await page.getByRole('heading', { name: 'Prove it is you' }).waitFor();
  expect(await review(page, 'mfa-second-step')).toEqual([]);
  await page.getByRole('button', { name: 'Use your passkey' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
  const me = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()));
  expect(me.userId).toBe(userId);
  const used = await world.db
    .selectFrom('webauthn_credentials')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  expect(used.last_used_at).not.toBeNull();

  // The passkey alone (discoverable, verified on the device) signs in without the password.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel('Organisation').fill(world.slug);
  await page.getByRole('button', { name: 'Use a passkey instead of a password' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
  const again = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()));
  expect(again.userId).toBe(userId);
  const audit = await world.db
    .selectFrom('audit_events')
    .select('data')
    .where('entity_id', '=', userId)
    .where('action', '=', 'user.signed_in')
    .execute();
  expect(audit.map((a) => (a.data as { method: string }).method).sort()).toEqual([
    'passkey',
    'passkey_alone',
  ]);
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);

it('an interviewer sets up an authenticator app from its QR code', async () => {
  const { email } = world.staff.interviewer;
  const { context, page, errors } = await staffContext(browser, base, world.slug, email);
  await page.getByRole('link', { name: 'Your account' }).click();
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
  expect(await review(page, 'mfa-totp-qr')).toEqual([]);
  const secret = (await page.locator('.hint code').first().textContent()) ?? '';
  const code = await generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });
  await page.getByLabel('The 6-digit code the app shows').fill(code);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await page.getByRole('button', { name: 'Remove the authenticator app' }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);

it('an admin sees the sign-in and security settings; the sign-in page offers the provider', async () => {
  const { context, page, errors } = await staffContext(browser, base, world.slug, world.staff.admin.email);
  await page.goto(`${base}/app/admin/security`);
  await page.getByRole('heading', { name: 'Single sign-on (OpenID Connect)' }).waitFor();
  await page.getByLabel('Button name').fill('Okta');
  await page.getByLabel('Issuer URL').fill('https://example.okta.com');
  await page.getByLabel('Client ID').fill('hireloop');
  await page.getByLabel('Client secret').fill('a secret');
  await page.getByLabel('Single sign-on is on', { exact: true }).check();
  await page.getByRole('button', { name: 'Save the identity provider' }).click();
  await page.getByText('Identity provider saved.').waitFor();
  await page.getByLabel('Token name').fill('Okta');
  await page.getByRole('button', { name: 'Create a SCIM token' }).click();
  await page.getByText('Copy this token now').waitFor();
  expect(await review(page, 'admin-security')).toEqual([]);
  await context.close();

  const visitor = await browser.newPage();
  const visitorErrors = watchErrors(visitor);
  await visitor.goto(`${base}/app/sign-in?sso_error=sso.account_disabled`);
  await visitor.getByLabel('Organisation').fill(world.slug);
  await visitor.getByRole('link', { name: 'Sign in with Okta' }).waitFor();
  await visitor.getByText('Your account is disabled').waitFor();
  expect(await review(visitor, 'sign-in-sso')).toEqual([]);
  expect([...errors, ...visitorErrors]).toEqual([]);
  await visitor.close();
}, 120_000);

it('when the organisation requires it, a coordinator without a factor is enrolled at sign-in before entering', async () => {
  await world.db.updateTable('orgs').set({ mfa_required: 'all' }).where('id', '=', world.orgId).execute();
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signInWithPassword(page, world.staff.coordinator.email);
  await page.getByText('Your organisation requires two-step sign-in').waitFor();
  // No session yet: the app's own API refuses this browser.
  const before = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.status));
  expect(before).toBe(401);
  expect(await review(page, 'mfa-enrolment-required')).toEqual([]);
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
  const secret = (await page.locator('.hint code').first().textContent()) ?? '';
  await page
    .getByLabel('The 6-digit code the app shows')
    .fill(await generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) }));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
  const me = await page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()));
  expect(me.userId).toBe(world.staff.coordinator.userId);
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);
