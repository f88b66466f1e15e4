import type { PracticeKind } from '../../contracts/practice.js';
import { deadlineOf } from '../assessments/assessment.rules.js';
import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import type { PracticeAttempt, PracticeGrader } from './practice.port.js';
import { checkAnswer } from './practice-item.js';

/** Starts a timed practice on one item: the item's own minutes, on the same clock as an assessment. */
export async function startTimedPractice(
  deps: Deps & { practice: PracticeGrader },
  input: { actor: Actor & { kind: 'candidate' }; kind: PracticeKind; slug: string },
) {
  const checked = checkAnswer(deps.practice, input.kind, input.slug, null);
  if (!checked.ok) return checked;
  return deps.transaction(async (store) => {
    const now = deps.clock.now();
    const attempt: PracticeAttempt = {
      id: deps.ids.next(),
      orgId: input.actor.orgId,
      candidateId: input.actor.candidateId,
      kind: input.kind,
      slug: input.slug,
      mode: 'timed',
      language: null,
      code: null,
      startedAt: now,
      deadlineAt: deadlineOf(now, checked.value.minutes),
      submittedAt: null,
      passed: null,
      total: null,
      scorePercent: null,
    };
    await store.practice.insertAttempt(attempt);
    return ok(attempt);
  });
}
