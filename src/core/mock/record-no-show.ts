import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { sessionOf } from './cancel-mock.js';
import { mayRecordOutcome } from './mock.rules.js';

/**
 * Records that the other side did not come: the practice interviewer records the candidate's
 * absence, the candidate the interviewer's. Once the session has begun, and instead of a card.
 */
export function recordNoShow(
  deps: Deps,
  input: { actor: Extract<Actor, { kind: 'staff' | 'candidate' }>; sessionId: string },
) {
  return deps.transaction(async (store) => {
    const found = await sessionOf(store.mock, input.actor, input.sessionId);
    if (!found.ok) return found;
    const session = found.value;
    const refused = outcomeRefusal(session, deps.clock.now());
    if (refused) return refused;
    const status = input.actor.kind === 'staff' ? 'candidate_no_show' : 'coach_no_show';
    await store.mock.setStatus(session.orgId, session.id, status);
    return ok({ id: session.id, status });
  });
}

/** Why an outcome cannot be recorded now, if it cannot. */
export function outcomeRefusal(session: Parameters<typeof mayRecordOutcome>[0], now: Date) {
  if (mayRecordOutcome(session, now)) return null;
  return session.status === 'booked'
    ? fail('mock.not_started', 'The session has not begun yet.', { startsAt: session.startsAt.toISOString() })
    : fail('mock.outcome_recorded', 'This session is already over.', { status: session.status });
}
