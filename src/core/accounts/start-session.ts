import type { Deps, Store } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import type { SessionHolder, SessionOrigin } from './accounts.port.js';

export interface StartedSession {
  /** The secret for the cookie; only its hash is stored. */
  token: string;
  expiresAt: Date;
}

/** How long a session lives: `days` in all, and `idleMinutes` without being used. */
export interface SessionTerms {
  days: number;
  idleMinutes: number;
}

/** Opens a session inside the caller's transaction. */
export async function openSession(
  deps: Deps,
  store: Pick<Store, 'accounts'>,
  input: { orgId: string; holder: SessionHolder; terms: SessionTerms; origin: SessionOrigin },
): Promise<StartedSession> {
  const token = deps.tokens.next();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + input.terms.days * 86_400_000);
  await store.accounts.insertSession({
    id: deps.ids.next(),
    tokenHash: deps.tokens.hash(token),
    orgId: input.orgId,
    holder: input.holder,
    createdAt: now,
    expiresAt,
    idleMinutes: input.terms.idleMinutes,
    ...input.origin,
  });
  return { token, expiresAt };
}

/** A session for someone whose credentials the server has checked (staff password sign-in). */
export async function startSession(
  deps: Deps,
  input: { orgId: string; holder: SessionHolder; terms: SessionTerms; origin: SessionOrigin },
) {
  return deps.transaction(async (store) => ok(await openSession(deps, store, input)));
}
