import { z } from 'zod';
import { errorBody, idParams } from '../../contracts/common.js';
import { inboxPage, inboxQuery, inboxSettingsSchema, readInput, unreadCount } from '../../contracts/inbox.js';
import { markRead } from '../../core/inbox/mark-read.js';
import { saveInboxSettings } from '../../core/inbox/save-inbox-settings.js';
import { inboxQueries } from '../../db/inbox/inbox.queries.js';
import { allow, staffOf } from '../auth.js';
import { type App, type AppContext, respond } from '../context.js';

const denied = { 401: errorBody, 403: errorBody };

/** Each staff member's own inbox: mentions, replies, feedback due, approvals waiting. */
export function inboxRoutes(app: App, ctx: AppContext) {
  const reads = inboxQueries(ctx.db);

  app.get(
    '/api/inbox',
    {
      preValidation: allow('inbox.read'),
      schema: {
        tags: ['inbox'],
        summary: 'My notifications, newest first, with the unread count',
        querystring: inboxQuery,
        response: { 200: inboxPage, 400: errorBody, ...denied },
      },
    },
    async (request) => {
      const actor = staffOf(request);
      return reads.page(actor.orgId, actor.userId, request.query);
    },
  );

  app.get(
    '/api/inbox/unread',
    {
      preValidation: allow('inbox.read'),
      schema: {
        tags: ['inbox'],
        summary: 'How many of my notifications are unread (the bell)',
        response: { 200: unreadCount, ...denied },
      },
    },
    async (request) => {
      const actor = staffOf(request);
      return { unread: await reads.unread(actor.orgId, actor.userId) };
    },
  );

  app.put(
    '/api/inbox/:id/read',
    {
      preValidation: allow('inbox.read'),
      schema: {
        tags: ['inbox'],
        summary: 'Marks one of my notifications read, or unread again',
        params: idParams,
        body: readInput,
        response: { 200: z.object({ marked: z.number() }), 404: errorBody, 400: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      respond(
        reply,
        await markRead(ctx.deps, { actor: staffOf(request), id: request.params.id, read: request.body.read }),
        (v) => v,
      ),
  );

  app.post(
    '/api/inbox/read-all',
    {
      preValidation: allow('inbox.read'),
      schema: {
        tags: ['inbox'],
        summary: 'Marks all my notifications read',
        response: { 200: z.object({ marked: z.number() }), ...denied },
      },
    },
    async (request, reply) =>
      respond(reply, await markRead(ctx.deps, { actor: staffOf(request), id: 'all', read: true }), (v) => v),
  );

  app.get(
    '/api/inbox/settings',
    {
      preValidation: allow('inbox.read'),
      schema: {
        tags: ['inbox'],
        summary: 'Which kinds of my notifications also come by email',
        response: { 200: inboxSettingsSchema, ...denied },
      },
    },
    async (request) => {
      const actor = staffOf(request);
      return reads.settings(actor.orgId, actor.userId);
    },
  );

  app.put(
    '/api/inbox/settings',
    {
      preValidation: allow('inbox.read'),
      schema: {
        tags: ['inbox'],
        summary: 'Chooses which kinds of my notifications also come by email',
        body: inboxSettingsSchema,
        response: { 200: inboxSettingsSchema, 400: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      respond(
        reply,
        await saveInboxSettings(ctx.deps, { actor: staffOf(request), emailKinds: request.body.emailKinds }),
        (v) => v,
      ),
  );
}
