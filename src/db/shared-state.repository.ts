import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.js';

/** State that every node of a deployment shares through the database: request budgets and leases. */
export function sharedState(db: Kysely<DB>) {
  return {
    /**
     * Counts one request on `key`'s fixed window (one upsert, atomic across nodes): the count so far
     * in the window and when the window started. A window older than `windowMs` starts again.
     */
    async spend(key: string, now: Date, windowMs: number) {
      const stale = new Date(now.getTime() - windowMs);
      const row = await db
        .insertInto('rate_limit_windows')
        .values({ key, window_start: now, count: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            count: sql<number>`CASE WHEN rate_limit_windows.window_start <= ${stale} THEN 1 ELSE rate_limit_windows.count + 1 END`,
            window_start: sql<Date>`CASE WHEN rate_limit_windows.window_start <= ${stale} THEN ${now}::timestamptz ELSE rate_limit_windows.window_start END`,
          }),
        )
        .returning(['count', 'window_start'])
        .executeTakeFirstOrThrow();
      return { count: row.count, windowStart: row.window_start };
    },
    /** Forgets windows that ended before `before`. */
    async forgetWindows(before: Date) {
      await db.deleteFrom('rate_limit_windows').where('window_start', '<', before).execute();
    },
    /**
     * Takes (or keeps) the lease `name` for `holder` until now + `ms`: true when this holder has it,
     * false while another holder's lease runs.
     */
    async lease(name: string, holder: string, now: Date, ms: number) {
      const until = new Date(now.getTime() + ms);
      const row = await db
        .insertInto('worker_leases')
        .values({ name, holder, until })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet({ holder, until })
            .where((eb) =>
              eb.or([eb('worker_leases.until', '<', now), eb('worker_leases.holder', '=', holder)]),
            ),
        )
        .returning('holder')
        .executeTakeFirst();
      return row?.holder === holder;
    },
  };
}
