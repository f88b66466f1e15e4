import type { PracticeKind } from '../../contracts/practice.js';
import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import type { PracticeGrader } from './practice.port.js';
import { checkAnswer } from './practice-item.js';

/**
 * Runs an answer on the item's public tests. A signed-in candidate's run is kept as theirs (it
 * ticks their plan); a public link's visitor (`candidate` null) has nothing stored.
 */
export async function runPractice(
  deps: Deps & { practice: PracticeGrader },
  input: {
    candidate: { orgId: string; candidateId: string } | null;
    /** Whose share of the sandboxes the run takes: the candidate, or the visitor's address. */
    owner: string;
    kind: PracticeKind;
    slug: string;
    language: string;
    code: string;
  },
) {
  const checked = checkAnswer(deps.practice, input.kind, input.slug, input.language);
  if (!checked.ok) return checked;
  const graded = await deps.practice.grade(input.kind, input.slug, input.language, input.code, input.owner);
  if (!graded.ok) return graded;
  const { candidate } = input;
  if (!candidate) return graded;
  return deps.transaction(async (store) => {
    const now = deps.clock.now();
    await store.practice.insertAttempt({
      id: deps.ids.next(),
      orgId: candidate.orgId,
      candidateId: candidate.candidateId,
      kind: input.kind,
      slug: input.slug,
      mode: 'free',
      language: input.language,
      code: input.code,
      startedAt: now,
      deadlineAt: null,
      submittedAt: now,
      passed: graded.value.passed,
      total: graded.value.total,
      scorePercent: graded.value.scorePercent,
    });
    return ok(graded.value);
  });
}
