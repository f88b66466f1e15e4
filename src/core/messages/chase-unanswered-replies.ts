import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import { answerStageAt } from './messages.rules.js';

const kinds = { 1: 'staff.reply_reminder', 2: 'staff.reply_escalated' } as const;

/**
 * One sweep of candidates' messages nobody answered: a reminder to the team's recruiters once the
 * answer is due, an escalation to them and the hiring managers a day later. Each stage leaves one
 * outbox message, deduplicated by thread and deadline, so a repeated sweep is harmless.
 */
export async function chaseUnansweredReplies(deps: Deps, input: { batch?: number } = {}) {
  return deps.transaction(async (store) => {
    const now = deps.clock.now();
    const waiting = await store.messages.awaitingAnswer(now, input.batch ?? 500);
    let messages = 0;
    for (const thread of waiting) {
      if (!thread.answerDueAt) continue;
      const target = answerStageAt(thread.answerDueAt, now);
      for (let stage = thread.answerStage + 1; stage <= target; stage++) {
        const kind = kinds[stage as 1 | 2];
        const candidate = await store.notifications.candidate(thread.orgId, thread.candidateId);
        // The reminder and the escalation go by email; the reply itself is already in the inbox.
        await store.outbox.enqueue({
          orgId: thread.orgId,
          kind,
          dedupeKey: `${kind}:${thread.id}:${thread.answerDueAt.toISOString()}`,
          payload: {
            applicationId: thread.applicationId,
            candidateId: thread.candidateId,
            teamId: thread.teamId,
            threadId: thread.id,
            candidateName: candidate.name,
            dueAt: thread.answerDueAt.toISOString(),
          },
        });
        messages++;
      }
      if (target > thread.answerStage)
        await store.messages.setAnswerDue(thread.orgId, thread.id, thread.answerDueAt, target);
    }
    return ok({ threads: waiting.length, messages });
  });
}
