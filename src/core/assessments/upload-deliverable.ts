import type { DomainError } from '../../contracts/errors.js';
import type { Deps } from '../shared/ports.js';
import { ok, type Result } from '../shared/result.js';
import { refuseAnswer } from './assessment.rules.js';
import type { Grader } from './assessments.port.js';
import { lockWorkable, refused } from './load-assessment.js';

export interface Deliverable {
  filename: string;
  contentType: string;
  data: Uint8Array;
}

/**
 * Keeps a case study's deliverable as its answer; a new upload replaces the last. The file is
 * received (`receive`) only once the link is known to take it, and outside any transaction, so a
 * slow upload holds no lock.
 */
export async function uploadDeliverable(
  deps: Deps & { grader: Pick<Grader, 'languages'> },
  input: {
    token: string;
    itemIndex: number;
    receive: () => Promise<Result<Deliverable, DomainError>>;
  },
) {
  const checked = await deps.transaction(async (store) => {
    const found = await lockWorkable(deps, store, input.token, deps.clock.now());
    if (!found.ok) return found;
    const refusal = refuseAnswer(found.value.items, input.itemIndex, 'file', deps.grader.languages);
    return refusal ? refused(refusal) : found;
  });
  if (!checked.ok) return checked;
  const file = await input.receive();
  if (!file.ok) return file;
  return deps.transaction(async (store) => {
    const savedAt = deps.clock.now();
    const bytes = file.value.data.byteLength;
    await store.assessments.saveDeliverable(checked.value, input.itemIndex, {
      id: deps.ids.next(),
      ...file.value,
      savedAt,
    });
    await store.assessments.recordEvents(checked.value.id, savedAt, [
      { kind: 'uploaded', itemIndex: input.itemIndex, detail: { bytes } },
    ]);
    return ok({ savedAt, filename: file.value.filename });
  });
}
