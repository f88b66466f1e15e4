import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor, StaffRole } from '../shared/types.js';
import { changedFields, leavesNoAdmin, sortedRoles } from './accounts.rules.js';

export interface UserChanges {
  name?: string | undefined;
  timezone?: string | undefined;
  roles?: StaffRole[] | undefined;
  teamIds?: string[] | undefined;
  /** The languages they interview in (their interviewer profile's). */
  languages?: string[] | undefined;
}

/**
 * An admin edits a staff member. `expectedVersion` is the version they loaded: a concurrent edit
 * makes this one fail rather than be overwritten. Role changes are audited on their own, so the
 * log answers "who made them an admin".
 */
export async function updateUser(
  deps: Deps,
  input: { actor: Actor; userId: string; expectedVersion: number; changes: UserChanges },
) {
  const { actor, userId } = input;
  const { languages, ...fields } = input.changes;
  return deps.transaction(async (store) => {
    // Admins first, then the user, in every use case: two changes wait for each other, never deadlock.
    const admins = await store.accounts.lockActiveAdmins(actor.orgId);
    const user = await store.accounts.lockUser(actor.orgId, userId);
    if (!user) return fail('user.not_found', 'There is no such user in your organisation.');
    if (user.version !== input.expectedVersion) {
      return fail(
        'conflict.stale_version',
        'Someone changed this user since you opened it; reload and edit again.',
        {
          field: 'expectedVersion',
          expectedVersion: input.expectedVersion,
          currentVersion: user.version,
        },
      );
    }
    const roles = fields.roles && sortedRoles(fields.roles);
    if (roles && !roles.includes('admin') && !user.disabledAt && leavesNoAdmin(admins, userId)) {
      return fail('user.last_admin', 'This is the last admin; make someone else an admin first.', {
        field: 'roles',
      });
    }
    if (fields.teamIds && !(await store.organisation.teamsExist(actor.orgId, fields.teamIds))) {
      return fail('team.not_found', 'One of the teams does not exist.', { field: 'teamIds' });
    }
    const changes = changedFields(
      { name: user.name, timezone: user.timezone, roles: sortedRoles(user.roles), teamIds: user.teamIds },
      { ...fields, ...(roles ? { roles } : {}) },
    );
    await store.accounts.updateUser(actor.orgId, userId, user.version, { ...fields, roles });
    if (languages) await store.accounts.setLanguages(actor.orgId, userId, languages, deps.clock.now());
    const { roles: roleChange, ...rest } = changes;
    const entry = { orgId: actor.orgId, actor, entityType: 'user' as const, entityId: userId };
    if (roleChange) await store.audit.record({ ...entry, action: 'user.roles_changed', data: roleChange });
    await store.audit.record({
      ...entry,
      action: 'user.updated',
      data: { ...rest, ...(languages ? { languages: { to: languages } } : {}) },
    });
    return ok({ id: userId, version: user.version + 1 });
  });
}
