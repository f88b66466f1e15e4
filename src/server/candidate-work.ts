import { isAllowed } from '../core/shared/permissions.js';
import type { Actor } from '../core/shared/types.js';
import type { AppContext } from './context.js';

/**
 * Who may see a candidate's technical work (assessments, pads): the hiring team, and the
 * interviewers with an interview on that application.
 */
export async function maySeeCandidateWork(ctx: AppContext, actor: Actor | null, applicationId: string) {
  if (actor?.kind !== 'staff') return false;
  if (isAllowed(actor, 'application.read')) return true;
  const interview = await ctx.db
    .selectFrom('interviews')
    .select('id')
    .where('org_id', '=', actor.orgId)
    .where('application_id', '=', applicationId)
    .where((eb) => eb(eb.val(actor.userId), '=', eb.fn.any('interviewer_ids')))
    .executeTakeFirst();
  return interview !== undefined;
}

export const candidateWorkDenied = {
  code: 'permission.denied' as const,
  message: 'The hiring team and the candidate’s interviewers see this.',
};
