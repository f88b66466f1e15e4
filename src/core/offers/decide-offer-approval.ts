import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { askNextApprover } from './ask-next-approver.js';
import { loadOffer } from './load-offer.js';
import { canApprove, checkOfferTransition, nextApprover } from './offer.rules.js';

/** Each role of the chain approves in turn, each step a different person; a rejection sends the offer back to draft. */
export async function decideOfferApproval(
  deps: Deps,
  input: { actor: Actor; offerId: string; decision: 'approve' | 'reject'; note: string },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const loaded = await loadOffer(store, actor, input.offerId);
    if (!loaded.ok) return loaded;
    const { offer, app } = loaded.value;
    if (offer.status !== 'pending_approval') {
      return fail(
        'offer.invalid_transition',
        `The offer is ${offer.status.replace('_', ' ')}, not waiting for approval.`,
        {
          status: offer.status,
        },
      );
    }
    const role = nextApprover(offer.approvalChain, offer.approvalsDone);
    if (!canApprove(actor, role, app.teamId)) {
      return fail('offer.not_your_approval', `The next approval belongs to the ${role?.replace('_', ' ')}.`, {
        role,
      });
    }
    // Separation of duties: one person holding several roles still gives one approval per chain.
    const earlier = await store.offers.latestApprovers(offer.id, offer.revision, offer.approvalsDone);
    if (actor.kind === 'staff' && earlier.includes(actor.userId)) {
      return fail(
        'offer.approver_already_approved',
        `You approved an earlier step of this offer; the ${role?.replace('_', ' ')} step needs someone else.`,
        { role },
      );
    }
    const approved = input.decision === 'approve';
    const done = approved ? offer.approvalsDone + 1 : 0;
    const to = !approved ? 'draft' : done >= offer.approvalChain.length ? 'approved' : 'pending_approval';
    if (to !== 'pending_approval') {
      const allowed = checkOfferTransition(offer.status, to);
      if (!allowed.ok) return allowed;
    }
    const now = deps.clock.now();
    await store.offers.addApproval({
      id: deps.ids.next(),
      offerId: offer.id,
      revision: offer.revision,
      role: role!,
      decision: input.decision,
      note: input.note,
      actor,
      at: now,
    });
    const updated = await store.offers.update(actor.orgId, offer.id, {
      status: to,
      approvalsDone: done,
      ...(approved ? {} : { approvalChain: [] }),
    });
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'offer',
      entityId: offer.id,
      action: approved
        ? to === 'approved'
          ? 'offer.approved'
          : 'offer.approval_recorded'
        : 'offer.approval_rejected',
      reason: input.note,
      data: { role, revision: offer.revision, step: offer.approvalsDone + 1, of: offer.approvalChain.length },
    });
    if (updated.status === 'pending_approval') await askNextApprover(deps, store, updated, app.teamId);
    return ok(updated);
  });
}
