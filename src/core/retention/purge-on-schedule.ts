import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import { runPurge } from './run-purge.js';

/**
 * The scheduled purge: once a day, each organisation with a retention policy erases the
 * candidates due under it, the same way an admin's purge does, recorded as the schedule's run.
 * A backlog larger than one run (`limit`) is taken run after run, one per sweep, until none is left.
 */
export async function purgeOnSchedule(deps: Deps, input: { videoRoomBaseUrl: string; limit?: number }) {
  const orgs = await deps.transaction(async (store) =>
    ok(await store.retention.orgsDueForScheduledPurge(deps.clock.now())),
  );
  let erased = 0;
  for (const orgId of orgs.ok ? orgs.value : []) {
    const run = await runPurge(deps, {
      orgId,
      actor: { kind: 'system' },
      dry: false,
      videoRoomBaseUrl: input.videoRoomBaseUrl,
      limit: input.limit,
    });
    if (run.ok) erased += run.value.candidates;
  }
  return ok({ orgs: orgs.ok ? orgs.value.length : 0, erased });
}
