import type { DueCandidateView } from '../../contracts/retention.js';
import { checkErasable } from '../candidates/candidate.rules.js';
import { eraseCandidateData } from '../candidates/erase-candidate-data.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { planPurge } from './plan-purge.js';

/** How many candidates one run lists or erases; a run with more due says so, and the next takes them. */
export const PURGE_LIMIT = 200;

export const PURGE_REASON =
  'Erased by a retention purge: every application ended and its keep period passed.';

/**
 * A dry run lists who a purge would erase now and why; a purge erases them and records what it
 * erased. Both ask the same planner (RET-0). A purge confirmed from a dry run erases only the
 * candidates that dry run listed and that are still due now (a hold placed since keeps its
 * candidate). The candidates erased are locked and planned again first, so a hold or an
 * application arriving meanwhile is seen.
 */
export async function runPurge(
  deps: Deps,
  input: {
    orgId: string;
    actor: (Actor & { kind: 'staff' }) | { kind: 'system' };
    dry: boolean;
    dryRunId?: string | undefined;
    videoRoomBaseUrl: string;
    limit?: number | undefined;
  },
) {
  const { orgId, actor } = input;
  const limit = input.limit ?? PURGE_LIMIT;
  return deps.transaction(async (store) => {
    const now = deps.clock.now();
    const listed = input.dryRunId ? await store.retention.dryRunCandidates(orgId, input.dryRunId) : null;
    if (input.dryRunId && !listed)
      return fail('retention.dry_run_not_found', 'No such dry run.', { field: 'dryRunId' });
    const policies = await store.retention.policies(orgId);
    const plan = planPurge(await store.retention.records(orgId, now), policies, now, limit);
    let due: DueCandidateView[] = plan.due;
    if (!input.dry) {
      const chosen = listed ?? plan.due.map((d) => d.candidateId);
      const locked = await store.retention.records(orgId, now, chosen);
      due = planPurge(locked, policies, now, limit).due;
      for (const candidate of due) {
        const applications = await store.applications.lockAllOfCandidate(orgId, candidate.candidateId);
        // The planner never picks a hired candidate; the erasure rule is asked again all the same.
        if (!checkErasable(applications).ok) throw new Error('the purge planned a hired candidate');
        await eraseCandidateData(store, {
          orgId,
          candidateId: candidate.candidateId,
          actor,
          reason: PURGE_REASON,
          now,
          videoRoomBaseUrl: input.videoRoomBaseUrl,
        });
      }
    }
    const run = {
      id: deps.ids.next(),
      orgId,
      dry: input.dry,
      trigger: actor.kind === 'system' ? ('schedule' as const) : ('person' as const),
      runBy: actor.kind === 'staff' ? actor.userId : null,
      dryRunId: input.dryRunId ?? null,
      ranAt: now,
      keptOnHold: plan.keptOnHold,
      keptByConsent: plan.keptByConsent,
      more: plan.more,
      lines: due.map((d) => ({
        candidateId: d.candidateId,
        dueSince: new Date(d.dueSince),
        consentExpiredAt: d.consentExpiredAt ? new Date(d.consentExpiredAt) : null,
        reasons: d.reasons,
      })),
    };
    await store.retention.recordRun(run);
    return ok({ ...run, candidates: due.length, items: due });
  });
}
