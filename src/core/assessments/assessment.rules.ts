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

/** Why work (saving, running, submitting) is refused now, or null when it may go ahead. */
export function refuseWork(clock: AssessmentClock, now: Date): ClockRefusal | null {
  switch (assessmentStatus(clock, now)) {
    case 'in_progress':
      return null;
    case 'submitted':
      return { code: 'assessment.already_submitted', message: 'This assessment was already submitted.' };
    case 'timed_out':
      return {
        code: 'assessment.time_up',
        message: `Time ran out at ${clock.deadlineAt?.toISOString()}; late work is not accepted.`,
      };
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
