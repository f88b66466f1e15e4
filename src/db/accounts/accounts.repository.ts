import type { Kysely } from 'kysely';
import type { AccountsRepository } from '../../core/accounts/accounts.port.js';
import { normalizeEmail } from '../candidates/candidates.repository.js';
import type { DB } from '../schema.js';

/** Sessions and sign-in links; their tokens are stored only as hashes. */
export function accountsRepository(trx: Kysely<DB>): AccountsRepository {
  return {
    async orgBySlug(slug) {
      return (await trx.selectFrom('orgs').select('id').where('slug', '=', slug).executeTakeFirst()) ?? null;
    },
    async candidateByEmail(orgId, email) {
      const row = await trx
        .selectFrom('candidates')
        .select('id')
        .where('org_id', '=', orgId)
        .where('email_normalized', '=', normalizeEmail(email))
        .executeTakeFirst();
      return row ?? null;
    },
    async insertSession(session) {
      await trx
        .insertInto('sessions')
        .values({
          token_hash: session.tokenHash,
          org_id: session.orgId,
          user_id: 'userId' in session.holder ? session.holder.userId : null,
          candidate_id: 'candidateId' in session.holder ? session.holder.candidateId : null,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
        })
        .execute();
    },
    async deleteSession(tokenHash) {
      await trx.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
    async insertSignInLink(link) {
      await trx
        .insertInto('sign_in_links')
        .values({
          token_hash: link.tokenHash,
          org_id: link.orgId,
          candidate_id: link.candidateId,
          created_at: link.createdAt,
          expires_at: link.expiresAt,
          used_at: null,
        })
        .execute();
    },
    async redeemSignInLink(tokenHash, now) {
      const row = await trx
        .updateTable('sign_in_links')
        .set({ used_at: now })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning(['org_id', 'candidate_id'])
        .executeTakeFirst();
      return row ? { orgId: row.org_id, candidateId: row.candidate_id } : null;
    },
  };
}
