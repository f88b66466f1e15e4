import { type Kysely, sql } from 'kysely';
import type { Challenge, MfaRepository, Passkey } from '../../core/accounts/mfa-port.js';
import type { StaffRole } from '../../core/shared/types.js';
import type { DB } from '../schema.js';

const passkeyOf = (row: {
  id: string;
  user_id: string;
  public_key: string;
  counter: string | number;
  transports: string[];
  name: string;
  created_at: Date;
  last_used_at: Date | null;
}): Passkey => ({
  id: row.id,
  userId: row.user_id,
  publicKey: row.public_key,
  counter: Number(row.counter),
  transports: row.transports,
  name: row.name,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

/** Second factors, the organisation's security policy and short-lived sign-in states. */
export function mfaRepository(trx: Kysely<DB>): MfaRepository {
  return {
    async staffAccount(orgId, userId) {
      const row = await trx
        .selectFrom('users')
        .select(['id', 'org_id', 'email', 'name', 'roles', 'disabled_at'])
        .where('org_id', '=', orgId)
        .where('id', '=', userId)
        .executeTakeFirst();
      return row
        ? {
            orgId: row.org_id,
            userId: row.id,
            email: row.email,
            name: row.name,
            roles: row.roles as StaffRole[],
            disabled: Boolean(row.disabled_at),
          }
        : null;
    },
    async securityPolicy(orgId) {
      const row = await trx
        .selectFrom('orgs')
        .select(['mfa_required', 'password_sign_in'])
        .where('id', '=', orgId)
        .executeTakeFirstOrThrow();
      return { mfaRequired: row.mfa_required, passwordSignIn: row.password_sign_in };
    },
    async setSecurityPolicy(orgId, policy) {
      await trx
        .updateTable('orgs')
        .set({ mfa_required: policy.mfaRequired, password_sign_in: policy.passwordSignIn })
        .where('id', '=', orgId)
        .execute();
    },
    async totpOf(userId) {
      const row = await trx
        .selectFrom('mfa_totp')
        .selectAll()
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row
        ? {
            secretEnc: row.secret_enc,
            confirmedAt: row.confirmed_at,
            lastTimeStep: row.last_time_step === null ? null : Number(row.last_time_step),
          }
        : null;
    },
    async putPendingTotp(enrolment) {
      await trx
        .insertInto('mfa_totp')
        .values({
          user_id: enrolment.userId,
          org_id: enrolment.orgId,
          secret_enc: enrolment.secretEnc,
          confirmed_at: null,
          last_time_step: null,
          created_at: enrolment.createdAt,
        })
        .onConflict((oc) =>
          oc.column('user_id').doUpdateSet({
            secret_enc: enrolment.secretEnc,
            created_at: enrolment.createdAt,
            last_time_step: null,
          }),
        )
        .execute();
    },
    async confirmTotp(userId, at) {
      await trx.updateTable('mfa_totp').set({ confirmed_at: at }).where('user_id', '=', userId).execute();
    },
    async spendTimeStep(userId, timeStep) {
      // One conditional update: two requests replaying one code cannot both pass.
      const row = await trx
        .updateTable('mfa_totp')
        .set({ last_time_step: timeStep })
        .where('user_id', '=', userId)
        .where((eb) => eb.or([eb('last_time_step', 'is', null), eb('last_time_step', '<', String(timeStep))]))
        .returning('user_id')
        .executeTakeFirst();
      return Boolean(row);
    },
    async deleteTotp(userId) {
      const row = await trx
        .deleteFrom('mfa_totp')
        .where('user_id', '=', userId)
        .returning('user_id')
        .executeTakeFirst();
      return Boolean(row);
    },
    async replaceRecoveryCodes(userId, codeHashes) {
      await trx.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
      if (codeHashes.length) {
        await trx
          .insertInto('mfa_recovery_codes')
          .values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash, used_at: null })))
          .execute();
      }
    },
    async redeemRecoveryCode(userId, codeHash, now) {
      const row = await trx
        .updateTable('mfa_recovery_codes')
        .set({ used_at: now })
        .where('user_id', '=', userId)
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .returning('user_id')
        .executeTakeFirst();
      return Boolean(row);
    },
    async recoveryCodesLeft(userId) {
      const row = await trx
        .selectFrom('mfa_recovery_codes')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async passkeysOf(userId) {
      const rows = await trx
        .selectFrom('webauthn_credentials')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(passkeyOf);
    },
    async passkeyInOrg(orgId, id) {
      const row = await trx
        .selectFrom('webauthn_credentials')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? passkeyOf(row) : null;
    },
    async insertPasskey(passkey) {
      await trx
        .insertInto('webauthn_credentials')
        .values({
          id: passkey.id,
          user_id: passkey.userId,
          org_id: passkey.orgId,
          public_key: passkey.publicKey,
          counter: passkey.counter,
          transports: passkey.transports,
          name: passkey.name,
          created_at: passkey.createdAt,
          last_used_at: null,
        })
        .execute();
    },
    async recordPasskeyUse(id, counter, now) {
      await trx
        .updateTable('webauthn_credentials')
        .set({ counter, last_used_at: now })
        .where('id', '=', id)
        .execute();
    },
    async deletePasskey(userId, id) {
      const row = await trx
        .deleteFrom('webauthn_credentials')
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .returning('id')
        .executeTakeFirst();
      return Boolean(row);
    },
    async deleteAllFactors(orgId, userId) {
      const user = await trx
        .selectFrom('users')
        .select('id')
        .where('org_id', '=', orgId)
        .where('id', '=', userId)
        .executeTakeFirst();
      if (!user) return false;
      await trx.deleteFrom('mfa_totp').where('user_id', '=', userId).execute();
      await trx.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
      await trx.deleteFrom('webauthn_credentials').where('user_id', '=', userId).execute();
      return true;
    },
    async insertChallenge(challenge: Challenge) {
      await trx
        .insertInto('auth_challenges')
        .values({
          token_hash: challenge.tokenHash,
          org_id: challenge.orgId,
          user_id: challenge.userId,
          kind: challenge.kind,
          data: JSON.stringify(challenge.data),
          created_at: challenge.createdAt,
          expires_at: challenge.expiresAt,
        })
        .execute();
    },
    async challenge(tokenHash, kinds, now) {
      const row = await trx
        .selectFrom('auth_challenges')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('kind', 'in', kinds)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row ? challengeOf(row) : null;
    },
    async takeChallenge(tokenHash, kinds, now) {
      const row = await trx
        .deleteFrom('auth_challenges')
        .where('token_hash', '=', tokenHash)
        .where('kind', 'in', kinds)
        .where('expires_at', '>', now)
        .returningAll()
        .executeTakeFirst();
      return row ? challengeOf(row) : null;
    },
    async setChallengeData(tokenHash, data) {
      await trx
        .updateTable('auth_challenges')
        .set({ data: JSON.stringify(data) })
        .where('token_hash', '=', tokenHash)
        .execute();
    },
    async staffWithoutFactors(orgId) {
      const rows = await trx
        .selectFrom('users')
        .select(['id', 'roles'])
        .where('org_id', '=', orgId)
        .where('disabled_at', 'is', null)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('mfa_totp')
                .select(sql`1`.as('one'))
                .whereRef('mfa_totp.user_id', '=', 'users.id')
                .where('confirmed_at', 'is not', null),
            ),
          ),
        )
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('webauthn_credentials')
                .select(sql`1`.as('one'))
                .whereRef('webauthn_credentials.user_id', '=', 'users.id'),
            ),
          ),
        )
        .execute();
      return rows.map((row) => ({ userId: row.id, roles: row.roles as StaffRole[] }));
    },
    async deleteChallengesOf(userId, kinds) {
      await trx
        .deleteFrom('auth_challenges')
        .where('user_id', '=', userId)
        .where('kind', 'in', kinds)
        .execute();
    },
  };
}

function challengeOf(row: {
  token_hash: string;
  org_id: string;
  user_id: string | null;
  kind: Challenge['kind'];
  data: Record<string, unknown>;
  created_at: Date;
  expires_at: Date;
}): Challenge {
  return {
    tokenHash: row.token_hash,
    orgId: row.org_id,
    userId: row.user_id,
    kind: row.kind,
    data: row.data,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}
