import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/** A person writes to the candidate about their application; it counts as news for the update guarantee. */
export async function messageCandidate(
  deps: Deps,
  input: { actor: Actor; applicationId: string; subject: string; body: string },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const app = await store.applications.lock(actor.orgId, input.applicationId);
    if (!app)
      return fail('application.not_found', 'No such application.', { applicationId: input.applicationId });
    const id = deps.ids.next();
    await store.outbox.enqueue({
      orgId: actor.orgId,
      kind: 'candidate.message',
      dedupeKey: `candidate.message:${id}`,
      payload: {
        applicationId: app.id,
        candidateId: app.candidateId,
        subject: input.subject,
        body: input.body,
      },
    });
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'application',
      entityId: app.id,
      action: 'candidate.messaged',
      data: { subject: input.subject },
    });
    return ok({ messageId: id });
  });
}
