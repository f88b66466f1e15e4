import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { loadOffer } from './load-offer.js';
import { checkNotExpired, checkOfferTransition } from './offer.rules.js';

/**
 * Sends an approved offer to the candidate, who sees it in their portal; sent for signature, the
 * candidate accepts it by signing the letter there.
 */
export async function sendOffer(
  deps: Deps,
  input: { actor: Actor; offerId: string; requireSignature?: boolean | undefined },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const loaded = await loadOffer(store, actor, input.offerId);
    if (!loaded.ok) return loaded;
    const { offer, app } = loaded.value;
    const allowed = checkOfferTransition(offer.status, 'sent');
    if (!allowed.ok) return allowed;
    const now = deps.clock.now();
    const fresh = checkNotExpired(offer.terms, now);
    if (!fresh.ok) return fresh;
    const updated = await store.offers.update(actor.orgId, offer.id, {
      status: 'sent',
      sentAt: now,
      signatureRequired: input.requireSignature ?? false,
    });
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'offer',
      entityId: offer.id,
      action: 'offer.sent',
      data: { revision: offer.revision, signatureRequired: input.requireSignature ?? false },
    });
    await store.outbox.enqueue({
      orgId: actor.orgId,
      kind: 'candidate.offer_sent',
      dedupeKey: `offer.sent:${offer.id}:${offer.revision}`,
      payload: {
        offerId: offer.id,
        applicationId: app.id,
        candidateId: app.candidateId,
        revision: offer.revision,
      },
    });
    return ok(updated);
  });
}
