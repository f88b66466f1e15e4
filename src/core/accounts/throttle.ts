import type { Deps, Store } from '../shared/ports.js';
import { fail, ok, type Result } from '../shared/result.js';

/** A number of attempts allowed per window on one key (an address, an account, a recipient). */
export interface Budget {
  key: string;
  limit: number;
  windowMs: number;
  code: 'rate.limited' | 'auth.account_throttled';
  /** What ran out, as a sentence start: "Too many failed sign-ins for this account". */
  reason: string;
}

/** How long a person must wait, in words: "40 seconds", "1 minute", "2 hours". */
export function waitInWords(ms: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return plural(seconds, 'second');
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return plural(minutes, 'minute');
  return plural(Math.ceil(minutes / 60), 'hour');
}

function refusal(budget: Budget, windowStart: Date, now: Date) {
  const waitMs = windowStart.getTime() + budget.windowMs - now.getTime();
  return fail(budget.code, `${budget.reason}; try again in ${waitInWords(waitMs)}.`, {
    retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
  });
}

/**
 * Counts one attempt on every budget, in its own transaction so that a refusal still counts,
 * and refuses when any budget is now overspent.
 */
export async function spendBudgets(deps: Deps, budgets: Budget[]): Promise<Result<void>> {
  const now = deps.clock.now();
  const spent = await deps.transaction(async (store) => {
    const counts = [];
    for (const budget of budgets)
      counts.push(await store.accounts.spendAttempt(budget.key, now, budget.windowMs));
    return ok(counts);
  });
  if (!spent.ok) return spent;
  const over = budgets.findIndex((budget, i) => (spent.value[i]?.count ?? 0) > budget.limit);
  const counted = spent.value[over];
  return counted ? refusal(budgets[over] as Budget, counted.windowStart, now) : ok(undefined);
}

/** Refuses while any budget is spent, without counting: a lock holds even for the right password. */
export async function checkBudgets(store: Pick<Store, 'accounts'>, budgets: Budget[], now: Date) {
  for (const budget of budgets) {
    const { count, windowStart } = await store.accounts.attempts(budget.key, now, budget.windowMs);
    if (count >= budget.limit) return refusal(budget, windowStart, now);
  }
  return ok(undefined);
}
