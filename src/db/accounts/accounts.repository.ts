import { type Kysely, sql } from 'kysely';
import type { AccountsRepository, NewSignInLink, SessionHolder } from '../../core/accounts/accounts.port.js';
import { normalizeEmail } from '../candidates/candidates.repository.js';
import type { DB } from '../schema.js';
import { staffLifecycle } from './staff-lifecycle.repository.js';

const MINUTE = 60_000;

const holderColumn = (holder: SessionHolder) =>
  'userId' in holder
    ? (['user_id', holder.userId] as const)
    : (['candidate_id', holder.candidateId] as const);

/** Sessions, sign-in links and sign-in budgets; tokens are stored only as hashes. */
/** A candidate's sign-in link as its row: only the token's hash is kept. */
export const signInLinkRow = (link: NewSignInLink) => ({
  token_hash: link.tokenHash,
  org_id: link.orgId,
  candidate_id: link.candidateId,
  created_at: link.createdAt,
  expires_at: link.expiresAt,
  used_at: null,
});

export function accountsRepository(trx: Kysely<DB>): AccountsRepository {
  return {
    ...staffLifecycle(trx),
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
          id: session.id,
          token_hash: session.tokenHash,
          org_id: session.orgId,
          user_id: 'userId' in session.holder ? session.holder.userId : null,
          candidate_id: 'candidateId' in session.holder ? session.holder.candidateId : null,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
          last_seen_at: session.createdAt,
          idle_minutes: session.idleMinutes,
          user_agent: session.userAgent,
          address: session.address,
        })
        .execute();
    },
    async deleteSession(tokenHash) {
      await trx.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
    async deleteHolderSession(holder, id) {
      const [column, value] = holderColumn(holder);
      const row = await trx
        .deleteFrom('sessions')
        .where(column, '=', value)
        .where('id', '=', id)
        .returning('id')
        .executeTakeFirst();
      return Boolean(row);
    },
    async deleteHolderSessions(holder, keepTokenHash) {
      const [column, value] = holderColumn(holder);
      let query = trx.deleteFrom('sessions').where(column, '=', value);
      if (keepTokenHash) query = query.where('token_hash', '<>', keepTokenHash);
      return (await query.returning('id').execute()).length;
    },
    async touchSession(tokenHash, now) {
      await trx
        .updateTable('sessions')
        .set({ last_seen_at: now })
        .where('token_hash', '=', tokenHash)
        .where((eb) =>
          eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<=', new Date(now.getTime() - MINUTE))]),
        )
        .execute();
    },
    async insertSignInLink(link) {
      await trx.insertInto('sign_in_links').values(signInLinkRow(link)).execute();
    },
    async issueSignInLinkByEmail(link) {
      // One statement whatever the address: find the candidate, insert the link, queue its email.
      // When nobody matches (or `send` is false) every part runs and writes nothing.
      await sql`
        WITH target AS (
          SELECT candidates.org_id, candidates.id
          FROM candidates JOIN orgs ON orgs.id = candidates.org_id
          WHERE orgs.slug = ${link.orgSlug}
            AND candidates.email_normalized = ${normalizeEmail(link.email)}
            AND ${link.send}::boolean
        ), link AS (
          INSERT INTO sign_in_links (token_hash, org_id, candidate_id, created_at, expires_at, used_at)
          SELECT ${link.tokenHash}, org_id, id, ${link.createdAt}, ${link.expiresAt}, NULL FROM target
          RETURNING org_id, candidate_id
        )
        INSERT INTO outbox (org_id, kind, dedupe_key, payload, created_at, available_at)
        SELECT org_id, 'candidate.sign_in_link', ${`sign_in_link:${link.tokenHash}`},
          jsonb_build_object('candidateId', candidate_id, 'url', ${link.url}::text,
            'expiresInMinutes', ${link.expiresInMinutes}::integer),
          ${link.createdAt}, ${link.createdAt}
        FROM link
        ON CONFLICT (dedupe_key) DO NOTHING
      `.execute(trx);
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
    async spendAttempt(key, now, windowMs) {
      // One atomic upsert, so concurrent attempts on several nodes all count.
      const stale = new Date(now.getTime() - windowMs);
      const row = await trx
        .insertInto('auth_throttles')
        .values({ key, window_start: now, count: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            count: sql<number>`CASE WHEN auth_throttles.window_start <= ${stale} THEN 1 ELSE auth_throttles.count + 1 END`,
            window_start: sql<Date>`CASE WHEN auth_throttles.window_start <= ${stale} THEN ${now}::timestamptz ELSE auth_throttles.window_start END`,
          }),
        )
        .returning(['count', 'window_start'])
        .executeTakeFirstOrThrow();
      return { count: row.count, windowStart: row.window_start };
    },
    async attempts(key, now, windowMs) {
      const row = await trx
        .selectFrom('auth_throttles')
        .select(['count', 'window_start'])
        .where('key', '=', key)
        .where('window_start', '>', new Date(now.getTime() - windowMs))
        .executeTakeFirst();
      return row ? { count: row.count, windowStart: row.window_start } : { count: 0, windowStart: now };
    },
    async clearAttempts(key) {
      await trx.deleteFrom('auth_throttles').where('key', '=', key).execute();
    },
    async setPasswordHash(userId, passwordHash) {
      await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
    },
    async forgetExpired(now, countersBefore) {
      const sessions = await trx
        .deleteFrom('sessions')
        .where((eb) =>
          eb.or([
            eb('expires_at', '<=', now),
            eb(sql<Date>`coalesce(last_seen_at, created_at) + idle_minutes * interval '1 minute'`, '<=', now),
          ]),
        )
        .executeTakeFirst();
      const links = await trx
        .deleteFrom('sign_in_links')
        .where((eb) => eb.or([eb('used_at', 'is not', null), eb('expires_at', '<=', now)]))
        .executeTakeFirst();
      // Sign-ins waiting for a second factor, WebAuthn challenges and OpenID flows that ran out.
      await trx.deleteFrom('auth_challenges').where('expires_at', '<=', now).execute();
      const counters = await trx
        .deleteFrom('auth_throttles')
        .where('window_start', '<', countersBefore)
        .executeTakeFirst();
      const resets = await trx
        .deleteFrom('password_resets')
        .where((eb) => eb.or([eb('used_at', 'is not', null), eb('expires_at', '<=', now)]))
        .executeTakeFirst();
      return {
        sessions: Number(sessions.numDeletedRows),
        links: Number(links.numDeletedRows),
        counters: Number(counters.numDeletedRows),
        resets: Number(resets.numDeletedRows),
      };
    },
  };
}
