import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

/** Pads as the API shows them, and each pad's history for its live document and its replay. */
export function padsQueries(db: Kysely<DB>) {
  const columns = [
    'id',
    'org_id',
    'application_id',
    'mock_session_id',
    'problem_slug',
    'language',
    'created_at',
  ] as const;
  return {
    byId: (orgId: string, id: string) =>
      db
        .selectFrom('pads')
        .select(columns)
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst(),
    byToken: (tokenHash: string) =>
      db.selectFrom('pads').select(columns).where('token_hash', '=', tokenHash).executeTakeFirst(),
    ofApplication: (orgId: string, applicationId: string) =>
      db
        .selectFrom('pads')
        .select(columns)
        .where('org_id', '=', orgId)
        .where('application_id', '=', applicationId)
        .orderBy('created_at', 'desc')
        .execute(),
    /** Every edit and run, in the order received. */
    events: (padId: string) =>
      db
        .selectFrom('pad_events')
        .select(['at', 'author', 'kind', 'update', 'detail'])
        .where('pad_id', '=', padId)
        .orderBy('seq')
        .execute(),
  };
}

export type PadsQueries = ReturnType<typeof padsQueries>;
export type PadView = NonNullable<Awaited<ReturnType<PadsQueries['byId']>>>;
export type PadEventView = Awaited<ReturnType<PadsQueries['events']>>[number];
