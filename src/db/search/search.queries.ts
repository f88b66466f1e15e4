import { type Kysely, sql } from 'kysely';
import type { SearchHit, SearchPage } from '../../contracts/search.js';
import { afterTime, cursorTime, pageOf } from '../pagination.js';
import type { DB } from '../schema.js';
import { escapeLike, searchable, textHolds } from './candidate-text.js';

/** Jobs and people shown on the first page, before the candidates. */
const FIRST_PAGE_OTHERS = 5;

/**
 * Global search: candidates by name, email, resume text (the trigram index on search_text, or the
 * Han index for Chinese) or phone digits (the trigram index on them); jobs by title; staff by name
 * or email.
 */
export function searchQueries(db: Kysely<DB>) {
  return {
    async search(
      orgId: string,
      q: { q: string; limit: number; cursor?: string | undefined },
    ): Promise<SearchPage> {
      const words = `%${escapeLike(q.q)}%`;
      // Phone digits only for what reads as a phone number: an email or a name with digits is not one.
      const digits = /^[\d\s+().-]+$/.test(q.q) ? q.q.replace(/\D/g, '') : '';
      const items: SearchHit[] = [];
      if (!q.cursor) {
        const jobs = await db
          .selectFrom('jobs')
          .innerJoin('teams', 'teams.id', 'jobs.team_id')
          .select(['jobs.id', 'jobs.title', 'jobs.status', 'teams.name as team'])
          .where('jobs.org_id', '=', orgId)
          .where(sql<boolean>`lower(jobs.title) like ${words}`)
          .orderBy('jobs.created_at', 'desc')
          .limit(FIRST_PAGE_OTHERS)
          .execute();
        items.push(
          ...jobs.map((j) => ({
            kind: 'job' as const,
            id: j.id,
            title: j.title,
            subtitle: `${j.team} · ${j.status}`,
            link: `/app/jobs/${j.id}`,
          })),
        );
        const people = await db
          .selectFrom('users')
          .select(['id', 'name', 'email'])
          .where('org_id', '=', orgId)
          .where('disabled_at', 'is', null)
          .where(sql<boolean>`lower(name || ' ' || email) like ${words}`)
          .orderBy('name')
          .limit(FIRST_PAGE_OTHERS)
          .execute();
        // A colleague opens the candidates they own.
        items.push(
          ...people.map((p) => ({
            kind: 'person' as const,
            id: p.id,
            title: p.name,
            subtitle: p.email,
            link: `/app/candidates?ownerId=${p.id}`,
          })),
        );
      }
      // A query no index can serve would read the whole table.
      if (!searchable(q.q) && digits.length < 4) return { items, nextCursor: null };
      const after = afterTime(q.cursor);
      let query = db
        .selectFrom('candidates')
        .select(['id', 'first_name', 'last_name', 'email', 'phone', cursorTime('created_at')])
        .where('org_id', '=', orgId)
        .where('merged_into', 'is', null)
        .where('erased_at', 'is', null)
        .where((eb) => {
          const text = textHolds(eb, q.q);
          return digits.length >= 4
            ? eb.or([
                text,
                eb(sql`regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g')`, 'like', `%${digits}%`),
              ])
            : text;
        });
      if (after)
        query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.time, after.id)));
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(q.limit + 1)
        .execute();
      const p = pageOf(rows, q.limit, (r) => [r.cursor_time, r.id]);
      items.push(
        ...p.items.map((c) => ({
          kind: 'candidate' as const,
          id: c.id,
          title: `${c.first_name} ${c.last_name}`,
          subtitle: [c.email, c.phone].filter(Boolean).join(' · '),
          link: `/app/candidates/${c.id}`,
        })),
      );
      return { items, nextCursor: p.nextCursor };
    },
  };
}
