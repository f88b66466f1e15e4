import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import { localDay, reminderDue } from './practice.rules.js';

/** How many plans one sweep reminds; the rest wait for the next minute's sweep. */
const BATCH = 100;

/**
 * The daily reminder of each plan in force: today's items, once a day, up to the round. It is a
 * non-essential message, so a candidate who unsubscribed gets none (checked here and again when
 * it is dispatched).
 */
export async function remindPractice(deps: Deps) {
  return deps.transaction(async (store) => {
    const now = deps.clock.now();
    let sent = 0;
    for (const { plan, unsubscribed, zone } of await store.practice.lockPlansToRemind(now, BATCH)) {
      // Once a day on the candidate's calendar, not UTC's.
      const day = localDay(now, zone);
      if (!reminderDue(plan, unsubscribed, now, zone)) continue;
      const today = plan.days.find((d) => d.date === day) ?? plan.days.at(-1);
      await store.outbox.enqueue({
        orgId: plan.orgId,
        kind: 'candidate.practice_reminder',
        dedupeKey: `practice_reminder:${plan.id}:${day}`,
        payload: {
          candidateId: plan.candidateId,
          roundName: plan.roundName,
          today: (today?.items ?? []).map((i) => i.title).join('; '),
        },
      });
      await store.practice.markReminded(plan.id, day);
      sent++;
    }
    return ok({ sent });
  });
}
