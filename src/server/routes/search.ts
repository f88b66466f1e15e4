import { errorBody } from '../../contracts/common.js';
import { searchPage, searchQuery } from '../../contracts/search.js';
import { screeningQueries } from '../../db/screening/screening.queries.js';
import { searchQueries } from '../../db/search/search.queries.js';
import { actorOf, allow } from '../auth.js';
import type { App, AppContext } from '../context.js';

/** The header's one search box. */
export function searchRoutes(app: App, ctx: AppContext) {
  const reads = searchQueries(ctx.db);
  const screening = screeningQueries(ctx.db);
  app.get(
    '/api/search',
    {
      preValidation: allow('candidate.read'),
      schema: {
        tags: ['search'],
        summary: 'Finds candidates, jobs and people by name, email, phone or resume text',
        description:
          'The first page lists matching jobs and staff (up to 5 each), then candidates newest first; pass nextCursor for more candidates. ' +
          'Candidates under blind review at the resume screen are left out.',
        querystring: searchQuery,
        response: { 200: searchPage, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      const orgId = actorOf(request).orgId;
      const found = await reads.search(orgId, request.query);
      // Blind review (ADR 0025): a candidate at a blind resume screen is not found by name or words.
      const blind = await screening.blindCandidates(
        orgId,
        found.items.filter((h) => h.kind === 'candidate').map((h) => h.id),
      );
      return blind.size === 0
        ? found
        : { ...found, items: found.items.filter((h) => !(h.kind === 'candidate' && blind.has(h.id))) };
    },
  );
}
