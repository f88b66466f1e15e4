import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';
import { toAttempt, toPlan } from './practice.repository.js';

/** Read models of the candidate's own practice, and the lookup of a public practice link. */
export function practiceQueries(db: Kysely<DB>) {
  return {
    async attempts(orgId: string, candidateId: string) {
      const rows = await db
        .selectFrom('practice_attempts')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', candidateId)
        .orderBy('started_at', 'desc')
        .orderBy('id')
        .limit(500)
        .execute();
      return rows.map(toAttempt);
    },
    /** Every plan, the one in force first: the export holds the ended ones too. */
    async plans(orgId: string, candidateId: string) {
      const rows = await db
        .selectFrom('practice_plans')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', candidateId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(100)
        .execute();
      return rows.map(toPlan);
    },
    async attempt(orgId: string, candidateId: string, id: string) {
      const row = await db
        .selectFrom('practice_attempts')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', candidateId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toAttempt(row) : null;
    },
    /** The organisation a public practice link opens, with its name. */
    async link(tokenHash: string) {
      return (
        (await db
          .selectFrom('practice_links')
          .innerJoin('orgs', 'orgs.id', 'practice_links.org_id')
          .select(['orgs.id', 'orgs.name', 'practice_links.published_at'])
          .where('practice_links.token_hash', '=', tokenHash)
          .executeTakeFirst()) ?? null
      );
    },
    async linkOf(orgId: string) {
      return (
        (await db
          .selectFrom('practice_links')
          .select('published_at')
          .where('org_id', '=', orgId)
          .executeTakeFirst()) ?? null
      );
    },
    async orgName(orgId: string) {
      const row = await db
        .selectFrom('orgs')
        .select('name')
        .where('id', '=', orgId)
        .executeTakeFirstOrThrow();
      return row.name;
    },
    /** The round types of the candidate's processes, in the order of their applications' plans. */
    async roundsOf(orgId: string, candidateId: string) {
      const rows = await db
        .selectFrom('applications')
        .select('plan')
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', candidateId)
        .orderBy('submitted_at')
        .limit(50)
        .execute();
      return rows.flatMap((r) => r.plan);
    },
  };
}
