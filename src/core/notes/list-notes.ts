import { noteAccess } from '../feedback/feedback.rules.js';
import { isAllowed } from '../shared/permissions.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

export interface NoteReads<T> {
  /** The candidate the notes are about (for an application, its candidate); null when not in the org. */
  candidateOf(
    orgId: string,
    target: { candidateId?: string; applicationId?: string },
  ): Promise<string | null>;
  /** Where this person's own feedback on any of the candidate's applications stands. */
  ownFeedbackOnCandidate(
    orgId: string,
    candidateId: string,
    userId: string,
  ): Promise<'none' | 'pending' | 'submitted'>;
  page(
    orgId: string,
    target: { candidateId: string; applicationId?: string },
    page: { limit: number; cursor?: string },
  ): Promise<{ items: T[]; nextCursor: string | null }>;
}

const WITHHELD =
  'Notes are hidden until you submit your scorecard, so your feedback stays your own. They appear once it is in.';

/** Notes on a candidate (all of theirs) or an application (its own and the candidate's), as the reader may see them. */
export async function listNotes<T>(
  deps: { notes: NoteReads<T> },
  input: {
    actor: Actor;
    target: { candidateId?: string; applicationId?: string };
    limit: number;
    cursor?: string;
  },
): Promise<
  Result<{
    items: T[];
    nextCursor: string | null;
    withheld: { reason: 'feedback_pending'; message: string } | null;
  }>
> {
  const { actor } = input;
  if (actor.kind !== 'staff') throw new Error('notes are for staff only');
  const candidateId = await deps.notes.candidateOf(actor.orgId, input.target);
  if (!candidateId) {
    return input.target.applicationId
      ? fail('application.not_found', 'No such application.')
      : fail('candidate.not_found', 'No such candidate.');
  }
  const access = await readerAccess(deps, actor, candidateId);
  if (!access.ok) return access;
  if (access.value === 'withheld') {
    return ok({ items: [], nextCursor: null, withheld: { reason: 'feedback_pending', message: WITHHELD } });
  }
  const target = input.target.applicationId
    ? { candidateId, applicationId: input.target.applicationId }
    : { candidateId };
  const page = await deps.notes.page(actor.orgId, target, {
    limit: input.limit,
    ...(input.cursor ? { cursor: input.cursor } : {}),
  });
  return ok({ ...page, withheld: null });
}

/** Whether the reader sees the candidate's notes, is kept from them until their feedback is in, or neither. */
export async function readerAccess<T>(
  deps: { notes: NoteReads<T> },
  actor: Actor & { kind: 'staff' },
  candidateId: string,
) {
  const own = await deps.notes.ownFeedbackOnCandidate(actor.orgId, candidateId, actor.userId);
  const access = noteAccess(actor, own, isAllowed(actor, 'candidate.read'));
  if (access === 'none') {
    return fail('feedback.not_allowed', 'Only the hiring team and this candidate’s interviewers read notes.');
  }
  return ok(access);
}

/** A note's texts, oldest first, for those who may read the note; none while the reader's feedback is due. */
export async function noteHistory<T, H extends { candidateId: string }>(
  deps: { notes: NoteReads<T>; history: (orgId: string, noteId: string) => Promise<H | null> },
  input: { actor: Actor; noteId: string },
): Promise<Result<H>> {
  const { actor } = input;
  if (actor.kind !== 'staff') throw new Error('notes are for staff only');
  const history = await deps.history(actor.orgId, input.noteId);
  if (!history) return fail('note.not_found', 'No such note.');
  const access = await readerAccess(deps, actor, history.candidateId);
  if (!access.ok) return access;
  if (access.value === 'withheld')
    return fail('feedback.not_allowed', WITHHELD, { reason: 'feedback_pending' });
  return ok(history);
}
