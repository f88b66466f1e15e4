import type { VestingSchedule } from '../../contracts/offer-terms.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/** An organisation's own vesting schedule beside the shipped ones, under a key of its own. */
export async function addVestingSchedule(deps: Deps, input: { actor: Actor; schedule: VestingSchedule }) {
  const { actor, schedule } = input;
  return deps.transaction(async (store) => {
    const taken =
      deps.catalog.vestingSchedule(schedule.key) ??
      (await store.vestingSchedules.get(actor.orgId, schedule.key));
    if (taken) {
      return fail('vesting.key_taken', `A schedule "${schedule.key}" exists.`, { field: 'key' });
    }
    await store.organisation.insertVestingSchedule(actor.orgId, schedule, deps.clock.now());
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'vesting',
      entityId: actor.orgId,
      action: 'vesting.added',
      data: { key: schedule.key },
    });
    return ok(schedule);
  });
}
