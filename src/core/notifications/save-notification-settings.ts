import type { Deps, Store } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import type { NotificationSettings } from './notifications-admin.port.js';

/** Notification admin is audited against the organisation's policy, under the organisation's id. */
export const recordSettingChange = (
  store: Pick<Store, 'audit'>,
  actor: Actor,
  action: string,
  data: Record<string, unknown>,
) =>
  store.audit.record({
    orgId: actor.orgId,
    actor,
    entityType: 'policy',
    entityId: actor.orgId,
    action,
    data,
  });

/** How often candidates hear from us at least, whether rejections carry feedback, default language and zone. */
export async function saveNotificationSettings(
  deps: Deps,
  input: { actor: Actor; settings: NotificationSettings },
) {
  const { actor, settings } = input;
  return deps.transaction(async (store) => {
    await store.notificationsAdmin.saveSettings(actor.orgId, settings);
    await recordSettingChange(store, actor, 'notification_settings.saved', { ...settings });
    return ok(settings);
  });
}
