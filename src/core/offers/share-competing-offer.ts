import type { CompetingTerms } from '../../contracts/offer-terms.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor, CompetingOffer } from '../shared/types.js';
import { findSchedule } from './load-offer.js';

/** A competing offer the candidate chooses to share, entered by them or by the recruiter. */
export async function shareCompetingOffer(
  deps: Deps,
  input: { actor: Actor; applicationId: string; terms: CompetingTerms },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const app = await store.applications.lock(actor.orgId, input.applicationId);
    if (!app || (actor.kind === 'candidate' && app.candidateId !== actor.candidateId)) {
      return fail('application.not_found', 'No such application.', { applicationId: input.applicationId });
    }
    const schedule = await findSchedule(deps, store, actor.orgId, input.terms.vestingScheduleKey);
    if (!schedule.ok) return schedule;
    const competing: CompetingOffer = {
      id: deps.ids.next(),
      orgId: actor.orgId,
      applicationId: app.id,
      terms: input.terms,
      enteredBy: actor,
      at: deps.clock.now(),
    };
    await store.offers.addCompeting(competing);
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'application',
      entityId: app.id,
      action: 'offer.competing_shared',
      data: { company: input.terms.company },
    });
    return ok(competing);
  });
}
