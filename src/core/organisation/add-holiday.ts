import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/** A day off for the whole organisation; feedback deadlines skip it. */
export async function addHoliday(deps: Deps, input: { actor: Actor; day: string; name: string }) {
  const { actor, day, name } = input;
  return deps.transaction(async (store) => {
    if (await store.organisation.holidayExists(actor.orgId, day)) {
      return fail('conflict.concurrent_change', `${day} is already a holiday.`, { field: 'day' });
    }
    await store.organisation.insertHoliday(actor.orgId, { day, name });
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'holiday',
      entityId: actor.orgId,
      action: 'holiday.added',
      data: { day, name },
    });
    return ok({ day, name });
  });
}
