import { type Decider, deciders } from '../../contracts/vocabulary.js';
import { ok, type Result } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/** Which rounds a person decides, as the queue's filter: every round of the teams they manage, and rounds naming one of their roles. */
export interface DecisionScope {
  managedTeamIds: string[];
  deciders: Decider[];
  limit: number;
}

export interface DecisionQueueReads<T> {
  decisionQueue(orgId: string, scope: DecisionScope): Promise<T>;
}

/** The applications waiting for a decision the actor makes, as `canDecide` in the applications' rules grants it. */
export async function listDecisionQueue<T>(
  deps: { workspace: DecisionQueueReads<T> },
  input: { actor: Actor; limit: number },
): Promise<Result<T>> {
  const { actor } = input;
  if (actor.kind !== 'staff') throw new Error('deciding rounds is for staff only');
  return ok(
    await deps.workspace.decisionQueue(actor.orgId, {
      managedTeamIds: actor.roles.includes('hiring_manager') ? actor.teamIds : [],
      deciders: deciders.filter((d) => d !== 'hiring_manager' && actor.roles.includes(d)),
      limit: input.limit,
    }),
  );
}
