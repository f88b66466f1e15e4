import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

/** The zone a candidate reads times in: their own, else their organisation's, else UTC. */
export async function candidateZone(db: Kysely<DB>, orgId: string, candidateId: string) {
  const row = await db
    .selectFrom('candidates')
    .innerJoin('orgs', 'orgs.id', 'candidates.org_id')
    .select(['candidates.timezone', 'orgs.default_timezone'])
    .where('candidates.org_id', '=', orgId)
    .where('candidates.id', '=', candidateId)
    .executeTakeFirst();
  return row?.timezone ?? row?.default_timezone ?? 'UTC';
}
