import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import type { CandidatePreferences } from './notifications-admin.port.js';

/** The candidate's own language, time zone and opting out of non-essential messages. */
export async function savePreferences(
  deps: Deps,
  input: { actor: Actor & { kind: 'candidate' }; preferences: CandidatePreferences },
) {
  const { actor, preferences } = input;
  return deps.transaction(async (store) => {
    await store.notificationsAdmin.savePreferences(
      actor.orgId,
      actor.candidateId,
      preferences,
      deps.clock.now(),
    );
    return ok(preferences);
  });
}
