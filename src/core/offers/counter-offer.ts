import type { OfferComponent } from '../../contracts/vocabulary.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor, OfferCounter } from '../shared/types.js';
import { loadOffer } from './load-offer.js';

/** The candidate counters one component of a sent offer; the recruiter answers with a revision. */
export async function counterOffer(
  deps: Deps,
  input: {
    actor: Actor & { kind: 'candidate' };
    offerId: string;
    component: OfferComponent;
    proposal: string;
    note: string;
  },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const loaded = await loadOffer(store, actor, input.offerId);
    if (!loaded.ok) return loaded;
    const { offer, app } = loaded.value;
    if (offer.status !== 'sent') {
      return fail('offer.invalid_transition', 'Only an offer you have received can be countered.', {
        status: offer.status,
      });
    }
    const counter: OfferCounter = {
      id: deps.ids.next(),
      offerId: offer.id,
      revision: offer.revision,
      component: input.component,
      proposal: input.proposal,
      note: input.note,
      candidateId: actor.candidateId,
      at: deps.clock.now(),
    };
    await store.offers.addCounter(counter);
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'offer',
      entityId: offer.id,
      action: 'offer.countered',
      reason: input.note,
      data: { component: input.component, proposal: input.proposal, revision: offer.revision },
    });
    await store.outbox.enqueue({
      orgId: actor.orgId,
      kind: 'staff.offer_countered',
      dedupeKey: `offer.countered:${counter.id}`,
      payload: { offerId: offer.id, applicationId: app.id, component: input.component },
    });
    return ok(counter);
  });
}
