import type { Deps, Store } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import type { GroupChange } from './scim-patch.js';
import { applyGroupGrants } from './scim-users.js';

type Directory = Pick<Store, 'sso' | 'scim' | 'accounts' | 'audit' | 'outbox'>;

async function regrant(store: Directory, orgId: string, userIds: string[]) {
  for (const userId of new Set(userIds)) await applyGroupGrants(store, orgId, userId);
}

async function nameTaken(store: Directory, orgId: string, name: string, groupId: string) {
  const other = await store.scim.groupByName(orgId, name);
  return Boolean(other && other.id !== groupId);
}

/** POST /Groups: a directory group; its members gain what its mapping grants. */
export async function createGroup(
  deps: Deps,
  input: { orgId: string; displayName: string; externalId: string | null; memberIds: string[] },
) {
  const { orgId } = input;
  return deps.transaction(async (store) => {
    if (await store.scim.groupByName(orgId, input.displayName)) {
      return fail('group.name_taken', 'A group with this displayName already exists.');
    }
    const id = deps.ids.next();
    const at = deps.clock.now();
    await store.scim.insertGroup({
      id,
      orgId,
      displayName: input.displayName,
      externalId: input.externalId,
      createdAt: at,
    });
    const changed = await store.scim.changeMembers(orgId, id, { set: input.memberIds });
    await regrant(store, orgId, changed);
    return ok({ id });
  });
}

/** PUT or PATCH /Groups/{id}: renames and membership changes; members' roles follow. */
export async function changeGroup(
  deps: Deps,
  input: { orgId: string; groupId: string; change: GroupChange },
) {
  const { orgId, groupId, change } = input;
  return deps.transaction(async (store) => {
    const group = await store.scim.group(orgId, groupId);
    if (!group) return fail('group.not_found', 'There is no such group.');
    if (change.displayName && (await nameTaken(store, orgId, change.displayName, groupId))) {
      return fail('group.name_taken', 'A group with this displayName already exists.');
    }
    await store.scim.updateGroup(orgId, groupId, change, deps.clock.now());
    const changed = await store.scim.changeMembers(orgId, groupId, change);
    // A rename can move every member in or out of a mapping.
    await regrant(store, orgId, change.displayName ? [...group.memberIds, ...changed] : changed);
    return ok({ id: groupId });
  });
}

/** DELETE /Groups/{id}: the group goes, and with it what it granted its members. */
export async function deleteGroup(deps: Deps, input: { orgId: string; groupId: string }) {
  const { orgId, groupId } = input;
  return deps.transaction(async (store) => {
    const group = await store.scim.group(orgId, groupId);
    if (!group || !(await store.scim.deleteGroup(orgId, groupId))) {
      return fail('group.not_found', 'There is no such group.');
    }
    await regrant(store, orgId, group.memberIds);
    return ok({ id: groupId });
  });
}

/** An admin creates a SCIM token for the identity provider: shown once, stored hashed. */
export async function createScimToken(deps: Deps, input: { actor: Actor & { kind: 'staff' }; name: string }) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const token = `scim_${deps.tokens.next()}`;
    const id = deps.ids.next();
    const createdAt = deps.clock.now();
    await store.scim.insertToken({
      id,
      orgId: actor.orgId,
      tokenHash: deps.tokens.hash(token),
      name: input.name,
      createdBy: actor.userId,
      createdAt,
    });
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'policy',
      entityId: id,
      action: 'scim.token_created',
      data: { name: input.name },
    });
    return ok({ id, name: input.name, token, createdAt });
  });
}

export async function revokeScimToken(deps: Deps, input: { actor: Actor & { kind: 'staff' }; id: string }) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    if (!(await store.scim.deleteToken(actor.orgId, input.id))) {
      return fail('scim.token_not_found', 'There is no such SCIM token.');
    }
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'policy',
      entityId: input.id,
      action: 'scim.token_revoked',
    });
    return ok(undefined);
  });
}

/** The organisation a SCIM request acts for, from its bearer token (its use is noted). */
export async function authenticateScimToken(deps: Deps, input: { token: string }) {
  return deps.transaction(async (store) => {
    const used = await store.scim.useToken(deps.tokens.hash(input.token), deps.clock.now());
    return used ? ok(used) : fail('scim.unauthorized', 'A valid SCIM bearer token is required.');
  });
}
