import type { Grader } from '../assessments/assessments.port.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import type { PadDocuments } from './pads.port.js';
import { padAuthor } from './pads.rules.js';

/**
 * Opens a live coding pad for an application's interview; the candidate joins through the returned
 * link, whose secret only the hash of is kept. A pad on a problem starts with its starter code, as
 * its first edit.
 */
export async function openPad(
  deps: Deps & { grader: Pick<Grader, 'problem'>; documents: Pick<PadDocuments, 'firstEdit'> },
  input: {
    actor: Extract<Actor, { kind: 'staff' }>;
    applicationId: string;
    problem: string | null;
    language: string;
    /** The candidate's link is this, a slash, and the secret. */
    linkBase: string;
  },
) {
  const { actor, problem, language } = input;
  return deps.transaction(async (store) => {
    const application = await store.applications.lock(actor.orgId, input.applicationId);
    if (!application) return fail('application.not_found', 'No such application.');
    const facts = problem ? deps.grader.problem({ kind: 'coding', slug: problem }) : null;
    if (problem && !facts)
      return fail('problem.not_found', `There is no coding problem "${problem}".`, { field: 'problem' });
    const token = deps.tokens.next();
    const id = deps.ids.next();
    const now = deps.clock.now();
    await store.pads.insert({
      id,
      orgId: actor.orgId,
      applicationId: application.id,
      problemSlug: problem,
      language,
      createdAt: now,
      tokenHash: deps.tokens.hash(token),
      createdBy: actor.userId,
    });
    const starter = facts?.starter[language];
    if (starter) await store.pads.recordEdit(id, now, padAuthor(actor), deps.documents.firstEdit(starter));
    return ok({ id, candidateUrl: `${input.linkBase}/${token}` });
  });
}
