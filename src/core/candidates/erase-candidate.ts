import { endAsWithdrawn } from '../applications/withdraw-application.js';
import { mockMessage, mockVideoUrl } from '../mock/mock-messages.js';
import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { checkErasable, openApplications } from './candidate.rules.js';

export const ERASURE_REASON = 'The candidate asked for their data to be erased.';
const MOCK_ERASURE_REASON = 'The candidate is no longer taking part.';

/**
 * The candidate erases their own data. Open applications are withdrawn first (their
 * interviews cancelled, the team told), then the personal data goes, in one transaction.
 */
export async function eraseCandidate(
  deps: Deps,
  input: { actor: Actor & { kind: 'candidate' }; videoRoomBaseUrl: string },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const applications = await store.applications.lockAllOfCandidate(actor.orgId, actor.candidateId);
    const allowed = checkErasable(applications);
    if (!allowed.ok) return allowed;
    const withdrawn = openApplications(applications);
    for (const application of withdrawn)
      await endAsWithdrawn(deps, store, actor, application, ERASURE_REASON);
    const now = deps.clock.now();
    // Mock sessions ahead are cancelled by the erasure; their practice interviewers are told (the
    // candidate is sent nothing once erased), under the name left after erasure.
    const mockAhead = await store.mock.ahead(actor.orgId, actor.candidateId, now);
    await store.candidates.erase(actor.orgId, actor.candidateId, now);
    for (const session of mockAhead) {
      const parties = await store.mock.parties(actor.orgId, actor.candidateId, session.coachId);
      await store.outbox.enqueue(
        mockMessage('mock.cancelled', session, parties, {
          videoUrl: mockVideoUrl(input.videoRoomBaseUrl, session.id),
          reason: MOCK_ERASURE_REASON,
        }),
      );
    }
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'candidate',
      entityId: actor.candidateId,
      action: 'candidate.erased',
      reason: ERASURE_REASON,
    });
    return ok({ withdrawn: withdrawn.length });
  });
}
