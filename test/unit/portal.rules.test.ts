import { describe, expect, it } from 'vitest';
import { candidateStep } from '../../src/core/portal/portal.rules.js';
import type { PlannedRound } from '../../src/core/shared/types.js';
import { loadCatalog } from '../../src/server/templates.js';
import { smallTemplate } from '../support/world.js';

const plan: PlannedRound[] = smallTemplate.rounds;
const catalog = loadCatalog();
const kitFor = (roundType: string) => catalog.interviewKit(roundType);
/** Stand-ins for the practice set's items of a round type. */
const samplesFor = (roundType: string) => [1, 2, 3, 4].map((i) => `${roundType} practice ${i}`);

describe('the candidate portal', () => {
  it('R-CAND-1: names the current round and the next one, the offer after the last', () => {
    const first = candidateStep(plan, plan[0]!.key, kitFor, samplesFor);
    expect(first).toMatchObject({ currentRoundName: plan[0]!.name, nextRoundName: plan[1]!.name });
    const last = candidateStep(plan, plan.at(-1)!.key, kitFor, samplesFor);
    expect(last.nextRoundName).toBe('Offer');
    expect(candidateStep(plan, null, kitFor, samplesFor)).toEqual({
      currentRoundName: null,
      nextRoundName: null,
      preparation: null,
    });
  });

  it('R-CAND-2: an interview round comes with its preparation and three practice samples, none from the kit', () => {
    const interview = plan.find((r) => r.roundType !== 'resume_review')!;
    const kit = kitFor(interview.roundType)!;
    expect(candidateStep(plan, interview.key, kitFor, samplesFor).preparation).toEqual({
      roundName: interview.name,
      durationMinutes: interview.durationMinutes,
      ...kit.preparation,
      sampleQuestions: samplesFor(interview.roundType).slice(0, 3),
    });
    const bank = new Set(kit.questions.map((q) => q.prompt));
    for (const sample of candidateStep(plan, interview.key, kitFor, samplesFor).preparation!.sampleQuestions)
      expect(bank.has(sample)).toBe(false);
    // A resume review is read, not held: there is nothing to prepare.
    const review = plan.find((r) => r.roundType === 'resume_review');
    if (review) expect(candidateStep(plan, review.key, kitFor, samplesFor).preparation).toBeNull();
  });
});
