import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import type { JobFields } from './jobs.port.js';

/** Edits a job's fields; `expectedVersion` makes a concurrent edit fail instead of being overwritten. */
export async function updateJob(
  deps: Deps,
  input: { actor: Actor; jobId: string; expectedVersion: number; change: Partial<JobFields> },
) {
  const { actor, change } = input;
  return deps.transaction(async (store) => {
    const job = await store.jobs.lock(actor.orgId, input.jobId);
    if (!job) return fail('job.not_found', 'No such job.', { jobId: input.jobId });
    if (job.version !== input.expectedVersion) {
      return fail(
        'conflict.stale_version',
        'The job changed since you loaded it; reload and apply your edit again.',
        {
          expectedVersion: input.expectedVersion,
          currentVersion: job.version,
        },
      );
    }
    if (change.teamId && !(await store.teams.exists(actor.orgId, change.teamId))) {
      return fail('team.not_found', 'No such team.', { field: 'teamId' });
    }
    if (change.processId && !(await store.processes.get(actor.orgId, change.processId))) {
      return fail('process.not_found', 'No such process.', { field: 'processId' });
    }
    if (change.headcount !== undefined && change.headcount < job.hiredCount) {
      return fail('validation.failed', `Headcount cannot go below the ${job.hiredCount} already hired.`, {
        field: 'headcount',
      });
    }
    const updated = await store.jobs.update(actor.orgId, job.id, change);
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'job',
      entityId: job.id,
      action: 'job.updated',
      data: { fields: Object.keys(change) },
    });
    return ok(updated);
  });
}
