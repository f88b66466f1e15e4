import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';
import { toMerge } from './merges.repository.js';

/** Merges touching a candidate, newest first. */
export function mergeQueries(db: Kysely<DB>) {
  return {
    /** Null when no such candidate is in the organisation. */
    async forCandidate(orgId: string, candidateId: string) {
      const known = await db
        .selectFrom('candidates')
        .select('id')
        .where('org_id', '=', orgId)
        .where('id', '=', candidateId)
        .executeTakeFirst();
      if (!known) return null;
      const rows = await db
        .selectFrom('candidate_merges')
        .selectAll()
        .where('org_id', '=', orgId)
        .where((eb) => eb.or([eb('kept_id', '=', candidateId), eb('merged_id', '=', candidateId)]))
        .orderBy('created_at', 'desc')
        .limit(50)
        .execute();
      return rows.map(toMerge);
    },
  };
}
