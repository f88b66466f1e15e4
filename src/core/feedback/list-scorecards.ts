import { isAllowed } from '../shared/permissions.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { scorecardAccess } from './feedback.rules.js';

/** Which scorecards of an application to read, and whether private notes are shown. */
export type ScorecardFilter = { onlyInterviewerId?: string; showPrivate: boolean };

export interface ScorecardReads<T> {
  /** Where this person's own feedback on the application stands. */
  ownFeedbackState(
    orgId: string,
    applicationId: string,
    userId: string,
  ): Promise<'none' | 'pending' | 'submitted'>;
  scorecards(orgId: string, applicationId: string, filter: ScorecardFilter): Promise<T>;
}

/** An application's scorecards, as far as `scorecardAccess` lets the actor read them. */
export async function listScorecards<T>(
  deps: { feedback: ScorecardReads<T> },
  input: { actor: Actor; applicationId: string },
): Promise<Result<T>> {
  const { actor, applicationId } = input;
  if (actor.kind !== 'staff') throw new Error('scorecards are for staff only');
  const own = await deps.feedback.ownFeedbackState(actor.orgId, applicationId, actor.userId);
  const access = scorecardAccess(actor, own);
  if (access === 'none') {
    return fail(
      'feedback.not_allowed',
      'Only the hiring team and this application’s interviewers read its feedback.',
    );
  }
  const showPrivate = isAllowed(actor, 'feedback.debrief');
  return ok(
    await deps.feedback.scorecards(
      actor.orgId,
      applicationId,
      access === 'all' ? { showPrivate } : { onlyInterviewerId: actor.userId, showPrivate },
    ),
  );
}
