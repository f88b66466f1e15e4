import { endAsWithdrawn } from '../applications/withdraw-application.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
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
    // A legal hold (GDPR art. 17(3)(e)) keeps the records until it is released.
    if (await store.retention.lockActiveHold(actor.orgId, actor.candidateId))
      return fail(
        'candidate.erasure_blocked',
        'Your records are held for a legal matter, so they cannot be erased yet: ask the organisation to erase them once it ends.',
        { legalHold: true },
      );
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
