import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import type { TimelineEvent } from './assessments.port.js';
import { lockWorkable } from './load-assessment.js';

/** Puts what the page saw (pastes by their length, focus changes) on the timeline while the clock runs. */
export async function recordEvents(deps: Deps, input: { token: string; events: TimelineEvent[] }) {
  return deps.transaction(async (store) => {
    const now = deps.clock.now();
    const found = await lockWorkable(deps, store, input.token, now);
    if (!found.ok) return found;
    await store.assessments.recordEvents(found.value.id, now, input.events);
    return ok(null);
  });
}
