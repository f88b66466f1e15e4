import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import type { SessionHolder } from './accounts.port.js';

/** Signing out: the session's token stops working at once. */
export async function endSession(deps: Deps, input: { token: string }) {
  return deps.transaction(async (store) => {
    await store.accounts.deleteSession(deps.tokens.hash(input.token));
    return ok(undefined);
  });
}

/** The holder of a signed-in person's sessions; boards sign in by key and hold none. */
export function holderOf(actor: Actor): SessionHolder {
  if (actor.kind === 'staff') return { userId: actor.userId };
  if (actor.kind === 'candidate') return { candidateId: actor.candidateId };
  throw new Error('sessions never belong to a board');
}

/** Ends one of my sessions (a browser left signed in elsewhere); another person's is not found. */
export async function endMySession(deps: Deps, input: { actor: Actor; sessionId: string }) {
  return deps.transaction(async (store) => {
    if (!(await store.accounts.deleteHolderSession(holderOf(input.actor), input.sessionId))) {
      return fail('session.not_found', 'You have no such session; it may have ended already.');
    }
    return ok(undefined);
  });
}

/** Ends all my sessions but the one I am using. */
export async function endMyOtherSessions(deps: Deps, input: { actor: Actor; currentToken: string }) {
  return deps.transaction(async (store) => {
    const ended = await store.accounts.deleteHolderSessions(
      holderOf(input.actor),
      deps.tokens.hash(input.currentToken),
    );
    return ok({ ended });
  });
}

/** A request on a session keeps it from going idle; the store writes at most once a minute. */
export async function touchSession(deps: Deps, input: { token: string }) {
  return deps.transaction(async (store) => {
    await store.accounts.touchSession(deps.tokens.hash(input.token), deps.clock.now());
    return ok(undefined);
  });
}
