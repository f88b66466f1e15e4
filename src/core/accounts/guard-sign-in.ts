import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import { type Budget, checkBudgets, spendBudgets } from './throttle.js';

/** How much password guessing is tolerated; the server's configuration sets it. */
export interface PasswordLimits {
  attemptsPerMinutePerAddress: number;
  failuresPerAccountAndAddress: number;
  /** Larger than the per-address budget, so one guesser cannot lock a person out quickly. */
  failuresPerAccount: number;
  lockMinutes: number;
}

/**
 * Whose password is tried: `org|email` at sign-in (known or not, so the budgets say nothing about
 * who exists), `user:<id>` when a signed-in user confirms theirs.
 */
export interface PasswordAttempt {
  account: string;
  address: string;
  limits: PasswordLimits;
}

export const signInAccount = (org: string, email: string) => `${org.trim()}|${email.trim().toLowerCase()}`;

const accountAndAddressKey = (input: PasswordAttempt) =>
  `password:account-ip:${input.account}|${input.address}`;

function failureBudgets(input: PasswordAttempt): Budget[] {
  const windowMs = input.limits.lockMinutes * 60_000;
  return [
    {
      key: accountAndAddressKey(input),
      limit: input.limits.failuresPerAccountAndAddress,
      windowMs,
      code: 'auth.account_throttled',
      reason: 'Too many failed sign-ins for this account from your address',
    },
    {
      key: `password:account:${input.account}`,
      limit: input.limits.failuresPerAccount,
      windowMs,
      code: 'auth.account_throttled',
      reason: 'Too many failed sign-ins for this account',
    },
  ];
}

/**
 * Before a password is checked: every attempt counts against the address, and an account whose
 * failure budget is spent is refused until its window ends, even with the right password.
 */
export async function admitPasswordAttempt(deps: Deps, input: PasswordAttempt) {
  const perAddress = await spendBudgets(deps, [
    {
      key: `password:ip:${input.address}`,
      limit: input.limits.attemptsPerMinutePerAddress,
      windowMs: 60_000,
      code: 'rate.limited',
      reason: 'Too many sign-in attempts from your address',
    },
  ]);
  if (!perAddress.ok) return perAddress;
  return deps.transaction(async (store) => checkBudgets(store, failureBudgets(input), deps.clock.now()));
}

/** A wrong password counts against the account, from this address and from all. */
export async function recordPasswordFailure(deps: Deps, input: PasswordAttempt) {
  await spendBudgets(deps, failureBudgets(input));
  return ok(undefined);
}

/** A right password forgives this address's failures on the account (not those from elsewhere). */
export async function forgivePasswordFailures(deps: Deps, input: PasswordAttempt) {
  return deps.transaction(async (store) => {
    await store.accounts.clearAttempts(accountAndAddressKey(input));
    return ok(undefined);
  });
}
