import { fail, ok } from '../shared/result.js';
import type { Note } from './notes.port.js';

/** How long the author may edit a note; after that it is kept as written (with its history). */
export const NOTE_EDIT_MINUTES = 15;

export const editableUntil = (note: Pick<Note, 'createdAt'>) =>
  new Date(note.createdAt.getTime() + NOTE_EDIT_MINUTES * 60_000);

export function checkEditable(note: Note, userId: string, version: number, now: Date) {
  if (note.authorId !== userId) {
    return fail('note.not_editable', 'Only the author edits a note.', { reason: 'not_author' });
  }
  if (now.getTime() > editableUntil(note).getTime()) {
    return fail(
      'note.not_editable',
      `A note can be edited for ${NOTE_EDIT_MINUTES} minutes after it is written; this one is kept as written. Add a new note instead.`,
      { reason: 'window_closed', editableUntil: editableUntil(note).toISOString() },
    );
  }
  if (note.version !== version) {
    return fail('conflict.stale_version', 'The note changed since you opened it; reload it and edit again.', {
      current: note.version,
    });
  }
  return ok(undefined);
}

/** Mentions that name nobody on the staff are refused, so nobody is told they were notified when they were not. */
export function checkMentions(requested: string[], found: { id: string }[]) {
  const unknown = requested.filter((id) => !found.some((f) => f.id === id));
  if (unknown.length > 0) {
    return fail('note.unknown_mention', 'Some mentioned people are not staff of this organisation.', {
      field: 'mentions',
      unknown,
    });
  }
  return ok(undefined);
}

/** The first words of a note for a notification: markup stripped, at most `max` characters. */
export function excerpt(body: string, max = 140) {
  const plain = body
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*`#>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}
