import { hireInStore } from '../applications/hire-application.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { loadOffer } from './load-offer.js';
import { checkNotExpired, checkOfferTransition, checkSignatureName } from './offer.rules.js';

/** How a candidate signed the letter: the name typed, and what identifies the letter and the signing. */
export interface SigningInput {
  typedName: string;
  letterSha256: string;
  address: string | null;
  userAgent: string | null;
}

/**
 * The candidate accepts or declines a sent offer from their portal. Acceptance hires: the job's
 * headcount fills and the candidate's other applications move on as their policy says. An offer
 * sent for signature is accepted only with a signature: the candidate's name typed over the letter.
 */
export async function respondToOffer(
  deps: Deps,
  input: {
    actor: Actor & { kind: 'candidate' };
    offerId: string;
    response: 'accept' | 'decline';
    reason?: string | undefined;
    signature?: SigningInput;
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
    const { signature } = input;
    if (to === 'accepted' && offer.signatureRequired && !signature) {
      return fail(
        'offer.signature_required',
        'This offer is accepted by signing its letter in your portal.',
        {
          offerId: offer.id,
        },
      );
    }
    if (to === 'accepted' && signature) {
      const person = await store.candidates.lock(actor.orgId, actor.candidateId);
      if (!person) return fail('offer.not_found', 'No such offer.', { offerId: offer.id });
      const named = checkSignatureName(signature.typedName, person);
      if (!named.ok) return named;
      await store.offers.addSignature({
        ...signature,
        typedName: signature.typedName.trim().replace(/\s+/g, ' '),
        offerId: offer.id,
        orgId: actor.orgId,
        revision: offer.revision,
        signedAt: now,
      });
    }
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
      action: signature && to === 'accepted' ? 'offer.signed' : `offer.${to}`,
      ...(input.reason ? { reason: input.reason } : {}),
      data: {
        revision: offer.revision,
        ...(signature && to === 'accepted' ? { letterSha256: signature.letterSha256 } : {}),
      },
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
