import { hireInStore } from '../applications/hire-application.js';
import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { loadOffer } from './load-offer.js';
import { checkNotExpired, checkOfferTransition } from './offer.rules.js';

/**
 * The candidate accepts or declines a sent offer from their portal. Acceptance hires: the job's
 * headcount fills and the candidate's other applications move on as their policy says.
 */
export async function respondToOffer(
  deps: Deps,
  input: {
    actor: Actor & { kind: 'candidate' };
    offerId: string;
    response: 'accept' | 'decline';
    reason?: string | undefined;
  },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const loaded = await loadOffer(store, actor, input.offerId);
    if (!loaded.ok) return loaded;
    const { offer, app } = loaded.value;
    const to = input.response === 'accept' ? 'accepted' : 'declined';
    const allowed = checkOfferTransition(offer.status, to);
    if (!allowed.ok) return allowed;
    const now = deps.clock.now();
    const fresh = checkNotExpired(offer.terms, now);
    if (!fresh.ok) return fresh;
    if (to === 'accepted') {
      const hired = await hireInStore(deps, store, actor, app.id);
      if (!hired.ok) return hired;
    }
    const updated = await store.offers.update(actor.orgId, offer.id, { status: to, respondedAt: now });
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'offer',
      entityId: offer.id,
      action: `offer.${to}`,
      ...(input.reason ? { reason: input.reason } : {}),
      data: { revision: offer.revision },
    });
    await store.outbox.enqueue({
      orgId: actor.orgId,
      kind: `staff.offer_${to}`,
      dedupeKey: `offer.${to}:${offer.id}`,
      payload: { offerId: offer.id, applicationId: app.id, jobId: app.jobId },
    });
    return ok(updated);
  });
}
