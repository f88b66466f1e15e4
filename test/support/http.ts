import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { App } from '../../src/server/context.js';
import { ids, PASSWORD, type TestClock } from './world.js';

export const testConfig = loadConfig({
  LOG_LEVEL: 'silent',
  COOKIE_SECURE: 'false',
  SEED_DEMO: 'false',
  SUBMISSIONS_PER_MINUTE_PER_IP: '100000',
  SCHEDULING_REQUESTS_PER_MINUTE_PER_IP: '100000',
  LOGIN_ATTEMPTS_PER_MINUTE_PER_IP: '100000',
  // Tests sign in often from one address within one TestClock minute; test/http/auth-throttling.test.ts
  // tests the budgets themselves.
  LOGIN_FAILURES_PER_ACCOUNT_AND_IP: '100000',
  LOGIN_FAILURES_PER_ACCOUNT: '100000',
  SIGN_IN_LINK_REQUESTS_PER_MINUTE_PER_IP: '100000',
  SIGN_IN_LINK_REDEMPTIONS_PER_MINUTE_PER_IP: '100000',
  SIGN_IN_EMAILS_PER_HOUR_PER_RECIPIENT: '1000',
  PASSWORD_RESET_REQUESTS_PER_MINUTE_PER_IP: '100000',
  PASSWORD_RESET_EMAILS_PER_HOUR_PER_RECIPIENT: '1000',
  // Tests move the clock by days between steps with the same sessions; test/http/sessions.test.ts
  // tests the idle timeouts themselves.
  STAFF_SESSION_IDLE_MINUTES: '43200',
  CANDIDATE_SESSION_IDLE_MINUTES: '43200',
  // Test receivers (webhooks, calendar feeds) listen on loopback.
  ALLOW_PRIVATE_NETWORK_URLS: 'true',
  // Secrets at rest (authenticator keys, identity providers' client secrets) need a key.
  SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'),
  // The OpenID provider of test/integration/oidc.test.ts listens on plain http on loopback.
  ALLOW_INSECURE_OIDC_ISSUERS: 'true',
});

export function buildTestApp(database: Database, clock: TestClock): Promise<App> {
  return buildApp({ database, config: testConfig, clock, ids });
}

/** The app listening on a free loopback port, for a browser: answers the app and its base URL. */
export async function listening(database: Database, clock: TestClock): Promise<{ app: App; base: string }> {
  const app = await buildTestApp(database, clock);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'hl_session');
  if (!cookie) throw new Error(`no session cookie (status ${response.statusCode}: ${response.body})`);
  return `hl_session=${cookie.value}`;
}

export async function loginAs(app: App, org: string, email: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { org, email, password: PASSWORD },
  });
  expect(response.statusCode).toBe(204);
  return sessionCookie(response);
}

/** Signs a candidate in the way a candidate does: asks for a link, reads it from the outbox, redeems it. */
export async function candidateLogin(
  app: App,
  database: Database,
  org: string,
  email: string,
): Promise<string> {
  const ask = await app.inject({ method: 'POST', url: '/api/auth/candidate-links', payload: { org, email } });
  expect(ask.statusCode).toBe(202);
  const message = await database.db
    .selectFrom('outbox')
    .select('payload')
    .where('kind', '=', 'candidate.sign_in_link')
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  const token = new URL(String(message.payload.url)).searchParams.get('token');
  const redeem = await app.inject({
    method: 'POST',
    url: '/api/auth/candidate-links/redeem',
    payload: { token },
  });
  expect(redeem.statusCode).toBe(204);
  return sessionCookie(redeem);
}

export const errorCode = (response: LightMyRequestResponse): string | undefined =>
  response.json()?.error?.code;
