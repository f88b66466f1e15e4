import { errorBody } from '../../contracts/common.js';
import { searchPage, searchQuery } from '../../contracts/search.js';
import { searchQueries } from '../../db/search/search.queries.js';
import { actorOf, allow } from '../auth.js';
import type { App, AppContext } from '../context.js';

/** The header's one search box. */
export function searchRoutes(app: App, ctx: AppContext) {
  const reads = searchQueries(ctx.db);
  app.get(
    '/api/search',
    {
      preValidation: allow('candidate.read'),
      schema: {
        tags: ['search'],
        summary: 'Finds candidates, jobs and people by name, email, phone or resume text',
        description:
          'The first page lists matching jobs and staff (up to 5 each), then candidates newest first; pass nextCursor for more candidates.',
        querystring: searchQuery,
        response: { 200: searchPage, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => reads.search(actorOf(request).orgId, request.query),
  );
}
