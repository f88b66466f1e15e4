import { maySeeCandidateWork } from '../core/assessments/assessment.rules.js';
import type { Actor } from '../core/shared/types.js';
import type { AssessmentsQueries } from '../db/assessments/assessments.queries.js';

/**
 * Whether the actor may see the technical work (assessments, pads) on an application, by the rule
 * in core; whether they interview the candidate is looked up only when the rule needs it.
 */
export async function maySeeWorkOn(
  reads: Pick<AssessmentsQueries, 'interviewsOn'>,
  actor: Actor | null,
  applicationId: string,
) {
  if (maySeeCandidateWork(actor, false)) return true;
  if (actor?.kind !== 'staff') return false;
  return maySeeCandidateWork(actor, await reads.interviewsOn(actor.orgId, actor.userId, applicationId));
}

export const candidateWorkDenied = {
  code: 'permission.denied' as const,
  message: 'The hiring team and the candidate’s interviewers see this.',
};
