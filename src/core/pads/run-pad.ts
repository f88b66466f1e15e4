import type { Grader } from '../assessments/assessments.port.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import type { PadDocuments } from './pads.port.js';
import { padAuthor } from './pads.rules.js';

/**
 * Runs a pad's text now against its problem's examples and keeps the run in the pad's history. The
 * sandbox runs outside any transaction.
 */
export async function runPad(
  deps: Deps & { grader: Pick<Grader, 'problem' | 'runExamples'>; documents: Pick<PadDocuments, 'text'> },
  input: { actor: Extract<Actor, { kind: 'staff' }>; padId: string },
) {
  const found = await deps.transaction(async (store) => {
    const pad = await store.pads.get(input.actor.orgId, input.padId);
    return pad ? ok(pad) : fail('not_found', 'No such pad.');
  });
  if (!found.ok) return found;
  const pad = found.value;
  const slug = pad.problemSlug;
  if (!slug || !deps.grader.problem({ kind: 'coding', slug }))
    return fail('problem.not_found', 'This pad has no problem to run against.', { field: 'problem' });
  const ran = await deps.grader.runExamples(slug, pad.language, await deps.documents.text(pad.id), pad.id);
  if (!ran.ok) return ran;
  const result = ran.value;
  return deps.transaction(async (store) => {
    await store.pads.recordRun(pad.id, deps.clock.now(), padAuthor(input.actor), {
      outcome: result.outcome,
      passed: result.passed,
      total: result.total,
    });
    return ok(result);
  });
}
