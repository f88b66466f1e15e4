import type { Deps, Store } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor, Application } from '../shared/types.js';
import { checkWithdrawable } from './application.rules.js';
import { concludeApplication } from './conclude-application.js';

/** A candidate may withdraw their own application at any time. */
export async function withdrawApplication(
  deps: Deps,
  input: { actor: Actor & { kind: 'candidate' }; applicationId: string; reason?: string | undefined },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const app = await store.applications.lock(actor.orgId, input.applicationId);
    // Another candidate's application is reported as missing, not as forbidden: ids reveal nothing.
    if (!app || app.candidateId !== actor.candidateId) {
      return fail('application.not_found', 'No such application.', { applicationId: input.applicationId });
    }
    const allowed = checkWithdrawable(app);
    if (!allowed.ok) return allowed;
    return ok(await endAsWithdrawn(deps, store, actor, app, input.reason));
  });
}

/** Ends an open application as withdrawn by its candidate, inside the caller's transaction. */
export async function endAsWithdrawn(
  deps: Deps,
  store: Pick<Store, 'applications' | 'policies' | 'scheduling' | 'audit' | 'outbox'>,
  actor: Actor & { kind: 'candidate' },
  app: Application,
  reason: string | undefined,
) {
  const updated = await store.applications.update(actor.orgId, app.id, {
    status: 'withdrawn',
    endedAt: deps.clock.now(),
  });
  await store.audit.record({
    orgId: actor.orgId,
    actor,
    entityType: 'application',
    entityId: app.id,
    action: 'application.withdrawn',
    ...(reason ? { reason } : {}),
  });
  await concludeApplication(deps, store, actor, updated, 'withdrawn');
  return updated;
}
