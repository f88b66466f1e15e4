import type { Actor } from '../shared/types.js';

/** Who an edit or a run on a pad is from, as the replay names them. */
export const padAuthor = (actor: Actor | null) =>
  actor?.kind === 'staff' ? `staff:${actor.userId}` : 'candidate';
