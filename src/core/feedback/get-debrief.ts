import type { ScorecardContent } from '../../contracts/kits.js';
import type { EvidenceGap } from '../../contracts/vocabulary.js';
import type { Catalog } from '../shared/ports.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { Actor, PlannedRound, ScorecardStatus } from '../shared/types.js';
import { consensus, majority } from './feedback.rules.js';

type Vote = 'advance' | 'reject';

/** A round's decision as recorded, with its override when it was taken without its evidence. */
export interface RecordedDecision {
  decision: Vote;
  rationale: string;
  againstMajority: boolean;
  missingFeedback: string[];
  override: { reason: string; gaps: EvidenceGap[] } | null;
}

/** What the debrief reads: one round's scorecards, votes and decision, beside the application's plan. */
export interface DebriefReads {
  /** Null when the organisation has no such application. */
  debrief(
    orgId: string,
    applicationId: string,
    roundKey: string,
  ): Promise<{
    plan: PlannedRound[];
    cards: {
      interviewerId: string;
      name: string;
      status: ScorecardStatus;
      content: ScorecardContent;
      late: boolean;
    }[];
    votes: { voterId: string; name: string; vote: Vote; note: string }[];
    decision: RecordedDecision | null;
  } | null>;
}

export interface GetDebriefInput {
  actor: Actor;
  applicationId: string;
  roundKey: string;
}

/**
 * All scorecards of a round side by side, with the panel's majority, the committee's votes and
 * consensus, and the decision if taken. Says whether a reject on the round ends the application.
 */
export async function getDebrief(
  deps: { catalog: Pick<Catalog, 'interviewKit'>; feedback: DebriefReads },
  input: GetDebriefInput,
): Promise<Result<Debrief>> {
  const found = await deps.feedback.debrief(input.actor.orgId, input.applicationId, input.roundKey);
  if (!found)
    return fail('application.not_found', 'No such application.', { applicationId: input.applicationId });
  const round = found.plan.find((r) => r.key === input.roundKey);
  if (!round) return fail('round.unknown', `No round "${input.roundKey}".`, { roundKey: input.roundKey });
  const kit = deps.catalog.interviewKit(round.roundType);
  const submitted = found.cards.filter((c) => c.status === 'submitted');
  const agreed = consensus(found.votes.map((v) => v.vote));
  const committee = Boolean(round.committee);
  return ok({
    roundKey: round.key,
    eliminatory: Boolean(round.eliminatory),
    attributes: kit?.focusAttributes.map((a) => ({ key: a.key, name: a.name })) ?? [],
    interviewers: found.cards.map((c) => {
      // Drafts are the interviewer's own until submitted.
      const shown = c.status === 'submitted';
      return {
        interviewerId: c.interviewerId,
        name: c.name,
        status: c.status,
        ratings: shown ? c.content.ratings : {},
        recommendation: shown ? c.content.recommendation : null,
        notes: shown ? c.content.notes : '',
        privateNote: shown ? c.content.privateNote : '',
        late: c.late,
      };
    }),
    majority: majority(submitted.map((c) => c.content.recommendation)),
    committee,
    votes: found.votes,
    consensus: agreed,
    suggestExtraRound: committee && found.votes.length > 0 && agreed === null,
    decision: found.decision,
  });
}

export interface Debrief {
  roundKey: string;
  /** False for a round whose reject does not end the application (an informational chat, say). */
  eliminatory: boolean;
  attributes: { key: string; name: string }[];
  interviewers: {
    interviewerId: string;
    name: string;
    status: ScorecardStatus;
    ratings: ScorecardContent['ratings'];
    recommendation: ScorecardContent['recommendation'];
    notes: string;
    privateNote: string;
    late: boolean;
  }[];
  majority: Vote | null;
  committee: boolean;
  votes: { voterId: string; name: string; vote: Vote; note: string }[];
  consensus: Vote | null;
  suggestExtraRound: boolean;
  decision: RecordedDecision | null;
}
