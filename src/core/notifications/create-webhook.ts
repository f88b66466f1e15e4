import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { recordSettingChange } from './save-notification-settings.js';

/**
 * Receivers check signatures with a hex secret: the hash of a fresh random token is 256 random
 * bits written as 64 hex digits.
 */
export const newWebhookSecret = (deps: Pick<Deps, 'tokens'>) => deps.tokens.hash(deps.tokens.next());

/** Registers an endpoint; its secret is returned once, here, and afterwards only its use shows. */
export async function createWebhook(deps: Deps, input: { actor: Actor; url: string; eventTypes: string[] }) {
  const { actor, url, eventTypes } = input;
  return deps.transaction(async (store) => {
    const secret = newWebhookSecret(deps);
    const webhook = await store.notificationsAdmin.insertWebhook({
      id: deps.ids.next(),
      orgId: actor.orgId,
      url,
      eventTypes,
      active: true,
      secret,
      createdAt: deps.clock.now(),
    });
    await recordSettingChange(store, actor, 'webhook.created', { webhookId: webhook.id, url, eventTypes });
    return ok({ ...webhook, secret });
  });
}
