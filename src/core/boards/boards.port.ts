import type { BoardChange, BoardInput } from '../../contracts/boards.js';

export interface Board {
  id: string;
  orgId: string;
  token: string;
  name: string;
  intro: string;
  employmentTypes: string[];
  teamIds: string[];
  gdprRetentionDays: number | null;
  createdAt: Date;
}

/** Public job boards: their settings, their key (kept as a hash only) and which jobs they list. */
export interface BoardsRepository {
  /** Lists an open job on every board of the organisation whose filter it matches. */
  publish(orgId: string, jobId: string, at: Date): Promise<void>;
  /** Lists on one board every open job of the organisation that its filter matches. */
  publishOpenJobs(orgId: string, boardId: string, at: Date): Promise<void>;
  /** Tokens are unique across organisations: they name the board in public URLs. */
  tokenTaken(token: string): Promise<boolean>;
  insert(
    board: BoardInput & { id: string; orgId: string; apiKeyHash: string; createdAt: Date },
  ): Promise<Board>;
  lock(orgId: string, id: string): Promise<Board | null>;
  update(orgId: string, id: string, change: BoardChange): Promise<Board>;
  setKeyHash(orgId: string, id: string, apiKeyHash: string): Promise<void>;
}
