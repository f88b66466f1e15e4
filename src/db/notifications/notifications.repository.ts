import { type Kysely, sql } from 'kysely';
import type { EventKind } from '../../contracts/vocabulary.js';
import type { NotificationsRepository } from '../../core/notifications/notifications.port.js';
import { toApplication } from '../applications/applications.repository.js';
import type { DB } from '../schema.js';

const roleOf = {
  interviewers: 'interviewer',
  recruiters: 'recruiter',
  coordinators: 'coordinator',
  hiring_managers: 'hiring_manager',
  hr: 'hr',
} as const;

export function notificationsRepository(trx: Kysely<DB>): NotificationsRepository {
  return {
    async undispatched(limit, now) {
      const rows = await trx
        .selectFrom('outbox')
        .selectAll()
        .where('dispatched_at', 'is', null)
        .where('available_at', '<=', now)
        .where('kind', '<>', 'screening.annotate')
        .orderBy('waited_for', 'desc')
        .orderBy('seq')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      return rows.map((r) => ({
        seq: Number(r.seq),
        orgId: r.org_id,
        kind: r.kind as EventKind,
        dedupeKey: r.dedupe_key,
        payload: r.payload,
        createdAt: r.created_at,
      }));
    },
    async markDispatched(seq, at) {
      await trx
        .updateTable('outbox')
        .set({ dispatched_at: at, status: 'dispatched' })
        .where('seq', '=', String(seq))
        .execute();
    },
    async markFailed(seq, at, error) {
      await trx
        .updateTable('outbox')
        .set({ dispatched_at: at, status: 'failed', error: error.slice(0, 2000) })
        .where('seq', '=', String(seq))
        .execute();
    },
    async candidate(orgId, candidateId) {
      const row = await trx
        .selectFrom('candidates')
        .innerJoin('orgs', 'orgs.id', 'candidates.org_id')
        .select([
          'candidates.id',
          'candidates.email',
          'candidates.first_name',
          'candidates.last_name',
          'candidates.language',
          'candidates.timezone',
          'candidates.unsubscribed_at',
          'candidates.erased_at',
          'orgs.default_language',
          'orgs.default_timezone',
        ])
        .where('candidates.org_id', '=', orgId)
        .where('candidates.id', '=', candidateId)
        .executeTakeFirstOrThrow();
      return {
        id: row.id,
        email: row.email,
        name: `${row.first_name} ${row.last_name}`,
        language: row.language ?? row.default_language,
        timezone: row.timezone ?? row.default_timezone,
        unsubscribed: row.unsubscribed_at !== null,
        erased: row.erased_at !== null,
      };
    },
    async applicationContext(orgId, applicationId) {
      const row = await trx
        .selectFrom('applications')
        .innerJoin('jobs', 'jobs.id', 'applications.job_id')
        .innerJoin('teams', 'teams.id', 'applications.team_id')
        .innerJoin('orgs', 'orgs.id', 'applications.org_id')
        .selectAll('applications')
        .select([
          'jobs.title',
          'teams.name as team_name',
          'orgs.name as org_name',
          'orgs.share_rejection_feedback',
        ])
        .where('applications.org_id', '=', orgId)
        .where('applications.id', '=', applicationId)
        .executeTakeFirst();
      if (!row) return null;
      const app = toApplication(row);
      const decision = await trx
        .selectFrom('round_decisions')
        .select('rationale')
        .where('application_id', '=', applicationId)
        .orderBy('decided_at', 'desc')
        .orderBy('seq', 'desc')
        .executeTakeFirst();
      const current = app.plan[app.stageIndex];
      const next = app.plan[app.stageIndex + 1];
      return {
        applicationId,
        candidateId: app.candidateId,
        companyName: row.org_name,
        jobTitle: row.title,
        teamId: app.teamId,
        teamName: row.team_name,
        status: app.status,
        currentStep: current?.name ?? 'Offer',
        nextStep: current ? (next?.name ?? 'Offer') : null,
        lastRationale: decision?.rationale ?? null,
        shareRejectionFeedback: row.share_rejection_feedback,
        lastCandidateMessageAt: row.last_candidate_message_at,
      };
    },
    async staffAudience(orgId, audience, teamId, userIds) {
      let query = trx
        .selectFrom('users')
        .select(['id', 'email', 'name', 'timezone'])
        .where('org_id', '=', orgId)
        // A disabled account receives nothing more, whatever its roles.
        .where('disabled_at', 'is', null);
      if (audience === 'interviewers') {
        if (userIds.length === 0) return [];
        query = query.where('id', 'in', userIds);
      } else {
        query = query.where(sql<boolean>`${roleOf[audience]} = ANY(roles)`);
        if (teamId) query = query.where(sql<boolean>`${teamId}::uuid = ANY(team_ids)`);
      }
      const rows = await query.orderBy('email').execute();
      return rows.map((r) => ({
        id: r.id,
        email: r.email,
        name: r.name,
        language: 'en',
        timezone: r.timezone,
      }));
    },
    async interview(orgId, interviewId) {
      const row = await trx
        .selectFrom('interviews')
        .innerJoin('applications', 'applications.id', 'interviews.application_id')
        .innerJoin('users', 'users.id', 'interviews.created_by')
        .selectAll('interviews')
        .select(['applications.plan', 'users.name as organizer_name', 'users.email as organizer_email'])
        .where('interviews.org_id', '=', orgId)
        .where('interviews.id', '=', interviewId)
        .executeTakeFirst();
      if (!row) return null;
      return {
        id: row.id,
        applicationId: row.application_id,
        roundName: row.plan.find((r) => r.key === row.round_key)?.name ?? row.round_key,
        startsAt: row.starts_at,
        endsAt: row.ends_at,
        language: row.language,
        interviewerIds: row.interviewer_ids,
        videoUrl: row.video_url,
        organizer: { name: row.organizer_name, email: row.organizer_email },
      };
    },
    async webhookEndpoints(orgId, type) {
      return trx
        .selectFrom('webhook_endpoints')
        .select(['id', 'url'])
        .where('org_id', '=', orgId)
        .where('active', '=', true)
        .where(sql<boolean>`${type} = ANY(event_types)`)
        .orderBy('created_at')
        .execute();
    },
    async insertDelivery(d) {
      await trx
        .insertInto('deliveries')
        .values({
          id: d.id,
          org_id: d.orgId,
          event_seq: d.eventSeq,
          channel: d.channel,
          dedupe_key: d.dedupeKey,
          recipient: d.recipient,
          subject: d.subject,
          body: d.body,
          calendar: d.calendar,
          endpoint_id: d.endpointId,
          candidate_id: d.candidateId,
          application_id: d.applicationId,
          topic: d.topic,
          reply_to: d.replyTo ?? null,
          waited_for: sql<boolean>`(SELECT waited_for FROM outbox WHERE seq = ${d.eventSeq})`,
          next_attempt_at: d.createdAt,
          created_at: d.createdAt,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .execute();
      if (d.topic === null) return;
      await trx
        .updateTable('deliveries')
        .set({ status: 'superseded', last_error: 'replaced by a later message before it was sent' })
        .where('topic', '=', d.topic)
        .where('recipient', '=', d.recipient)
        .where('status', '=', 'pending')
        .where('event_seq', '<', d.eventSeq)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', d.createdAt)]))
        .execute();
    },
    async recordCandidateUpdate(orgId, applicationId, at, next) {
      await trx
        .updateTable('applications')
        .set({ last_candidate_message_at: at, next_update_at: next.sendAt, next_warning_at: next.warnAt })
        .where('org_id', '=', orgId)
        .where('id', '=', applicationId)
        .where('status', 'in', ['queued', 'active'])
        .execute();
    },
    async ownTemplate(orgId, key, language) {
      const row = await trx
        .selectFrom('message_templates')
        .select(['subject', 'body'])
        .where('org_id', '=', orgId)
        .where('key', '=', key)
        .where('language', '=', language)
        .executeTakeFirst();
      return row ?? null;
    },
    async updateSettings(orgId) {
      const row = await trx
        .selectFrom('orgs')
        .select(['update_every_business_days', 'default_timezone'])
        .where('id', '=', orgId)
        .executeTakeFirstOrThrow();
      return { everyBusinessDays: row.update_every_business_days, defaultTimezone: row.default_timezone };
    },
    async dueForUpdate(now, limit) {
      const rows = await trx
        .selectFrom('applications')
        .select([
          'org_id',
          'id',
          'candidate_id',
          'team_id',
          'last_candidate_message_at',
          'next_update_at',
          'next_warning_at',
        ])
        .where('status', 'in', ['queued', 'active'])
        .where((eb) => eb.or([eb('next_update_at', '<=', now), eb('next_warning_at', '<=', now)]))
        .orderBy('next_update_at')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .execute();
      return rows.map((r) => ({
        orgId: r.org_id,
        applicationId: r.id,
        candidateId: r.candidate_id,
        teamId: r.team_id,
        lastMessageAt: r.last_candidate_message_at ?? now,
        updateDue: r.next_update_at !== null && r.next_update_at <= now,
        warningDue: r.next_warning_at !== null && r.next_warning_at <= now,
      }));
    },
    async clearUpdateTimers(applicationId, which) {
      await trx
        .updateTable('applications')
        .set(which === 'update' ? { next_update_at: null, next_warning_at: null } : { next_warning_at: null })
        .where('id', '=', applicationId)
        .execute();
    },
  };
}
