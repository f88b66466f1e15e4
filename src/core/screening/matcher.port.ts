import type { Criterion, CriterionVerdict, Tier } from '../../contracts/screening.js';

/** What a matcher reads: one resume's extracted text and the job's criteria (ADR 0025). */
export interface MatcherInput {
  resumeText: string;
  criteria: Criterion[];
  /** The job's family (`backend`, `frontend`, …), which picks the skills vocabulary; null when unknown. */
  family: string | null;
  /** The day the verdicts are computed for ("enrolled", "graduation after"): passed in, never read from the clock. */
  asOf: Date;
}

/**
 * A matcher answers found / missing / unclear per criterion, with the passages that support it.
 * The local one runs on the box; an organisation may plug its own model in behind this port. Every
 * output is logged with `name` and `version`.
 */
export interface Matcher {
  readonly name: string;
  readonly version: string;
  annotate(input: MatcherInput): Promise<CriterionVerdict[]>;
}

/**
 * The summary tier follows from the verdicts by this stated rule, never from a number:
 * a missing must-have → weak; else an unclear must-have → unclear; else, with every must-have
 * found, strong when at least half the nice-to-haves' weight is found (or there are none), and
 * possible otherwise. No criteria at all → unclear.
 */
export function tierOf(criteria: Criterion[], verdicts: CriterionVerdict[]): Tier {
  if (criteria.length === 0) return 'unclear';
  const verdictOf = new Map(verdicts.map((v) => [v.criterionId, v.verdict]));
  const musts = criteria.filter((c) => c.kind === 'must');
  if (musts.some((c) => verdictOf.get(c.id) === 'missing')) return 'weak';
  if (musts.some((c) => verdictOf.get(c.id) !== 'found')) return 'unclear';
  const nices = criteria.filter((c) => c.kind === 'nice');
  const niceWeight = nices.reduce((sum, c) => sum + c.weight, 0);
  const foundWeight = nices
    .filter((c) => verdictOf.get(c.id) === 'found')
    .reduce((sum, c) => sum + c.weight, 0);
  return niceWeight === 0 || foundWeight * 2 >= niceWeight ? 'strong' : 'possible';
}
