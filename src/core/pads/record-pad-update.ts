import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';

/** Stores one update of a pad's document; callers store a pad's updates in the order received. */
export async function recordPadUpdate(
  deps: Deps,
  input: { padId: string; author: string; update: Uint8Array },
) {
  return deps.transaction(async (store) => {
    await store.pads.recordEdit(input.padId, deps.clock.now(), input.author, input.update);
    return ok(null);
  });
}
