import type { DomainError } from '../../contracts/errors.js';
import type { Deps } from '../ports.js';
import type { Actor } from '../types.js';
import type { Decision } from './application.rules.js';
import { decideInStore } from './decide-round.js';

export interface BulkItemOutcome {
  applicationId: string;
  ok: boolean;
  status?: string;
  error?: DomainError;
}

/**
 * Each item is its own transaction: one refused item never undoes the others, and the caller
 * gets every item's outcome.
 */
export async function decideRoundsInBulk(
  deps: Deps,
  input: {
    actor: Actor;
    items: { applicationId: string; roundKey: string }[];
    decision: Decision;
    rationale: string;
  },
): Promise<BulkItemOutcome[]> {
  const outcomes: BulkItemOutcome[] = [];
  for (const item of input.items) {
    const result = await deps.transaction((store) =>
      decideInStore(deps, store, {
        ...item,
        actor: input.actor,
        decision: input.decision,
        rationale: input.rationale,
      }),
    );
    outcomes.push(
      result.ok
        ? { applicationId: item.applicationId, ok: true, status: result.value.status }
        : { applicationId: item.applicationId, ok: false, error: result.error },
    );
  }
  return outcomes;
}
