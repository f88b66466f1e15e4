import type { Rating } from '../../contracts/kits.js';
import type { Clock } from '../shared/ports.js';
import { ok, type Result } from '../shared/result.js';
import type { Actor, ScorecardStatus } from '../shared/types.js';
import { ratingScore } from './feedback.rules.js';

/** One scorecard as the insights read it; `panel` names its application and round. */
export interface InsightCard {
  interviewerId: string;
  name: string;
  panel: string;
  status: ScorecardStatus;
  recommendation: Rating | null;
  dueAt: Date;
  submittedAt: Date | null;
  decision: 'advance' | 'reject' | null;
}

export interface InsightReads {
  insightCards(orgId: string): Promise<InsightCard[]>;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
/** Leniency beyond half a rating point either way marks a tendency. */
const tendencyOf = (leniency: number | null) =>
  leniency === null ? null : leniency > 0.5 ? 'lenient' : leniency < -0.5 ? 'harsh' : 'balanced';

/**
 * Per interviewer: agreement of recommendations with decisions, leniency against the rest of the
 * panel on the same rounds, and on-time rate.
 */
export async function getInterviewerInsights(
  deps: { clock: Clock; feedback: InsightReads },
  input: { actor: Actor },
): Promise<Result<InterviewerInsight[]>> {
  const now = deps.clock.now();
  const cards = await deps.feedback.insightCards(input.actor.orgId);
  const scored = cards.flatMap((c) =>
    c.status === 'submitted' && c.recommendation ? [{ ...c, score: ratingScore(c.recommendation) }] : [],
  );
  const panels = new Map<string, typeof scored>();
  for (const c of scored) panels.set(c.panel, [...(panels.get(c.panel) ?? []), c]);
  const people = new Map<string, InsightCard[]>();
  for (const c of cards) people.set(c.interviewerId, [...(people.get(c.interviewerId) ?? []), c]);
  const insights = [...people.entries()].map(([interviewerId, list]): InterviewerInsight => {
    const submitted = scored.filter((c) => c.interviewerId === interviewerId);
    const sided = submitted.filter((c) => c.decision && c.score !== 0);
    const agreed = sided.filter((c) => c.score > 0 === (c.decision === 'advance'));
    const differences = submitted.flatMap((c) => {
      const others = (panels.get(c.panel) ?? []).filter((p) => p.interviewerId !== interviewerId);
      const panelMean = mean(others.map((p) => p.score));
      return panelMean === null ? [] : [c.score - panelMean];
    });
    const leniency = mean(differences);
    const onTime = submitted.filter((c) => c.submittedAt! <= c.dueAt).length;
    const overdue = list.filter((c) => c.status !== 'submitted' && c.dueAt < now).length;
    return {
      interviewerId,
      name: list[0]!.name,
      submitted: submitted.length,
      agreementRate: sided.length ? round2(agreed.length / sided.length) : null,
      leniency: round2(leniency),
      tendency: tendencyOf(leniency),
      onTimeRate: submitted.length + overdue ? round2(onTime / (submitted.length + overdue)) : null,
      overdue,
    };
  });
  return ok(insights.sort((a, b) => a.name.localeCompare(b.name)));
}

export interface InterviewerInsight {
  interviewerId: string;
  name: string;
  submitted: number;
  agreementRate: number | null;
  leniency: number | null;
  tendency: 'lenient' | 'harsh' | 'balanced' | null;
  onTimeRate: number | null;
  overdue: number;
}
