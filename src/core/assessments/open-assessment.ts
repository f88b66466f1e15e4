import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import { assessmentStatus } from './assessment.rules.js';
import { lockByLink } from './load-assessment.js';

/** The candidate opens their link: the first look before the start goes on the timeline. */
export async function openAssessment(deps: Deps, input: { token: string }) {
  return deps.transaction(async (store) => {
    const found = await lockByLink(deps, store, input.token);
    if (!found.ok) return found;
    const now = deps.clock.now();
    if (assessmentStatus(found.value, now) === 'not_started')
      await store.assessments.recordEvents(found.value.id, now, [{ kind: 'opened', itemIndex: null }]);
    return ok(found.value);
  });
}
