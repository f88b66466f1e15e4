import { fillSeat } from '../jobs/job.rules.js';
import type { Deps, Store } from '../shared/ports.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { Actor, Application } from '../shared/types.js';
import { checkHireable } from './application.rules.js';
import { concludeApplication } from './conclude-application.js';

/** Marks an application that passed every round as hired; its job closes on the last seat. */
export async function hireApplication(deps: Deps, input: { actor: Actor; applicationId: string }) {
  return deps.transaction((store) => hireInStore(deps, store, input.actor, input.applicationId));
}

/** The hire itself, inside the caller's transaction: also the end of an accepted offer. */
export async function hireInStore(
  deps: Deps,
  store: Pick<Store, 'applications' | 'jobs' | 'policies' | 'scheduling' | 'audit' | 'outbox'>,
  actor: Actor,
  applicationId: string,
): Promise<Result<Application>> {
  const orgId = actor.orgId;
  const app = await store.applications.lock(orgId, applicationId);
  if (!app) return fail('application.not_found', 'No such application.', { applicationId });
  const hireable = checkHireable(app);
  if (!hireable.ok) return hireable;
  const job = await store.jobs.lock(orgId, app.jobId);
  if (!job) throw new Error(`application ${app.id} points at missing job ${app.jobId}`);
  const seat = fillSeat(job);
  if (!seat.ok) return seat;
  const now = deps.clock.now();
  const updated = await store.applications.update(orgId, app.id, { status: 'hired', endedAt: now });
  await store.jobs.update(orgId, job.id, {
    hiredCount: seat.value.hiredCount,
    ...(seat.value.closes ? { status: 'closed' as const } : {}),
  });
  await store.audit.record({
    orgId,
    actor,
    entityType: 'application',
    entityId: app.id,
    action: 'application.hired',
  });
  if (seat.value.closes) {
    await store.audit.record({
      orgId,
      actor,
      entityType: 'job',
      entityId: job.id,
      action: 'job.closed',
      reason: 'Headcount filled.',
      data: { headcount: job.headcount },
    });
  }
  await concludeApplication(deps, store, actor, updated, 'hired');
  return ok(updated);
}
