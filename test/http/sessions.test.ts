import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { candidateLogin, errorCode, sessionCookie } from '../support/http.js';
import { buildWorld, ids, PASSWORD, TestClock, type World } from '../support/world.js';

const MINUTE = 60_000;
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

let database: Database;
let app: App;
let world: World;
const clock = new TestClock();

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    COOKIE_SECURE: 'false',
    LOGIN_ATTEMPTS_PER_MINUTE_PER_IP: '100000',
    SIGN_IN_LINK_REQUESTS_PER_MINUTE_PER_IP: '100000',
    SESSION_DAYS: '1',
    STAFF_SESSION_IDLE_MINUTES: '30',
    CANDIDATE_SESSION_IDLE_MINUTES: '120',
    TRUST_PROXY: '127.0.0.1',
  });
  app = await buildApp({ database, config, clock, ids });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const signIn = async (email: string, password = PASSWORD, headers: Record<string, string> = {}) =>
  sessionCookie(
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers,
      payload: { org: world.slug, email, password },
    }),
  );
const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
const sessionsOf = async (cookie: string) => {
  const response = await app.inject({ method: 'GET', url: '/api/auth/sessions', headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as {
    id: string;
    device: string;
    address: string | null;
    current: boolean;
    createdAt: string;
    lastSeenAt: string;
  }[];
};
const lastSeen = async (cookie: string) => (await sessionsOf(cookie)).find((s) => s.current)?.lastSeenAt;

describe('idle timeout', () => {
  it('a staff session unused for 30 minutes ends, though its absolute lifetime has not', async () => {
    const cookie = await signIn(world.staff.coordinator.email);
    clock.advanceMs(29 * MINUTE);
    expect((await me(cookie)).statusCode).toBe(200);
    clock.advanceMs(30 * MINUTE);
    const ended = await me(cookie);
    expect([ended.statusCode, errorCode(ended)]).toEqual([401, 'auth.required']);
  });

  it('a session in use never goes idle, and its last use is written at most once a minute', async () => {
    const cookie = await signIn(world.staff.interviewer.email);
    for (let i = 0; i < 6; i++) {
      clock.advanceMs(25 * MINUTE);
      expect((await me(cookie)).statusCode).toBe(200);
    }
    const seen = await lastSeen(cookie);
    expect(seen).toBe(clock.now().toISOString());
    clock.advanceMs(30_000);
    expect((await me(cookie)).statusCode).toBe(200);
    expect(await lastSeen(cookie)).toBe(seen);
    clock.advanceMs(30_000);
    await me(cookie);
    expect(await lastSeen(cookie)).toBe(clock.now().toISOString());
  });

  it('the absolute lifetime still ends a session in constant use', async () => {
    const cookie = await signIn(world.staff.hmB.email);
    for (let minutes = 25; minutes < 24 * 60; minutes += 25) {
      clock.advanceMs(25 * MINUTE);
      expect((await me(cookie)).statusCode).toBe(200);
    }
    clock.advanceMs(25 * MINUTE);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('a candidate session has its own, longer idle timeout', async () => {
    const person = world.candidate();
    await world.apply(person);
    const cookie = await candidateLogin(app, database, world.slug, person.email);
    clock.advanceMs(90 * MINUTE);
    expect((await me(cookie)).statusCode).toBe(200);
    clock.advanceMs(120 * MINUTE);
    expect((await me(cookie)).statusCode).toBe(401);
  });
});

describe('my sessions', () => {
  it('lists my running sessions with device and address, marks this one, and shows no tokens and nobody else’s', async () => {
    const { email } = world.staff.hr;
    const laptop = await signIn(email, PASSWORD, {
      'user-agent': FIREFOX,
      'x-forwarded-for': '198.51.100.20',
    });
    clock.advanceMs(MINUTE);
    const phone = await signIn(email, PASSWORD, { 'user-agent': SAFARI, 'x-forwarded-for': '198.51.100.21' });
    await signIn(world.staff.recruiter.email);
    const response = await app.inject({
      method: 'GET',
      url: '/api/auth/sessions',
      headers: { cookie: laptop },
    });
    const items = response.json().items;
    expect(
      items.map((s: { device: string; address: string; current: boolean }) => [
        s.device,
        s.address,
        s.current,
      ]),
    ).toEqual([
      ['Safari on iOS', '198.51.100.21', false],
      ['Firefox on Linux', '198.51.100.20', true],
    ]);
    for (const token of [laptop, phone].map((c) => c.split('=')[1] as string)) {
      expect(response.body).not.toContain(token);
    }
    expect(Object.keys(items[0]).sort()).toEqual(
      ['address', 'createdAt', 'current', 'device', 'expiresAt', 'id', 'lastSeenAt'].sort(),
    );
  });

  it('ends one of my sessions by id; another person’s session id is not found and keeps working', async () => {
    const mine = await signIn(world.staff.admin.email);
    const other = await signIn(world.staff.admin.email);
    const theirs = await signIn(world.staff.hiring_manager.email);
    const otherId = (await sessionsOf(mine)).find((s) => !s.current)?.id;
    const theirId = (await sessionsOf(theirs)).find((s) => s.current)?.id;
    const end = (id: string) =>
      app.inject({ method: 'DELETE', url: `/api/auth/sessions/${id}`, headers: { cookie: mine } });
    const foreign = await end(theirId as string);
    expect([foreign.statusCode, errorCode(foreign)]).toEqual([404, 'session.not_found']);
    expect((await me(theirs)).statusCode).toBe(200);
    expect((await end(otherId as string)).statusCode).toBe(204);
    expect((await me(other)).statusCode).toBe(401);
    expect((await me(mine)).statusCode).toBe(200);
    expect(errorCode(await end(otherId as string))).toBe('session.not_found');
  });

  it('"end the others" ends every session of mine but this one, and nobody else’s', async () => {
    const { email } = world.staff.coordinator;
    const [keep, a, b] = [await signIn(email), await signIn(email), await signIn(email)];
    const bystander = await signIn(world.staff.interviewer.email);
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sessions/end-others',
      headers: { cookie: keep },
    });
    expect(response.json().ended).toBeGreaterThanOrEqual(2);
    expect([(await me(a)).statusCode, (await me(b)).statusCode]).toEqual([401, 401]);
    expect((await me(keep)).statusCode).toBe(200);
    expect((await me(bystander)).statusCode).toBe(200);
    expect((await sessionsOf(keep)).length).toBe(1);
  });

  it('a candidate lists and ends their own sessions too', async () => {
    const person = world.candidate();
    await world.apply(person);
    const first = await candidateLogin(app, database, world.slug, person.email);
    const second = await candidateLogin(app, database, world.slug, person.email);
    expect((await sessionsOf(first)).length).toBe(2);
    const ended = await app.inject({
      method: 'POST',
      url: '/api/auth/sessions/end-others',
      headers: { cookie: first },
    });
    expect(ended.json()).toEqual({ ended: 1 });
    expect((await me(second)).statusCode).toBe(401);
  });
});

describe('password change and disabling end sessions', () => {
  const change = (cookie: string, currentPassword: string, newPassword: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword, newPassword },
    });

  it('changing my password ends my other sessions; the old password stops working and the new one signs in', async () => {
    const { email } = world.staff.hmB;
    const here = await signIn(email);
    const elsewhere = await signIn(email);
    const wrong = await change(here, 'not my password', 'a brand new passphrase');
    expect([wrong.statusCode, errorCode(wrong), wrong.json().error.details.field]).toEqual([
      403,
      'auth.wrong_password',
      'currentPassword',
    ]);
    expect((await me(elsewhere)).statusCode).toBe(200);
    const short = await change(here, PASSWORD, 'short');
    expect([short.statusCode, errorCode(short)]).toEqual([400, 'validation.failed']);
    const changed = await change(here, PASSWORD, 'a brand new passphrase');
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().ended).toBeGreaterThanOrEqual(1);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await me(here)).statusCode).toBe(200);
    const old = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { org: world.slug, email, password: PASSWORD },
    });
    expect(errorCode(old)).toBe('auth.invalid_credentials');
    await signIn(email, 'a brand new passphrase');
  });

  it('a candidate has no password to change', async () => {
    const person = world.candidate();
    await world.apply(person);
    const cookie = await candidateLogin(app, database, world.slug, person.email);
    const response = await change(cookie, 'x', 'long enough password');
    expect([response.statusCode, errorCode(response)]).toEqual([403, 'permission.denied']);
  });

  it('a disabled user is signed out everywhere at once and cannot sign in again', async () => {
    const admin = await signIn(world.staff.admin.email);
    const victim = world.staff.hr;
    const sessions = [await signIn(victim.email), await signIn(victim.email)];
    const disable = (cookie: string, id: string) =>
      app.inject({ method: 'POST', url: `/api/users/${id}/disable`, headers: { cookie } });

    const notAdmin = await disable(sessions[0] as string, world.staff.recruiter.userId);
    expect([notAdmin.statusCode, errorCode(notAdmin)]).toEqual([403, 'permission.denied']);
    const self = await disable(admin, world.staff.admin.userId);
    expect([self.statusCode, errorCode(self)]).toEqual([422, 'user.cannot_disable_self']);
    const stranger = await disable(admin, ids.next());
    expect([stranger.statusCode, errorCode(stranger)]).toEqual([404, 'user.not_found']);

    const done = await disable(admin, victim.userId);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().endedSessions).toBeGreaterThanOrEqual(2);
    for (const cookie of sessions) expect((await me(cookie)).statusCode).toBe(401);
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { org: world.slug, email: victim.email, password: PASSWORD },
    });
    expect([again.statusCode, errorCode(again)]).toEqual([401, 'auth.invalid_credentials']);
  });
});
