import { concludeApplication } from '../applications/conclude-application.js';
import type { Deps } from '../ports.js';
import { ok } from '../result.js';
import type { Actor } from '../types.js';
import { checkErasable, openApplications } from './candidate.rules.js';

export const ERASURE_REASON = 'The candidate asked for their data to be erased.';

/**
 * R-CAND-4: the candidate erases their own data. Open applications are withdrawn first (their
 * interviews cancelled, the team told), then the personal data goes, in one transaction.
 */
export async function eraseCandidate(deps: Deps, input: { actor: Actor & { kind: 'candidate' } }) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const applications = await store.applications.lockAllOfCandidate(actor.orgId, actor.candidateId);
    const allowed = checkErasable(applications);
    if (!allowed.ok) return allowed;
    const now = deps.clock.now();
    const withdrawn = openApplications(applications);
    for (const application of withdrawn) {
      const updated = await store.applications.update(actor.orgId, application.id, {
        status: 'withdrawn',
        endedAt: now,
      });
      await store.audit.record({
        orgId: actor.orgId,
        actor,
        entityType: 'application',
        entityId: application.id,
        action: 'application.withdrawn',
        reason: ERASURE_REASON,
      });
      await concludeApplication(deps, store, actor, updated, 'withdrawn');
    }
    await store.candidates.erase(actor.orgId, actor.candidateId, now);
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
