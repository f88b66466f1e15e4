import type { OfferTerms } from '../../contracts/offer-terms.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { findSchedule, loadOffer } from './load-offer.js';
import { checkOfferTransition, diffTerms } from './offer.rules.js';

/**
 * A counter-offer changes one or more components. Every revision is kept with who and
 * why and its difference to the previous one; a revised offer is a draft again and needs its
 * approvals anew.
 */
export async function reviseOffer(
  deps: Deps,
  input: {
    actor: Actor;
    offerId: string;
    expectedRevision: number;
    changes: Partial<OfferTerms>;
    reason: string;
  },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const loaded = await loadOffer(store, actor, input.offerId);
    if (!loaded.ok) return loaded;
    const { offer } = loaded.value;
    if (offer.status !== 'draft') {
      const allowed = checkOfferTransition(offer.status, 'draft');
      if (!allowed.ok) return allowed;
    }
    if (offer.revision !== input.expectedRevision) {
      return fail(
        'offer.stale_revision',
        `The offer is at revision ${offer.revision}; reload it and revise again.`,
        {
          expectedRevision: input.expectedRevision,
          currentRevision: offer.revision,
        },
      );
    }
    const terms: OfferTerms = { ...offer.terms, ...input.changes };
    if (input.changes.vestingScheduleKey) {
      const schedule = await findSchedule(deps, store, actor.orgId, terms.vestingScheduleKey);
      if (!schedule.ok) return schedule;
    }
    const changes = diffTerms(offer.terms, terms);
    if (changes.length === 0)
      return fail('validation.failed', 'The revision changes nothing.', { field: 'changes' });
    const revision = offer.revision + 1;
    const updated = await store.offers.update(actor.orgId, offer.id, {
      status: 'draft',
      revision,
      terms,
      approvalChain: [],
      approvalsDone: 0,
    });
    const now = deps.clock.now();
    await store.offers.addRevision({
      offerId: offer.id,
      revision,
      terms,
      changes,
      reason: input.reason,
      author: actor,
      at: now,
    });
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'offer',
      entityId: offer.id,
      action: 'offer.revised',
      reason: input.reason,
      data: { revision, fields: changes.map((c) => c.field), previousStatus: offer.status },
    });
    return ok(updated);
  });
}
