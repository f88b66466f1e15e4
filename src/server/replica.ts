import type { Kysely } from 'kysely';
import { replicaLagSeconds } from '../db/replica.js';
import type { DB } from '../db/schema.js';
import { reportQueries } from '../db/workspace/reports.queries.js';

/** Where reports are read, and how far behind the primary that is. */
export interface ReportReads {
  queries: ReturnType<typeof reportQueries>;
  /** What the report says about its data: read on a replica or not, and the replica's lag in seconds. */
  freshness(): Promise<{ replica: boolean; lagSeconds: number }>;
}

/**
 * Reports from a streaming replica (DATABASE_READ_URL) when there is one: they are the heavy reads,
 * and a few seconds behind is fine for a funnel, as long as the report says so. The lag is 0 when
 * the replica has replayed everything it received, else the time since its last replayed commit.
 * Writes, and reads that must see a write just made, stay on the primary.
 */
export function reportReads(primary: Kysely<DB>, replica?: Kysely<DB>): ReportReads {
  const db = replica ?? primary;
  return {
    queries: reportQueries(db),
    async freshness() {
      if (!replica) return { replica: false, lagSeconds: 0 };
      return { replica: true, lagSeconds: await replicaLagSeconds(replica) };
    },
  };
}
