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
});
