import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestSignInLink } from '../../src/core/accounts/request-sign-in-link.js';
import type { Deps, Store } from '../../src/core/shared/ports.js';
import type { Database } from '../../src/db/database.js';
import { createDeps } from '../../src/db/store.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { errorCode } from '../support/http.js';
import { buildWorld, catalog, ids, PASSWORD, TestClock, type World } from '../support/world.js';

const MINUTE = 60_000;
const limits = {
  LOG_LEVEL: 'silent',
  SEED_DEMO: 'false',
  COOKIE_SECURE: 'false',
  LOGIN_ATTEMPTS_PER_MINUTE_PER_IP: '5',
  LOGIN_FAILURES_PER_ACCOUNT_AND_IP: '3',
  LOGIN_FAILURES_PER_ACCOUNT: '8',
  LOGIN_LOCK_MINUTES: '15',
  SIGN_IN_LINK_REQUESTS_PER_MINUTE_PER_IP: '10',
  SIGN_IN_LINK_REDEMPTIONS_PER_MINUTE_PER_IP: '5',
  SIGN_IN_EMAILS_PER_HOUR_PER_RECIPIENT: '5',
};

let database: Database;
let app: App;
let proxied: App;
let world: World;
const clock = new TestClock();

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  app = await buildApp({ database, config: loadConfig(limits), clock, ids });
  proxied = await buildApp({
    database,
    config: loadConfig({ ...limits, LOGIN_ATTEMPTS_PER_MINUTE_PER_IP: '2', TRUST_PROXY: '127.0.0.1' }),
    clock,
    ids,
  });
});
afterAll(async () => {
  await app?.close();
  await proxied?.close();
  await database?.close();
});

let addresses = 0;
/** A client address of its own, so one test's budgets never touch another's. */
const nextAddress = () => `203.0.113.${++addresses}`;

const login = (from: string, email: string, password: string, target = app) =>
  target.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: from,
    payload: { org: world.slug, email, password },
  });
const askLink = (from: string, email: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/candidate-links',
    remoteAddress: from,
    payload: { org: world.slug, email },
  });
const status = (response: { statusCode: number }) => response.statusCode;

describe('each purpose has its own budget', () => {
  it('ten sign-in link requests from one address leave its staff password sign-in open', async () => {
    const from = nextAddress();
    for (let i = 0; i < 10; i++) expect(status(await askLink(from, `nobody${i}@x.example`))).toBe(202);
    expect(status(await askLink(from, 'one-too-many@x.example'))).toBe(429);
    expect(status(await login(from, world.staff.coordinator.email, PASSWORD))).toBe(204);
  });

  it('password guessing that spends an address’s sign-in budget leaves its link requests and redemptions open', async () => {
    const from = nextAddress();
    for (let i = 0; i < 5; i++) expect(status(await login(from, `guess${i}@x.example`, 'wrong'))).toBe(401);
    const blocked = await login(from, world.staff.coordinator.email, PASSWORD);
    expect([status(blocked), errorCode(blocked)]).toEqual([429, 'rate.limited']);
    expect(blocked.json().error.message).toBe(
      'Too many sign-in attempts from your address; try again in 1 minute.',
    );
    expect(status(await askLink(from, 'someone@x.example'))).toBe(202);
    const redeem = await app.inject({
      method: 'POST',
      url: '/api/auth/candidate-links/redeem',
      remoteAddress: from,
      payload: { token: 'x'.repeat(43) },
    });
    expect(errorCode(redeem)).toBe('auth.invalid_link');
  });

  it('guessing sign-in link tokens from one address is stopped by its own budget', async () => {
    const from = nextAddress();
    const redeem = (token: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/candidate-links/redeem',
        remoteAddress: from,
        payload: { token },
      });
    for (let i = 0; i < 5; i++) expect(errorCode(await redeem(`${i}`.repeat(43)))).toBe('auth.invalid_link');
    const blocked = await redeem('z'.repeat(43));
    expect([status(blocked), errorCode(blocked)]).toEqual([429, 'rate.limited']);
  });
});

describe('failed passwords are counted per account', () => {
  it('one address guessing one account is stopped with 429 auth.account_throttled and the wait in words, while the owner elsewhere still signs in', async () => {
    const guesser = nextAddress();
    const { email } = world.staff.recruiter;
    for (let i = 0; i < 3; i++) expect(status(await login(guesser, email, `guess-${i}`))).toBe(401);
    const locked = await login(guesser, email, PASSWORD);
    expect([status(locked), errorCode(locked)]).toEqual([429, 'auth.account_throttled']);
    expect(locked.json().error.message).toBe(
      'Too many failed sign-ins for this account from your address; try again in 15 minutes.',
    );
    expect(locked.headers['retry-after']).toBe('900');
    expect(status(await login(nextAddress(), email, PASSWORD))).toBe(204);
  });

  it('failures from many addresses lock the account: the right password is refused from anywhere until the window passes', async () => {
    const { email } = world.staff.hiring_manager;
    for (let i = 0; i < 8; i++) expect(status(await login(nextAddress(), email, `spray-${i}`))).toBe(401);
    const locked = await login(nextAddress(), email, PASSWORD);
    expect([status(locked), errorCode(locked)]).toEqual([429, 'auth.account_throttled']);
    expect(locked.json().error.message).toBe(
      'Too many failed sign-ins for this account; try again in 15 minutes.',
    );
    clock.advanceMs(10 * MINUTE);
    const later = await login(nextAddress(), email, PASSWORD);
    expect(later.json().error.message).toMatch(/try again in 5 minutes\.$/);
    clock.advanceMs(5 * MINUTE);
    expect(status(await login(nextAddress(), email, PASSWORD))).toBe(204);
  });

  it('an unknown account is throttled exactly like a known one, so the budgets reveal nobody', async () => {
    const from = nextAddress();
    for (let i = 0; i < 3; i++) expect(status(await login(from, 'ghost@x.example', `guess-${i}`))).toBe(401);
    expect(errorCode(await login(from, 'ghost@x.example', 'guess'))).toBe('auth.account_throttled');
  });

  it('the right password forgives its own address’s failures on the account', async () => {
    const from = nextAddress();
    const { email } = world.staff.hr;
    for (let i = 0; i < 2; i++) expect(status(await login(from, email, `typo-${i}`))).toBe(401);
    expect(status(await login(from, email, PASSWORD))).toBe(204);
    clock.advanceMs(MINUTE);
    for (let i = 0; i < 2; i++) expect(status(await login(from, email, `typo-${i}`))).toBe(401);
    expect(status(await login(from, email, PASSWORD))).toBe(204);
  });
});

describe('sign-in link emails', () => {
  const linksTo = async (candidateId: string) =>
    (
      await database.db
        .selectFrom('outbox')
        .select('payload')
        .where('kind', '=', 'candidate.sign_in_link')
        .execute()
    ).filter((row) => row.payload.candidateId === candidateId).length;

  it('the sixth sign-in email to one candidate within an hour is not sent, yet the answer is the same 202; an hour later one is', async () => {
    const person = world.candidate();
    const { candidateId } = await world.apply(person);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await askLink(nextAddress(), person.email)).body);
    expect(await linksTo(candidateId)).toBe(5);
    // The same recipient however the address is written.
    const sixth = await askLink(nextAddress(), person.email.toUpperCase());
    expect([status(sixth), sixth.body]).toEqual([202, answers[0]]);
    expect(new Set(answers)).toEqual(new Set([sixth.body]));
    expect(await linksTo(candidateId)).toBe(5);
    clock.advanceMs(60 * MINUTE);
    expect(status(await askLink(nextAddress(), person.email))).toBe(202);
    expect(await linksTo(candidateId)).toBe(6);
  });

  it('a link request does the same work for a known address, an unknown one and a capped one, and answers the same', async () => {
    const calls: string[][] = [];
    const base = createDeps(database.db, clock, ids, catalog);
    /** The store's calls with the shape of their arguments: names and types, not values. */
    const recording = (log: string[]): Deps => ({
      ...base,
      transaction: (work) =>
        base.transaction((store) => {
          const watched = new Proxy(store, {
            get: (target, repo: keyof Store) =>
              new Proxy(target[repo], {
                get: (repository, method: string) => {
                  const fn = (repository as unknown as Record<string, (...a: unknown[]) => unknown>)[method];
                  return (...args: unknown[]) => {
                    const shape = args.map((a) =>
                      a && typeof a === 'object' && !(a instanceof Date)
                        ? Object.entries(a)
                            .map(([k, v]) => `${k}:${typeof v}`)
                            .sort()
                            .join(',')
                        : typeof a,
                    );
                    log.push(`${String(repo)}.${method}(${shape.join(' | ')})`);
                    return fn?.apply(repository, args);
                  };
                },
              }),
          });
          return work(watched);
        }),
    });
    const ask = async (org: string, email: string) => {
      const log: string[] = [];
      calls.push(log);
      const input = { org, email, publicUrl: 'http://hireloop.test', address: nextAddress() };
      const limit = { requestsPerMinutePerAddress: 10, emailsPerHourPerRecipient: 1 };
      return requestSignInLink(recording(log), { ...input, limits: limit });
    };
    const known = world.candidate();
    const { candidateId } = await world.apply(known);
    const before = await linksTo(candidateId);
    const answers = [
      await ask(world.slug, known.email),
      await ask(world.slug, 'nobody@x.example'),
      await ask('no-such-org', known.email),
      await ask(world.slug, known.email), // over its cap of one an hour
    ];
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(calls[0]).toEqual([
      'accounts.spendAttempt(string | object | number)',
      'accounts.spendAttempt(string | object | number)',
      'accounts.issueSignInLinkByEmail(createdAt:object,email:string,expiresAt:object,expiresInMinutes:number,orgSlug:string,send:boolean,tokenHash:string,url:string)',
    ]);
    for (const log of calls.slice(1)) expect(log).toEqual(calls[0]);
    expect(await linksTo(candidateId)).toBe(before + 1);

    // And over HTTP the answers are byte for byte the same.
    const [a, b] = [
      await askLink(nextAddress(), known.email),
      await askLink(nextAddress(), 'nobody@x.example'),
    ];
    expect([a.statusCode, a.body]).toEqual([b.statusCode, b.body]);
  });
});

describe('TRUST_PROXY', () => {
  const guess = (peer: string, forwardedFor: string) =>
    proxied.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: peer,
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { org: world.slug, email: `someone-${++addresses}@x.example`, password: 'wrong' },
    });

  it('behind a trusted proxy two clients with different X-Forwarded-For get separate budgets', async () => {
    for (let i = 0; i < 2; i++) expect(status(await guess('127.0.0.1', '198.51.100.1'))).toBe(401);
    expect(errorCode(await guess('127.0.0.1', '198.51.100.1'))).toBe('rate.limited');
    expect(status(await guess('127.0.0.1', '198.51.100.2'))).toBe(401);
  });

  it('an untrusted peer’s X-Forwarded-For is ignored: it shares one budget whatever it claims', async () => {
    expect(status(await guess('192.0.2.7', '198.51.100.3'))).toBe(401);
    expect(status(await guess('192.0.2.7', '198.51.100.4'))).toBe(401);
    expect(errorCode(await guess('192.0.2.7', '198.51.100.5'))).toBe('rate.limited');
  });

  it('is off by default, and reads true, a hop count or a list of addresses and ranges; a bad entry stops start-up', () => {
    const trust = (value?: string) =>
      loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).TRUST_PROXY;
    expect(trust()).toBe(false);
    expect(trust('true')).toBe(true);
    expect(trust('127.0.0.1, 10.0.0.0/8,::1')).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
    const hops = trust('1');
    expect(typeof hops === 'function' && [hops('10.0.0.1', 0), hops('10.0.0.2', 1)]).toEqual([true, false]);
    expect(() => trust('10.0.0.0/33')).toThrow(/TRUST_PROXY: not an address or CIDR range: 10\.0\.0\.0\/33/);
    expect(() => trust('proxy.internal')).toThrow(/TRUST_PROXY/);
  });
});
