import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/**
 * Turns blind review on or off for the organisation (`jobId` absent) or one job; a job's null
 * inherits the organisation's. Answers the switch as stored and what applies.
 */
export async function setBlindReview(
  deps: Deps,
  input: { actor: Actor; jobId?: string; blindReview: boolean | null },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const jobId = input.jobId ?? null;
    if (jobId && !(await store.screening.job(actor.orgId, jobId)))
      return fail('job.not_found', 'No such job.', { jobId });
    await store.screening.setBlind(actor.orgId, jobId, input.blindReview, deps.clock.now());
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: jobId ? 'job' : 'org',
      entityId: jobId ?? actor.orgId,
      action: 'screening.blind_review_set',
      data: { blindReview: input.blindReview },
    });
    const settings = await store.screening.blindSettings(actor.orgId, jobId);
    return ok({
      blindReview: jobId ? settings.job : settings.org,
      effective: settings.job ?? settings.org,
    });
  });
}
