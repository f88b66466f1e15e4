import { notifyStaff } from '../inbox/notify-staff.js';
import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import { reminderStageAt } from './feedback.rules.js';

const kinds = {
  1: 'feedback.reminder_before_due',
  2: 'feedback.reminder_due',
  3: 'feedback.escalated',
} as const;

/**
 * One sweep of overdue feedback. Each scorecard moves forward through its reminder stages
 * (a day before, at the deadline, escalation a day after) and every stage it passes leaves one
 * outbox message; dedupe keys make a repeated sweep harmless.
 */
export async function sendFeedbackReminders(deps: Deps, input: { batch?: number } = {}) {
  return deps.transaction(async (store) => {
    const now = deps.clock.now();
    const waiting = await store.feedback.awaitingReminder(now, input.batch ?? 500);
    let messages = 0;
    for (const scorecard of waiting) {
      const target = reminderStageAt(scorecard.dueAt, now);
      for (let stage = scorecard.reminderStage + 1; stage <= target; stage++) {
        const kind = kinds[stage as 1 | 2 | 3];
        await store.outbox.enqueue({
          orgId: scorecard.orgId,
          kind,
          dedupeKey: `${kind}:${scorecard.id}`,
          payload: {
            scorecardId: scorecard.id,
            interviewId: scorecard.interviewId,
            applicationId: scorecard.applicationId,
            interviewerId: scorecard.interviewerId,
            teamId: scorecard.teamId,
            dueAt: scorecard.dueAt.toISOString(),
            // Escalations go to the recruiter and the team's hiring manager.
            recipients: stage === 3 ? ['interviewer', 'recruiter', 'hiring_manager'] : ['interviewer'],
          },
        });
        messages++;
      }
      // The interviewer's inbox says it too, once the deadline has come (and nobody else's: the
      // escalation's email is the recruiter's and HM's notice).
      if (target >= 2 && scorecard.reminderStage < 2) {
        await notifyStaff(store, deps.ids, {
          orgId: scorecard.orgId,
          userIds: [scorecard.interviewerId],
          kind: 'feedback_due',
          title: 'Your interview feedback is due',
          body: `Your scorecard was due at ${scorecard.dueAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
          link: `/app/interviews/${scorecard.interviewId}`,
          dedupeKey: `feedback_due:${scorecard.id}`,
          at: now,
        });
      }
      await store.feedback.updateScorecard(scorecard.orgId, scorecard.id, { reminderStage: target });
    }
    return ok({ scorecards: waiting.length, messages });
  });
}
