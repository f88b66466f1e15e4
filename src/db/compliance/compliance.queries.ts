import { type Kysely, sql } from 'kysely';
import type { OfficeCompliancePolicy, SelfIdentification } from '../../contracts/compliance.js';
import type { DomainError } from '../../contracts/errors.js';
import type { Tier } from '../../contracts/screening.js';
import type { ApplicationFacts } from '../../core/compliance/adverse-impact.js';
import type { ScreenDecision } from '../../core/compliance/agreement.js';
import { annotateMessage } from '../../core/screening/screening.port.js';
import { fail, ok, type Result } from '../../core/shared/result.js';
import type { Actor, PlannedRound } from '../../core/shared/types.js';
import { auditRow } from '../audit.repository.js';
import { enqueueQuery, outboxRow } from '../outbox.repository.js';
import type { DB } from '../schema.js';

export interface ReportRange {
  from: string | null;
  to: string | null;
  jobFamily: string | null;
}

const dayStart = (day: string) => new Date(`${day}T00:00:00Z`);
const dayEnd = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);

/**
 * Self-identification, office policies and what the fairness reports read. This is the only module
 * that reads `self_identifications`, and it answers it only as facts for the aggregate report.
 */
export function complianceQueries(db: Kysely<DB>) {
  const allowingOffices = async (orgId: string) =>
    new Set(
      (
        await db
          .selectFrom('office_compliance_policies')
          .select('office_id')
          .where('org_id', '=', orgId)
          .where('collect_self_identification', '=', true)
          .execute()
      ).map((r) => r.office_id),
    );

  return {
    allowingOffices,

    async officePolicies(orgId: string): Promise<OfficeCompliancePolicy[]> {
      const rows = await db
        .selectFrom('offices')
        .leftJoin('office_compliance_policies as p', 'p.office_id', 'offices.id')
        .select(['offices.id', 'offices.name', 'p.collect_self_identification', 'p.version', 'p.updated_at'])
        .where('offices.org_id', '=', orgId)
        .orderBy('offices.name')
        .orderBy('offices.id')
        .execute();
      return rows.map((r) => ({
        officeId: r.id,
        officeName: r.name,
        collectSelfIdentification: r.collect_self_identification ?? false,
        version: r.version ?? 0,
        updatedAt: r.updated_at ? r.updated_at.toISOString() : null,
      }));
    },

    /** Sets an office's policy under an optimistic version (0: none yet), with its audit event. */
    async putOfficePolicy(
      actor: Actor & { kind: 'staff' },
      input: { officeId: string; collect: boolean; expectedVersion: number; at: Date },
    ): Promise<
      Result<OfficeCompliancePolicy, DomainError<'compliance.office_not_found' | 'conflict.stale_version'>>
    > {
      const { officeId, collect, expectedVersion, at } = input;
      return db.transaction().execute(async (trx) => {
        const office = await trx
          .selectFrom('offices')
          .select(['id', 'name'])
          .where('org_id', '=', actor.orgId)
          .where('id', '=', officeId)
          .forUpdate()
          .executeTakeFirst();
        if (!office) return fail('compliance.office_not_found', 'There is no such office.', { officeId });
        // Rewriting the row renews its xmin, and with it every job board's stamp: cached postings
        // start or stop asking for self-identification on the next request.
        await trx.updateTable('offices').set({ name: office.name }).where('id', '=', officeId).execute();
        const current = await trx
          .selectFrom('office_compliance_policies')
          .select('version')
          .where('office_id', '=', officeId)
          .executeTakeFirst();
        const version = current?.version ?? 0;
        if (version !== expectedVersion) {
          return fail(
            'conflict.stale_version',
            "Someone changed this office's policy since you read it; reload and try again.",
            { expectedVersion, currentVersion: version },
          );
        }
        const row = {
          office_id: officeId,
          org_id: actor.orgId,
          collect_self_identification: collect,
          version: version + 1,
          updated_at: at,
          updated_by: actor.userId,
        };
        await trx
          .insertInto('office_compliance_policies')
          .values(row)
          .onConflict((oc) =>
            oc.column('office_id').doUpdateSet({
              collect_self_identification: collect,
              version: version + 1,
              updated_at: at,
              updated_by: actor.userId,
            }),
          )
          .execute();
        await trx
          .insertInto('audit_events')
          .values(
            auditRow(
              {
                orgId: actor.orgId,
                actor,
                entityType: 'office',
                entityId: officeId,
                action: 'office.self_identification_policy_set',
                data: { collectSelfIdentification: collect },
              },
              at,
            ),
          )
          .execute();
        return ok({
          officeId,
          officeName: office.name,
          collectSelfIdentification: collect,
          version: version + 1,
          updatedAt: at.toISOString(),
        });
      });
    },

    /** Whether a job's posting may ask for self-identification: every office it is at allows it. */
    async collectsForJob(orgId: string, jobId: string) {
      const job = await db
        .selectFrom('jobs')
        .select('office_ids')
        .where('org_id', '=', orgId)
        .where('id', '=', jobId)
        .executeTakeFirst();
      if (!job || job.office_ids.length === 0) return false;
      const allowing = await allowingOffices(orgId);
      return job.office_ids.every((id) => allowing.has(id));
    },

    /**
     * What an application brought besides itself: its self-identification (kept in its own table,
     * never on the application) and its opt-out from annotation. A resubmission keeps the first answers.
     */
    async recordIntake(
      orgId: string,
      applicationId: string,
      input: { self: SelfIdentification | null; optOut: boolean; at: Date },
    ) {
      await db.transaction().execute(async (trx) => {
        if (input.self) {
          await trx
            .insertInto('self_identifications')
            .values({
              application_id: applicationId,
              org_id: orgId,
              sex: input.self.sex ?? null,
              race: input.self.race ?? null,
              veteran: input.self.veteran ?? null,
              disability: input.self.disability ?? null,
              submitted_at: input.at,
            })
            .onConflict((oc) => oc.column('application_id').doNothing())
            .execute();
        }
        if (input.optOut) await setOptOut(trx, orgId, applicationId, true, input.at, null);
      });
    },

    /** The candidate's own opt-out, from the portal; false when the application is not theirs. */
    async setOptOutByCandidate(
      orgId: string,
      candidateId: string,
      applicationId: string,
      optOut: boolean,
      at: Date,
    ) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('applications')
          .select('id')
          .where('org_id', '=', orgId)
          .where('candidate_id', '=', candidateId)
          .where('id', '=', applicationId)
          .forUpdate()
          .executeTakeFirst();
        if (!row) return false;
        await setOptOut(trx, orgId, applicationId, optOut, at, candidateId);
        // Opting back in asks the matcher for the annotation the application went without.
        if (!optOut) {
          const message = annotateMessage(orgId, applicationId, `opted-in:${at.toISOString()}`);
          await enqueueQuery(trx, [outboxRow({ ...message, hold: null }, at)]).execute();
        }
        return true;
      });
    },

    /** One row per application in range, with what the adverse-impact report needs of it. */
    async adverseImpactFacts(orgId: string, range: ReportRange): Promise<ApplicationFacts[]> {
      let query = db
        .selectFrom('applications as a')
        .leftJoin('self_identifications as s', 's.application_id', 'a.id')
        .select([
          'a.id',
          'a.job_family',
          'a.plan',
          'a.screening_opt_out',
          's.application_id as self_id',
          's.sex',
          's.race',
          's.veteran',
          's.disability',
        ])
        .select((eb) =>
          eb
            .selectFrom('screening_annotations as sa')
            .select('sa.tier')
            .whereRef('sa.application_id', '=', 'a.id')
            .orderBy('sa.id', 'desc')
            .limit(1)
            .as('tier'),
        )
        .where('a.org_id', '=', orgId);
      if (range.from) query = query.where('a.submitted_at', '>=', dayStart(range.from));
      if (range.to) query = query.where('a.submitted_at', '<', dayEnd(range.to));
      if (range.jobFamily) query = query.where('a.job_family', '=', range.jobFamily);
      const rows = await query.execute();
      const decisions = new Map<string, { round_key: string; decision: string }[]>();
      if (rows.length > 0) {
        let dq = db
          .selectFrom('round_decisions as rd')
          .innerJoin('applications as a', 'a.id', 'rd.application_id')
          .select(['rd.application_id', 'rd.round_key', 'rd.decision'])
          .where('rd.org_id', '=', orgId);
        if (range.from) dq = dq.where('a.submitted_at', '>=', dayStart(range.from));
        if (range.to) dq = dq.where('a.submitted_at', '<', dayEnd(range.to));
        if (range.jobFamily) dq = dq.where('a.job_family', '=', range.jobFamily);
        for (const d of await dq.execute())
          decisions.set(d.application_id, [...(decisions.get(d.application_id) ?? []), d]);
      }
      return rows.map((r) => {
        const plan = r.plan as PlannedRound[];
        const order = new Map(plan.map((round, i) => [round.key, i]));
        const self = r.self_id
          ? (Object.fromEntries(
              (['sex', 'race', 'veteran', 'disability'] as const).flatMap((k) => (r[k] ? [[k, r[k]]] : [])),
            ) as SelfIdentification)
          : null;
        return {
          jobFamily: r.job_family,
          self,
          decisions: (decisions.get(r.id) ?? [])
            .sort((x, y) => (order.get(x.round_key) ?? 99) - (order.get(y.round_key) ?? 99))
            .map((d) => ({ roundKey: d.round_key, decision: d.decision as 'advance' | 'reject' })),
          // An opted-out application's earlier tier counts for nothing, as it shows nowhere.
          tier: r.screening_opt_out ? null : ((r.tier as Tier | null) ?? null),
          resumeRoundKey: plan.find((round) => round.step === 'resume_screen')?.key ?? null,
        };
      });
    },

    /** Resume-screen decisions in range, each with the tier of the newest annotation made before it. */
    async screenDecisions(orgId: string, range: ReportRange): Promise<ScreenDecision[]> {
      const rows = await sql<{ job_family: string; decision: string; decided_at: Date; tier: Tier | null }>`
        select a.job_family, rd.decision, rd.decided_at,
          (select sa.tier from screening_annotations sa
            where sa.application_id = a.id and sa.computed_at <= rd.decided_at
            order by sa.id desc limit 1) as tier
        from round_decisions rd
        join applications a on a.id = rd.application_id
        where rd.org_id = ${orgId} and not a.screening_opt_out
          and exists (select 1 from jsonb_array_elements(a.plan) r
            where r->>'key' = rd.round_key and r->>'step' = 'resume_screen')
          ${range.from ? sql`and rd.decided_at >= ${dayStart(range.from)}` : sql``}
          ${range.to ? sql`and rd.decided_at < ${dayEnd(range.to)}` : sql``}
          ${range.jobFamily ? sql`and a.job_family = ${range.jobFamily}` : sql``}
      `.execute(db);
      return rows.rows.map((r) => ({
        jobFamily: r.job_family,
        decision: r.decision as 'advance' | 'reject',
        decidedAt: new Date(r.decided_at),
        tier: r.tier,
      }));
    },
  };
}

async function setOptOut(
  trx: Kysely<DB>,
  orgId: string,
  applicationId: string,
  optOut: boolean,
  at: Date,
  candidateId: string | null,
) {
  await trx
    .updateTable('applications')
    .set({ screening_opt_out: optOut })
    .where('org_id', '=', orgId)
    .where('id', '=', applicationId)
    .execute();
  await trx
    .insertInto('audit_events')
    .values({
      org_id: orgId,
      actor_kind: candidateId ? 'candidate' : 'board',
      actor_id: candidateId,
      token_id: null,
      entity_type: 'application',
      entity_id: applicationId,
      action: optOut ? 'application.screening_opted_out' : 'application.screening_opted_in',
      reason: null,
      data: '{}',
      at,
    })
    .execute();
}
