import { type Kysely, sql } from 'kysely';
import type { Clock } from '../../core/shared/ports.js';
import { afterCursor, pageOf } from '../pagination.js';
import type { DB } from '../schema.js';
import { profileOf, staffWithProfiles } from './availability.repository.js';

/** Interviewers' availability as the API shows it. */
export function availabilityQueries(db: Kysely<DB>, clock: Clock) {
  return {
    /** A staff member's profile with their date overrides from yesterday on; null when not staff. */
    async profile(orgId: string, userId: string) {
      const row = await staffWithProfiles(db, orgId).where('users.id', '=', userId).executeTakeFirst();
      if (!row) return null;
      const yesterday = new Date(clock.now().getTime() - 86_400_000).toISOString().slice(0, 10);
      const overrides = await db
        .selectFrom('availability_overrides')
        .select(['day', 'hours', 'reason'])
        .where('user_id', '=', userId)
        .where('day', '>=', sql<string>`${yesterday}::date`)
        .orderBy('day')
        .limit(366)
        .execute();
      return { ...profileOf(row), overrides };
    },

    /**
     * Staff who interview (the interviewer role or a saved profile), by name, with what they are
     * trained for: what a coordinator picks a panel from. Optionally only those trained for a
     * round type or speaking a language.
     */
    async interviewers(
      orgId: string,
      filter: { roundType?: string; language?: string; cursor?: string; limit: number },
    ) {
      const after = afterCursor(filter.cursor);
      let query = staffWithProfiles(db, orgId)
        .where((eb) =>
          eb.or([
            eb('interviewer_profiles.user_id', 'is not', null),
            sql<boolean>`'interviewer' = ANY(users.roles)`,
          ]),
        )
        .orderBy('users.name')
        .orderBy('users.id')
        .limit(filter.limit + 1);
      if (filter.roundType)
        query = query.where(sql<boolean>`${filter.roundType} = ANY(interviewer_profiles.round_types)`);
      if (filter.language)
        query = query.where(sql<boolean>`${filter.language} = ANY(interviewer_profiles.languages)`);
      if (after) {
        query = query.where((eb) =>
          eb.or([
            eb('users.name', '>', after.sortValue),
            eb.and([eb('users.name', '=', after.sortValue), eb('users.id', '>', after.id)]),
          ]),
        );
      }
      const rows = await query.execute();
      const page = pageOf(rows, filter.limit, (r) => [r.name, r.id]);
      return {
        nextCursor: page.nextCursor,
        // Feed addresses can be secrets: the directory shows only their host.
        items: page.items.map((r) => ({
          ...profileOf(r),
          calendarUrl: null,
          name: r.name,
          teamIds: r.team_ids,
        })),
      };
    },
  };
}
