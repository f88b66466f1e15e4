import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountQueries } from '../../src/db/accounts/accounts.queries.js';
import { accountsRepository } from '../../src/db/accounts/accounts.repository.js';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase } from '../support/db.js';
import { buildWorld, ids, TestClock, type World } from '../support/world.js';

let database: Database;
let world: World;
let other: World;
const clock = new TestClock();
const MINUTE = 60_000;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  other = await buildWorld(database, clock);
});
afterAll(() => database?.close());

describe('sessions and sign-in links', () => {
  it('finds an organisation by slug, and its candidates by email whatever the case', async () => {
    const accounts = accountsRepository(world.db);
    expect(await accounts.orgBySlug(world.slug)).toEqual({ id: world.orgId });
    expect(await accounts.orgBySlug('no-such-org')).toBeNull();
    const person = world.candidate();
    const { candidateId } = await world.apply(person);
    expect(await accounts.candidateByEmail(world.orgId, ` ${person.email.toUpperCase()} `)).toEqual({
      id: candidateId,
    });
    expect(await accounts.candidateByEmail(other.orgId, person.email)).toBeNull();
  });

  it('a session names its holder until it expires or ends', async () => {
    const accounts = accountsRepository(world.db);
    const reads = accountQueries(world.db);
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + 60 * MINUTE);
    const { admin } = world.staff;
    await accounts.insertSession({
      id: ids.next(),
      tokenHash: 'staff-session',
      idleMinutes: 24 * 60,
      userAgent: null,
      address: null,
      orgId: world.orgId,
      holder: { userId: admin.userId },
      createdAt: now,
      expiresAt,
    });
    const { kind, orgId, userId, roles, teamIds } = admin;
    expect(await reads.actorForSession('staff-session', now)).toEqual({
      kind,
      orgId,
      userId,
      roles,
      teamIds,
    });
    expect(await reads.actorForSession('staff-session', expiresAt)).toBeNull();
    await accounts.deleteSession('staff-session');
    expect(await reads.actorForSession('staff-session', now)).toBeNull();
  });

  it('a sign-in link redeems once, and not after it expires', async () => {
    const accounts = accountsRepository(world.db);
    const { candidateId } = await world.apply();
    const now = clock.now();
    const link = {
      orgId: world.orgId,
      candidateId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 30 * MINUTE),
    };
    await accounts.insertSignInLink({ ...link, tokenHash: 'fresh' });
    await accounts.insertSignInLink({ ...link, tokenHash: 'late' });
    expect(await accounts.redeemSignInLink('fresh', now)).toEqual({ orgId: world.orgId, candidateId });
    expect(await accounts.redeemSignInLink('fresh', now)).toBeNull();
    expect(await accounts.redeemSignInLink('late', link.expiresAt)).toBeNull();
    expect(await accounts.redeemSignInLink('unknown', now)).toBeNull();
  });

  it('the sweep forgets ended sessions, dead links and old counters, and keeps what still works', async () => {
    const accounts = accountsRepository(world.db);
    const reads = accountQueries(world.db);
    const now = clock.now();
    const session = (tokenHash: string, created: Date, expiresAt: Date, idleMinutes: number) =>
      accounts.insertSession({
        id: ids.next(),
        tokenHash,
        idleMinutes,
        userAgent: null,
        address: null,
        orgId: world.orgId,
        holder: { userId: world.staff.recruiter.userId },
        createdAt: created,
        expiresAt,
      });
    const hourAgo = new Date(now.getTime() - 60 * MINUTE);
    await session('sweep-live', now, new Date(now.getTime() + 60 * MINUTE), 30);
    await session('sweep-expired', hourAgo, new Date(now.getTime() - MINUTE), 24 * 60);
    await session('sweep-idle', hourAgo, new Date(now.getTime() + 60 * MINUTE), 30);
    const { candidateId } = await world.apply();
    const link = { orgId: world.orgId, candidateId, createdAt: now };
    await accounts.insertSignInLink({
      ...link,
      tokenHash: 'sweep-open',
      expiresAt: new Date(now.getTime() + MINUTE),
    });
    await accounts.insertSignInLink({ ...link, tokenHash: 'sweep-dead', expiresAt: now });
    await accounts.spendAttempt('sweep-old', new Date(now.getTime() - 2 * 24 * 60 * MINUTE), MINUTE);
    await accounts.spendAttempt('sweep-new', now, MINUTE);

    const forgotten = await accounts.forgetExpired(now, new Date(now.getTime() - 24 * 60 * MINUTE));
    expect(forgotten.sessions).toBeGreaterThanOrEqual(2);
    expect(await reads.actorForSession('sweep-live', now)).not.toBeNull();
    const tokens = (await world.db.selectFrom('sessions').select('token_hash').execute()).map(
      (r) => r.token_hash,
    );
    expect(tokens).not.toContain('sweep-expired');
    expect(tokens).not.toContain('sweep-idle');
    const links = (await world.db.selectFrom('sign_in_links').select('token_hash').execute()).map(
      (r) => r.token_hash,
    );
    expect(links).toContain('sweep-open');
    expect(links).not.toContain('sweep-dead');
    const counters = (await world.db.selectFrom('auth_throttles').select('key').execute()).map((r) => r.key);
    expect(counters).toContain('sweep-new');
    expect(counters).not.toContain('sweep-old');
  });
});
