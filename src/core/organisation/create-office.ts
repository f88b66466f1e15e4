import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

export async function createOffice(
  deps: Deps,
  input: { actor: Actor; name: string; location: string; timezone: string },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const office = await store.organisation.insertOffice({
      id: deps.ids.next(),
      orgId: actor.orgId,
      name: input.name,
      location: input.location,
      timezone: input.timezone,
      createdAt: deps.clock.now(),
    });
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'office',
      entityId: office.id,
      action: 'office.created',
    });
    return ok(office);
  });
}
