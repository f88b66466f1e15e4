import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Clock } from '../../core/shared/ports.js';
import type { Actor } from '../../core/shared/types.js';
import type { DB } from '../schema.js';
import { auditedWrite, given } from '../store.js';
import { publishOnBoards } from './postings.js';

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');
export const newBoardKey = () => randomBytes(24).toString('hex');

export interface BoardInput {
  token: string;
  name: string;
  intro: string;
  employmentTypes: string[];
  teamIds: string[];
  gdprRetentionDays: number | null;
}

const present = (b: Selectable<DB['boards']>) => ({
  id: b.id,
  token: b.token,
  name: b.name,
  intro: b.intro,
  employmentTypes: b.employment_types,
  teamIds: b.team_ids,
  gdprRetentionDays: b.gdpr_retention_days,
  createdAt: b.created_at.toISOString(),
});

/** Admins' side of boards. Keys are stored as hashes and shown once, when created or rotated. */
export function boardAdmin(db: Kysely<DB>, clock: Clock) {
  const write = auditedWrite(db, clock);
  const audited = <T>(
    actor: Actor,
    action: string,
    data: Record<string, unknown>,
    work: (trx: Kysely<DB>) => Promise<T>,
  ) => write(actor, work, (result) => (result === null ? null : { entityType: 'policy', action, data }));

  return {
    async list(orgId: string) {
      return (
        await db.selectFrom('boards').selectAll().where('org_id', '=', orgId).orderBy('created_at').execute()
      ).map(present);
    },
    tokenTaken: async (token: string) =>
      (await db.selectFrom('boards').select('id').where('token', '=', token).executeTakeFirst()) !==
      undefined,

    create: (actor: Actor, id: string, input: BoardInput, apiKey = newBoardKey()) =>
      audited(actor, 'board.created', { boardId: id, token: input.token }, async (trx) => {
        const row = await trx
          .insertInto('boards')
          .values({
            id,
            org_id: actor.orgId,
            token: input.token,
            name: input.name,
            intro: input.intro,
            api_key_hash: hashKey(apiKey),
            employment_types: input.employmentTypes,
            team_ids: input.teamIds,
            gdpr_retention_days: input.gdprRetentionDays,
            created_at: clock.now(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await publishOnBoards(trx, actor.orgId, clock.now(), undefined, id);
        return { ...present(row), apiKey };
      }),

    update: (actor: Actor, id: string, change: Partial<Omit<BoardInput, 'token'>>) =>
      audited(actor, 'board.updated', { boardId: id }, async (trx) => {
        const row = await trx
          .updateTable('boards')
          .set({
            ...given({
              name: change.name,
              intro: change.intro,
              employment_types: change.employmentTypes,
              team_ids: change.teamIds,
            }),
            ...(change.gdprRetentionDays !== undefined
              ? { gdpr_retention_days: change.gdprRetentionDays }
              : {}),
          })
          .where('org_id', '=', actor.orgId)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst();
        if (row) await publishOnBoards(trx, actor.orgId, clock.now(), undefined, id);
        return row ? present(row) : null;
      }),

    rotateKey: (actor: Actor, id: string) =>
      audited(actor, 'board.key_rotated', { boardId: id }, async (trx) => {
        const apiKey = newBoardKey();
        const row = await trx
          .updateTable('boards')
          .set({ api_key_hash: hashKey(apiKey) })
          .where('org_id', '=', actor.orgId)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst();
        return row ? { ...present(row), apiKey } : null;
      }),
  };
}
