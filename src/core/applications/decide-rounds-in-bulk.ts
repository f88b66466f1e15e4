import type { DomainError } from '../../contracts/errors.js';
import type { Deps } from '../shared/ports.js';
import { ok, type Result } from '../shared/result.js';
import type { Actor, Application } from '../shared/types.js';
import type { Decision } from './application.rules.js';
import { decideInStore } from './decide-round.js';

export interface BulkItemOutcome {
  applicationId: string;
  ok: boolean;
  status?: string;
  error?: DomainError;
}

type Item = { applicationId: string; roundKey: string };
const CHUNK = 500;

const outcomeOf = (item: Item, result: Result<Application, DomainError>): BulkItemOutcome =>
  result.ok
    ? { applicationId: item.applicationId, ok: true, status: result.value.status }
    : { applicationId: item.applicationId, ok: false, error: result.error };

/**
 * Decides many rounds, reporting each item's outcome. A refused item writes nothing, so items share
 * a transaction per chunk of 500 (one commit instead of 500); rows are locked in id order, so two
 * bulk actions never deadlock. Should a chunk still fail on a concurrent change, it is redone item
 * by item, so one item's conflict never undoes the others.
 */
export async function decideRoundsInBulk(
  deps: Deps,
  input: { actor: Actor; items: Item[]; decision: Decision; rationale: string },
): Promise<BulkItemOutcome[]> {
  const decide = (item: Item) => ({
    ...item,
    actor: input.actor,
    decision: input.decision,
    rationale: input.rationale,
  });
  const outcomes = new Map<Item, BulkItemOutcome>();
  for (let start = 0; start < input.items.length; start += CHUNK) {
    const chunk = input.items
      .slice(start, start + CHUNK)
      .sort((a, b) => a.applicationId.localeCompare(b.applicationId));
    const together = await deps.transaction(async (store) => {
      const results: [Item, BulkItemOutcome][] = [];
      for (const item of chunk)
        results.push([item, outcomeOf(item, await decideInStore(deps, store, decide(item)))]);
      return ok(results);
    });
    if (together.ok) {
      for (const [item, outcome] of together.value) outcomes.set(item, outcome);
      continue;
    }
    for (const item of chunk) {
      outcomes.set(
        item,
        outcomeOf(item, await deps.transaction((store) => decideInStore(deps, store, decide(item)))),
      );
    }
  }
  return input.items.map((item) => outcomes.get(item)!);
}
