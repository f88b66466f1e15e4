/**
 * A live coding pad on an application, or on a mock interview (then `applicationId` is null):
 * interviewer and candidate edit one document.
 */
export interface Pad {
  id: string;
  orgId: string;
  applicationId: string | null;
  problemSlug: string | null;
  language: string;
  createdAt: Date;
}

/** Pads and their history: every edit and run, in order, so the session replays. */
export interface PadsRepository {
  insert(pad: Pad & { tokenHash: string; createdBy: string; mockSessionId?: string }): Promise<void>;
  get(orgId: string, id: string): Promise<Pad | null>;
  /** One update of the pad's document (a Yjs update), as received. */
  recordEdit(padId: string, at: Date, author: string, update: Uint8Array): Promise<void>;
  recordRun(padId: string, at: Date, author: string, detail: Record<string, unknown>): Promise<void>;
}

/** The pads' shared documents, held in server/pads/ (Yjs). */
export interface PadDocuments {
  /** The first edit of a document that starts as `text`. */
  firstEdit(text: string): Uint8Array;
  /** The pad's text now. */
  text(padId: string): Promise<string>;
}
