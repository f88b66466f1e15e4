import { type Scope, scopesFor } from '../shared/permissions.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/** What every secret starts with, so a leaked one is recognised (and found by secret scanners). */
export const TOKEN_PREFIX = 'hlt_';

/**
 * Makes an API token and answers its secret, the only time anyone sees it: only its hash is kept.
 * A personal token acts as its owner and may hold only scopes the owner's roles can use; an
 * organisation token (made by an admin; the route checks) acts for the organisation with its scopes.
 */
export async function createApiToken(
  deps: Deps,
  input: {
    actor: Actor & { kind: 'staff' };
    kind: 'personal' | 'organisation';
    name: string;
    scopes: Scope[];
    expiresInDays: number | null;
  },
) {
  const { actor } = input;
  const scopes = [...new Set(input.scopes)].sort();
  if (input.kind === 'personal') {
    const usable = scopesFor(actor.roles);
    const beyond = scopes.filter((scope) => !usable.includes(scope));
    if (beyond.length > 0) {
      return fail('token.scope_not_allowed', `Your roles cannot use ${beyond.join(', ')}.`, {
        field: 'scopes',
        scopes: beyond,
      });
    }
  }
  const now = deps.clock.now();
  const secret = `${TOKEN_PREFIX}${deps.tokens.next()}`;
  const record = {
    id: deps.ids.next(),
    orgId: actor.orgId,
    kind: input.kind,
    userId: actor.userId,
    name: input.name,
    tokenHash: deps.tokens.hash(secret),
    prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
    scopes,
    createdAt: now,
    expiresAt:
      input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * 86_400_000),
  };
  return deps.transaction(async (store) => {
    await store.accounts.insertApiToken(record);
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'token',
      entityId: record.id,
      action: 'token.created',
      data: {
        kind: record.kind,
        name: record.name,
        scopes,
        expiresAt: record.expiresAt?.toISOString() ?? null,
      },
    });
    const { tokenHash: _hash, ...shown } = record;
    return ok({ ...shown, token: secret });
  });
}
