import { type Kysely, sql } from 'kysely';
import type { ListFilter, SavedView } from '../../contracts/views.js';
import type { DecisionScope } from '../../core/workspace/list-decision-queue.js';
import { presentCandidate } from '../candidates/candidates.queries.js';
import { afterTime, cursorTime, pageOf } from '../pagination.js';
import type { DB } from '../schema.js';
import { inDecisionQueue } from '../workspace/workspace.queries.js';
import { all, applicationConditions, candidateConditions, candidateMatches } from './filters.js';
import { toView } from './tags.repository.js';

const like = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/** A bulk action over a filter reaches at most this many candidates at once. */
export const BULK_LIMIT = 5000;

/** Read models for tags, filtered candidate lists and saved views with their counts. */
export function tagQueries(db: Kysely<DB>) {
  /** What a view finds now; the decision queue's count is the reader's own queue (`scope`). */
  const countFor = async (orgId: string, list: SavedView['list'], f: ListFilter, scope?: DecisionScope) => {
    if (list === 'candidates') {
      const r = await sql<{ n: string }>`select count(*) as n from candidates c
        where c.org_id = ${orgId} and c.merged_into is null and ${candidateMatches(orgId, f)}`.execute(db);
      return Number(r.rows[0]?.n ?? 0);
    }
    // The application lists hold active applications; the screening queue those at the resume screen.
    const extra =
      list === 'screening'
        ? [sql`a.plan -> a.stage_index ->> 'step' = 'resume_screen'`]
        : list === 'decisions' && scope
          ? [inDecisionQueue(orgId, scope)]
          : [];
    const r = await sql<{
      n: string;
    }>`select count(*) as n from applications a join candidates c on c.id = a.candidate_id
      where a.org_id = ${orgId} and a.status = 'active'
        and ${all([...applicationConditions(f), ...candidateConditions(f), ...extra])}`.execute(db);
    return Number(r.rows[0]?.n ?? 0);
  };

  return {
    async tags(orgId: string) {
      const rows = await sql<{ id: string; name: string; colour: string | null; n: string }>`
        select t.id, t.name, t.colour, (select count(*) from candidate_tags ct where ct.tag_id = t.id) as n
        from tags t where t.org_id = ${orgId} order by lower(t.name)`.execute(db);
      return rows.rows.map((r) => ({ id: r.id, name: r.name, colour: r.colour, candidates: Number(r.n) }));
    },

    /** The candidate's tags; null when no such candidate is in the organisation. */
    async candidateTags(orgId: string, candidateId: string) {
      const known = await db
        .selectFrom('candidates')
        .select('id')
        .where('org_id', '=', orgId)
        .where('id', '=', candidateId)
        .executeTakeFirst();
      if (!known) return null;
      return db
        .selectFrom('candidate_tags')
        .innerJoin('tags', 'tags.id', 'candidate_tags.tag_id')
        .select(['tags.id', 'tags.name', 'tags.colour'])
        .where('candidate_tags.org_id', '=', orgId)
        .where('candidate_tags.candidate_id', '=', candidateId)
        .orderBy(sql`lower(tags.name)`)
        .execute();
    },

    /** Candidates by search words and the list filter, oldest first, a page at a time. */
    async candidates(
      orgId: string,
      q: ListFilter & { q?: string | undefined; limit: number; cursor?: string | undefined },
    ) {
      const after = afterTime(q.cursor);
      let query = db
        .selectFrom('candidates as c')
        .selectAll('c')
        .select(cursorTime('c.created_at'))
        .where('c.org_id', '=', orgId)
        .where('c.merged_into', 'is', null)
        .where(candidateMatches(orgId, q));
      if (q.q) query = query.where('c.search_text', 'like', like(q.q));
      if (after)
        query = query.where((eb) =>
          eb(eb.refTuple('c.created_at', 'c.id'), '>', eb.tuple(after.time, after.id)),
        );
      const rows = await query
        .orderBy('c.created_at')
        .orderBy('c.id')
        .limit(q.limit + 1)
        .execute();
      const p = pageOf(rows, q.limit, (r) => [r.cursor_time, r.id]);
      return { items: p.items.map(presentCandidate), nextCursor: p.nextCursor };
    },

    /** The ids a bulk action over a filter reaches. */
    async candidateIds(orgId: string, f: ListFilter) {
      const rows = await sql<{ id: string }>`select c.id from candidates c
        where c.org_id = ${orgId} and c.merged_into is null and ${candidateMatches(orgId, f)}
        order by c.created_at, c.id limit ${BULK_LIMIT}`.execute(db);
      return rows.rows.map((r) => r.id);
    },

    /** The reader's own views and those shared with the team, each with what it finds now. */
    async views(
      orgId: string,
      userId: string,
      list: SavedView['list'] | undefined,
      scope: DecisionScope,
    ): Promise<SavedView[]> {
      let query = db
        .selectFrom('saved_views')
        .innerJoin('users', 'users.id', 'saved_views.owner_id')
        .selectAll('saved_views')
        .select('users.name as owner_name')
        .where('saved_views.org_id', '=', orgId)
        .where((eb) => eb.or([eb('saved_views.owner_id', '=', userId), eb('saved_views.shared', '=', true)]));
      if (list) query = query.where('saved_views.list', '=', list);
      const rows = await query
        .orderBy('saved_views.created_at')
        .orderBy('saved_views.id')
        .limit(200)
        .execute();
      return Promise.all(
        rows.map(async (r) => {
          const view = toView(r);
          return {
            id: view.id,
            list: view.list,
            name: view.name,
            filters: view.filters,
            shared: view.shared,
            mine: view.ownerId === userId,
            owner: { id: view.ownerId, name: r.owner_name },
            count: await countFor(orgId, view.list, view.filters, scope),
          };
        }),
      );
    },
  };
}
