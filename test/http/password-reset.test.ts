import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disableUser } from '../../src/core/accounts/disable-user.js';
import type { Database } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, errorCode, loginAs } from '../support/http.js';
import { testWorker } from '../support/worker.js';
import { buildWorld, ids, ok, PASSWORD, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let clock: TestClock;

const ask = (email: string, headers: Record<string, string> = {}, target: App = app) =>
  target.inject({
    method: 'POST',
    url: '/api/auth/password-resets',
    payload: { org: world.slug, email },
    headers,
  });
const redeem = (token: string, newPassword: string) =>
  app.inject({ method: 'POST', url: '/api/auth/password-resets/redeem', payload: { token, newPassword } });
const signIn = (email: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { org: world.slug, email, password } });

/** The reset links queued so far, newest first, with the token each carries. */
async function links() {
  const rows = await world.db
    .selectFrom('outbox')
    .select(['payload'])
    .where('kind', '=', 'staff.password_reset_link')
    .where('org_id', '=', world.orgId)
    .orderBy('seq', 'desc')
    .execute();
  return rows.map((r) => ({
    userId: String(r.payload.userId),
    token: new URL(String(r.payload.url)).searchParams.get('token') ?? '',
  }));
}

beforeAll(async () => {
  database = await openTestDatabase();
  clock = new TestClock();
  world = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('asking for a reset', () => {
  it('answers the same for a known, an unknown and a disabled address; only the known one gets a link', async () => {
    const before = (await links()).length;
    ok(await disableUser(world.deps, { actor: world.staff.admin, userId: world.staff.hmB.userId }));
    const answers = await Promise.all([
      ask(world.staff.hr.email),
      ask('nobody@example.com'),
      ask(world.staff.hmB.email),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([202, 202, 202]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    const after = await links();
    expect(after.length - before).toBe(1);
    expect(after[0]?.userId).toBe(world.staff.hr.userId);
    // Only the hash is kept.
    const stored = await world.db.selectFrom('password_resets').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(after[0]?.token);
    expect(stored.map((s) => s.token_hash)).toContain(world.deps.tokens.hash(after[0]?.token ?? ''));
  });

  it('emails the link to its owner through the outbox', async () => {
    await ask(world.staff.coordinator.email);
    const worker = testWorker(world);
    await worker.drain();
    const mail = await world.db
      .selectFrom('deliveries')
      .select(['recipient', 'subject', 'body'])
      .where('subject', '=', 'Reset your Hireloop password')
      .where('recipient', '=', world.staff.coordinator.email)
      .executeTakeFirstOrThrow();
    expect(mail.body).toContain('/app/reset-password?token=');
    expect(mail.body).toContain('within 30 minutes');
    await worker.close();
  });

  it('limits requests per address and emails per account, answering alike past the email limit', async () => {
    const limited = await buildApp({
      database,
      clock,
      ids,
      config: loadConfig({
        LOG_LEVEL: 'silent',
        SEED_DEMO: 'false',
        TRUST_PROXY: '127.0.0.1',
        PASSWORD_RESET_REQUESTS_PER_MINUTE_PER_IP: '4',
        PASSWORD_RESET_EMAILS_PER_HOUR_PER_RECIPIENT: '2',
      }),
    });
    const from = { 'x-forwarded-for': '203.0.113.9' };
    const before = (await links()).length;
    const answers = [];
    for (let i = 0; i < 4; i++)
      answers.push((await ask(world.staff.recruiter.email, from, limited)).statusCode);
    expect(answers).toEqual([202, 202, 202, 202]);
    expect((await links()).length - before).toBe(2);
    const fifth = await ask(world.staff.recruiter.email, from, limited);
    expect(fifth.statusCode).toBe(429);
    expect(errorCode(fifth)).toBe('rate.limited');
    expect(fifth.headers['retry-after']).toBeTruthy();
    clock.advanceMs(61 * 60_000);
    expect((await ask(world.staff.recruiter.email, from, limited)).statusCode).toBe(202);
    expect((await links()).length - before).toBe(3);
    await limited.close();
  });
});

describe('setting a new password with the link', () => {
  it('works once, ends every session, revokes personal API tokens, and the old password stops working', async () => {
    const cookie = await loginAs(app, world.slug, world.staff.interviewer.email);
    const made = await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: { cookie },
      payload: { name: 'made before the reset', scopes: ['candidates:read'] },
    });
    expect(made.statusCode, made.body).toBe(201);
    const bearer = { authorization: `Bearer ${made.json().token}` };
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(200);
    await ask(world.staff.interviewer.email);
    const [link] = await links();
    const set = await redeem(link!.token, 'a brand new passphrase for me');
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ ended: 1 });
    expect(errorCode(await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } }))).toBe(
      'auth.required',
    );
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(401);
    const twice = await redeem(link!.token, 'another brand new passphrase');
    expect(twice.statusCode).toBe(401);
    expect(errorCode(twice)).toBe('auth.invalid_reset_link');
    expect(errorCode(await signIn(world.staff.interviewer.email, PASSWORD))).toBe('auth.invalid_credentials');
    expect((await signIn(world.staff.interviewer.email, 'a brand new passphrase for me')).statusCode).toBe(
      204,
    );
    const audit = await world.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', world.staff.interviewer.userId)
      .where('action', '=', 'user.password_reset')
      .execute();
    expect(audit).toHaveLength(1);
    const told = await world.db
      .selectFrom('outbox')
      .select('payload')
      .where('kind', '=', 'staff.password_changed')
      .execute();
    expect(told.map((t) => t.payload.userId)).toContain(world.staff.interviewer.userId);
  });

  it('expires after 30 minutes by the clock, and a newer link or a change of password voids older ones', async () => {
    await ask(world.staff.hiring_manager.email);
    const [late] = await links();
    clock.advanceMs(31 * 60_000);
    expect(errorCode(await redeem(late!.token, 'too late for this passphrase'))).toBe(
      'auth.invalid_reset_link',
    );

    await ask(world.staff.hiring_manager.email);
    const [first] = await links();
    await ask(world.staff.hiring_manager.email);
    const [second] = await links();
    expect((await redeem(second!.token, 'the second link is used here')).statusCode).toBe(200);
    expect(errorCode(await redeem(first!.token, 'the first link is dead now'))).toBe(
      'auth.invalid_reset_link',
    );
  });

  it('a disabled account’s link stops working', async () => {
    await ask(world.staff.hr.email);
    const [link] = await links();
    ok(await disableUser(world.deps, { actor: world.staff.admin, userId: world.staff.hr.userId }));
    expect(errorCode(await redeem(link!.token, 'a passphrase nobody will use'))).toBe(
      'auth.invalid_reset_link',
    );
  });

  it('refuses breached, short and over-long passwords, naming the field, before spending the link', async () => {
    await ask(world.staff.recruiter.email);
    const [link] = await links();
    const breached = await redeem(link!.token, 'password1234');
    expect(breached.statusCode).toBe(422);
    expect(errorCode(breached)).toBe('password.too_common');
    expect(breached.json().error.details).toEqual({ field: 'newPassword' });
    expect(errorCode(await redeem(link!.token, 'Password1234'))).toBe('password.too_common');
    // Runs of spaces count as one (ASVS V2.1.1).
    expect(errorCode(await redeem(link!.token, 'ab        cd   ef'))).toBe('password.too_short');
    const short = await redeem(link!.token, 'short');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details.issues[0]).toMatchObject({ field: 'body.newPassword' });
    const long = await redeem(link!.token, 'x'.repeat(129));
    expect(long.statusCode).toBe(400);
    // 64 characters and any Unicode are fine (ASVS V2.1.2, V2.1.4), and the link still works.
    const fine = await redeem(link!.token, `${'长城'.repeat(8)} ${'z'.repeat(47)}`);
    expect(fine.statusCode, fine.body).toBe(200);
    expect(errorCode(await redeem('x'.repeat(43), 'a perfectly fine passphrase'))).toBe(
      'auth.invalid_reset_link',
    );
  });
});

describe('changing my own password', () => {
  it('refuses a breached or personal password, and tells the owner by email when it changes', async () => {
    const person = world.staff.coordinator;
    const cookie = await loginAs(app, world.slug, person.email);
    const change = (newPassword: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie },
        payload: { currentPassword: PASSWORD, newPassword },
      });
    expect(errorCode(await change('qwerty123456'))).toBe('password.too_common');
    expect(errorCode(await change(person.email))).toBe('password.too_common');
    expect(errorCode(await change(`${person.email.split('@')[0]}`.padEnd(12, ' ')))).toBe(
      'password.too_common',
    );
    const changed = await change('a calm lake at dawn in june');
    expect(changed.statusCode, changed.body).toBe(200);
    const told = await world.db
      .selectFrom('outbox')
      .select('payload')
      .where('kind', '=', 'staff.password_changed')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(told.payload).toMatchObject({ userId: person.userId, how: 'from your account page' });
  });

  it('refuses a breached first password for a new user', async () => {
    const admin = await loginAs(app, world.slug, world.staff.admin.email);
    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: {
        email: 'new.one@example.com',
        name: 'New One',
        timezone: 'UTC',
        password: '1q2w3e4r5t6y',
        roles: ['hr'],
      },
    });
    expect(created.statusCode).toBe(422);
    expect(errorCode(created)).toBe('password.too_common');
    expect(created.json().error.details).toEqual({ field: 'password' });
  });
});
