import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';

/**
 * One sweep: a business day before an open application's update is due, the recruiters
 * are warned so a person can write; when it is due, an automatic update saying where the
 * candidate stands goes out. Each fires once per silence (dedupe on the last message time).
 */
export async function keepCandidatesInformed(deps: Deps, input: { batch?: number } = {}) {
  return deps.transaction(async (store) => {
    const now = deps.clock.now();
    const due = await store.notifications.dueForUpdate(now, input.batch ?? 500);
    let updates = 0;
    let warnings = 0;
    for (const d of due) {
      const since = d.lastMessageAt.toISOString();
      if (d.warningDue) {
        await store.outbox.enqueue({
          orgId: d.orgId,
          kind: 'staff.update_due_tomorrow',
          dedupeKey: `update_warning:${d.applicationId}:${since}`,
          payload: {
            applicationId: d.applicationId,
            candidateId: d.candidateId,
            teamId: d.teamId,
            lastMessageAt: since,
          },
        });
        await store.notifications.clearUpdateTimers(d.applicationId, 'warning');
        warnings++;
      }
      if (d.updateDue) {
        await store.outbox.enqueue({
          orgId: d.orgId,
          kind: 'candidate.status_update',
          dedupeKey: `status_update:${d.applicationId}:${since}`,
          payload: { applicationId: d.applicationId, candidateId: d.candidateId, lastMessageAt: since },
        });
        await store.notifications.clearUpdateTimers(d.applicationId, 'update');
        updates++;
      }
    }
    return ok({ updates, warnings });
  });
}
