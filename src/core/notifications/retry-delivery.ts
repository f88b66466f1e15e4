import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { recordSettingChange } from './save-notification-settings.js';

/** A failed delivery goes back in the queue at once; one still pending or delivered is left alone. */
export async function retryDelivery(deps: Deps, input: { actor: Actor; deliveryId: string }) {
  const { actor, deliveryId } = input;
  return deps.transaction(async (store) => {
    const delivery = await store.notificationsAdmin.lockDelivery(actor.orgId, deliveryId);
    if (!delivery) return fail('not_found', 'No such delivery.');
    if (delivery.status !== 'failed') {
      return fail('conflict.stale_version', 'Only a failed delivery can be retried.');
    }
    await store.notificationsAdmin.requeueDelivery(delivery.id, deps.clock.now());
    await recordSettingChange(store, actor, 'delivery.retried', { deliveryId });
    return ok({ status: 'queued' as const });
  });
}
