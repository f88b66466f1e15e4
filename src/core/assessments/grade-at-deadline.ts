import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import { SUBMIT_GRACE_MS } from './assessment.rules.js';
import type { Grader } from './assessments.port.js';
import { gradeAnswers, recordSubmission } from './submission.js';

/**
 * One sweep of assessments whose time ran out without a submission: each is graded from its
 * saved drafts and counts as submitted at its deadline (a problem with no draft scores 0). Called
 * by the worker's periodic sweep; grading runs outside any transaction, and a candidate's own
 * submission landing meanwhile wins.
 */
export async function gradeAtDeadline(
  deps: Deps & { grader: Pick<Grader, 'grade'> },
  input: { batch?: number } = {},
) {
  const now = deps.clock.now();
  const due = await deps.transaction(async (store) => {
    const overdue = await store.assessments.overdue(
      new Date(now.getTime() - SUBMIT_GRACE_MS),
      input.batch ?? 20,
    );
    const drafts = [];
    for (const assessment of overdue)
      drafts.push({ assessment, saved: await store.assessments.answers(assessment.id) });
    return ok(drafts);
  });
  if (!due.ok) return due;
  let graded = 0;
  const failed: string[] = [];
  for (const { assessment, saved } of due.value) {
    // One assessment the sandboxes cannot grade must not hold up the others behind it.
    try {
      const answers = await gradeAnswers(deps.grader, assessment, saved);
      const recorded = await recordSubmission(deps, {
        assessment,
        graded: answers,
        at: assessment.deadlineAt!,
        by: 'deadline',
      });
      if (recorded.ok) graded++;
    } catch {
      failed.push(assessment.id);
    }
  }
  return ok({ graded, failed });
}
