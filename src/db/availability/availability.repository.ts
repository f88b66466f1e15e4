import { type Kysely, type Selectable, sql } from 'kysely';
import type { AvailabilityRepository, Hold, Profile } from '../../core/availability/availability.port.js';
import { type DayHours, defaultInterviewerHours } from '../../core/availability/availability.rules.js';
import type { Interval } from '../../core/availability/intervals.js';
import type { StaffRole } from '../../core/shared/types.js';
import { given } from '../columns.js';
import type { DB } from '../schema.js';

/** Interviews a week an interviewer takes when no one has set a cap. */
const DEFAULT_WEEKLY_CAP = 8;
const WEEK = 7 * 86_400_000;

/** A staff member's row left-joined to their profile: every profile column null when none is saved. */
type WithProfile = { id: string; timezone: string } & {
  [K in keyof Selectable<DB['interviewer_profiles']>]: Selectable<DB['interviewer_profiles']>[K] | null;
};

export const profileOf = (row: WithProfile): Profile => ({
  userId: row.id,
  timezone: row.timezone,
  configured: row.user_id !== null,
  weeklyHours: row.weekly_hours ?? defaultInterviewerHours,
  weeklyCap: row.weekly_cap ?? DEFAULT_WEEKLY_CAP,
  roundTypes: row.round_types ?? [],
  levels: row.levels ?? [],
  languages: row.languages ?? ['en'],
  calendarUrl: row.calendar_url,
  calendarHost: row.calendar_url ? new URL(row.calendar_url).host : null,
  calendarSyncedAt: row.calendar_synced_at?.toISOString() ?? null,
  calendarError: row.calendar_error,
  version: row.version ?? 0,
});

/** Staff with their profile columns, for one organisation. */
export const staffWithProfiles = (db: Kysely<DB>, orgId: string) =>
  db
    .selectFrom('users')
    .leftJoin('interviewer_profiles', 'interviewer_profiles.user_id', 'users.id')
    .select(['users.id', 'users.name', 'users.timezone', 'users.team_ids', 'users.roles'])
    .selectAll('interviewer_profiles')
    .where('users.org_id', '=', orgId);

export function availabilityRepository(db: Kysely<DB>): AvailabilityRepository {
  async function users(orgId: string, ids: string[]) {
    if (ids.length === 0) return [];
    return staffWithProfiles(db, orgId).where('users.id', 'in', ids).execute();
  }

  async function holds(participantIds: string[], window: Interval, excludeInterviewId?: string) {
    if (participantIds.length === 0) return [];
    let query = db
      .selectFrom('interview_holds')
      .select([
        'participant_id',
        sql<Date>`lower(during)`.as('starts_at'),
        sql<Date>`upper(during)`.as('ends_at'),
      ])
      .where('participant_id', 'in', participantIds)
      .where(sql<boolean>`during && tstzrange(${new Date(window.start)}, ${new Date(window.end)}, '[)')`);
    // A mock session's hold has no interview id, and still counts.
    if (excludeInterviewId) query = query.where('interview_id', 'is distinct from', excludeInterviewId);
    return (await query.execute()).map(
      (h): Hold => ({
        participantId: h.participant_id,
        start: new Date(h.starts_at).getTime(),
        end: new Date(h.ends_at).getTime(),
      }),
    );
  }

  async function overridesOf(userIds: string[]) {
    const rows = await db
      .selectFrom('availability_overrides')
      .selectAll()
      .where('user_id', 'in', userIds)
      .execute();
    const out = new Map<string, Record<string, DayHours>>();
    for (const r of rows) out.set(r.user_id, { ...(out.get(r.user_id) ?? {}), [r.day]: r.hours });
    return out;
  }

  async function busyOf(userIds: string[], window: Interval) {
    return db
      .selectFrom('busy_blocks')
      .select(['user_id', 'starts_at', 'ends_at'])
      .where('user_id', 'in', userIds)
      .where('starts_at', '<', new Date(window.end))
      .where('ends_at', '>', new Date(window.start))
      .execute();
  }

  async function holidays(orgId: string) {
    const rows = await db.selectFrom('org_holidays').select('day').where('org_id', '=', orgId).execute();
    return new Set(rows.map((r) => r.day));
  }

  return {
    holds,

    async profile(orgId, userId) {
      const [row] = await users(orgId, [userId]);
      return row ? profileOf(row) : null;
    },

    async saveProfile(orgId, userId, input, expectedVersion, at) {
      const values = {
        weekly_hours: JSON.stringify(input.weeklyHours),
        weekly_cap: input.weeklyCap,
        round_types: input.roundTypes,
        levels: input.levels,
        languages: input.languages,
        ...given({ calendar_url: input.calendarUrl }),
        updated_at: at,
      };
      const saved =
        expectedVersion === 0
          ? await db
              .insertInto('interviewer_profiles')
              .values({ user_id: userId, org_id: orgId, ...values })
              .onConflict((oc) => oc.column('user_id').doNothing())
              .returning('version')
              .executeTakeFirst()
          : await db
              .updateTable('interviewer_profiles')
              .set({ ...values, version: sql<number>`version + 1` })
              .where('user_id', '=', userId)
              .where('org_id', '=', orgId)
              .where('version', '=', expectedVersion)
              .returning('version')
              .executeTakeFirst();
      return saved?.version ?? null;
    },

    async putOverride(orgId, userId, day, hours, reason) {
      await db
        .insertInto('availability_overrides')
        .values({ user_id: userId, org_id: orgId, day, hours: JSON.stringify(hours), reason })
        .onConflict((oc) =>
          oc.columns(['user_id', 'day']).doUpdateSet({ hours: JSON.stringify(hours), reason }),
        )
        .execute();
    },

    async deleteOverride(orgId, userId, day) {
      const result = await db
        .deleteFrom('availability_overrides')
        .where('user_id', '=', userId)
        .where('org_id', '=', orgId)
        .where('day', '=', day)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async replaceCalendarBusy(orgId, userId, blocks, at) {
      await db
        .deleteFrom('busy_blocks')
        .where('user_id', '=', userId)
        .where('source', '=', 'calendar')
        .execute();
      for (let i = 0; i < blocks.length; i += 500) {
        await db
          .insertInto('busy_blocks')
          .values(
            blocks.slice(i, i + 500).map((b) => ({
              id: b.id,
              org_id: orgId,
              user_id: userId,
              starts_at: b.startsAt,
              ends_at: b.endsAt,
              source: 'calendar' as const,
              summary: b.summary.slice(0, 200),
            })),
          )
          .execute();
      }
      await db
        .updateTable('interviewer_profiles')
        .set({ calendar_synced_at: at, calendar_checked_at: at, calendar_error: null })
        .where('user_id', '=', userId)
        .execute();
    },

    async calendarFailed(userId, error, at) {
      await db
        .updateTable('interviewer_profiles')
        .set({ calendar_checked_at: at, calendar_error: error.slice(0, 500) })
        .where('user_id', '=', userId)
        .execute();
    },

    async dueFeeds(before, limit) {
      const rows = await db
        .selectFrom('interviewer_profiles')
        .innerJoin('users', 'users.id', 'interviewer_profiles.user_id')
        .select([
          'interviewer_profiles.user_id',
          'interviewer_profiles.org_id',
          'interviewer_profiles.calendar_url',
          'users.timezone',
        ])
        .where('interviewer_profiles.calendar_url', 'is not', null)
        .where((eb) =>
          eb.or([
            eb('interviewer_profiles.calendar_checked_at', 'is', null),
            eb('interviewer_profiles.calendar_checked_at', '<', before),
          ]),
        )
        .orderBy(sql`interviewer_profiles.calendar_checked_at nulls first`)
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        userId: r.user_id,
        orgId: r.org_id,
        calendarUrl: r.calendar_url!,
        timezone: r.timezone,
      }));
    },

    async attendees(orgId, ids, window, excludeInterviewId) {
      const rows = await users(orgId, ids);
      if (rows.length === 0) return [];
      const around = { start: window.start - WEEK, end: window.end + WEEK };
      const [overrides, busy, booked, days] = await Promise.all([
        overridesOf(ids),
        busyOf(ids, window),
        holds(ids, around, excludeInterviewId),
        holidays(orgId),
      ]);
      return rows.map((r) => {
        const profile = profileOf(r);
        const own = booked.filter((h) => h.participantId === r.id);
        return {
          rules: {
            timezone: r.timezone,
            weeklyHours: profile.weeklyHours,
            overrides: overrides.get(r.id) ?? {},
            holidays: days,
          },
          busy: [
            ...busy
              .filter((b) => b.user_id === r.id)
              .map((b) => ({ start: b.starts_at.getTime(), end: b.ends_at.getTime() })),
            ...own,
          ],
          weeklyCap: profile.weeklyCap,
          booked: own.map((h) => h.start),
          id: r.id,
          name: r.name,
          timezone: r.timezone,
          profile,
          teamIds: r.team_ids,
          roles: r.roles as StaffRole[],
        };
      });
    },

    async configuredStaff(orgId) {
      const rows = await db
        .selectFrom('interviewer_profiles')
        .select('user_id')
        .where('org_id', '=', orgId)
        .execute();
      return rows.map((r) => r.user_id);
    },

    async candidateZone(orgId, candidateId) {
      const row = await db
        .selectFrom('candidates')
        .innerJoin('orgs', 'orgs.id', 'candidates.org_id')
        .select([
          'candidates.timezone',
          'orgs.default_timezone',
          'candidates.language',
          'orgs.default_language',
        ])
        .where('candidates.org_id', '=', orgId)
        .where('candidates.id', '=', candidateId)
        .executeTakeFirst();
      return {
        timezone: row?.timezone ?? row?.default_timezone ?? 'UTC',
        language: row?.language ?? row?.default_language ?? 'en',
      };
    },
  };
}
