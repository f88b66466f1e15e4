import { fillSeat } from '../jobs/job.rules.js';
import type { Deps } from '../ports.js';
import { fail, ok } from '../result.js';
import type { Actor } from '../types.js';
import { checkHireable } from './application.rules.js';
import { concludeApplication } from './conclude-application.js';

/** Marks an application that passed every round as hired; R-JOB-4 closes the job on its last seat. */
export async function hireApplication(deps: Deps, input: { actor: Actor; applicationId: string }) {
  const { actor } = input;
  const orgId = actor.orgId;
  return deps.transaction(async (store) => {
    const app = await store.applications.lock(orgId, input.applicationId);
    if (!app)
      return fail('application.not_found', 'No such application.', { applicationId: input.applicationId });
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
  });
}
