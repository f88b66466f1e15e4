import { isAllowed } from '../shared/permissions.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/**
 * An admin publishes the organisation's public practice link (a new one each time, so a link
 * shared too widely can be replaced) or takes it down. Only the token's hash is kept.
 */
export async function publishPracticeLink(deps: Deps, input: { actor: Actor; published: boolean }) {
  const { actor } = input;
  if (actor.kind !== 'staff' || !isAllowed(actor, 'org.manage'))
    return fail('permission.denied', 'Only an admin publishes the practice link.');
  type Published = { token: string | null; publishedAt: Date | null };
  return deps.transaction<Published>(async (store) => {
    const now = deps.clock.now();
    if (!input.published) {
      await store.practice.unpublishLink(actor.orgId);
      await store.audit.record({
        orgId: actor.orgId,
        actor,
        entityType: 'org',
        entityId: actor.orgId,
        action: 'practice_link.unpublished',
      });
      return ok({ token: null, publishedAt: null });
    }
    const token = deps.tokens.next();
    await store.practice.publishLink(actor.orgId, deps.tokens.hash(token), now);
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'org',
      entityId: actor.orgId,
      action: 'practice_link.published',
    });
    return ok({ token, publishedAt: now });
  });
}
