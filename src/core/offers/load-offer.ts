import type { VestingSchedule } from '../../contracts/offer-terms.js';
import type { Deps, Store } from '../shared/ports.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { Actor, Application, Offer } from '../shared/types.js';

/**
 * Locks an offer and its application for a change. A candidate only ever finds offers on their
 * own applications; anyone else's is "not found", so ids reveal nothing.
 */
export async function loadOffer(
  store: Pick<Store, 'offers' | 'applications'>,
  actor: Actor,
  offerId: string,
): Promise<Result<{ offer: Offer; app: Application }>> {
  const offer = await store.offers.lock(actor.orgId, offerId);
  const app = offer && (await store.applications.lock(actor.orgId, offer.applicationId));
  if (!offer || !app || (actor.kind === 'candidate' && app.candidateId !== actor.candidateId)) {
    return fail('offer.not_found', 'No such offer.', { offerId });
  }
  return ok({ offer, app });
}

/** A shipped schedule, or one the organisation added. */
export async function findSchedule(
  deps: Deps,
  store: Pick<Store, 'vestingSchedules'>,
  orgId: string,
  key: string,
): Promise<Result<VestingSchedule>> {
  const schedule = deps.catalog.vestingSchedule(key) ?? (await store.vestingSchedules.get(orgId, key));
  if (schedule) return ok(schedule);
  return fail('vesting.unknown_schedule', `No vesting schedule "${key}".`, {
    field: 'vestingScheduleKey',
    key,
  });
}
