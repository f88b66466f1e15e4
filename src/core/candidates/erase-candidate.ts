import { endAsWithdrawn } from '../applications/withdraw-application.js';
import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { checkErasable, openApplications } from './candidate.rules.js';
import { eraseCandidateData } from './erase-candidate-data.js';

export const ERASURE_REASON = 'The candidate asked for their data to be erased.';

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
    await eraseCandidateData(store, {
      orgId: actor.orgId,
      candidateId: actor.candidateId,
      actor,
      reason: ERASURE_REASON,
      now: deps.clock.now(),
      videoRoomBaseUrl: input.videoRoomBaseUrl,
    });
    return ok({ withdrawn: withdrawn.length });
  });
}
