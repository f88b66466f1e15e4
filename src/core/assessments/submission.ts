import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { submissionScore } from './assessment.rules.js';
import type { Assessment, GradedAnswer, Grader } from './assessments.port.js';

type Answer = { itemIndex: number; language: string; code: string };

/** Grades each answer with the hidden tests (case studies are for people to grade). */
export async function gradeAnswers(
  grader: Pick<Grader, 'grade'>,
  assessment: Assessment,
  answers: Answer[],
): Promise<GradedAnswer[]> {
  const graded: GradedAnswer[] = [];
  for (const answer of answers) {
    const item = assessment.items[answer.itemIndex];
    if (!item || item.kind === 'case_study') continue;
    const { itemIndex, language, code } = answer;
    graded.push({
      itemIndex,
      language,
      code,
      grade: await grader.grade(item, language, code, assessment.id),
    });
  }
  return graded;
}

/**
 * Records a graded submission, once: the row is locked and a second submission finds it submitted.
 * `at` is when the submission counts as made (its arrival, or the deadline); grading time is not
 * the candidate's.
 */
export async function recordSubmission(
  deps: Deps,
  input: {
    assessment: Assessment;
    graded: GradedAnswer[];
    at: Date;
    /** The candidate submitting, or the clock at the deadline. */
    by: 'candidate' | 'deadline';
  },
) {
  const { assessment, graded, at } = input;
  return deps.transaction(async (store) => {
    const locked = await store.assessments.lock(assessment.id);
    if (!locked || locked.submittedAt)
      return fail('assessment.already_submitted', 'This assessment was already submitted.');
    const scorePercent = submissionScore(assessment.items, graded);
    for (const answer of graded)
      await store.assessments.saveAnswer(assessment.id, { ...answer, savedAt: at });
    await store.assessments.markSubmitted(assessment.id, at, scorePercent);
    await store.assessments.recordEvents(assessment.id, deps.clock.now(), [
      {
        kind: input.by === 'candidate' ? 'submitted' : 'graded_at_deadline',
        itemIndex: null,
        detail: { scorePercent },
      },
    ]);
    const actor: Actor | { kind: 'system' } =
      input.by === 'candidate'
        ? { kind: 'candidate', orgId: assessment.orgId, candidateId: assessment.candidateId }
        : { kind: 'system' };
    await store.audit.record({
      orgId: assessment.orgId,
      actor,
      entityType: 'application',
      entityId: assessment.applicationId,
      action: input.by === 'candidate' ? 'assessment.submitted' : 'assessment.graded_at_deadline',
      data: { assessmentId: assessment.id, scorePercent },
    });
    return ok({ submittedAt: at, scorePercent });
  });
}
