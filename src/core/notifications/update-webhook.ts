import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { newWebhookSecret } from './create-webhook.js';
import { recordSettingChange } from './save-notification-settings.js';

/** Pauses, re-subscribes or rotates the secret of an endpoint; a new secret is returned once. */
export async function updateWebhook(
  deps: Deps,
  input: {
    actor: Actor;
    webhookId: string;
    active?: boolean | undefined;
    eventTypes?: string[] | undefined;
    rotateSecret?: boolean | undefined;
  },
) {
  const { actor, webhookId } = input;
  return deps.transaction(async (store) => {
    const secret = input.rotateSecret ? newWebhookSecret(deps) : undefined;
    const webhook = await store.notificationsAdmin.updateWebhook(actor.orgId, webhookId, {
      active: input.active,
      eventTypes: input.eventTypes,
      secret,
    });
    if (!webhook) return fail('not_found', 'No such webhook.');
    await recordSettingChange(store, actor, secret ? 'webhook.secret_rotated' : 'webhook.updated', {
      webhookId,
    });
    return ok({ ...webhook, ...(secret ? { secret } : {}) });
  });
}
