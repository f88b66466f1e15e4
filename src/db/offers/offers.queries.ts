import type { Kysely } from 'kysely';
import type { CompetingTerms, OfferTerms, VestingSchedule } from '../../contracts/offer-terms.js';
import type { Catalog } from '../../core/shared/ports.js';
import { afterTime, cursorTime, pageOf } from '../pagination.js';
import type { DB } from '../schema.js';
import { toOffer } from './offers.repository.js';

const iso = (d: Date) => d.toISOString();

/**
 * Read models for offers, for staff and (trimmed) for the candidate. Statuses are as stored: what an
 * offer past its expiry reads as, its next approver and its band check are the rules' to say.
 */
export function offerQueries(db: Kysely<DB>, catalog: Catalog) {
  async function schedule(orgId: string, key: string): Promise<VestingSchedule> {
    const shipped = catalog.vestingSchedule(key);
    if (shipped) return shipped;
    const row = await db
      .selectFrom('vesting_schedules')
      .select('definition')
      .where('org_id', '=', orgId)
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    return row.definition;
  }

  async function load(orgId: string, id: string) {
    const row = await db
      .selectFrom('offers')
      .innerJoin('applications', 'applications.id', 'offers.application_id')
      .innerJoin('jobs', 'jobs.id', 'applications.job_id')
      .innerJoin('candidates', 'candidates.id', 'applications.candidate_id')
      .selectAll('offers')
      .select([
        'jobs.title as job_title',
        'jobs.compensation_band',
        'applications.candidate_id',
        'candidates.first_name',
        'candidates.last_name',
        'candidates.timezone as candidate_timezone',
      ])
      .where('offers.org_id', '=', orgId)
      .where('offers.id', '=', id)
      .executeTakeFirst();
    return row ?? null;
  }
  type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

  async function counters(offerId: string) {
    const rows = await db
      .selectFrom('offer_counters')
      .selectAll()
      .where('offer_id', '=', offerId)
      .orderBy('created_at')
      .execute();
    return rows.map((c) => ({
      id: c.id,
      revision: c.revision,
      component: c.component as 'base',
      proposal: c.proposal,
      note: c.note,
      at: iso(c.created_at),
    }));
  }

  async function signature(offerId: string) {
    const row = await db
      .selectFrom('offer_signatures')
      .selectAll()
      .where('offer_id', '=', offerId)
      .executeTakeFirst();
    return row
      ? {
          typedName: row.typed_name,
          signedAt: iso(row.signed_at),
          address: row.address,
          letterSha256: row.letter_sha256,
        }
      : null;
  }

  async function candidateView(row: Loaded) {
    const offer = toOffer(row);
    return {
      id: offer.id,
      applicationId: offer.applicationId,
      jobTitle: row.job_title,
      status: offer.status,
      revision: offer.revision,
      terms: offer.terms,
      sentAt: offer.sentAt ? iso(offer.sentAt) : null,
      respondedAt: offer.respondedAt ? iso(offer.respondedAt) : null,
      counters: await counters(offer.id),
      signatureRequired: offer.signatureRequired,
      signature: await signature(offer.id),
    };
  }

  return {
    schedule,

    async staffOffer(orgId: string, id: string) {
      const row = await load(orgId, id);
      if (!row) return null;
      const offer = toOffer(row);
      const [revisions, approvals, base] = await Promise.all([
        db.selectFrom('offer_revisions').selectAll().where('offer_id', '=', id).orderBy('revision').execute(),
        db.selectFrom('offer_approvals').selectAll().where('offer_id', '=', id).orderBy('seq').execute(),
        candidateView(row),
      ]);
      return {
        ...base,
        candidateId: row.candidate_id,
        candidateName: `${row.first_name} ${row.last_name}`,
        candidateTimezone: row.candidate_timezone,
        approvalChain: offer.approvalChain,
        approvalsDone: offer.approvalsDone,
        band: row.compensation_band,
        revisions: revisions.map((r) => ({
          revision: r.revision,
          terms: r.terms,
          changes: r.changes,
          reason: r.reason,
          author: { kind: r.author_kind, id: r.author_id },
          at: iso(r.created_at),
        })),
        approvals: approvals.map((a) => ({
          revision: a.revision,
          role: a.role,
          decision: a.decision as 'approve' | 'reject',
          note: a.note,
          decidedBy: a.decided_by,
          at: iso(a.decided_at),
        })),
        version: offer.version,
      };
    },

    /** Only offers that were sent: drafts and approvals never reach the candidate. */
    async candidateOffer(orgId: string, candidateId: string, id: string) {
      const row = await load(orgId, id);
      if (!row || row.candidate_id !== candidateId || !row.sent_at) return null;
      return candidateView(row);
    },

    async candidateOffers(orgId: string, candidateId: string) {
      const rows = await db
        .selectFrom('offers')
        .innerJoin('applications', 'applications.id', 'offers.application_id')
        .select('offers.id')
        .where('offers.org_id', '=', orgId)
        .where('applications.candidate_id', '=', candidateId)
        .where('offers.sent_at', 'is not', null)
        .orderBy('offers.created_at')
        .execute();
      const views = await Promise.all(rows.map((r) => load(orgId, r.id).then((row) => candidateView(row!))));
      return views;
    },

    async listOffers(
      orgId: string,
      q: { status?: string; applicationId?: string; limit: number; cursor?: string },
    ) {
      const after = afterTime(q.cursor);
      let query = db
        .selectFrom('offers')
        .innerJoin('applications', 'applications.id', 'offers.application_id')
        .innerJoin('jobs', 'jobs.id', 'applications.job_id')
        .innerJoin('candidates', 'candidates.id', 'applications.candidate_id')
        .selectAll('offers')
        .select(['jobs.title as job_title', 'candidates.first_name', 'candidates.last_name'])
        .select(cursorTime('offers.created_at'))
        .where('offers.org_id', '=', orgId);
      if (q.status) query = query.where('offers.status', '=', q.status);
      if (q.applicationId) query = query.where('offers.application_id', '=', q.applicationId);
      if (after) {
        query = query.where((eb) =>
          eb(eb.refTuple('offers.created_at', 'offers.id'), '>', eb.tuple(after.time, after.id)),
        );
      }
      const rows = await query
        .orderBy('offers.created_at')
        .orderBy('offers.id')
        .limit(q.limit + 1)
        .execute();
      const page = pageOf(rows, q.limit, (r) => [r.cursor_time, r.id]);
      return {
        items: page.items.map((r) => ({
          id: r.id,
          applicationId: r.application_id,
          candidateName: `${r.first_name} ${r.last_name}`,
          jobTitle: r.job_title,
          status: toOffer(r).status,
          revision: r.revision,
          baseSalaryCents: r.terms.baseSalaryCents,
          currency: r.terms.currency,
          expiresAt: r.terms.expiresAt,
          updatedAt: iso(r.updated_at),
        })),
        nextCursor: page.nextCursor,
      };
    },

    /** The terms of the offer and of the competing offers shared for its application, with their schedules. */
    async compensation(orgId: string, offerId: string) {
      const row = await load(orgId, offerId);
      if (!row) return null;
      const offer = toOffer(row);
      const competing = await db
        .selectFrom('competing_offers')
        .select('terms')
        .where('org_id', '=', orgId)
        .where('application_id', '=', offer.applicationId)
        .orderBy('created_at')
        .execute();
      const withSchedule = async <T extends OfferTerms | CompetingTerms>(terms: T) => ({
        terms,
        schedule: await schedule(orgId, terms.vestingScheduleKey),
      });
      return {
        offer: await withSchedule(offer.terms),
        competing: await Promise.all(competing.map((c: { terms: CompetingTerms }) => withSchedule(c.terms))),
      };
    },

    /** Who and what a letter names. */
    async letterContext(orgId: string, offerId: string) {
      return db
        .selectFrom('offers')
        .innerJoin('applications', 'applications.id', 'offers.application_id')
        .innerJoin('jobs', 'jobs.id', 'applications.job_id')
        .innerJoin('teams', 'teams.id', 'jobs.team_id')
        .innerJoin('candidates', 'candidates.id', 'applications.candidate_id')
        .innerJoin('orgs', 'orgs.id', 'offers.org_id')
        .select([
          'orgs.name as company',
          'jobs.title as jobTitle',
          'teams.name as teamName',
          'candidates.first_name',
          'candidates.last_name',
        ])
        .where('offers.org_id', '=', orgId)
        .where('offers.id', '=', offerId)
        .executeTakeFirstOrThrow();
    },

    async vestingSchedules(orgId: string) {
      const own = await db
        .selectFrom('vesting_schedules')
        .select('definition')
        .where('org_id', '=', orgId)
        .orderBy('key')
        .execute();
      return own.map((r) => r.definition);
    },
  };
}
