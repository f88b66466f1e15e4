import { type Kysely, type Selectable, sql } from 'kysely';
import type { OffersRepository, VestingSchedulesRepository } from '../../core/offers/offers.port.js';
import type { Clock } from '../../core/shared/ports.js';
import type { Offer, StaffRole } from '../../core/shared/types.js';
import { actorId, given, json } from '../columns.js';
import type { DB } from '../schema.js';

export function toOffer(row: Selectable<DB['offers']>): Offer {
  return {
    id: row.id,
    orgId: row.org_id,
    applicationId: row.application_id,
    status: row.status as Offer['status'],
    revision: row.revision,
    terms: row.terms,
    approvalChain: row.approval_chain as StaffRole[],
    approvalsDone: row.approvals_done,
    sentAt: row.sent_at,
    respondedAt: row.responded_at,
    signatureRequired: row.signature_required,
    version: row.version,
  };
}

export function offersRepository(trx: Kysely<DB>, clock: Clock): OffersRepository {
  return {
    async lock(orgId, id) {
      const row = await trx
        .selectFrom('offers')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      return row ? toOffer(row) : null;
    },
    async openForApplication(orgId, applicationId) {
      const row = await trx
        .selectFrom('offers')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('application_id', '=', applicationId)
        .where('status', 'in', ['draft', 'pending_approval', 'approved', 'sent'])
        .executeTakeFirst();
      return row ? toOffer(row) : null;
    },
    async insert(offer) {
      const now = clock.now();
      const row = await trx
        .insertInto('offers')
        .values({
          id: offer.id,
          org_id: offer.orgId,
          application_id: offer.applicationId,
          status: offer.status,
          revision: offer.revision,
          terms: JSON.stringify(offer.terms),
          approval_chain: offer.approvalChain,
          approvals_done: offer.approvalsDone,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toOffer(row);
    },
    async update(orgId, id, change) {
      const row = await trx
        .updateTable('offers')
        .set({
          ...given({
            status: change.status,
            revision: change.revision,
            terms: json(change.terms),
            approval_chain: change.approvalChain,
            approvals_done: change.approvalsDone,
            sent_at: change.sentAt,
            responded_at: change.respondedAt,
            signature_required: change.signatureRequired,
          }),
          version: sql<number>`version + 1`,
          updated_at: clock.now(),
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toOffer(row);
    },
    async addRevision(r) {
      await trx
        .insertInto('offer_revisions')
        .values({
          offer_id: r.offerId,
          revision: r.revision,
          terms: JSON.stringify(r.terms),
          changes: JSON.stringify(r.changes),
          reason: r.reason,
          author_kind: r.author.kind,
          author_id: actorId(r.author)!,
          created_at: r.at,
        })
        .execute();
    },
    async addApproval(a) {
      await trx
        .insertInto('offer_approvals')
        .values({
          id: a.id,
          offer_id: a.offerId,
          revision: a.revision,
          role: a.role,
          decision: a.decision,
          note: a.note,
          decided_by: actorId(a.actor)!,
          decided_at: a.at,
        })
        .execute();
    },
    async latestApprovers(offerId, revision, count) {
      if (count === 0) return [];
      const rows = await trx
        .selectFrom('offer_approvals')
        .select('decided_by')
        .where('offer_id', '=', offerId)
        .where('revision', '=', revision)
        .orderBy('seq', 'desc')
        .limit(count)
        .execute();
      return rows.map((row) => row.decided_by);
    },
    async addCounter(c) {
      await trx
        .insertInto('offer_counters')
        .values({
          id: c.id,
          offer_id: c.offerId,
          revision: c.revision,
          component: c.component,
          proposal: c.proposal,
          note: c.note,
          candidate_id: c.candidateId,
          created_at: c.at,
        })
        .execute();
    },
    async addCompeting(c) {
      await trx
        .insertInto('competing_offers')
        .values({
          id: c.id,
          org_id: c.orgId,
          application_id: c.applicationId,
          terms: JSON.stringify(c.terms),
          entered_by_kind: c.enteredBy.kind,
          entered_by_id: actorId(c.enteredBy)!,
          created_at: c.at,
        })
        .execute();
    },
    async addSignature(s) {
      await trx
        .insertInto('offer_signatures')
        .values({
          offer_id: s.offerId,
          org_id: s.orgId,
          revision: s.revision,
          typed_name: s.typedName,
          signed_at: s.signedAt,
          address: s.address,
          user_agent: s.userAgent,
          letter_sha256: s.letterSha256,
        })
        .execute();
    },
  };
}

export function vestingSchedulesRepository(trx: Kysely<DB>): VestingSchedulesRepository {
  return {
    async get(orgId, key) {
      const row = await trx
        .selectFrom('vesting_schedules')
        .select('definition')
        .where('org_id', '=', orgId)
        .where('key', '=', key)
        .executeTakeFirst();
      return row?.definition ?? null;
    },
  };
}
