import { describe, expect, it } from 'vitest';
import { candidateStep } from '../../src/core/portal/portal.rules.js';
import type { PlannedRound } from '../../src/core/shared/types.js';
import { loadCatalog } from '../../src/server/templates.js';
import { smallTemplate } from '../support/world.js';

const plan: PlannedRound[] = smallTemplate.rounds;
const catalog = loadCatalog();
const kitFor = (roundType: string) => catalog.interviewKit(roundType);

describe('the candidate portal', () => {
  it('R-CAND-1: names the current round and the next one, the offer after the last', () => {
    const first = candidateStep(plan, plan[0]!.key, kitFor);
    expect(first).toMatchObject({ currentRoundName: plan[0]!.name, nextRoundName: plan[1]!.name });
    const last = candidateStep(plan, plan.at(-1)!.key, kitFor);
    expect(last.nextRoundName).toBe('Offer');
    expect(candidateStep(plan, null, kitFor)).toEqual({
      currentRoundName: null,
      nextRoundName: null,
      preparation: null,
    });
  });

  it('R-CAND-2: an interview round comes with its preparation and three sample questions', () => {
    const interview = plan.find((r) => r.roundType !== 'resume_review')!;
    const kit = kitFor(interview.roundType)!;
    expect(candidateStep(plan, interview.key, kitFor).preparation).toEqual({
      roundName: interview.name,
      durationMinutes: interview.durationMinutes,
      ...kit.preparation,
      sampleQuestions: kit.questions.slice(0, 3).map((q) => q.prompt),
    });
    // A resume review is read, not held: there is nothing to prepare.
    const review = plan.find((r) => r.roundType === 'resume_review');
    if (review) expect(candidateStep(plan, review.key, kitFor).preparation).toBeNull();
  });
});
