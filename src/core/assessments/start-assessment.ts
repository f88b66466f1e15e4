import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import { deadlineOf, refuseStart } from './assessment.rules.js';
import { lockByLink, refused } from './load-assessment.js';

/** Starts the clock, once: starting again keeps the first deadline. */
export async function startAssessment(deps: Deps, input: { token: string }) {
  return deps.transaction(async (store) => {
    const found = await lockByLink(deps, store, input.token);
    if (!found.ok) return found;
    const assessment = found.value;
    const now = deps.clock.now();
    const refusal = refuseStart(assessment, now);
    if (refusal) return refused(refusal);
    if (assessment.startedAt && assessment.deadlineAt)
      return ok({ startedAt: assessment.startedAt, deadlineAt: assessment.deadlineAt });
    const deadlineAt = deadlineOf(now, assessment.durationMinutes);
    await store.assessments.start(assessment.id, now, deadlineAt);
    await store.assessments.recordEvents(assessment.id, now, [{ kind: 'started', itemIndex: null }]);
    return ok({ startedAt: now, deadlineAt });
  });
}
