import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { loadOffer } from './load-offer.js';
import { checkOfferTransition } from './offer.rules.js';

/** Withdraws an offer that has not been answered; a candidate who had it is told. */
export async function rescindOffer(deps: Deps, input: { actor: Actor; offerId: string; reason: string }) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const loaded = await loadOffer(store, actor, input.offerId);
    if (!loaded.ok) return loaded;
    const { offer, app } = loaded.value;
    const allowed = checkOfferTransition(offer.status, 'rescinded');
    if (!allowed.ok) return allowed;
    const updated = await store.offers.update(actor.orgId, offer.id, { status: 'rescinded' });
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'offer',
      entityId: offer.id,
      action: 'offer.rescinded',
      reason: input.reason,
    });
    if (offer.status === 'sent') {
      await store.outbox.enqueue({
        orgId: actor.orgId,
        kind: 'candidate.offer_rescinded',
        dedupeKey: `offer.rescinded:${offer.id}`,
        payload: { offerId: offer.id, applicationId: app.id, candidateId: app.candidateId },
      });
    }
    return ok(updated);
  });
}
