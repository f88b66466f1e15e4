import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor, StaffRole } from '../shared/types.js';

/** A staff member with roles and teams; the password arrives hashed (hashing is the server's job). */
export async function createUser(
  deps: Deps,
  input: {
    actor: Actor;
    email: string;
    name: string;
    timezone: string;
    passwordHash: string;
    roles: StaffRole[];
    teamIds: string[];
  },
) {
  const { actor, ...fields } = input;
  return deps.transaction(async (store) => {
    if (await store.organisation.emailTaken(actor.orgId, fields.email)) {
      return fail('user.email_taken', 'A user with this email exists.', { field: 'email' });
    }
    if (!(await store.organisation.teamsExist(actor.orgId, fields.teamIds))) {
      return fail('team.not_found', 'One of the teams does not exist.', { field: 'teamIds' });
    }
    const user = await store.organisation.insertUser({
      ...fields,
      id: deps.ids.next(),
      orgId: actor.orgId,
      createdAt: deps.clock.now(),
    });
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'user',
      entityId: user.id,
      action: 'user.created',
    });
    return ok(user);
  });
}
