import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mfaRepository } from '../../src/db/accounts/mfa.repository.js';
import { scimRepository } from '../../src/db/accounts/scim.repository.js';
import { ssoRepository } from '../../src/db/accounts/sso.repository.js';
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

describe('second factors', () => {
  it('a TOTP time step is used once, and never an earlier one', async () => {
    const mfa = mfaRepository(world.db);
    const userId = world.staff.recruiter.userId;
    await mfa.putPendingTotp({ userId, orgId: world.orgId, secretEnc: 'sealed', createdAt: clock.now() });
    await mfa.confirmTotp(userId, clock.now());
    expect(await mfa.spendTimeStep(userId, 1000)).toBe(true);
    expect(await mfa.spendTimeStep(userId, 1000)).toBe(false);
    expect(await mfa.spendTimeStep(userId, 999)).toBe(false);
    expect(await mfa.spendTimeStep(userId, 1001)).toBe(true);
  });

  it('a recovery code works once; new codes replace the old', async () => {
    const mfa = mfaRepository(world.db);
    const userId = world.staff.recruiter.userId;
    await mfa.replaceRecoveryCodes(userId, ['h1', 'h2']);
    expect(await mfa.recoveryCodesLeft(userId)).toBe(2);
    expect(await mfa.redeemRecoveryCode(userId, 'h1', clock.now())).toBe(true);
    expect(await mfa.redeemRecoveryCode(userId, 'h1', clock.now())).toBe(false);
    // Another user's code is not this user's.
    expect(await mfa.redeemRecoveryCode(world.staff.hr.userId, 'h2', clock.now())).toBe(false);
    await mfa.replaceRecoveryCodes(userId, ['h3']);
    expect(await mfa.redeemRecoveryCode(userId, 'h2', clock.now())).toBe(false);
    expect(await mfa.recoveryCodesLeft(userId)).toBe(1);
  });

  it('a challenge is taken once, and not after it expires', async () => {
    const mfa = mfaRepository(world.db);
    const base = {
      orgId: world.orgId,
      userId: world.staff.hr.userId,
      data: { a: 1 },
      createdAt: clock.now(),
    };
    await mfa.insertChallenge({
      ...base,
      tokenHash: 'c1',
      kind: 'second_factor',
      expiresAt: new Date(clock.now().getTime() + MINUTE),
    });
    await mfa.insertChallenge({
      ...base,
      tokenHash: 'c2',
      kind: 'second_factor',
      expiresAt: new Date(clock.now().getTime() + MINUTE),
    });
    expect((await mfa.challenge('c1', ['second_factor'], clock.now()))?.data).toEqual({ a: 1 });
    expect(await mfa.challenge('c1', ['enrolment'], clock.now())).toBeNull();
    expect(await mfa.takeChallenge('c1', ['second_factor'], clock.now())).not.toBeNull();
    expect(await mfa.takeChallenge('c1', ['second_factor'], clock.now())).toBeNull();
    expect(
      await mfa.takeChallenge('c2', ['second_factor'], new Date(clock.now().getTime() + 2 * MINUTE)),
    ).toBeNull();
  });

  it("an admin's reset finds only their own organisation's users", async () => {
    const mfa = mfaRepository(world.db);
    expect(await mfa.deleteAllFactors(other.orgId, world.staff.recruiter.userId)).toBe(false);
    expect(await mfa.totpOf(world.staff.recruiter.userId)).not.toBeNull();
    expect(await mfa.deleteAllFactors(world.orgId, world.staff.recruiter.userId)).toBe(true);
    expect(await mfa.totpOf(world.staff.recruiter.userId)).toBeNull();
    expect(await mfa.recoveryCodesLeft(world.staff.recruiter.userId)).toBe(0);
  });
});

describe('directory', () => {
  it("group members are only the organisation's own users", async () => {
    const scim = scimRepository(world.db);
    const groupId = ids.next();
    await scim.insertGroup({
      id: groupId,
      orgId: world.orgId,
      displayName: 'G',
      externalId: null,
      createdAt: clock.now(),
    });
    const changed = await scim.changeMembers(world.orgId, groupId, {
      add: [world.staff.interviewer.userId, other.staff.interviewer.userId, 'not-an-id'],
    });
    expect(changed).toEqual([world.staff.interviewer.userId]);
    expect((await scim.group(world.orgId, groupId))?.memberIds).toEqual([world.staff.interviewer.userId]);
    expect(await scim.group(other.orgId, groupId)).toBeNull();
    expect(await scim.changeMembers(world.orgId, groupId, { set: [] })).toEqual([
      world.staff.interviewer.userId,
    ]);
  });

  it('an identity is found in its organisation only', async () => {
    const sso = ssoRepository(world.db);
    await sso.linkIdentity({
      orgId: world.orgId,
      issuer: 'https://idp',
      subject: 's1',
      userId: world.staff.hr.userId,
      at: clock.now(),
    });
    expect((await sso.userByIdentity(world.orgId, 'https://idp', 's1'))?.id).toBe(world.staff.hr.userId);
    expect(await sso.userByIdentity(other.orgId, 'https://idp', 's1')).toBeNull();
    expect(await sso.userByIdentity(world.orgId, 'https://other-idp', 's1')).toBeNull();
  });
});
