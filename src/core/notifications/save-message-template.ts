import Mustache from 'mustache';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import type { MessageText } from './notifications.port.js';
import { recordSettingChange } from './save-notification-settings.js';

/** The organisation's own wording of a shipped template in one language; it must parse as a template. */
export async function saveMessageTemplate(
  deps: Deps,
  input: { actor: Actor; key: string; language: string; text: MessageText },
) {
  const { actor, key, language, text } = input;
  for (const field of ['subject', 'body'] as const) {
    try {
      Mustache.parse(text[field]);
    } catch (error) {
      return fail('validation.failed', `${field}: ${(error as Error).message}`, { field });
    }
  }
  return deps.transaction(async (store) => {
    await store.notificationsAdmin.saveTemplate(actor.orgId, key, language, text, deps.clock.now());
    await recordSettingChange(store, actor, 'message_template.saved', { key, language });
    return ok({ key, language, ...text, customised: true });
  });
}
