import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import { refuseAnswer } from './assessment.rules.js';
import type { Grader } from './assessments.port.js';
import { lockWorkable, refused } from './load-assessment.js';

/**
 * Runs the candidate's code against the public examples (a query against the dataset) and puts the
 * run on the timeline. The sandbox runs between checking the link and recording the run, outside
 * any transaction, so a slow run holds no lock. A link with its share of runs going is refused
 * (`sandbox.busy`), and its refused runs are not on the timeline.
 */
export async function runAnswer(
  deps: Deps & { grader: Pick<Grader, 'languages' | 'tryOut'> },
  input: { token: string; itemIndex: number; language: string; code: string },
) {
  const checked = await deps.transaction(async (store) => {
    const found = await lockWorkable(deps, store, input.token, deps.clock.now());
    if (!found.ok) return found;
    const refusal = refuseAnswer(found.value.items, input.itemIndex, input.language, deps.grader.languages);
    return refusal ? refused(refusal) : found;
  });
  if (!checked.ok) return checked;
  const assessment = checked.value;
  const item = assessment.items[input.itemIndex]!;
  const ran = await deps.grader.tryOut(item, input.language, input.code, assessment.id);
  if (!ran.ok) return ran;
  const result = ran.value;
  return deps.transaction(async (store) => {
    await store.assessments.recordEvents(assessment.id, deps.clock.now(), [
      {
        kind: 'run',
        itemIndex: input.itemIndex,
        detail: {
          language: input.language,
          outcome: result.outcome,
          ...('passed' in result ? { passed: result.passed, total: result.total } : {}),
        },
      },
    ]);
    return ok(result);
  });
}
