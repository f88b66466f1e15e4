import type { Clock } from '../../shared/ports.js';
import { planHeuristic } from './heuristic.js';
import { mipSize, solveMip } from './mip.js';
import {
  type Assignment,
  objectiveOf,
  type Plan,
  type PlanInput,
  type PlanOptions,
  violations,
} from './model.js';

/**
 * Plans interviews for every requested round. The solver's plan is used when it is proven optimal
 * or, at the time limit, when it beats the heuristic's; the gap is measured against the bound the
 * solver proved. Whatever produced it, a plan that breaks a hard constraint is never returned.
 * The time budget is kept, and the time taken measured, on `clock`.
 */
export async function planInterviews(input: PlanInput, options: PlanOptions, clock: Clock): Promise<Plan> {
  const started = clock.now().getTime();
  const roundsRequested = input.candidates.reduce((sum, c) => sum + c.rounds.length, 0);
  const method = options.method ?? 'auto';
  const timeLimit = options.timeLimitSeconds ?? 10;
  const useSolver =
    method === 'solver' || (method === 'auto' && mipSize(input) <= (options.maxSolverVariables ?? 20_000));
  const heuristic = planHeuristic(input, { deadline: { clock, at: started + timeLimit * 1000 } });
  let chosen: { assignments: Assignment[]; solver: Plan['solver']; optimal: boolean; gap: number | null } = {
    assignments: heuristic,
    solver: 'heuristic',
    optimal: false,
    gap: null,
  };
  if (useSolver) {
    const mip = await solveMip(input, timeLimit);
    const heuristicValue = objectiveOf(input, heuristic);
    const gapTo = (value: number) => (mip.bound > 0 ? Math.max(0, (mip.bound - value) / mip.bound) : null);
    if (mip.assignments && (mip.optimal || objectiveOf(input, mip.assignments) > heuristicValue)) {
      const value = objectiveOf(input, mip.assignments);
      chosen = {
        assignments: mip.assignments,
        solver: 'highs',
        optimal: mip.optimal,
        gap: mip.optimal ? 0 : gapTo(value),
      };
    } else {
      chosen.gap = Number.isFinite(mip.bound) ? gapTo(heuristicValue) : null;
    }
  }
  const broken = violations(input, chosen.assignments);
  if (broken.length > 0)
    throw new Error(`planner produced an infeasible plan: ${broken.slice(0, 3).join('; ')}`);
  return {
    ...chosen,
    objective: objectiveOf(input, chosen.assignments),
    roundsRequested,
    milliseconds: clock.now().getTime() - started,
  };
}
