import type { LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, errorCode, loginAs, sessionCookie } from '../support/http.js';
import { buildWorld, PASSWORD, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
const clock = new TestClock(new Date('2026-03-02T09:00:00Z'));

/** The code an authenticator app shows at the test clock's time (never the wall clock). */
const codeAt = (secret: string, offsetSeconds = 0) =>
  generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) + offsetSeconds });

const cookieOf = (response: LightMyRequestResponse, name: string) => {
  const cookie = response.cookies.find((c) => c.name === name);
  return cookie ? `${name}=${cookie.value}` : null;
};

async function passwordSignIn(email: string) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { org: world.slug, email, password: PASSWORD },
  });
}

/** Signs in with the password and answers the pending cookie of a sign-in waiting for its factor. */
async function pendingFor(email: string, status = 'second_factor_required') {
  const response = await passwordSignIn(email);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.json().status).toBe(status);
  expect(cookieOf(response, 'hl_session')).toBeNull();
  return cookieOf(response, 'hl_pending') as string;
}

/** Enrols an authenticator app for a signed-in user; answers its secret and recovery codes. */
async function enrolTotp(cookie: string) {
  const started = await app.inject({ method: 'POST', url: '/api/account/mfa/totp', headers: { cookie } });
  expect(started.statusCode, started.body).toBe(200);
  const { secret, otpauthUri } = started.json();
  expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
  const confirmed = await app.inject({
    method: 'POST',
    url: '/api/account/mfa/totp/confirm',
    headers: { cookie },
    payload: { code: await codeAt(secret) },
  });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { secret: secret as string, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('TOTP', () => {
  let secret: string;
  let recoveryCodes: string[];

  it('enrols with a QR code URI, refuses a wrong first code, and shows ten recovery codes once', async () => {
    const cookie = await loginAs(app, world.slug, world.staff.recruiter.email);
    const started = await app.inject({ method: 'POST', url: '/api/account/mfa/totp', headers: { cookie } });
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/account/mfa/totp/confirm',
      headers: { cookie },
      payload: { code: '000000' === (await codeAt(started.json().secret)) ? '111111' : '000000' },
    });
    expect(wrong.statusCode).toBe(422);
    expect(errorCode(wrong)).toBe('mfa.invalid_code');
    ({ secret, recoveryCodes } = await enrolTotp(cookie));
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const mine = await app.inject({ method: 'GET', url: '/api/account/mfa', headers: { cookie } });
    expect(mine.json()).toMatchObject({ totp: true, recoveryCodesLeft: 10, passkeys: [], required: false });
    // Only hashes are stored: no code appears in the table.
    const stored = await world.db.selectFrom('mfa_recovery_codes').select('code_hash').execute();
    for (const code of recoveryCodes) expect(stored.map((s) => s.code_hash)).not.toContain(code);
    const key = await world.db.selectFrom('mfa_totp').select('secret_enc').executeTakeFirstOrThrow();
    expect(key.secret_enc).not.toContain(secret);
  });

  it('a password sign-in then waits for the code; the code of the enrolment cannot be replayed', async () => {
    const pending = await pendingFor(world.staff.recruiter.email);
    const replay = await app.inject({
      method: 'POST',
      url: '/api/auth/mfa/totp',
      headers: { cookie: pending },
      payload: { code: await codeAt(secret) },
    });
    expect(errorCode(replay)).toBe('mfa.invalid_code');
    clock.advanceMs(30_000);
    const pendingOnly = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: pending },
    });
    expect(pendingOnly.statusCode).toBe(401);
    const done = await app.inject({
      method: 'POST',
      url: '/api/auth/mfa/totp',
      headers: { cookie: pending },
      payload: { code: await codeAt(secret) },
    });
    expect(done.statusCode, done.body).toBe(204);
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: sessionCookie(done) },
    });
    expect(me.json().userId).toBe(world.staff.recruiter.userId);
    // The pending state was used up.
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/mfa/totp',
      headers: { cookie: pending },
      payload: { code: await codeAt(secret, 30) },
    });
    expect(errorCode(again)).toBe('mfa.pending_expired');
  });

  it('a code from two minutes ago is refused; one a step off is accepted', async () => {
    clock.advanceMs(60_000);
    const pending = await pendingFor(world.staff.recruiter.email);
    const old = await app.inject({
      method: 'POST',
      url: '/api/auth/mfa/totp',
      headers: { cookie: pending },
      payload: { code: await codeAt(secret, -120) },
    });
    expect(errorCode(old)).toBe('mfa.invalid_code');
    const drifted = await app.inject({
      method: 'POST',
      url: '/api/auth/mfa/totp',
      headers: { cookie: pending },
      payload: { code: await codeAt(secret, -30) },
    });
    expect(drifted.statusCode, drifted.body).toBe(204);
  });

  it('a recovery code works once', async () => {
    clock.advanceMs(60_000);
    const code = recoveryCodes[0] as string;
    const first = await app.inject({
      method: 'POST',
      url: '/api/auth/mfa/recovery-code',
      headers: { cookie: await pendingFor(world.staff.recruiter.email) },
      payload: { code: code.toUpperCase() },
    });
    expect(first.statusCode, first.body).toBe(204);
    const second = await app.inject({
      method: 'POST',
      url: '/api/auth/mfa/recovery-code',
      headers: { cookie: await pendingFor(world.staff.recruiter.email) },
      payload: { code },
    });
    expect(errorCode(second)).toBe('mfa.invalid_code');
  });

  it('wrong codes are limited per account: once spent, even the right code waits', async () => {
    clock.advanceMs(60_000);
    const pending = await pendingFor(world.staff.recruiter.email);
    const guess = (code: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/mfa/totp',
        headers: { cookie: pending },
        payload: { code },
      });
    const right = await codeAt(secret);
    const wrongCode = right === '123456' ? '654321' : '123456';
    for (let i = 0; i < 4; i++) expect(errorCode(await guess(wrongCode))).toBe('mfa.invalid_code');
    const fifth = await guess(wrongCode);
    expect(fifth.statusCode).toBe(429);
    expect(errorCode(fifth)).toBe('auth.account_throttled');
    const refused = await guess(right);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    clock.advanceMs(16 * 60_000);
    const fresh = await pendingFor(world.staff.recruiter.email);
    const after = await app.inject({
      method: 'POST',
      url: '/api/auth/mfa/totp',
      headers: { cookie: fresh },
      payload: { code: await codeAt(secret) },
    });
    expect(after.statusCode, after.body).toBe(204);
  });

  it('a waiting sign-in ends after ten minutes', async () => {
    clock.advanceMs(60_000);
    const pending = await pendingFor(world.staff.recruiter.email);
    clock.advanceMs(11 * 60_000);
    const late = await app.inject({
      method: 'POST',
      url: '/api/auth/mfa/totp',
      headers: { cookie: pending },
      payload: { code: await codeAt(secret) },
    });
    expect(late.statusCode).toBe(401);
    expect(errorCode(late)).toBe('mfa.pending_expired');
  });
});

describe('a passkey alone', () => {
  it('needs a sign-in this browser started, and an organisation that exists', async () => {
    const stray = await app.inject({
      method: 'POST',
      url: '/api/auth/passkey',
      payload: { response: { id: 'x' } },
    });
    expect(stray.statusCode).toBe(422);
    expect(errorCode(stray)).toBe('mfa.passkey_invalid');
    expect(stray.cookies.find((c) => c.name === 'hl_session' && c.value)).toBeUndefined();
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/passkey/options',
      payload: { org: 'no-such-org' },
    });
    expect(errorCode(unknown)).toBe('auth.invalid_credentials');
    const options = await app.inject({
      method: 'POST',
      url: '/api/auth/passkey/options',
      payload: { org: world.slug },
    });
    expect(options.json()).toMatchObject({ userVerification: 'required' });
    const started = cookieOf(options, 'hl_passkey') as string;
    const forged = await app.inject({
      method: 'POST',
      url: '/api/auth/passkey',
      headers: { cookie: started },
      payload: { response: { id: 'not-a-registered-credential', type: 'public-key', response: {} } },
    });
    expect(errorCode(forged)).toBe('mfa.passkey_invalid');
  });
});

describe('the organisation requires MFA', () => {
  it('an admin without a factor cannot require one', async () => {
    const cookie = await loginAs(app, world.slug, world.staff.admin.email);
    const refused = await app.inject({
      method: 'PUT',
      url: '/api/security/policy',
      headers: { cookie },
      payload: { mfaRequired: 'all', passwordSignIn: 'everyone' },
    });
    expect(refused.statusCode).toBe(422);
    expect(errorCode(refused)).toBe('mfa.enrol_first');
  });

  let adminSecret: string;
  it('admins and HR: their sessions without a factor end, and the next sign-in enrols them before anything else', async () => {
    const adminCookie = await loginAs(app, world.slug, world.staff.admin.email);
    adminSecret = (await enrolTotp(adminCookie)).secret;
    const hrCookie = await loginAs(app, world.slug, world.staff.hr.email);
    const interviewerCookie = await loginAs(app, world.slug, world.staff.interviewer.email);
    const saved = await app.inject({
      method: 'PUT',
      url: '/api/security/policy',
      headers: { cookie: adminCookie },
      payload: { mfaRequired: 'admins_hr', passwordSignIn: 'everyone' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().endedSessions).toBeGreaterThanOrEqual(1);
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: hrCookie } })).statusCode,
    ).toBe(401);
    // The interviewer is not covered and keeps their session.
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: interviewerCookie } }))
        .statusCode,
    ).toBe(200);

    const pending = await pendingFor(world.staff.hr.email, 'enrolment_required');
    const nothingElse = await app.inject({ method: 'GET', url: '/api/offers', headers: { cookie: pending } });
    expect(nothingElse.statusCode).toBe(401);
    const mine = await app.inject({ method: 'GET', url: '/api/account/mfa', headers: { cookie: pending } });
    expect(mine.json()).toMatchObject({ totp: false, required: true });
    const started = await app.inject({
      method: 'POST',
      url: '/api/account/mfa/totp',
      headers: { cookie: pending },
    });
    const hrSecret = started.json().secret;
    const confirmed = await app.inject({
      method: 'POST',
      url: '/api/account/mfa/totp/confirm',
      headers: { cookie: pending },
      payload: { code: await codeAt(hrSecret) },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().recoveryCodes).toHaveLength(10);
    const hrSession = sessionCookie(confirmed);
    expect(
      (await app.inject({ method: 'GET', url: '/api/offers', headers: { cookie: hrSession } })).statusCode,
    ).toBe(200);

    // Their last factor cannot go while the organisation requires one.
    const removal = await app.inject({
      method: 'DELETE',
      url: '/api/account/mfa/totp',
      headers: { cookie: hrSession },
    });
    expect(errorCode(removal)).toBe('mfa.required_by_organisation');
  });

  it("an admin resets a user's MFA: their next sign-in enrols again; nobody else may", async () => {
    clock.advanceMs(60_000);
    const adminPending = await pendingFor(world.staff.admin.email);
    const signedIn = await app.inject({
      method: 'POST',
      url: '/api/auth/mfa/totp',
      headers: { cookie: adminPending },
      payload: { code: await codeAt(adminSecret) },
    });
    const adminCookie = sessionCookie(signedIn);
    const recruiterCookie = await loginAs(app, world.slug, world.staff.interviewer.email);
    const url = `/api/users/${world.staff.hr.userId}/mfa/reset`;
    const denied = await app.inject({ method: 'POST', url, headers: { cookie: recruiterCookie } });
    expect(denied.statusCode).toBe(403);
    const reset = await app.inject({ method: 'POST', url, headers: { cookie: adminCookie } });
    expect(reset.statusCode, reset.body).toBe(200);
    await pendingFor(world.staff.hr.email, 'enrolment_required');
    const audit = await world.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', world.staff.hr.userId)
      .where('action', '=', 'mfa.reset')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('with single sign-on on and passwords for admins only, others cannot use a password; admins can', async () => {
    await world.db
      .insertInto('sso_connections')
      .values({
        org_id: world.orgId,
        display_name: 'Okta',
        issuer: 'https://idp.example',
        client_id: 'x',
        client_secret_enc: 'v1.x.x.x',
        default_roles: ['interviewer'],
        updated_at: clock.now(),
      })
      .execute();
    await world.db
      .updateTable('orgs')
      .set({ password_sign_in: 'admins' })
      .where('id', '=', world.orgId)
      .execute();
    const refused = await passwordSignIn(world.staff.interviewer.email);
    expect(refused.statusCode).toBe(403);
    expect(errorCode(refused)).toBe('sso.password_sign_in_off');
    // A wrong password still says only that it is wrong.
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { org: world.slug, email: world.staff.interviewer.email, password: 'wrong password' },
    });
    expect(errorCode(wrong)).toBe('auth.invalid_credentials');
    await pendingFor(world.staff.admin.email);
  });
});
