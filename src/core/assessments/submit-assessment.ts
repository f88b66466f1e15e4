import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import { refuseAnswer, refuseWork } from './assessment.rules.js';
import type { Grader } from './assessments.port.js';
import { lockByLink, refused } from './load-assessment.js';
import { gradeAnswers, recordSubmission } from './submission.js';

/**
 * The candidate submits: each problem is graded on what was sent now, else what was saved last
 * (nothing scores 0). The deadline is checked against the submission's arrival; a late one is
 * refused and the attempt stays on the timeline. Grading runs outside any transaction.
 */
export async function submitAssessment(
  deps: Deps & { grader: Pick<Grader, 'languages' | 'grade'> },
  input: { token: string; answers: { itemIndex: number; language: string; code: string }[] },
) {
  const arrivedAt = deps.clock.now();
  const opened = await deps.transaction(async (store) => {
    const found = await lockByLink(deps, store, input.token);
    if (!found.ok) return found;
    const refusal = refuseWork(found.value, arrivedAt);
    if (refusal?.code === 'assessment.time_up')
      await store.assessments.recordEvents(found.value.id, arrivedAt, [
        { kind: 'late_refused', itemIndex: null, detail: { at: arrivedAt.toISOString() } },
      ]);
    const saved = refusal ? [] : await store.assessments.answers(found.value.id);
    return ok({ assessment: found.value, refusal, saved });
  });
  if (!opened.ok) return opened;
  const { assessment, refusal, saved } = opened.value;
  if (refusal) return refused(refusal);

  const answers = [];
  for (const [index, item] of assessment.items.entries()) {
    if (item.kind === 'case_study') {
      if (!saved.some((a) => a.itemIndex === index && a.attachmentId))
        return fail(
          'validation.failed',
          `Upload your deliverable for problem ${index + 1} before submitting.`,
          {
            issues: [{ field: `body.answers.${index}`, message: 'no file uploaded yet' }],
          },
        );
      continue;
    }
    const sent = input.answers.find((a) => a.itemIndex === index) ?? saved.find((a) => a.itemIndex === index);
    if (!sent) continue;
    const wrong = refuseAnswer(assessment.items, index, sent.language, deps.grader.languages);
    if (wrong) return refused(wrong);
    answers.push({ itemIndex: index, language: sent.language, code: sent.code });
  }
  const graded = await gradeAnswers(deps.grader, assessment, answers);
  return recordSubmission(deps, { assessment, graded, at: arrivedAt, by: 'candidate' });
}
