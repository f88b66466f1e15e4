import { mockMessage, mockVideoUrl } from '../mock/mock-messages.js';
import type { Store } from '../shared/ports.js';
import type { Actor } from '../shared/types.js';

const MOCK_ERASURE_REASON = 'The candidate is no longer taking part.';

/**
 * Erases one candidate's personal data inside the caller's transaction, after the caller has
 * decided it may (the candidate's own request, or a retention purge): mock sessions ahead are
 * cancelled and their practice interviewers told (the candidate is sent nothing once erased), the
 * data goes, and the audit says why.
 */
export async function eraseCandidateData(
  store: Pick<Store, 'candidates' | 'mock' | 'outbox' | 'audit'>,
  input: {
    orgId: string;
    candidateId: string;
    actor: Actor | { kind: 'system' };
    reason: string;
    now: Date;
    videoRoomBaseUrl: string;
  },
) {
  const { orgId, candidateId, now } = input;
  const mockAhead = await store.mock.ahead(orgId, candidateId, now);
  await store.candidates.erase(orgId, candidateId, now);
  for (const session of mockAhead) {
    const parties = await store.mock.parties(orgId, candidateId, session.coachId);
    await store.outbox.enqueue(
      mockMessage('mock.cancelled', session, parties, {
        videoUrl: mockVideoUrl(input.videoRoomBaseUrl, session.id),
        reason: MOCK_ERASURE_REASON,
      }),
    );
  }
  await store.audit.record({
    orgId,
    actor: input.actor,
    entityType: 'candidate',
    entityId: candidateId,
    action: 'candidate.erased',
    reason: input.reason,
  });
}
