import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { buildPlan, localDay, type PlanItem } from './practice.rules.js';

/**
 * Makes the candidate's preparation plan for their next scheduled round: a day-by-day share of
 * that round type's practice items up to the day before it, days in the candidate's own zone. A
 * plan in force is replaced.
 */
export async function makePlan(
  deps: Deps,
  input: {
    actor: Actor & { kind: 'candidate' };
    reminders: boolean;
    /** The practice items for a round type, from the practice set. */
    itemsFor: (roundType: string) => PlanItem[];
  },
) {
  const { orgId, candidateId } = input.actor;
  return deps.transaction(async (store) => {
    const now = deps.clock.now();
    const next = await store.practice.nextRound(orgId, candidateId, now);
    if (!next)
      return fail(
        'practice.no_upcoming_round',
        'You have no interview scheduled yet; a plan starts from one.',
      );
    const items = input.itemsFor(next.roundType);
    if (items.length === 0)
      return fail(
        'practice.nothing_to_practise',
        `The practice set has nothing for the ${next.roundName} yet; read what it tests instead.`,
      );
    const current = await store.practice.lockActivePlan(orgId, candidateId);
    if (current) await store.practice.endPlan(current.id, now);
    const plan = {
      id: deps.ids.next(),
      orgId,
      candidateId,
      interviewId: next.interviewId,
      roundName: next.roundName,
      roundType: next.roundType,
      roundStartsAt: next.startsAt,
      days: buildPlan(localDay(now, next.zone), localDay(next.startsAt, next.zone), items),
      reminders: input.reminders,
      lastRemindedOn: null,
      createdAt: now,
      endedAt: null,
    };
    await store.practice.insertPlan(plan);
    return ok(plan);
  });
}
