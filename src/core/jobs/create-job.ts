import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import type { JobFields } from './jobs.port.js';

/** R-JOB-1: a job belongs to exactly one team and starts as a draft. */
export async function createJob(deps: Deps, input: { actor: Actor; fields: JobFields }) {
  const { actor, fields } = input;
  return deps.transaction(async (store) => {
    if (!(await store.teams.exists(actor.orgId, fields.teamId))) {
      return fail('team.not_found', 'No such team.', { field: 'teamId' });
    }
    const process = await store.processes.get(actor.orgId, fields.processId);
    if (!process) return fail('process.not_found', 'No such process.', { field: 'processId' });
    const job = await store.jobs.insert({
      ...fields,
      id: deps.ids.next(),
      orgId: actor.orgId,
      status: 'draft',
    });
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'job',
      entityId: job.id,
      action: 'job.created',
      data: { title: job.title, teamId: job.teamId },
    });
    return ok(job);
  });
}
