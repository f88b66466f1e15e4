import type { InterviewKit } from '../../contracts/kits.js';
import type { PlannedRound } from '../shared/types.js';

const SAMPLE_QUESTIONS = 3;

/**
 * R-CAND-1: the candidate sees which step they are in and what comes next (the offer after the
 * last round). R-CAND-2: for the current round, how to prepare: what it tests, its format, common
 * mistakes and a few sample questions from the round type's kit.
 */
export function candidateStep(
  plan: PlannedRound[],
  currentRound: string | null,
  kitFor: (roundType: string) => InterviewKit | undefined,
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
            sampleQuestions: kit.questions.slice(0, SAMPLE_QUESTIONS).map((q) => q.prompt),
          }
        : null,
  };
}
