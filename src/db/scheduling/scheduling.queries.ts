import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';
import { bookedInterviews, toBookedInterview } from './scheduling.repository.js';

/** Interviews as the API shows them. */
export function schedulingQueries(db: Kysely<DB>) {
  return {
    /** An interview with its round's name; null when there is no such interview. */
    async interview(id: string) {
      const row = await bookedInterviews(db)
        .select('applications.plan')
        .where('interviews.id', '=', id)
        .executeTakeFirst();
      if (!row) return null;
      const roundName = row.plan.find((r) => r.key === row.round_key)?.name ?? row.round_key;
      return { interview: toBookedInterview(row), roundName };
    },
  };
}
