import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { askNextApprover } from './ask-next-approver.js';
import { loadOffer } from './load-offer.js';
import { checkOfferTransition, outsideBand } from './offer.rules.js';

/** An offer inside its job's band is approved at once; outside it waits for the approver chain. */
export async function submitOffer(deps: Deps, input: { actor: Actor; offerId: string }) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const loaded = await loadOffer(store, actor, input.offerId);
    if (!loaded.ok) return loaded;
    const { offer, app } = loaded.value;
    const job = await store.jobs.lock(actor.orgId, app.jobId);
    if (!job) throw new Error(`application ${app.id} points at missing job ${app.jobId}`);
    const reasons = outsideBand(offer.terms, job.compensationBand);
    const to = reasons.length === 0 ? 'approved' : 'pending_approval';
    const allowed = checkOfferTransition(offer.status, to);
    if (!allowed.ok) return allowed;
    const chain = reasons.length === 0 ? [] : (job.compensationBand?.approverRoles ?? []);
    const updated = await store.offers.update(actor.orgId, offer.id, {
      status: to,
      approvalChain: chain,
      approvalsDone: 0,
    });
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'offer',
      entityId: offer.id,
      action: to === 'approved' ? 'offer.approved' : 'offer.approval_requested',
      reason:
        reasons.length === 0 ? 'Inside the job’s compensation band: no approval needed.' : reasons.join('; '),
      data: { revision: offer.revision, approvalChain: chain },
    });
    if (updated.status === 'pending_approval') await askNextApprover(deps, store, updated, app.teamId);
    return ok(updated);
  });
}
