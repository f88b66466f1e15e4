import { notifyStaff } from '../inbox/notify-staff.js';
import type { Deps, Store } from '../shared/ports.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import type { Note } from './notes.port.js';
import { checkMentions, excerpt } from './notes.rules.js';

type Target = { candidateId?: string; applicationId?: string };

/** Where a note lives: the application (and so its candidate), or the candidate alone. */
export async function noteTarget(store: Pick<Store, 'notes'>, orgId: string, target: Target) {
  if (target.applicationId) {
    const candidateId = await store.notes.applicationCandidate(orgId, target.applicationId);
    if (!candidateId) return fail('application.not_found', 'No such application.');
    return ok({ candidateId, applicationId: target.applicationId });
  }
  if (target.candidateId && (await store.notes.candidateExists(orgId, target.candidateId)))
    return ok({ candidateId: target.candidateId, applicationId: null });
  return fail('candidate.not_found', 'No such candidate.');
}

/** Tells the people newly mentioned in a note, in the app and (if they chose) by email. */
export async function notifyMentioned(
  deps: Deps,
  store: Pick<Store, 'inbox' | 'outbox' | 'notes'>,
  note: Note,
  newlyMentioned: string[],
  authorName: string,
) {
  const link = note.applicationId
    ? `/app/applications/${note.applicationId}`
    : `/app/candidates/${note.candidateId}`;
  await notifyStaff(store, deps.ids, {
    orgId: note.orgId,
    userIds: newlyMentioned.filter((id) => id !== note.authorId),
    kind: 'mention',
    title: `${authorName} mentioned you in a note`,
    body: excerpt(note.body),
    link: `${link}#note-${note.id}`,
    dedupeKey: `mention:${note.id}:${note.version}`,
    at: deps.clock.now(),
  });
}

/** A hiring-team note on a candidate or an application, with its mentions notified in the same transaction. */
export async function writeNote(
  deps: Deps,
  input: { actor: Actor & { kind: 'staff' }; target: Target; body: string; mentions: string[] },
): Promise<Result<Note>> {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const target = await noteTarget(store, actor.orgId, input.target);
    if (!target.ok) return target;
    const mentions = [...new Set(input.mentions)];
    const people = await store.notes.staff(actor.orgId, [...mentions, actor.userId]);
    const known = checkMentions(mentions, people);
    if (!known.ok) return known;
    const note: Note = {
      id: deps.ids.next(),
      orgId: actor.orgId,
      ...target.value,
      authorId: actor.userId,
      body: input.body,
      mentions,
      version: 1,
      createdAt: deps.clock.now(),
      editedAt: null,
    };
    await store.notes.insert(note);
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'candidate',
      entityId: note.candidateId,
      action: 'note.written',
      data: { noteId: note.id, applicationId: note.applicationId, mentions },
    });
    const author = people.find((p) => p.id === actor.userId)?.name ?? 'A colleague';
    await notifyMentioned(deps, store, note, mentions, author);
    return ok(note);
  });
}
