import type { Rating } from '../../contracts/kits.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { sessionOf } from './cancel-mock.js';
import { cardProblems, kitRoundOf } from './mock.rules.js';
import { mockMessage, mockVideoUrl } from './mock-messages.js';
import { outcomeRefusal } from './record-no-show.js';

/**
 * The practice interviewer's coaching card: the kit's focus attributes rated, and written advice.
 * It goes to the candidate, and only to them: the one place written feedback reaches a candidate.
 */
export function submitCoachingCard(
  deps: Deps,
  input: {
    actor: Extract<Actor, { kind: 'staff' }>;
    sessionId: string;
    ratings: Record<string, Rating>;
    advice: string;
    videoRoomBaseUrl: string;
  },
) {
  const now = deps.clock.now();
  return deps.transaction(async (store) => {
    const found = await sessionOf(store.mock, input.actor, input.sessionId);
    if (!found.ok) return found;
    const session = found.value;
    const refused = outcomeRefusal(session, now);
    if (refused) return refused;
    const kit = deps.catalog.interviewKit(kitRoundOf[session.roundType]);
    const problem = kit ? cardProblems(kit, input.ratings) : 'this round has no kit';
    if (problem)
      return fail('validation.failed', `ratings: ${problem}`, {
        issues: [{ field: 'body.ratings', message: problem }],
      });
    await store.mock.insertCard(
      session.orgId,
      session.id,
      { ratings: input.ratings, advice: input.advice },
      now,
    );
    await store.mock.setStatus(session.orgId, session.id, 'held');
    const parties = await store.mock.parties(session.orgId, session.candidateId, session.coachId);
    await store.outbox.enqueue(
      mockMessage('candidate.mock_card_ready', session, parties, {
        videoUrl: mockVideoUrl(input.videoRoomBaseUrl, session.id),
      }),
    );
    return ok({ id: session.id });
  });
}
