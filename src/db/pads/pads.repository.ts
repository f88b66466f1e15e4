import type { Kysely } from 'kysely';
import type { Clock } from '../../core/shared/ports.js';
import type { DB } from '../schema.js';

/** Live coding pads: the pad, and its edits and runs in order. */
export function padStore(db: Kysely<DB>, clock: Clock) {
  const columns = ['id', 'org_id', 'application_id', 'problem_slug', 'language', 'created_at'] as const;
  return {
    byId: (orgId: string, id: string) =>
      db
        .selectFrom('pads')
        .select(columns)
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst(),
    byToken: (tokenHash: string) =>
      db.selectFrom('pads').select(columns).where('token_hash', '=', tokenHash).executeTakeFirst(),
    ofApplication: (orgId: string, applicationId: string) =>
      db
        .selectFrom('pads')
        .select(columns)
        .where('org_id', '=', orgId)
        .where('application_id', '=', applicationId)
        .orderBy('created_at', 'desc')
        .execute(),
    create: (input: {
      id: string;
      orgId: string;
      applicationId: string;
      problemSlug: string | null;
      language: string;
      tokenHash: string;
      createdBy: string;
    }) =>
      db
        .insertInto('pads')
        .values({
          id: input.id,
          org_id: input.orgId,
          application_id: input.applicationId,
          problem_slug: input.problemSlug,
          language: input.language,
          token_hash: input.tokenHash,
          created_by: input.createdBy,
          created_at: clock.now(),
        })
        .execute(),
    events: (padId: string) =>
      db
        .selectFrom('pad_events')
        .select(['at', 'author', 'kind', 'update', 'detail'])
        .where('pad_id', '=', padId)
        .orderBy('seq')
        .execute(),
    edit: (padId: string, author: string, update: Uint8Array) =>
      db
        .insertInto('pad_events')
        .values({ pad_id: padId, at: clock.now(), author, kind: 'edit', update, detail: '{}' })
        .execute(),
    run: (padId: string, author: string, detail: Record<string, unknown>) =>
      db
        .insertInto('pad_events')
        .values({
          pad_id: padId,
          at: clock.now(),
          author,
          kind: 'run',
          update: null,
          detail: JSON.stringify(detail),
        })
        .execute(),
  };
}
