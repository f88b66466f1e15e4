import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import { refuseAnswer } from './assessment.rules.js';
import type { Grader } from './assessments.port.js';
import { lockWorkable, refused } from './load-assessment.js';

/** Keeps the candidate's work on one problem while the clock runs. */
export async function saveAnswer(
  deps: Deps & { grader: Pick<Grader, 'languages'> },
  input: { token: string; itemIndex: number; language: string; code: string },
) {
  return deps.transaction(async (store) => {
    const now = deps.clock.now();
    const found = await lockWorkable(deps, store, input.token, now);
    if (!found.ok) return found;
    const refusal = refuseAnswer(found.value.items, input.itemIndex, input.language, deps.grader.languages);
    if (refusal) return refused(refusal);
    await store.assessments.saveAnswer(found.value.id, {
      itemIndex: input.itemIndex,
      language: input.language,
      code: input.code,
      savedAt: now,
      grade: null,
    });
    return ok({ savedAt: now });
  });
}
