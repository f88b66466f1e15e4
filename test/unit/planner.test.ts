import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hiringWeek } from '../../bench/planner-instances.js';
import { planHeuristic } from '../../src/core/scheduling/planner/heuristic.js';
import { solveMip } from '../../src/core/scheduling/planner/mip.js';
import { objectiveOf, type PlanInput, violations } from '../../src/core/scheduling/planner/model.js';
import { planInterviews } from '../../src/core/scheduling/planner/plan.js';

/** A clock that stands still: the heuristic's deadline never passes, so results do not depend on the machine. */
const clock = { now: () => new Date('2026-03-02T09:00:00Z') };

const smallWeek = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  candidates: fc.integer({ min: 1, max: 4 }),
  interviewers: fc.integer({ min: 1, max: 5 }),
  days: fc.integer({ min: 1, max: 3 }),
  minGapMinutes: fc.constantFrom(0, 30, 90),
  panel: fc.constantFrom(1, 2),
});
type SmallWeek = typeof smallWeek extends fc.Arbitrary<infer T> ? T : never;
const instance = (w: SmallWeek): PlanInput =>
  hiringWeek({
    ...w,
    rounds: [
      { key: 'screen', roundType: 'coding', durationMinutes: 45, panelSize: 1 },
      { key: 'onsite', roundType: 'system_design', durationMinutes: 60, panelSize: w.panel },
    ],
  });

describe('planner', () => {
  it('the heuristic never breaks a hard constraint', () => {
    fc.assert(
      fc.property(smallWeek, (w) => {
        const input = instance(w);
        expect(violations(input, planHeuristic(input))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('the solver never breaks a hard constraint, its objective matches the plan, and it is never worse than the heuristic', async () => {
    await fc.assert(
      fc.asyncProperty(smallWeek, async (w) => {
        const input = instance(w);
        const mip = await solveMip(input, 20);
        expect(mip.optimal).toBe(true);
        expect(violations(input, mip.assignments!)).toEqual([]);
        expect(objectiveOf(input, mip.assignments!)).toBeCloseTo(mip.objective, 6);
        expect(mip.objective).toBeGreaterThanOrEqual(objectiveOf(input, planHeuristic(input)) - 1e-6);
      }),
      { numRuns: 25 },
    );
  });

  it('detects what it checks: a double booking, an unqualified interviewer, a round out of order, a broken cap', () => {
    const input = hiringWeek({ candidates: 2, interviewers: 3, seed: 11, days: 3 });
    const plan = planHeuristic(input);
    expect(violations(input, plan)).toEqual([]);
    const [a, b] = plan;
    const clash = {
      ...b!,
      start: a!.start,
      end: a!.start + (b!.end - b!.start),
      interviewerIds: a!.interviewerIds,
    };
    expect(violations(input, [a!, clash]).join()).toMatch(/double-booked|not free|outside|not qualified|gap/);
    const first = plan.find((x) => x.candidateId === 'c0')!;
    expect(
      violations(
        input,
        plan.filter((x) => x !== first),
      ).join(),
    ).toMatch(/booked before the rounds ahead of it/);
    const capped = { ...input, interviewers: input.interviewers.map((i) => ({ ...i, weeklyCap: 0 })) };
    expect(violations(capped, plan).join()).toMatch(/over the weekly cap/);
    const stranger = { ...a!, interviewerIds: ['nobody'] };
    expect(violations(input, [stranger]).join()).toMatch(/unknown interviewer/);
  });

  it('planInterviews says which method produced the plan and how far it is from the optimum', async () => {
    const input = hiringWeek({ candidates: 3, interviewers: 4, seed: 5, days: 2 });
    const solved = await planInterviews(input, { method: 'auto' }, clock);
    expect(solved).toMatchObject({ solver: 'highs', optimal: true, gap: 0, roundsRequested: 12 });
    const fast = await planInterviews(input, { method: 'heuristic' }, clock);
    expect(fast).toMatchObject({ solver: 'heuristic', optimal: false, gap: null });
    expect(fast.objective).toBeLessThanOrEqual(solved.objective + 1e-6);
    // Too large for the solver: the heuristic plans it.
    const large = hiringWeek({ candidates: 40, interviewers: 20, seed: 5 });
    const plan = await planInterviews(large, { maxSolverVariables: 1000 }, clock);
    expect(plan.solver).toBe('heuristic');
    expect(violations(large, plan.assignments)).toEqual([]);
  });

  it('a candidate with no qualified interviewer speaking their language gets nothing booked (R-ROUND-6)', async () => {
    const input = hiringWeek({ candidates: 1, interviewers: 3, seed: 3, days: 2 });
    input.candidates[0]!.language = 'ja';
    const plan = await planInterviews(input, {}, clock);
    expect(plan.assignments).toEqual([]);
  });
});
