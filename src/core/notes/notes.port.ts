/** A note as stored. */
export interface Note {
  id: string;
  orgId: string;
  candidateId: string;
  applicationId: string | null;
  authorId: string;
  body: string;
  mentions: string[];
  version: number;
  createdAt: Date;
  editedAt: Date | null;
}

export interface NotesRepository {
  insert(note: Note): Promise<void>;
  /** The note, locked for this transaction. */
  lock(orgId: string, id: string): Promise<Note | null>;
  /** Keeps the text being replaced as a revision, then writes the new one. */
  revise(note: Note, next: { body: string; mentions: string[]; at: Date }): Promise<Note>;
  /** The application's candidate, when the application is in the organisation. */
  applicationCandidate(orgId: string, applicationId: string): Promise<string | null>;
  candidateExists(orgId: string, candidateId: string): Promise<boolean>;
  /** Active staff of the organisation among the ids, with their names. */
  staff(orgId: string, userIds: string[]): Promise<{ id: string; name: string }[]>;
}
