import type { InterviewKit } from '../../contracts/kits.js';
import type { PlannedRound } from '../shared/types.js';

const SAMPLE_QUESTIONS = 3;

/**
 * R-CAND-1: the candidate sees which step they are in and what comes next (the offer after the
 * last round). R-CAND-2: for the current round, how to prepare: what it tests, its format, common
 * mistakes and a few samples from the practice set for its round type. The kit's own questions
 * are the hidden bank interviewers are offered, so they never reach a candidate.
 */
export function candidateStep(
  plan: PlannedRound[],
  currentRound: string | null,
  kitFor: (roundType: string) => InterviewKit | undefined,
  /** The practice set's items for a round type, in its order (problem titles, prompts). */
  samplesFor: (roundType: string) => string[],
) {
  const index = plan.findIndex((r) => r.key === currentRound);
  const current = plan[index];
  const kit = current ? kitFor(current.roundType) : undefined;
  return {
    currentRoundName: current?.name ?? null,
    nextRoundName: current ? (plan[index + 1]?.name ?? 'Offer') : null,
    preparation:
      current && kit
        ? {
            roundName: current.name,
            durationMinutes: current.durationMinutes,
            ...kit.preparation,
            sampleQuestions: samplesFor(current.roundType).slice(0, SAMPLE_QUESTIONS),
          }
        : null,
  };
}
