import { type Kysely, type Selectable, sql } from 'kysely';
import {
  type Attendee,
  type DayHours,
  defaultCandidateHours,
  defaultInterviewerHours,
  type WeeklyHours,
  weekOf,
  workingTime,
} from '../../core/availability/availability.rules.js';
import { type Interval, subtract } from '../../core/availability/intervals.js';
import type { PlanCandidate, PlanInterviewer } from '../../core/scheduling/planner/model.js';
import type { Clock } from '../../core/shared/ports.js';
import type { Actor, PlannedRound } from '../../core/shared/types.js';
import { decodeCursor, InvalidCursorError, pageOf } from '../pagination.js';
import type { DB } from '../schema.js';
import { auditedWrite, given } from '../store.js';

type Writer = Actor | { kind: 'system'; orgId: string };

/** Interviews a week an interviewer takes when no one has set a cap. */
const DEFAULT_WEEKLY_CAP = 8;
const WEEK = 7 * 86_400_000;

export interface ProfileInput {
  weeklyHours: WeeklyHours;
  weeklyCap: number;
  roundTypes: string[];
  levels: string[];
  languages: string[];
  /** Undefined keeps the saved feed. */
  calendarUrl?: string | null | undefined;
}

export type Profile = Required<ProfileInput> & {
  userId: string;
  calendarHost: string | null;
  timezone: string;
  /** False until someone saves the profile: defaults apply, and the planner leaves them out. */
  configured: boolean;
  calendarSyncedAt: string | null;
  /** Why the last automatic refresh of the feed failed; null when it worked. */
  calendarError: string | null;
  version: number;
};

export interface BusyBlock {
  startsAt: Date;
  endsAt: Date;
  summary: string;
}

/** A staff member's row left-joined to their profile: every profile column null when none is saved. */
type WithProfile = { id: string; timezone: string } & {
  [K in keyof Selectable<DB['interviewer_profiles']>]: Selectable<DB['interviewer_profiles']>[K] | null;
};

const profileOf = (row: WithProfile): Profile => ({
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

/** Availability: interviewers' profiles, overrides and busy time, and what the planner needs from the database. */
export function schedulingQueries(db: Kysely<DB>, clock: Clock) {
  const write = auditedWrite(db, clock);
  const audited = <T>(
    actor: Writer,
    action: string,
    data: Record<string, unknown>,
    work: (trx: Kysely<DB>) => Promise<T>,
  ) => write(actor, work, () => ({ entityType: 'user', entityId: String(data.userId), action, data }));

  async function users(orgId: string, ids: string[]) {
    if (ids.length === 0) return [];
    return db
      .selectFrom('users')
      .leftJoin('interviewer_profiles', 'interviewer_profiles.user_id', 'users.id')
      .select(['users.id', 'users.name', 'users.timezone', 'users.team_ids', 'users.roles'])
      .selectAll('interviewer_profiles')
      .where('users.org_id', '=', orgId)
      .where('users.id', 'in', ids)
      .execute();
  }

  /** Booked time of participants around a window: holds of scheduled interviews. */
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
    if (excludeInterviewId) query = query.where('interview_id', '<>', excludeInterviewId);
    return (await query.execute()).map((h) => ({
      participantId: h.participant_id,
      start: new Date(h.starts_at).getTime(),
      end: new Date(h.ends_at).getTime(),
    }));
  }

  async function overridesOf(userIds: string[]) {
    if (userIds.length === 0) return new Map<string, Record<string, DayHours>>();
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
    if (userIds.length === 0) return [];
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

  /**
   * Each interviewer as the availability rules see them: working time by their profile (defaults
   * when unset) and overrides, the organisation's holidays, busy blocks and booked interviews.
   */
  async function attendees(orgId: string, ids: string[], window: Interval, excludeInterviewId?: string) {
    const rows = await users(orgId, ids);
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
      const attendee: Attendee = {
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
      };
      return {
        ...attendee,
        id: r.id,
        name: r.name,
        timezone: r.timezone,
        profile,
        teamIds: r.team_ids,
        roles: r.roles,
      };
    });
  }

  return {
    attendees,

    /** The candidate as an attendee: their hours in `timezone`, minus their other interviews. */
    async candidateAttendee(
      candidateId: string,
      timezone: string,
      window: Interval,
      excludeInterviewId?: string,
    ): Promise<Attendee> {
      const own = await holds([candidateId], window, excludeInterviewId);
      return {
        rules: { timezone, weeklyHours: defaultCandidateHours },
        busy: own,
        weeklyCap: Number.POSITIVE_INFINITY,
        booked: [],
      };
    },

    async candidateZone(orgId: string, candidateId: string) {
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

    async profile(orgId: string, userId: string) {
      const [row] = await users(orgId, [userId]);
      if (!row) return null;
      const overrides = await db
        .selectFrom('availability_overrides')
        .select(['day', 'hours', 'reason'])
        .where('user_id', '=', userId)
        .where(
          'day',
          '>=',
          sql<string>`${new Date(clock.now().getTime() - 86_400_000).toISOString().slice(0, 10)}::date`,
        )
        .orderBy('day')
        .limit(366)
        .execute();
      return { ...profileOf(row), overrides };
    },

    /** Saves a profile; `expectedVersion` (0 for the first save) makes concurrent edits fail instead of overwrite. */
    saveProfile: (actor: Actor, userId: string, input: ProfileInput, expectedVersion: number) =>
      audited(actor, 'availability.updated', { userId }, async (trx) => {
        const values = {
          weekly_hours: JSON.stringify(input.weeklyHours),
          weekly_cap: input.weeklyCap,
          round_types: input.roundTypes,
          levels: input.levels,
          languages: input.languages,
          ...given({
            calendar_url: input.calendarUrl,
          }),
          updated_at: clock.now(),
        };
        const saved =
          expectedVersion === 0
            ? await trx
                .insertInto('interviewer_profiles')
                .values({ user_id: userId, org_id: actor.orgId, ...values })
                .onConflict((oc) => oc.column('user_id').doNothing())
                .returning('version')
                .executeTakeFirst()
            : await trx
                .updateTable('interviewer_profiles')
                .set({ ...values, version: sql<number>`version + 1` })
                .where('user_id', '=', userId)
                .where('org_id', '=', actor.orgId)
                .where('version', '=', expectedVersion)
                .returning('version')
                .executeTakeFirst();
        return saved?.version ?? null;
      }),

    putOverride: (actor: Actor, userId: string, day: string, hours: DayHours, reason: string) =>
      audited(actor, 'availability.override_set', { userId, day, hours, reason }, (trx) =>
        trx
          .insertInto('availability_overrides')
          .values({ user_id: userId, org_id: actor.orgId, day, hours: JSON.stringify(hours), reason })
          .onConflict((oc) =>
            oc.columns(['user_id', 'day']).doUpdateSet({ hours: JSON.stringify(hours), reason }),
          )
          .execute(),
      ),

    deleteOverride: (actor: Actor, userId: string, day: string) =>
      audited(actor, 'availability.override_removed', { userId, day }, async (trx) => {
        const result = await trx
          .deleteFrom('availability_overrides')
          .where('user_id', '=', userId)
          .where('org_id', '=', actor.orgId)
          .where('day', '=', day)
          .executeTakeFirst();
        return Number(result.numDeletedRows);
      }),

    /** Replaces the busy time imported from the interviewer's calendar, in one transaction. */
    replaceCalendarBusy: (actor: Writer, userId: string, blocks: BusyBlock[], newId: () => string) =>
      audited(actor, 'availability.calendar_imported', { userId, blocks: blocks.length }, async (trx) => {
        await trx
          .deleteFrom('busy_blocks')
          .where('user_id', '=', userId)
          .where('source', '=', 'calendar')
          .execute();
        for (let i = 0; i < blocks.length; i += 500) {
          await trx
            .insertInto('busy_blocks')
            .values(
              blocks.slice(i, i + 500).map((b) => ({
                id: newId(),
                org_id: actor.orgId,
                user_id: userId,
                starts_at: b.startsAt,
                ends_at: b.endsAt,
                source: 'calendar' as const,
                summary: b.summary.slice(0, 200),
              })),
            )
            .execute();
        }
        await trx
          .updateTable('interviewer_profiles')
          .set({ calendar_synced_at: clock.now(), calendar_checked_at: clock.now(), calendar_error: null })
          .where('user_id', '=', userId)
          .execute();
        return blocks.length;
      }),

    /**
     * Staff who interview (the interviewer role or a saved profile), by name, with what they are
     * trained for: what a coordinator picks a panel from. Optionally only those trained for a
     * round type or speaking a language.
     */
    async interviewers(
      orgId: string,
      filter: { roundType?: string; language?: string; cursor?: string; limit: number },
    ) {
      const after = decodeCursor(filter.cursor);
      if (after === 'invalid') throw new InvalidCursorError('cursor is not one this API issued');
      let query = db
        .selectFrom('users')
        .leftJoin('interviewer_profiles', 'interviewer_profiles.user_id', 'users.id')
        .select(['users.id', 'users.name', 'users.timezone', 'users.team_ids', 'users.roles'])
        .selectAll('interviewer_profiles')
        .where('users.org_id', '=', orgId)
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

    /**
     * A team's or a job's active applications whose current round is a meeting not yet booked,
     * oldest first (R-APP-4), at most `limit`: a hiring week to plan.
     */
    async toSchedule(
      orgId: string,
      scope: { teamId?: string | undefined; jobId?: string | undefined },
      limit: number,
    ) {
      let query = db
        .selectFrom('applications')
        .select('applications.id')
        .where('applications.org_id', '=', orgId)
        .where('applications.status', '=', 'active')
        .where(sql<boolean>`(applications.plan -> applications.stage_index ->> 'durationMinutes')::int > 0`)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('interviews')
                .select('interviews.id')
                .whereRef('interviews.application_id', '=', 'applications.id')
                .whereRef('interviews.round_key', '=', 'applications.current_round_key')
                .where('interviews.status', '=', 'scheduled'),
            ),
          ),
        )
        .orderBy('applications.submitted_at')
        .orderBy('applications.id')
        .limit(limit);
      if (scope.teamId) query = query.where('applications.team_id', '=', scope.teamId);
      if (scope.jobId) query = query.where('applications.job_id', '=', scope.jobId);
      return (await query.execute()).map((r) => r.id);
    },

    /** A candidate's own interviews, soonest first, with what they need to attend. */
    async candidateInterviews(orgId: string, candidateId: string) {
      return db
        .selectFrom('interviews')
        .innerJoin('applications', 'applications.id', 'interviews.application_id')
        .innerJoin('jobs', 'jobs.id', 'applications.job_id')
        .selectAll('interviews')
        .select(['applications.plan', 'jobs.title as job_title'])
        .where('interviews.org_id', '=', orgId)
        .where('applications.candidate_id', '=', candidateId)
        .orderBy('interviews.starts_at')
        .limit(200)
        .execute();
    },

    /** Calendar feeds not checked for `staleMs`, oldest first. */
    async dueFeeds(staleMs: number, limit: number) {
      const before = new Date(clock.now().getTime() - staleMs);
      return db
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
    },

    async feedFailed(userId: string, error: string) {
      await db
        .updateTable('interviewer_profiles')
        .set({ calendar_checked_at: clock.now(), calendar_error: error.slice(0, 500) })
        .where('user_id', '=', userId)
        .execute();
    },

    /** A self-scheduling link with what the candidate's page shows about it. */
    async link(tokenHash: string) {
      return (
        (await db
          .selectFrom('scheduling_links')
          .innerJoin('applications', 'applications.id', 'scheduling_links.application_id')
          .innerJoin('jobs', 'jobs.id', 'applications.job_id')
          .innerJoin('orgs', 'orgs.id', 'scheduling_links.org_id')
          .selectAll('scheduling_links')
          .select([
            'applications.candidate_id',
            'applications.plan',
            'applications.status as application_status',
            'jobs.title as job_title',
            'orgs.name as company_name',
          ])
          .where('scheduling_links.token_hash', '=', tokenHash)
          .executeTakeFirst()) ?? null
      );
    },

    async interviewSummary(id: string) {
      return (
        (await db
          .selectFrom('interviews')
          .select(['id', 'starts_at', 'ends_at', 'status', 'language', 'sequence', 'version', 'video_url'])
          .where('id', '=', id)
          .executeTakeFirst()) ?? null
      );
    },

    /**
     * What the planner needs for some applications: each one's next rounds (up to `roundsAhead`,
     * stopping at a round with no meeting, whose decision must come first) and every interviewer
     * with a saved profile. Applications that cannot be planned come back in `skipped` with why.
     */
    async planInput(
      orgId: string,
      options: {
        applicationIds: string[];
        window: Interval;
        roundsAhead: number;
        panelSize: number;
        earliest: number;
      },
    ) {
      const apps =
        options.applicationIds.length === 0
          ? []
          : await db
              .selectFrom('applications')
              .innerJoin('jobs', 'jobs.id', 'applications.job_id')
              .innerJoin('candidates', 'candidates.id', 'applications.candidate_id')
              .innerJoin('orgs', 'orgs.id', 'applications.org_id')
              .select([
                'applications.id',
                'applications.status',
                'applications.plan',
                'applications.stage_index',
                'applications.candidate_id',
                'jobs.level',
                'jobs.team_id',
                'candidates.timezone',
                'candidates.language',
                'orgs.default_timezone',
                'orgs.default_language',
              ])
              .where('applications.org_id', '=', orgId)
              .where('applications.id', 'in', options.applicationIds)
              .execute();
      const found = new Set(apps.map((a) => a.id));
      const skipped = options.applicationIds
        .filter((id) => !found.has(id))
        .map((applicationId) => ({ applicationId, reason: 'not found' }));
      const staff = await db
        .selectFrom('interviewer_profiles')
        .select('user_id')
        .where('org_id', '=', orgId)
        .execute();
      const pool = await attendees(
        orgId,
        staff.map((s) => s.user_id),
        options.window,
      );
      const interviewers: PlanInterviewer[] = pool.map((p) => {
        const perWeek: Record<string, number> = {};
        for (const t of p.booked) perWeek[weekOf(t, p.timezone)] = (perWeek[weekOf(t, p.timezone)] ?? 0) + 1;
        return {
          id: p.id,
          timezone: p.timezone,
          free: subtract(workingTime(p.rules, options.window), p.busy),
          weeklyCap: p.weeklyCap,
          bookedPerWeek: perWeek,
          load: p.booked.filter((t) => t >= options.window.start && t < options.window.end).length,
          roundTypes: p.profile.roundTypes,
          levels: p.profile.levels,
          languages: p.profile.languages,
        };
      });
      const candidateHolds = await holds(
        apps.map((a) => a.candidate_id),
        options.window,
      );
      const candidates: PlanCandidate[] = [];
      const rounds = new Map<string, PlannedRound[]>();
      for (const a of apps) {
        if (a.status !== 'active') {
          skipped.push({ applicationId: a.id, reason: `the application is ${a.status}` });
          continue;
        }
        const next: PlannedRound[] = [];
        for (const round of a.plan.slice(a.stage_index)) {
          if (next.length >= options.roundsAhead || round.durationMinutes <= 0) break;
          next.push(round);
        }
        if (next.length === 0) {
          skipped.push({ applicationId: a.id, reason: 'the current round has no meeting to schedule' });
          continue;
        }
        rounds.set(a.id, next);
        const timezone = a.timezone ?? a.default_timezone;
        candidates.push({
          id: a.id,
          timezone,
          free: subtract(
            workingTime({ timezone, weeklyHours: defaultCandidateHours }, options.window),
            candidateHolds.filter((h) => h.participantId === a.candidate_id),
          ),
          level: a.level,
          language: a.language ?? a.default_language,
          earliest: options.earliest,
          interviewerIds: pool
            .filter((p) => p.teamIds.length === 0 || p.teamIds.includes(a.team_id))
            .map((p) => p.id),
          rounds: next.map((r) => ({
            key: r.key,
            roundType: r.roundType,
            durationMinutes: r.durationMinutes,
            panelSize: options.panelSize,
          })),
        });
      }
      return {
        input: { window: options.window, candidates, interviewers, minGapMinutes: 0 },
        skipped,
        names: new Map(pool.map((p) => [p.id, { name: p.name, timezone: p.timezone }])),
        rounds,
        currentRound: new Map(apps.map((a) => [a.id, a.plan[a.stage_index]?.key ?? null])),
      };
    },
  };
}
