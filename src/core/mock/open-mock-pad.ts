import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { sessionOf } from './cancel-mock.js';

/**
 * The practice interviewer opens the coding session's pad (once; later calls answer the same pad).
 * It belongs to the session, not to any application, so no hiring screen lists it; it starts blank,
 * because the hidden hiring problems are never shown in practice.
 */
export function openMockPad(
  deps: Deps,
  input: { actor: Extract<Actor, { kind: 'staff' }>; sessionId: string; language: string },
) {
  return deps.transaction(async (store) => {
    const found = await sessionOf(store.mock, input.actor, input.sessionId);
    if (!found.ok) return found;
    const session = found.value;
    if (session.roundType !== 'coding')
      return fail('mock.not_coding', 'Only a coding round has a pad; this one runs on the video call.');
    if (session.padId) return ok({ id: session.padId });
    if (session.status !== 'booked')
      return fail('mock.outcome_recorded', 'This session is already over.', { status: session.status });
    const id = deps.ids.next();
    await store.pads.insert({
      id,
      orgId: session.orgId,
      applicationId: null,
      mockSessionId: session.id,
      problemSlug: null,
      language: input.language,
      createdAt: deps.clock.now(),
      // Both people join through their own sign-in; this secret is never handed out.
      tokenHash: deps.tokens.hash(deps.tokens.next()),
      createdBy: input.actor.userId,
    });
    return ok({ id });
  });
}
