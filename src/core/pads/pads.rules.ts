import type { Actor } from '../shared/types.js';

/** Who an edit or a run on a pad is from, as the replay names them. */
export const padAuthor = (actor: Actor | null) =>
  actor?.kind === 'staff' ? `staff:${actor.userId}` : 'candidate';

/** The most characters a pad's text may hold. */
export const PAD_MAX_CHARACTERS = 100_000;

/**
 * Whether an edit keeps a pad within its cap, decided before the edit is applied: `addedAtMost` is
 * an upper bound of the characters it inserts (deletions only shorten the text).
 */
export const padEditFits = (length: number, addedAtMost: number) =>
  length + addedAtMost <= PAD_MAX_CHARACTERS;
