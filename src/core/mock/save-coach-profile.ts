import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import type { CoachProfile } from './mock.port.js';

/** A staff member volunteers (or stops) as a practice interviewer, for the rounds they choose. */
export function saveCoachProfile(
  deps: Deps,
  input: { actor: Extract<Actor, { kind: 'staff' }>; profile: CoachProfile },
) {
  return deps.transaction(async (store) => {
    await store.mock.saveCoach(input.actor.orgId, input.actor.userId, input.profile, deps.clock.now());
    return ok(input.profile);
  });
}
