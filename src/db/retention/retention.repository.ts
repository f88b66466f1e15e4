import { type Kysely, type Selectable, sql } from 'kysely';
import type { RetentionRecord } from '../../core/retention/plan-purge.js';
import type { RetentionRepository } from '../../core/retention/retention.port.js';
import type { RetentionPolicy } from '../../core/retention/retention.rules.js';
import type { ApplicationStatus } from '../../core/shared/types.js';
import type { DB } from '../schema.js';

const toPolicy = (row: Selectable<DB['retention_policies']>): RetentionPolicy => ({
  rejectedMonths: row.rejected_months,
  withdrawnMonths: row.withdrawn_months,
  closedMonths: row.closed_months,
  consentMonths: row.consent_months,
  renewalNoticeDays: row.renewal_notice_days,
});

const ENDED = ['rejected', 'withdrawn', 'closed'];
const OPEN_OFFER = ['draft', 'pending_approval', 'approved', 'sent'];

export function retentionRepository(trx: Kysely<DB>): RetentionRepository {
  const policiesOfJobs = async (orgId: string, jobIds: ReturnType<typeof jobsOf>) => {
    const rows = await trx
      .selectFrom('retention_policies')
      .selectAll()
      .where('org_id', '=', orgId)
      .where(
        'office_id',
        '=',
        sql<string>`ANY(ARRAY(SELECT unnest(office_ids) FROM jobs WHERE id IN (${jobIds})))`,
      )
      .execute();
    return rows.map(toPolicy);
  };
  const jobsOf = (where: ReturnType<typeof sql>) => sql`SELECT job_id FROM applications WHERE ${where}`;
  return {
    async policies(orgId) {
      const rows = await trx
        .selectFrom('retention_policies')
        .selectAll()
        .where('org_id', '=', orgId)
        .execute();
      return new Map(rows.map((r) => [r.office_id, toPolicy(r)]));
    },
    async office(orgId, officeId) {
      return (
        (await trx
          .selectFrom('offices')
          .select(['id', 'name'])
          .where('org_id', '=', orgId)
          .where('id', '=', officeId)
          .executeTakeFirst()) ?? null
      );
    },
    async lockPolicyVersion(orgId, officeId) {
      // The office row is locked too, so two first saves of a policy wait for each other.
      await trx
        .selectFrom('offices')
        .select('id')
        .where('org_id', '=', orgId)
        .where('id', '=', officeId)
        .forUpdate()
        .execute();
      const row = await trx
        .selectFrom('retention_policies')
        .select('version')
        .where('org_id', '=', orgId)
        .where('office_id', '=', officeId)
        .forUpdate()
        .executeTakeFirst();
      return row?.version ?? 0;
    },
    async savePolicy(orgId, officeId, policy, version, by, at) {
      const values = {
        rejected_months: policy.rejectedMonths,
        withdrawn_months: policy.withdrawnMonths,
        closed_months: policy.closedMonths,
        consent_months: policy.consentMonths,
        renewal_notice_days: policy.renewalNoticeDays,
        version,
        updated_by: by,
        updated_at: at,
      };
      await trx
        .insertInto('retention_policies')
        .values({ office_id: officeId, org_id: orgId, ...values })
        .onConflict((oc) => oc.column('office_id').doUpdateSet(values))
        .execute();
    },
    async records(orgId, now, candidateIds) {
      if (candidateIds && candidateIds.length === 0) return [];
      const monthAgo = new Date(now.getTime() - 28 * 86_400_000);
      let query = trx
        .selectFrom('candidates as c')
        .select(['c.id', 'c.first_name', 'c.last_name'])
        .where('c.org_id', '=', orgId)
        .where('c.erased_at', 'is', null)
        .where('c.merged_into', 'is', null)
        .where((eb) =>
          eb.exists(
            eb.selectFrom('applications as a').select('a.id').whereRef('a.candidate_id', '=', 'c.id'),
          ),
        )
        // No keep is shorter than a month: anyone with an application open or ended more recently is kept.
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('applications as a')
                .select('a.id')
                .whereRef('a.candidate_id', '=', 'c.id')
                .where((w) =>
                  w.or([
                    w('a.status', 'not in', ENDED),
                    w('a.ended_at', 'is', null),
                    w('a.ended_at', '>', monthAgo),
                  ]),
                ),
            ),
          ),
        )
        .orderBy('c.id');
      if (candidateIds) query = query.where('c.id', 'in', candidateIds).forUpdate();
      const candidates = await query.execute();
      if (candidates.length === 0) return [];
      const ids = candidates.map((c) => c.id);
      const [applications, offices, offers, holds, consents] = await Promise.all([
        trx
          .selectFrom('applications as a')
          .innerJoin('jobs as j', 'j.id', 'a.job_id')
          .select(['a.id', 'a.candidate_id', 'a.status', 'a.ended_at', 'j.title', 'j.office_ids'])
          .where('a.org_id', '=', orgId)
          .where('a.candidate_id', 'in', ids)
          .orderBy('a.submitted_at')
          .execute(),
        trx.selectFrom('offices').select(['id', 'name']).where('org_id', '=', orgId).execute(),
        trx
          .selectFrom('offers as o')
          .innerJoin('applications as a', 'a.id', 'o.application_id')
          .select(['a.candidate_id'])
          .where('o.org_id', '=', orgId)
          .where('a.candidate_id', 'in', ids)
          .where('o.status', 'in', OPEN_OFFER)
          .execute(),
        trx
          .selectFrom('legal_holds')
          .select('candidate_id')
          .where('org_id', '=', orgId)
          .where('candidate_id', 'in', ids)
          .where('released_at', 'is', null)
          .execute(),
        trx
          .selectFrom('candidate_consents')
          .select(['candidate_id', 'expires_at', 'withdrawn_at'])
          .where('org_id', '=', orgId)
          .where('candidate_id', 'in', ids)
          .execute(),
      ]);
      const officeName = new Map(offices.map((o) => [o.id, o.name]));
      const held = new Set(holds.map((h) => h.candidate_id));
      return candidates.map(
        (c): RetentionRecord => ({
          candidateId: c.id,
          name: `${c.first_name} ${c.last_name}`.trim(),
          applications: applications
            .filter((a) => a.candidate_id === c.id)
            .map((a) => ({
              id: a.id,
              jobTitle: a.title,
              status: a.status as ApplicationStatus,
              endedAt: a.ended_at,
              offices: a.office_ids.map((id) => ({ id, name: officeName.get(id) ?? 'Unknown office' })),
            })),
          openOffers: offers.filter((o) => o.candidate_id === c.id).length,
          onHold: held.has(c.id),
          consents: consents
            .filter((k) => k.candidate_id === c.id)
            .map((k) => ({ expiresAt: k.expires_at, withdrawnAt: k.withdrawn_at })),
        }),
      );
    },
    async lockActiveHold(orgId, candidateId) {
      return (
        (await trx
          .selectFrom('legal_holds')
          .select('id')
          .where('org_id', '=', orgId)
          .where('candidate_id', '=', candidateId)
          .where('released_at', 'is', null)
          .forUpdate()
          .executeTakeFirst()) ?? null
      );
    },
    async lockHold(orgId, holdId) {
      const row = await trx
        .selectFrom('legal_holds')
        .select(['id', 'candidate_id', 'released_at'])
        .where('org_id', '=', orgId)
        .where('id', '=', holdId)
        .forUpdate()
        .executeTakeFirst();
      return row ? { id: row.id, candidateId: row.candidate_id, releasedAt: row.released_at } : null;
    },
    async placeHold(hold) {
      await trx
        .insertInto('legal_holds')
        .values({
          id: hold.id,
          org_id: hold.orgId,
          candidate_id: hold.candidateId,
          reason: hold.reason,
          placed_by: hold.placedBy,
          placed_at: hold.placedAt,
        })
        .execute();
    },
    async releaseHold(holdId, by, at) {
      await trx
        .updateTable('legal_holds')
        .set({ released_by: by, released_at: at })
        .where('id', '=', holdId)
        .execute();
    },
    async recordRun(run) {
      await trx
        .insertInto('purge_runs')
        .values({
          id: run.id,
          org_id: run.orgId,
          dry: run.dry,
          trigger: run.trigger,
          run_by: run.runBy,
          dry_run_id: run.dryRunId,
          ran_at: run.ranAt,
          candidates: run.lines.length,
          kept_on_hold: run.keptOnHold,
          kept_by_consent: run.keptByConsent,
          more: run.more,
        })
        .execute();
      if (run.lines.length > 0)
        await trx
          .insertInto('purge_run_lines')
          .values(
            run.lines.map((line, position) => ({
              run_id: run.id,
              candidate_id: line.candidateId,
              position,
              due_since: line.dueSince,
              consent_expired_at: line.consentExpiredAt,
              reasons: JSON.stringify(line.reasons),
            })),
          )
          .execute();
    },
    async dryRunCandidates(orgId, runId) {
      const run = await trx
        .selectFrom('purge_runs')
        .select('id')
        .where('org_id', '=', orgId)
        .where('id', '=', runId)
        .where('dry', '=', true)
        .executeTakeFirst();
      if (!run) return null;
      const lines = await trx
        .selectFrom('purge_run_lines')
        .select('candidate_id')
        .where('run_id', '=', runId)
        .orderBy('position')
        .execute();
      return lines.map((l) => l.candidate_id);
    },
    async orgsDueForScheduledPurge(now) {
      const dayAgo = new Date(now.getTime() - 86_400_000);
      const rows = await trx
        .selectFrom('retention_policies as p')
        .select('p.org_id')
        .distinct()
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('purge_runs as r')
                .select('r.id')
                .whereRef('r.org_id', '=', 'p.org_id')
                .where('r.trigger', '=', 'schedule')
                .where('r.ran_at', '>', dayAgo)
                // A run that left some due for the next one is followed at once.
                .where('r.more', '=', false),
            ),
          ),
        )
        .execute();
      return rows.map((r) => r.org_id);
    },
    async policiesOfApplication(orgId, applicationId) {
      return policiesOfJobs(orgId, jobsOf(sql`org_id = ${orgId} AND id = ${applicationId}`));
    },
    async policiesOfCandidate(orgId, candidateId) {
      return policiesOfJobs(orgId, jobsOf(sql`org_id = ${orgId} AND candidate_id = ${candidateId}`));
    },
    async addConsent(consent) {
      await trx
        .insertInto('candidate_consents')
        .values({
          id: consent.id,
          org_id: consent.orgId,
          candidate_id: consent.candidateId,
          application_id: consent.applicationId,
          source: consent.source,
          given_at: consent.givenAt,
          expires_at: consent.expiresAt,
        })
        // A replayed application records its consent once.
        .onConflict((oc) => oc.column('application_id').where('application_id', 'is not', null).doNothing())
        .execute();
    },
    async withdrawConsents(orgId, candidateId, at) {
      const result = await trx
        .updateTable('candidate_consents')
        .set({ withdrawn_at: at })
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', candidateId)
        .where('withdrawn_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async lockConsentsToRenew(now, defaultNoticeDays, limit) {
      // The longest notice among the policies of the offices the candidate applied to.
      const notice = sql<number | null>`(SELECT max(p.renewal_notice_days) FROM retention_policies p
        WHERE p.org_id = k.org_id AND p.office_id = ANY(ARRAY(
          SELECT unnest(j.office_ids) FROM applications a JOIN jobs j ON j.id = a.job_id
          WHERE a.candidate_id = k.candidate_id)))`;
      const rows = await trx
        .selectFrom('candidate_consents as k')
        .innerJoin('candidates as c', 'c.id', 'k.candidate_id')
        .select([
          'k.id',
          'k.org_id',
          'k.candidate_id',
          'k.expires_at',
          'k.withdrawn_at',
          'k.renewal_sent_at',
          notice.as('notice_days'),
        ])
        .where('k.renewal_sent_at', 'is', null)
        .where('k.withdrawn_at', 'is', null)
        .where('k.expires_at', '>', now)
        .where(
          sql<boolean>`k.expires_at - make_interval(days => COALESCE(${notice}, ${defaultNoticeDays}::int)) <= ${now}`,
        )
        .where('c.erased_at', 'is', null)
        // Only the newest consent of a candidate is offered for renewal: an older one was renewed.
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('candidate_consents as newer')
                .select('newer.id')
                .whereRef('newer.candidate_id', '=', 'k.candidate_id')
                .whereRef('newer.expires_at', '>', 'k.expires_at'),
            ),
          ),
        )
        .orderBy('k.expires_at')
        .limit(limit)
        .forUpdate('k')
        .skipLocked()
        .execute();
      return rows.map((r) => ({
        id: r.id,
        orgId: r.org_id,
        candidateId: r.candidate_id,
        expiresAt: r.expires_at,
        noticeDays: r.notice_days ?? null,
        withdrawnAt: r.withdrawn_at,
        renewalSentAt: r.renewal_sent_at,
      }));
    },
    async markRenewalSent(consentId, at) {
      await trx
        .updateTable('candidate_consents')
        .set({ renewal_sent_at: at })
        .where('id', '=', consentId)
        .execute();
    },
  };
}
