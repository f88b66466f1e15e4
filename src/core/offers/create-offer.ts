import type { OfferTerms } from '../../contracts/offer-terms.js';
import { checkHireable } from '../applications/application.rules.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { findSchedule } from './load-offer.js';
import { checkNotExpired, diffTerms } from './offer.rules.js';

export type DraftTerms = Omit<OfferTerms, 'vestingScheduleKey'> & { vestingScheduleKey?: string | undefined };

/**
 * R-OFFER-1: drafts an offer for an application that has passed every round, the HR interview
 * included. Without a schedule named, the equity vests on the process's default.
 */
export async function createOffer(
  deps: Deps,
  input: { actor: Actor; applicationId: string; terms: DraftTerms },
) {
  const { actor } = input;
  const orgId = actor.orgId;
  return deps.transaction(async (store) => {
    const app = await store.applications.lock(orgId, input.applicationId);
    if (!app)
      return fail('application.not_found', 'No such application.', { applicationId: input.applicationId });
    const ready = checkHireable(app);
    if (!ready.ok) return ready;
    const open = await store.offers.openForApplication(orgId, app.id);
    if (open)
      return fail('offer.already_open', 'This application already has an open offer; revise it instead.', {
        offerId: open.id,
      });
    const process = await store.processes.get(orgId, app.processId);
    const key = input.terms.vestingScheduleKey ?? process?.definition.defaultVestingScheduleKey;
    if (!key)
      return fail('validation.failed', 'Name a vesting schedule for the equity.', {
        field: 'terms.vestingScheduleKey',
      });
    const schedule = await findSchedule(deps, store, orgId, key);
    if (!schedule.ok) return schedule;
    const terms: OfferTerms = { ...input.terms, vestingScheduleKey: key };
    const now = deps.clock.now();
    if (!checkNotExpired(terms, now).ok) {
      return fail('validation.failed', 'The expiry date must be in the future.', {
        field: 'terms.expiresAt',
      });
    }
    const offer = await store.offers.insert({
      id: deps.ids.next(),
      orgId,
      applicationId: app.id,
      status: 'draft',
      revision: 1,
      terms,
      approvalChain: [],
      approvalsDone: 0,
      sentAt: null,
      respondedAt: null,
      signatureRequired: false,
      version: 1,
    });
    await store.offers.addRevision({
      offerId: offer.id,
      revision: 1,
      terms,
      changes: diffTerms(null, terms),
      reason: 'First draft.',
      author: actor,
      at: now,
    });
    await store.audit.record({
      orgId,
      actor,
      entityType: 'offer',
      entityId: offer.id,
      action: 'offer.created',
      data: { applicationId: app.id },
    });
    await store.audit.record({
      orgId,
      actor,
      entityType: 'application',
      entityId: app.id,
      action: 'offer.created',
      data: { offerId: offer.id },
    });
    return ok(offer);
  });
}
