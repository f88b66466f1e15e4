import type { Deps, Store } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { leavesNoAdmin } from './accounts.rules.js';

/**
 * An admin disables a staff member: they can no longer sign in, every session and personal API
 * token of theirs ends, open password resets stop working, and they leave the panels of interviews
 * still to come (whoever books the application's interviews is told, to find someone else). Their
 * history stays: decisions, feedback and audit entries keep their name. Disabling twice is no change.
 */
export async function disableUser(deps: Deps, input: { actor: Actor; userId: string }) {
  const { actor, userId } = input;
  return deps.transaction(async (store) => {
    if (actor.kind === 'staff' && actor.userId === userId) {
      // Nobody would be left to undo it if the last admin did this.
      return fail('user.cannot_disable_self', 'You cannot disable your own account.', { field: 'id' });
    }
    const admins = await store.accounts.lockActiveAdmins(actor.orgId);
    const user = await store.accounts.lockUser(actor.orgId, userId);
    if (!user) return fail('user.not_found', 'There is no such user in your organisation.');
    const done = { id: userId, endedSessions: 0, revokedTokens: 0, removedFromInterviews: 0 };
    if (user.disabledAt) return ok({ ...done, version: user.version });
    if (leavesNoAdmin(admins, userId)) {
      return fail('user.last_admin', 'This is the last admin; make someone else an admin first.', {
        field: 'id',
      });
    }
    const { endedSessions, revokedTokens, removedFromInterviews } = await endAccess(
      deps,
      store,
      actor.orgId,
      actor,
      {
        ...user,
        id: userId,
      },
    );
    const result = { ...done, endedSessions, revokedTokens, removedFromInterviews };
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'user',
      entityId: userId,
      action: 'user.disabled',
      data: { endedSessions, revokedTokens, removedFromInterviews },
    });
    return ok({ ...result, version: user.version + 1 });
  });
}

/**
 * What disabling does, however it is asked for (an admin, or the identity provider through SCIM):
 * no more sign-in, sessions and personal tokens ended, resets voided, and off future panels with
 * whoever books the interview told.
 */
export async function endAccess(
  deps: Pick<Deps, 'clock'>,
  store: Pick<Store, 'accounts' | 'audit' | 'outbox'>,
  orgId: string,
  actor: Parameters<Store['audit']['record']>[0]['actor'],
  user: { id: string; name: string; version: number },
) {
  const userId = user.id;
  const now = deps.clock.now();
  await store.accounts.updateUser(orgId, userId, user.version, { disabledAt: now });
  const endedSessions = await store.accounts.deleteHolderSessions({ userId }, null);
  const revokedTokens = await store.accounts.revokeUserTokens(userId, now);
  await store.accounts.dropPasswordResets(userId);
  const panels = await store.accounts.removeFromFuturePanels(orgId, userId, now);
  for (const panel of panels) {
    const data = { interviewId: panel.interviewId, removedUserId: userId, remaining: panel.remaining };
    await store.audit.record({
      orgId: orgId,
      actor,
      entityType: 'application',
      entityId: panel.applicationId,
      action: 'interview.panel_member_removed',
      data,
    });
    await store.outbox.enqueue({
      orgId: orgId,
      kind: 'staff.panel_member_removed',
      dedupeKey: `panel_member_removed:${panel.interviewId}:${userId}:${user.version}`,
      payload: {
        applicationId: panel.applicationId,
        interviewId: panel.interviewId,
        removedUserId: userId,
        removedName: user.name,
        remaining:
          panel.remaining.length === 0
            ? 'none — the interview has no interviewer now'
            : String(panel.remaining.length),
      },
    });
  }
  return { endedSessions, revokedTokens, removedFromInterviews: panels.length };
}
