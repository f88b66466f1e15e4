import type { MessageRenderer } from '../notifications/notifications.port.js';
import type { Deps } from '../shared/ports.js';
import { fail } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { composeMessage } from './write-to-candidate.js';

/** The message exactly as this candidate would read it, placeholders filled; nothing is written. */
export async function previewCandidateMessage(
  deps: Deps & { renderer: MessageRenderer },
  input: {
    actor: Actor & { kind: 'staff' };
    candidateId: string;
    applicationId: string;
    subject: string;
    body: string;
  },
) {
  return deps.transaction(async (store) => {
    const application = await store.applications.lock(input.actor.orgId, input.applicationId);
    if (!application || application.candidateId !== input.candidateId)
      return fail('application.not_found', 'No such application.', { applicationId: input.applicationId });
    return composeMessage(deps, store, input.actor, application, input);
  });
}
