import type { Criterion, CriterionCheck, CriterionKind } from '../../contracts/screening.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { currentCriteria } from './job-criteria.js';

export interface CriterionEdit {
  id?: string | undefined;
  text: string;
  kind: CriterionKind;
  weight: number;
  check: CriterionCheck;
}

/**
 * Replaces a job's criteria as a whole under an optimistic version (ADR 0025). A criterion sent
 * with the id of a current one keeps its id and source; any other is the recruiter's own. The
 * job's applications still at the resume screen are annotated again, through the outbox.
 */
export async function replaceCriteria(
  deps: Deps,
  input: { actor: Actor; jobId: string; expectedVersion: number; items: CriterionEdit[] },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const job = await store.screening.job(actor.orgId, input.jobId);
    if (!job) return fail('job.not_found', 'No such job.', { jobId: input.jobId });
    const current = await currentCriteria(store, job);
    const stale = () =>
      fail(
        'conflict.stale_version',
        `The criteria were changed by someone else (now version ${current.version}); reload them and apply your change again.`,
        { field: 'expectedVersion', currentVersion: current.version },
      );
    if (input.expectedVersion !== current.version) return stale();
    const known = new Map(current.items.map((c) => [c.id, c]));
    const seen = new Set<string>();
    const items: Criterion[] = input.items.map((edit, position) => {
      const kept = edit.id && !seen.has(edit.id) ? known.get(edit.id) : undefined;
      if (kept) seen.add(kept.id);
      return {
        // A posting's criterion (version 0) has a computed id: it gets a real one once stored.
        id: kept && current.version > 0 ? kept.id : deps.ids.next(),
        text: edit.text,
        kind: edit.kind,
        weight: edit.weight,
        check: edit.check,
        source: kept?.source ?? 'recruiter',
        position,
      };
    });
    const now = deps.clock.now();
    const version = current.version + 1;
    if (!(await store.screening.replace(actor.orgId, job.id, current.version, items, now))) return stale();
    const queued = await store.screening.enqueueForJob(actor.orgId, job.id, `criteria:${version}`, now);
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'job',
      entityId: job.id,
      action: 'screening.criteria_replaced',
      data: { version, criteria: items.length, reannotated: queued },
    });
    return ok({ version, items });
  });
}
