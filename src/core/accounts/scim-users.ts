import type { Deps, Store } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { StaffRole } from '../shared/types.js';
import { endAccess } from './disable-user.js';
import type { UserChange } from './scim-patch.js';
import { grantsOf } from './sso-roles.js';

/** Roles a provisioned user gets when no mapped group grants any (the single sign-on defaults). */
const FALLBACK_ROLES: StaffRole[] = ['interviewer'];

type Directory = Pick<Store, 'sso' | 'scim' | 'accounts' | 'audit' | 'outbox'>;

const nameOf = (change: UserChange) =>
  change.formatted?.trim() ||
  [change.givenName, change.familyName].filter(Boolean).join(' ').trim() ||
  change.displayName?.trim() ||
  undefined;

/**
 * A SCIM-managed user's roles and teams follow their mapped groups; with none they fall back to
 * the defaults, so leaving the last mapped group takes away what it granted.
 */
export async function applyGroupGrants(store: Directory, orgId: string, userId: string) {
  const mappings = await store.sso.mappings(orgId);
  if (!mappings.length) return;
  const grants = grantsOf(await store.scim.groupNamesOf(userId), mappings);
  const defaults = (await store.sso.connection(orgId))?.defaultRoles ?? FALLBACK_ROLES;
  await store.sso.updateUser(orgId, userId, grants ?? { roles: defaults, teamIds: [] });
}

/** Deprovisioning: the user is disabled (their history stays) and every session of theirs ends. */
async function setActive(deps: Deps, store: Directory, orgId: string, userId: string, active: boolean) {
  const user = await store.sso.userById(orgId, userId);
  if (!user || Boolean(user.disabledAt) === !active) return;
  let ended = {};
  if (active) await store.sso.enableUser(orgId, userId);
  // Deprovisioning does what an admin's disabling does: sessions, tokens, resets and panels too.
  else {
    const locked = await store.accounts.lockUser(orgId, userId);
    if (locked) ended = await endAccess(deps, store, orgId, { kind: 'system' }, { ...locked, id: userId });
  }
  await store.audit.record({
    orgId,
    actor: { kind: 'system' },
    entityType: 'user',
    entityId: userId,
    action: active ? 'user.enabled' : 'user.disabled',
    data: { by: 'scim', ...ended },
  });
}

async function applyChange(deps: Deps, store: Directory, orgId: string, userId: string, change: UserChange) {
  if (change.userName) {
    const taken = await store.sso.userByEmail(orgId, change.userName);
    if (taken && taken.id !== userId) return fail('user.email_taken', 'Another user has this userName.');
  }
  await store.sso.updateUser(orgId, userId, {
    ...(change.userName ? { email: change.userName } : {}),
    ...(nameOf(change) ? { name: nameOf(change) } : {}),
    ...(change.externalId !== undefined ? { externalId: change.externalId } : {}),
  });
  if (change.active !== undefined) await setActive(deps, store, orgId, userId, change.active);
  return ok({ id: userId });
}

/** POST /Users: a new staff user (no password: they sign in through the identity provider). */
export async function provisionUser(
  deps: Deps,
  input: { orgId: string; change: UserChange & { userName: string } },
) {
  const { orgId, change } = input;
  return deps.transaction(async (store) => {
    const existing = await store.sso.userByEmail(orgId, change.userName);
    if (existing && !(await store.scim.isScimDeleted(orgId, existing.id))) {
      return fail('user.email_taken', 'A user with this userName already exists.');
    }
    const id = existing?.id ?? deps.ids.next();
    if (!existing) {
      const connection = await store.sso.connection(orgId);
      await store.sso.insertUser({
        id,
        orgId,
        email: change.userName,
        name: nameOf(change) ?? change.userName,
        roles: connection?.defaultRoles ?? FALLBACK_ROLES,
        teamIds: [],
        externalId: change.externalId ?? null,
        timezone: await store.sso.orgTimezone(orgId),
        at: deps.clock.now(),
      });
    } else await store.scim.setScimDeleted(orgId, id, null);
    const applied = await applyChange(deps, store, orgId, id, { active: true, ...change });
    if (!applied.ok) return applied;
    await store.audit.record({
      orgId,
      actor: { kind: 'system' },
      entityType: 'user',
      entityId: id,
      action: 'user.provisioned',
      data: { by: 'scim' },
    });
    return ok({ id });
  });
}

/** PUT or PATCH /Users/{id}: the attributes sent change; `active: false` deprovisions. */
export async function changeProvisionedUser(
  deps: Deps,
  input: { orgId: string; userId: string; change: UserChange },
) {
  const { orgId, userId } = input;
  return deps.transaction(async (store) => {
    if (!(await store.sso.userById(orgId, userId)) || (await store.scim.isScimDeleted(orgId, userId))) {
      return fail('user.not_found', 'There is no such user in your organisation.');
    }
    return applyChange(deps, store, orgId, userId, input.change);
  });
}

/** DELETE /Users/{id}: deprovisioned, kept for history, gone for SCIM (404 from then on). */
export async function deleteProvisionedUser(deps: Deps, input: { orgId: string; userId: string }) {
  const { orgId, userId } = input;
  return deps.transaction(async (store) => {
    if (!(await store.sso.userById(orgId, userId)) || (await store.scim.isScimDeleted(orgId, userId))) {
      return fail('user.not_found', 'There is no such user in your organisation.');
    }
    await setActive(deps, store, orgId, userId, false);
    await store.scim.setScimDeleted(orgId, userId, deps.clock.now());
    return ok({ id: userId });
  });
}
