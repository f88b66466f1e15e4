import type { ProcessDefinition } from '../../contracts/process-template.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/**
 * Saves an edited process as a new version and moves the team's jobs to it. Versions are never
 * changed in place, and each application keeps the plan it started with, so running
 * applications are untouched.
 */
export async function reviseProcess(
  deps: Deps,
  input: { actor: Actor; processId: string; expectedVersion: number; definition: ProcessDefinition },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const current = await store.processes.get(actor.orgId, input.processId);
    if (!current) return fail('process.not_found', 'No such process.', { processId: input.processId });
    const latest = await store.processes.latestVersion(actor.orgId, current.lineageId);
    if (!latest || latest.version !== input.expectedVersion) {
      return fail(
        'conflict.stale_version',
        'The process was changed since you loaded it; reload and edit again.',
        {
          expectedVersion: input.expectedVersion,
          currentVersion: latest?.version,
        },
      );
    }
    const revised = await store.processes.insert({
      ...latest,
      id: deps.ids.next(),
      version: latest.version + 1,
      definition: input.definition,
    });
    await store.processes.repointJobs(actor.orgId, current.lineageId, revised.id);
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'process',
      entityId: revised.id,
      action: 'process.revised',
      data: { lineageId: revised.lineageId, version: revised.version },
    });
    return ok(revised);
  });
}
