import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import type { MockRepository, MockSession } from './mock.port.js';
import { mayCancel } from './mock.rules.js';
import { mockMessage, mockVideoUrl } from './mock-messages.js';

/** The session when the actor is one of its two people; nobody else learns that it exists. */
export async function sessionOf(
  mock: Pick<MockRepository, 'lock'>,
  actor: Extract<Actor, { kind: 'staff' | 'candidate' }>,
  id: string,
) {
  const session = await mock.lock(actor.orgId, id);
  const mine =
    session &&
    (actor.kind === 'staff' ? session.coachId === actor.userId : session.candidateId === actor.candidateId);
  return mine ? ok(session as MockSession) : fail('mock.not_found', 'No such mock interview.');
}

/** The candidate or the practice interviewer cancels a session still ahead, saying why; both are told. */
export function cancelMock(
  deps: Deps,
  input: {
    actor: Extract<Actor, { kind: 'staff' | 'candidate' }>;
    sessionId: string;
    reason: string;
    videoRoomBaseUrl: string;
  },
) {
  return deps.transaction(async (store) => {
    const found = await sessionOf(store.mock, input.actor, input.sessionId);
    if (!found.ok) return found;
    const session = found.value;
    if (!mayCancel(session, deps.clock.now()))
      return fail('mock.not_cancellable', 'Only a session still ahead can be cancelled.', {
        status: session.status,
      });
    const by = input.actor.kind === 'staff' ? 'coach' : 'candidate';
    await store.mock.setStatus(session.orgId, session.id, 'cancelled', { by, reason: input.reason });
    const parties = await store.mock.parties(session.orgId, session.candidateId, session.coachId);
    await store.outbox.enqueue(
      mockMessage('mock.cancelled', session, parties, {
        videoUrl: mockVideoUrl(input.videoRoomBaseUrl, session.id),
        reason: input.reason,
      }),
    );
    return ok({ id: session.id });
  });
}
