import type { Deps } from '../shared/ports.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import type { Note } from './notes.port.js';
import { checkEditable, checkMentions } from './notes.rules.js';
import { notifyMentioned } from './write-note.js';

/** The author edits their note within the edit window; the earlier text is kept as a revision. */
export async function editNote(
  deps: Deps,
  input: {
    actor: Actor & { kind: 'staff' };
    noteId: string;
    body: string;
    mentions: string[];
    version: number;
  },
): Promise<Result<Note>> {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const note = await store.notes.lock(actor.orgId, input.noteId);
    if (!note) return fail('note.not_found', 'No such note.');
    const now = deps.clock.now();
    const editable = checkEditable(note, actor.userId, input.version, now);
    if (!editable.ok) return editable;
    const mentions = [...new Set(input.mentions)];
    const people = await store.notes.staff(actor.orgId, [...mentions, actor.userId]);
    const known = checkMentions(mentions, people);
    if (!known.ok) return known;
    const revised = await store.notes.revise(note, { body: input.body, mentions, at: now });
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'candidate',
      entityId: note.candidateId,
      action: 'note.edited',
      data: { noteId: note.id, version: revised.version },
    });
    const added = mentions.filter((id) => !note.mentions.includes(id));
    const author = people.find((p) => p.id === actor.userId)?.name ?? 'A colleague';
    await notifyMentioned(deps, store, revised, added, author);
    return ok(revised);
  });
}
