import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.js';

/**
 * How far a streaming replica is behind its primary, in seconds (tenths): 0 when it has replayed
 * all it received (an idle primary sends nothing, which is not lag), else the time since the last
 * commit it replayed. 0 on a primary.
 */
export async function replicaLagSeconds(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ lag: number | null }>`
    SELECT CASE
      WHEN NOT pg_is_in_recovery() OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
      ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8
    END AS lag`.execute(db);
  return Math.max(0, Math.round((rows[0]?.lag ?? 0) * 10) / 10);
}
