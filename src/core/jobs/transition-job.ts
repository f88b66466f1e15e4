import { storeJobCriteria } from '../screening/job-criteria.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor, JobStatus } from '../shared/types.js';
import { checkJobTransition } from './job.rules.js';

export async function transitionJob(
  deps: Deps,
  input: { actor: Actor; jobId: string; to: JobStatus; reason?: string | undefined },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const job = await store.jobs.lock(actor.orgId, input.jobId);
    if (!job) return fail('job.not_found', 'No such job.', { jobId: input.jobId });
    const allowed = checkJobTransition(job.status, input.to);
    if (!allowed.ok) return allowed;
    const updated = await store.jobs.update(actor.orgId, job.id, { status: input.to });
    if (input.to === 'open') {
      await store.boards.publish(actor.orgId, job.id, deps.clock.now());
      // The posting's qualifications become the screening criteria (ADR 0025), unless it has some.
      const posted = await store.screening.job(actor.orgId, job.id);
      if (posted) await storeJobCriteria(store, deps.ids, posted, deps.clock.now());
    }
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'job',
      entityId: job.id,
      action: `job.${input.to}`,
      ...(input.reason ? { reason: input.reason } : {}),
      data: { from: job.status },
    });
    return ok(updated);
  });
}
