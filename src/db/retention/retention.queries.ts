import { type Kysely, sql } from 'kysely';
import type {
  ConsentView,
  DueCandidateView,
  HoldView,
  RetentionPolicyView,
  RunView,
} from '../../contracts/retention.js';
import { afterTime, cursorTime, pageOf } from '../pagination.js';
import type { DB } from '../schema.js';

/** Read models for the retention admin and the candidate's consent. */
export function retentionQueries(db: Kysely<DB>) {
  const policyOf = async (orgId: string, officeId?: string): Promise<RetentionPolicyView[]> => {
    let query = db
      .selectFrom('offices as o')
      .leftJoin('retention_policies as p', 'p.office_id', 'o.id')
      .select([
        'o.id',
        'o.name',
        'p.rejected_months',
        'p.withdrawn_months',
        'p.closed_months',
        'p.consent_months',
        'p.renewal_notice_days',
        'p.version',
        'p.updated_at',
      ])
      .where('o.org_id', '=', orgId)
      .orderBy('o.name');
    if (officeId) query = query.where('o.id', '=', officeId);
    return (await query.execute()).map((r) => ({
      officeId: r.id,
      officeName: r.name,
      version: r.version ?? 0,
      policy:
        r.version === null || r.consent_months === null || r.renewal_notice_days === null || !r.updated_at
          ? null
          : {
              rejectedMonths: r.rejected_months,
              withdrawnMonths: r.withdrawn_months,
              closedMonths: r.closed_months,
              consentMonths: r.consent_months,
              renewalNoticeDays: r.renewal_notice_days,
              updatedAt: r.updated_at.toISOString(),
            },
    }));
  };
  const runColumns = [
    'r.id',
    'r.dry',
    'r.trigger',
    'r.dry_run_id',
    'r.ran_at',
    'r.candidates',
    'r.kept_on_hold',
    'r.kept_by_consent',
    'r.more',
    'u.name as run_by_name',
  ] as const;
  const presentRun = (r: {
    id: string;
    dry: boolean;
    trigger: 'person' | 'schedule';
    dry_run_id: string | null;
    ran_at: Date;
    candidates: number;
    kept_on_hold: number;
    kept_by_consent: number;
    more: boolean;
    run_by_name: string | null;
  }): RunView => ({
    id: r.id,
    dry: r.dry,
    trigger: r.trigger,
    runBy: r.run_by_name,
    dryRunId: r.dry_run_id,
    ranAt: r.ran_at.toISOString(),
    candidates: r.candidates,
    keptOnHold: r.kept_on_hold,
    keptByConsent: r.kept_by_consent,
    more: r.more,
  });

  return {
    policies: (orgId: string) => policyOf(orgId),
    async policy(orgId: string, officeId: string) {
      return (await policyOf(orgId, officeId))[0] ?? null;
    },

    async holds(
      orgId: string,
      page: { limit: number; cursor?: string | undefined; active?: boolean | undefined; id?: string },
    ) {
      const after = afterTime(page.cursor);
      let query = db
        .selectFrom('legal_holds as h')
        .innerJoin('candidates as c', 'c.id', 'h.candidate_id')
        .innerJoin('users as placer', 'placer.id', 'h.placed_by')
        .leftJoin('users as releaser', 'releaser.id', 'h.released_by')
        .select([
          'h.id',
          'h.candidate_id',
          'h.reason',
          'h.placed_at',
          'h.released_at',
          'c.first_name',
          'c.last_name',
          'placer.name as placed_by',
          'releaser.name as released_by',
          cursorTime('h.placed_at'),
        ])
        .where('h.org_id', '=', orgId);
      if (page.id) query = query.where('h.id', '=', page.id);
      if (page.active !== undefined)
        query = query.where('h.released_at', page.active ? 'is' : 'is not', null);
      if (after)
        query = query.where((eb) =>
          eb(eb.refTuple('h.placed_at', 'h.id'), '<', eb.tuple(after.time, after.id)),
        );
      const rows = await query
        .orderBy('h.placed_at', 'desc')
        .orderBy('h.id', 'desc')
        .limit(page.limit + 1)
        .execute();
      const p = pageOf(rows, page.limit, (r) => [r.cursor_time, r.id]);
      return {
        nextCursor: p.nextCursor,
        items: p.items.map(
          (r): HoldView => ({
            id: r.id,
            candidateId: r.candidate_id,
            candidateName: `${r.first_name} ${r.last_name}`.trim(),
            reason: r.reason,
            placedBy: r.placed_by,
            placedAt: r.placed_at.toISOString(),
            releasedBy: r.released_by,
            releasedAt: r.released_at?.toISOString() ?? null,
          }),
        ),
      };
    },
    async hold(orgId: string, id: string) {
      return (await this.holds(orgId, { limit: 1, id })).items[0] ?? null;
    },

    async runs(orgId: string, page: { limit: number; cursor?: string | undefined }) {
      const after = afterTime(page.cursor);
      let query = db
        .selectFrom('purge_runs as r')
        .leftJoin('users as u', 'u.id', 'r.run_by')
        .select([...runColumns, cursorTime('r.ran_at')])
        .where('r.org_id', '=', orgId);
      if (after)
        query = query.where((eb) => eb(eb.refTuple('r.ran_at', 'r.id'), '<', eb.tuple(after.time, after.id)));
      const rows = await query
        .orderBy('r.ran_at', 'desc')
        .orderBy('r.id', 'desc')
        .limit(page.limit + 1)
        .execute();
      const p = pageOf(rows, page.limit, (r) => [r.cursor_time, r.id]);
      return { items: p.items.map(presentRun), nextCursor: p.nextCursor };
    },

    /** A run with its lines, names as they are now (an erased candidate reads "Erased candidate"). */
    async run(orgId: string, id: string) {
      const run = await db
        .selectFrom('purge_runs as r')
        .leftJoin('users as u', 'u.id', 'r.run_by')
        .select(runColumns)
        .where('r.org_id', '=', orgId)
        .where('r.id', '=', id)
        .executeTakeFirst();
      if (!run) return null;
      const lines = await db
        .selectFrom('purge_run_lines as l')
        .innerJoin('candidates as c', 'c.id', 'l.candidate_id')
        .select([
          'l.candidate_id',
          'l.due_since',
          'l.consent_expired_at',
          'l.reasons',
          'c.first_name',
          'c.last_name',
        ])
        .where('l.run_id', '=', id)
        .orderBy('l.position')
        .execute();
      return {
        ...presentRun(run),
        items: lines.map(
          (l): DueCandidateView => ({
            candidateId: l.candidate_id,
            name: `${l.first_name} ${l.last_name}`.trim(),
            dueSince: l.due_since.toISOString(),
            consentExpiredAt: l.consent_expired_at?.toISOString() ?? null,
            reasons: l.reasons,
          }),
        ),
      };
    },

    async consent(orgId: string, candidateId: string, now: Date): Promise<ConsentView> {
      const current = await db
        .selectFrom('candidate_consents')
        .select(['given_at', 'expires_at', 'source'])
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', candidateId)
        .where('withdrawn_at', 'is', null)
        .where('expires_at', '>', now)
        .orderBy('expires_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      const applied = await db
        .selectFrom('applications')
        .select(sql<number>`1`.as('one'))
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', candidateId)
        .limit(1)
        .executeTakeFirst();
      return {
        current: current
          ? {
              givenAt: current.given_at.toISOString(),
              expiresAt: current.expires_at.toISOString(),
              source: current.source,
            }
          : null,
        renewable: Boolean(applied),
      };
    },
  };
}
