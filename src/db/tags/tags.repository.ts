import { type Kysely, type Selectable, sql } from 'kysely';
import type { Tag, TagsRepository, View } from '../../core/tags/tags.port.js';
import type { DB } from '../schema.js';

const toTag = (r: Selectable<DB['tags']>): Tag => ({
  id: r.id,
  orgId: r.org_id,
  name: r.name,
  colour: r.colour,
  createdAt: r.created_at,
});
export const toView = (r: Selectable<DB['saved_views']>): View => ({
  id: r.id,
  orgId: r.org_id,
  ownerId: r.owner_id,
  list: r.list as View['list'],
  name: r.name,
  filters: r.filters,
  shared: r.shared,
  createdAt: r.created_at,
});

export function tagsRepository(trx: Kysely<DB>): TagsRepository {
  return {
    async byName(orgId, name) {
      const row = await trx
        .selectFrom('tags')
        .selectAll()
        .where('org_id', '=', orgId)
        .where(sql<boolean>`lower(name) = lower(${name})`)
        .executeTakeFirst();
      return row ? toTag(row) : null;
    },
    async get(orgId, id) {
      const row = await trx
        .selectFrom('tags')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toTag(row) : null;
    },
    async insert(t) {
      await trx
        .insertInto('tags')
        .values({ id: t.id, org_id: t.orgId, name: t.name, colour: t.colour, created_at: t.createdAt })
        .execute();
    },
    async update(orgId, id, patch) {
      const row = await trx
        .updateTable('tags')
        .set(patch)
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toTag(row);
    },
    async delete(orgId, id) {
      const untagged = await trx
        .deleteFrom('candidate_tags')
        .where('org_id', '=', orgId)
        .where('tag_id', '=', id)
        .executeTakeFirst();
      await trx.deleteFrom('tags').where('org_id', '=', orgId).where('id', '=', id).execute();
      return Number(untagged.numDeletedRows);
    },
    async viewsFilteringOn(orgId, tagId) {
      const rows = await trx
        .selectFrom('saved_views')
        .selectAll()
        .where('org_id', '=', orgId)
        .where(sql<boolean>`filters ->> 'tagId' = ${tagId}`)
        .orderBy('created_at')
        .execute();
      return rows.map(toView);
    },
    async setViewFilters(orgId, viewId, filters) {
      await trx
        .updateTable('saved_views')
        .set({ filters: JSON.stringify(filters) })
        .where('org_id', '=', orgId)
        .where('id', '=', viewId)
        .execute();
    },
    async candidatesIn(orgId, ids) {
      if (ids.length === 0) return [];
      const rows = await trx
        .selectFrom('candidates')
        .select('id')
        .where('org_id', '=', orgId)
        .where('id', 'in', ids)
        .where('merged_into', 'is', null)
        .execute();
      return rows.map((r) => r.id);
    },
    async add(orgId, tagId, candidateIds, by, at) {
      if (candidateIds.length === 0) return 0;
      const rows = await trx
        .insertInto('candidate_tags')
        .values(
          candidateIds.map((candidate_id) => ({
            org_id: orgId,
            candidate_id,
            tag_id: tagId,
            added_by: by,
            added_at: at,
          })),
        )
        .onConflict((oc) => oc.columns(['candidate_id', 'tag_id']).doNothing())
        .returning('candidate_id')
        .execute();
      return rows.length;
    },
    async remove(orgId, tagId, candidateIds) {
      if (candidateIds.length === 0) return 0;
      const result = await trx
        .deleteFrom('candidate_tags')
        .where('org_id', '=', orgId)
        .where('tag_id', '=', tagId)
        .where('candidate_id', 'in', candidateIds)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async setOwner(orgId, candidateId, ownerId) {
      await trx
        .updateTable('candidates')
        .set({ owner_id: ownerId })
        .where('org_id', '=', orgId)
        .where('id', '=', candidateId)
        .execute();
    },
    async staffExists(orgId, userId) {
      const row = await trx
        .selectFrom('users')
        .select('id')
        .where('org_id', '=', orgId)
        .where('id', '=', userId)
        .where('disabled_at', 'is', null)
        .executeTakeFirst();
      return Boolean(row);
    },
    async insertView(v) {
      await trx
        .insertInto('saved_views')
        .values({
          id: v.id,
          org_id: v.orgId,
          owner_id: v.ownerId,
          list: v.list,
          name: v.name,
          filters: JSON.stringify(v.filters),
          shared: v.shared,
          created_at: v.createdAt,
        })
        .execute();
    },
    async view(orgId, id) {
      const row = await trx
        .selectFrom('saved_views')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toView(row) : null;
    },
    async viewNamed(orgId, ownerId, list, name) {
      const row = await trx
        .selectFrom('saved_views')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('owner_id', '=', ownerId)
        .where('list', '=', list)
        .where(sql<boolean>`lower(name) = lower(${name})`)
        .executeTakeFirst();
      return row ? toView(row) : null;
    },
    async deleteView(orgId, id) {
      await trx.deleteFrom('saved_views').where('org_id', '=', orgId).where('id', '=', id).execute();
    },
  };
}
