import type { DomainError } from '../../contracts/errors.js';
import { isAllowed } from '../shared/permissions.js';
import type { Actor } from '../shared/types.js';
import type { AssessmentItem, ItemGrade } from './assessments.port.js';

/**
 * A timed assessment's clock. The candidate starts it (before `startBy`), and from then has
 * `durationMinutes`; the server, not the page, refuses work after the deadline. A short grace
 * absorbs the time a submission sent at the last second spends on the network.
 */
export const SUBMIT_GRACE_MS = 10_000;

export type AssessmentClock = {
  startBy: Date;
  startedAt: Date | null;
  deadlineAt: Date | null;
  submittedAt: Date | null;
};

export type AssessmentStatus = 'not_started' | 'in_progress' | 'submitted' | 'missed' | 'timed_out';

export function assessmentStatus(clock: AssessmentClock, now: Date): AssessmentStatus {
  if (clock.submittedAt) return 'submitted';
  if (!clock.startedAt || !clock.deadlineAt) return now > clock.startBy ? 'missed' : 'not_started';
  return now.getTime() > clock.deadlineAt.getTime() + SUBMIT_GRACE_MS ? 'timed_out' : 'in_progress';
}

export type ClockRefusal =
  | { code: 'assessment.not_started'; message: string }
  | { code: 'assessment.time_up'; message: string }
  | { code: 'assessment.already_submitted'; message: string }
  | { code: 'assessment.link_expired'; message: string };

const timeUp = (deadlineAt: Date): ClockRefusal => ({
  code: 'assessment.time_up',
  message: `Time ran out at ${deadlineAt.toISOString()}; late work is not accepted.`,
});

/** Why work (saving, running, submitting) is refused now, or null when it may go ahead. */
export function refuseWork(clock: AssessmentClock, now: Date): ClockRefusal | null {
  switch (assessmentStatus(clock, now)) {
    case 'in_progress':
      return null;
    case 'submitted':
      // Work arriving after the time ran out is late, whether the candidate or the clock submitted.
      return clock.deadlineAt && now.getTime() > clock.deadlineAt.getTime() + SUBMIT_GRACE_MS
        ? timeUp(clock.deadlineAt)
        : { code: 'assessment.already_submitted', message: 'This assessment was already submitted.' };
    case 'timed_out':
      return timeUp(clock.deadlineAt!);
    case 'missed':
      return {
        code: 'assessment.link_expired',
        message: 'This assessment had to be started by its start-by date.',
      };
    case 'not_started':
      return { code: 'assessment.not_started', message: 'Start the assessment first.' };
  }
}

/** Why starting is refused, or null: a started clock stays as it is (starting again changes nothing). */
export function refuseStart(clock: AssessmentClock, now: Date): ClockRefusal | null {
  const status = assessmentStatus(clock, now);
  if (status === 'not_started' || status === 'in_progress') return null;
  return refuseWork(clock, now);
}

/** The assessment's score: the mean of its items' scores. */
export const overallScore = (itemScores: number[]) =>
  itemScores.length === 0 ? 0 : Math.round(itemScores.reduce((a, b) => a + b, 0) / itemScores.length);

/** The deadline of a clock started at `startedAt`. */
export const deadlineOf = (startedAt: Date, durationMinutes: number) =>
  new Date(startedAt.getTime() + durationMinutes * 60_000);

/** Timed problems get 60 minutes unless told; a case study, its brief's days to deliver. */
export const defaultDurationMinutes = (caseStudyDays: number | null) =>
  caseStudyDays === null ? 60 : caseStudyDays * 24 * 60;

/** Why an answer to problem `index` in `language` is refused, or null when it may be kept. */
export function refuseAnswer(
  items: readonly AssessmentItem[],
  index: number,
  language: string,
  languagesOf: (item: AssessmentItem) => readonly string[],
): DomainError | null {
  const item = items[index];
  if (!item)
    return {
      code: 'assessment.unknown_item',
      message: `This assessment has no problem ${index + 1}.`,
      details: { field: 'item' },
    };
  const allowed = languagesOf(item);
  if (allowed.includes(language)) return null;
  return {
    code: 'validation.failed',
    message: `language: problem ${index + 1} is answered in ${allowed.join(', ')}`,
    details: { issues: [{ field: 'body.language', message: `must be one of ${allowed.join(', ')}` }] },
  };
}

/** A graded item's score: the share of hidden tests passed for code; all or nothing for a query. */
export const itemScore = (grade: ItemGrade) =>
  'correct' in grade ? (grade.correct ? 100 : 0) : grade.scorePercent;

/**
 * A submission's score: an item left unanswered scores 0; case studies are for people to grade, so
 * an assessment of only a case study has no score (null).
 */
export function submissionScore(
  items: readonly AssessmentItem[],
  graded: readonly { itemIndex: number; grade: ItemGrade }[],
): number | null {
  const scored = items.flatMap((item, index) => {
    if (item.kind === 'case_study') return [];
    const answer = graded.find((g) => g.itemIndex === index);
    return [answer ? itemScore(answer.grade) : 0];
  });
  return scored.length > 0 ? overallScore(scored) : null;
}

/**
 * Who sees a candidate's technical work (assessments, pads): the hiring team, and the interviewers
 * with an interview on that application.
 */
export const maySeeCandidateWork = (actor: Actor | null, interviewsThem: boolean) =>
  actor?.kind === 'staff' && (isAllowed(actor, 'application.read') || interviewsThem);
