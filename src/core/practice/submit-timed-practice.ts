import { refuseWork } from '../assessments/assessment.rules.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import type { PracticeGrader } from './practice.port.js';
import { checkAnswer } from './practice-item.js';

const notFound = () => fail('practice.not_found', 'You have no such timed practice.');

/**
 * Submits a timed practice: refused after its deadline (with the assessments' grace) or a second
 * time, graded on the public tests outside any transaction, then kept with its score.
 */
export async function submitTimedPractice(
  deps: Deps & { practice: PracticeGrader },
  input: { actor: Actor & { kind: 'candidate' }; id: string; language: string; code: string },
) {
  const { orgId, candidateId } = input.actor;
  const check = async () =>
    deps.transaction(async (store) => {
      const attempt = await store.practice.lockAttempt(orgId, candidateId, input.id);
      if (attempt?.mode !== 'timed' || !attempt.deadlineAt) return notFound();
      const refusal = refuseWork(
        {
          startBy: attempt.startedAt,
          startedAt: attempt.startedAt,
          deadlineAt: attempt.deadlineAt,
          submittedAt: attempt.submittedAt,
        },
        deps.clock.now(),
      );
      if (refusal) return fail(refusal.code, refusal.message);
      const item = checkAnswer(deps.practice, attempt.kind, attempt.slug, input.language);
      return item.ok ? ok(attempt) : item;
    });
  const checked = await check();
  if (!checked.ok) return checked;
  const attempt = checked.value;
  const graded = await deps.practice.grade(
    attempt.kind,
    attempt.slug,
    input.language,
    input.code,
    candidateId,
  );
  if (!graded.ok) return graded;
  // Checked again: the grading took time, and a second submission may have raced this one.
  const again = await deps.transaction(async (store) => {
    const locked = await store.practice.lockAttempt(orgId, candidateId, input.id);
    if (locked?.submittedAt)
      return fail('assessment.already_submitted', 'This practice was already submitted.');
    const submittedAt = deps.clock.now();
    const { passed, total, scorePercent } = graded.value;
    await store.practice.finishAttempt(attempt.id, {
      language: input.language,
      code: input.code,
      submittedAt,
      passed,
      total,
      scorePercent,
    });
    return ok({
      ...attempt,
      language: input.language,
      code: input.code,
      submittedAt,
      passed,
      total,
      scorePercent,
    });
  });
  if (!again.ok) return again;
  return ok({ attempt: again.value, grade: graded.value.grade });
}
