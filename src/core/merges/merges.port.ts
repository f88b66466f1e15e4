/** What a merge moved from the duplicate to the kept person, by id, so undoing it moves exactly that back. */
export interface MergeMoved {
  applications: string[];
  attachments: string[];
  notes: string[];
  /** Tags moved onto the kept person. */
  tags: string[];
  /** Tags both carried: dropped from the duplicate, put back on undo. */
  droppedTags: string[];
}

export type MergeStatus = 'pending' | 'confirmed' | 'undone';

export interface Merge {
  id: string;
  orgId: string;
  keptId: string;
  mergedId: string;
  status: MergeStatus;
  moved: MergeMoved;
  createdBy: string;
  createdAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
}

export interface MergesRepository {
  /** The candidates, locked, with whether each was merged away or erased. */
  lockCandidates(
    orgId: string,
    ids: string[],
  ): Promise<{ id: string; mergedInto: string | null; erased: boolean }[]>;
  /** Jobs both people hold an open application to (one person cannot hold two). */
  sharedOpenJobs(orgId: string, aId: string, bId: string): Promise<{ jobId: string; title: string }[]>;
  /** Moves the duplicate's applications, files, notes and tags onto the kept person; marks it merged. */
  moveRecords(orgId: string, fromId: string, toId: string): Promise<MergeMoved>;
  /** Moves back what `moved` lists and clears the duplicate's merged mark. */
  restoreRecords(orgId: string, merge: Merge): Promise<void>;
  insert(merge: Merge): Promise<void>;
  lock(orgId: string, id: string): Promise<Merge | null>;
  decide(orgId: string, id: string, status: 'confirmed' | 'undone', by: string, at: Date): Promise<Merge>;
  /** Open applications (holding a place against the limit) per job family. */
  openByFamily(orgId: string, candidateId: string): Promise<{ jobFamily: string; open: number }[]>;
}
