import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

export async function createTeam(deps: Deps, input: { actor: Actor; name: string; timezone: string }) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    if (await store.organisation.teamNameTaken(actor.orgId, input.name)) {
      return fail('team.name_taken', `A team named "${input.name}" already exists.`, { field: 'name' });
    }
    const team = await store.organisation.insertTeam({
      id: deps.ids.next(),
      orgId: actor.orgId,
      name: input.name,
      timezone: input.timezone,
      createdAt: deps.clock.now(),
    });
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'team',
      entityId: team.id,
      action: 'team.created',
    });
    return ok(team);
  });
}
