import { notifyStaff } from '../inbox/notify-staff.js';
import type { Deps, Store } from '../shared/ports.js';
import type { Offer } from '../shared/types.js';
import { nextApprover } from './offer.rules.js';

/** Tells the people who hold the next approval role of an offer's chain (on its team) that it waits for them. */
export async function askNextApprover(
  deps: Deps,
  store: Pick<Store, 'inbox' | 'outbox'>,
  offer: Offer,
  teamId: string,
) {
  const role = nextApprover(offer.approvalChain, offer.approvalsDone);
  if (!role) return;
  await notifyStaff(store, deps.ids, {
    orgId: offer.orgId,
    userIds: await store.inbox.staffWithRole(offer.orgId, role, teamId),
    kind: 'approval',
    title: 'An offer waits for your approval',
    body: `Revision ${offer.revision}, step ${offer.approvalsDone + 1} of ${offer.approvalChain.length}: the ${role.replace('_', ' ')}’s approval.`,
    link: `/app/offers/${offer.id}`,
    dedupeKey: `approval:${offer.id}:${offer.revision}:${offer.approvalsDone}`,
    at: deps.clock.now(),
  });
}
