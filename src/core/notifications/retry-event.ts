import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { recordSettingChange } from './save-notification-settings.js';

/** An event that could not be dispatched is dispatched again on the worker's next pass. */
export async function retryEvent(deps: Deps, input: { actor: Actor; seq: number }) {
  const { actor, seq } = input;
  return deps.transaction(async (store) => {
    if (!(await store.notificationsAdmin.requeueFailedEvent(actor.orgId, seq))) {
      return fail('not_found', 'No failed event with this number.');
    }
    await recordSettingChange(store, actor, 'event.retried', { seq });
    return ok({ status: 'queued' as const });
  });
}
