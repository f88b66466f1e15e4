import Mustache from 'mustache';
import { z } from 'zod';
import { errorBody, idParams, page } from '../../contracts/api.js';
import {
  deliveryDetail,
  deliveryListQuery,
  deliverySchema,
  messageBody,
  notificationSettings,
  preferencesSchema,
  previewBody,
  previewResponse,
  templateBody,
  templateItem,
  templateParams,
  updateDueSchema,
  webhookBody,
  webhookPatch,
  webhookSchema,
} from '../../contracts/notifications.js';
import { templateText } from '../../core/notifications/dispatch-events.js';
import { messageCandidate } from '../../core/notifications/message-candidate.js';
import { ok } from '../../core/shared/result.js';
import { notificationAdmin } from '../../db/notifications/notifications-admin.js';
import { actorOf, allow, candidateOf, candidateOnly } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { sendError } from '../errors.js';
import { messageRenderer } from '../messages.js';

const denied = { 401: errorBody, 403: errorBody };
/** What a preview fills templates with. */
const sample = {
  recipientName: 'Alex Candidate',
  companyName: 'Your company',
  jobTitle: 'Backend Software Engineer',
  teamName: 'User and Relation',
  currentStep: 'Coding round 1',
  nextStep: 'System design',
  portalUrl: 'https://careers.example/candidate',
  url: 'https://careers.example/candidate/sign-in?token=…',
  expiresInMinutes: 30,
  feedback: null,
  interview: {
    roundName: 'Coding round 1',
    startsAtLocal: '2026-03-10T10:00:00+08:00',
    timezone: 'Asia/Singapore',
    durationMinutes: 60,
    language: 'en',
  },
  dueAtLocal: '2026-03-12T23:59:59+08:00',
};

export function notificationRoutes(app: App, ctx: AppContext) {
  const admin = notificationAdmin(ctx.db, ctx.clock);
  const shipped = ctx.catalog.messageTemplates;

  app.get(
    '/api/deliveries',
    {
      preHandler: allow('org.manage'),
      schema: {
        tags: ['notifications'],
        summary: 'Deliveries, newest first: the outbound mailbox and webhook calls, with failures',
        querystring: deliveryListQuery,
        response: { 200: page(deliverySchema), 400: errorBody, ...denied },
      },
    },
    async (request) => admin.listDeliveries(actorOf(request).orgId, request.query),
  );
  app.get(
    '/api/deliveries/:id',
    {
      preHandler: allow('org.manage'),
      schema: {
        tags: ['notifications'],
        params: idParams,
        response: { 200: deliveryDetail, 404: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      (await admin.delivery(actorOf(request).orgId, request.params.id)) ??
      sendError(reply, { code: 'not_found', message: 'No such delivery.' }),
  );
  app.post(
    '/api/deliveries/:id/retry',
    {
      preHandler: allow('org.manage'),
      schema: {
        tags: ['notifications'],
        summary: 'Puts a failed delivery back in the queue',
        params: idParams,
        response: {
          202: z.object({ status: z.literal('queued') }),
          404: errorBody,
          409: errorBody,
          ...denied,
        },
      },
    },
    async (request, reply) => {
      if (await admin.retry(actorOf(request), request.params.id))
        return reply.code(202).send({ status: 'queued' as const });
      const exists = await admin.delivery(actorOf(request).orgId, request.params.id);
      return exists
        ? sendError(reply, {
            code: 'conflict.stale_version',
            message: 'Only a failed delivery can be retried.',
          })
        : sendError(reply, { code: 'not_found', message: 'No such delivery.' });
    },
  );

  app.get(
    '/api/events/failed',
    {
      preHandler: allow('org.manage'),
      schema: {
        tags: ['notifications'],
        summary: 'Events that could not be turned into messages, with the reason',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                seq: z.number(),
                kind: z.string(),
                error: z.string(),
                createdAt: z.string(),
                failedAt: z.string(),
              }),
            ),
          }),
          ...denied,
        },
      },
    },
    async (request) => ({ items: await admin.failedEvents(actorOf(request).orgId) }),
  );
  app.post(
    '/api/events/:seq/retry',
    {
      preHandler: allow('org.manage'),
      schema: {
        tags: ['notifications'],
        summary: 'Dispatches a failed event again',
        params: z.object({ seq: z.coerce.number().int().min(1) }),
        response: { 202: z.object({ status: z.literal('queued') }), 404: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      (await admin.retryEvent(actorOf(request), request.params.seq))
        ? reply.code(202).send({ status: 'queued' as const })
        : sendError(reply, { code: 'not_found', message: 'No failed event with this number.' }),
  );

  app.get(
    '/api/message-templates',
    {
      preHandler: allow('org.manage'),
      schema: {
        tags: ['notifications'],
        summary: 'Every message template in every language, with the organisation’s edits',
        response: { 200: z.object({ items: z.array(templateItem) }), ...denied },
      },
    },
    async (request) => {
      const own = await admin.ownTemplates(actorOf(request).orgId);
      const items = [...shipped.values()].flatMap((t) =>
        Object.entries(t.languages).map(([language, text]) => {
          const edited = own.find((o) => o.key === t.key && o.language === language);
          return {
            key: t.key,
            language,
            subject: edited?.subject ?? text.subject,
            body: edited?.body ?? text.body,
            customised: Boolean(edited),
          };
        }),
      );
      const extra = own
        .filter((o) => !items.some((i) => i.key === o.key && i.language === o.language))
        .map((o) => ({
          key: o.key,
          language: o.language,
          subject: o.subject,
          body: o.body,
          customised: true,
        }));
      return { items: [...items, ...extra] };
    },
  );
  app.put(
    '/api/message-templates/:key/:language',
    {
      preHandler: allow('org.manage'),
      schema: {
        tags: ['notifications'],
        summary: 'Saves the organisation’s version of a template in one language',
        params: templateParams,
        body: templateBody,
        response: { 200: templateItem, 400: errorBody, 404: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const { key, language } = request.params;
      if (!shipped.has(key))
        return sendError(reply, {
          code: 'not_found',
          message: `No message template "${key}".`,
          details: { available: [...shipped.keys()] },
        });
      for (const field of ['subject', 'body'] as const) {
        try {
          Mustache.parse(request.body[field]);
        } catch (error) {
          return sendError(reply, {
            code: 'validation.failed',
            message: `${field}: ${(error as Error).message}`,
            details: { field },
          });
        }
      }
      await admin.saveTemplate(actorOf(request), key, language, request.body);
      return { key, language, ...request.body, customised: true };
    },
  );
  app.post(
    '/api/message-templates/:key/:language/preview',
    {
      preHandler: allow('org.manage'),
      schema: {
        tags: ['notifications'],
        summary: 'Renders a template (saved, or the text sent) with sample data',
        params: templateParams,
        body: previewBody,
        response: { 200: previewResponse, 400: errorBody, 404: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const { key, language } = request.params;
      if (!shipped.has(key))
        return sendError(reply, { code: 'not_found', message: `No message template "${key}".` });
      const saved = await ctx.deps.transaction(async (store) =>
        ok(await templateText(ctx.deps, store, actorOf(request).orgId, key, language)),
      );
      if (!saved.ok) return sendError(reply, saved.error);
      const data = { ...sample, ...request.body.data };
      try {
        return {
          ...messageRenderer.render(
            {
              subject: request.body.subject ?? saved.value.subject,
              body: request.body.body ?? saved.value.body,
            },
            data,
          ),
        };
      } catch (error) {
        return sendError(reply, { code: 'validation.failed', message: (error as Error).message });
      }
    },
  );

  app.get(
    '/api/webhooks',
    {
      preHandler: allow('org.manage'),
      schema: {
        tags: ['notifications'],
        response: { 200: z.object({ items: z.array(webhookSchema) }), ...denied },
      },
    },
    async (request) => ({ items: await admin.listWebhooks(actorOf(request).orgId) }),
  );
  app.post(
    '/api/webhooks',
    {
      preHandler: allow('org.manage'),
      schema: {
        tags: ['notifications'],
        summary:
          'Registers an endpoint; each POST carries `Signature: sha256 <hex>`, an HMAC-SHA256 of the body with the secret returned here once',
        body: webhookBody,
        response: { 201: webhookSchema, 400: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await admin.createWebhook(actorOf(request), ctx.ids.next(), request.body)),
  );
  app.patch(
    '/api/webhooks/:id',
    {
      preHandler: allow('org.manage'),
      schema: {
        tags: ['notifications'],
        summary: 'Pauses, re-subscribes or rotates the secret of an endpoint',
        params: idParams,
        body: webhookPatch,
        response: { 200: webhookSchema, 400: errorBody, 404: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      (await admin.updateWebhook(actorOf(request), request.params.id, request.body)) ??
      sendError(reply, { code: 'not_found', message: 'No such webhook.' }),
  );

  app.get(
    '/api/settings/notifications',
    {
      preHandler: allow('org.read'),
      schema: { tags: ['notifications'], response: { 200: notificationSettings, ...denied } },
    },
    async (request) => admin.settings(actorOf(request).orgId),
  );
  app.put(
    '/api/settings/notifications',
    {
      preHandler: allow('org.manage'),
      schema: {
        tags: ['notifications'],
        body: notificationSettings,
        response: { 200: notificationSettings, 400: errorBody, ...denied },
      },
    },
    async (request) => {
      await admin.saveSettings(actorOf(request), request.body);
      return request.body;
    },
  );

  app.get(
    '/api/updates/due',
    {
      preHandler: allow('application.read'),
      schema: {
        tags: ['notifications'],
        summary: 'Open applications nearing or past the update guarantee (R-FB-5)',
        response: { 200: z.object({ items: z.array(updateDueSchema) }), ...denied },
      },
    },
    async (request) => ({
      items: await admin.updatesDue(actorOf(request).orgId, ctx.clock.now(), 2 * 86_400_000),
    }),
  );
  app.post(
    '/api/applications/:id/messages',
    {
      preHandler: allow('application.create'),
      schema: {
        tags: ['notifications'],
        summary: 'Writes to the candidate; it counts as their update',
        params: idParams,
        body: messageBody,
        response: { 202: z.object({ messageId: z.string() }), 400: errorBody, 404: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const result = await messageCandidate(ctx.deps, {
        actor: actorOf(request),
        applicationId: request.params.id,
        ...request.body,
      });
      return result.ok ? reply.code(202).send(result.value) : sendError(reply, result.error);
    },
  );

  app.get(
    '/api/me/preferences',
    {
      preHandler: candidateOnly,
      schema: { tags: ['candidate portal'], response: { 200: preferencesSchema, ...denied } },
    },
    async (request) => {
      const actor = candidateOf(request);
      return admin.preferences(actor.orgId, actor.candidateId);
    },
  );
  app.put(
    '/api/me/preferences',
    {
      preHandler: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        summary: 'Language, time zone, and opting out of non-essential messages',
        body: preferencesSchema,
        response: { 200: preferencesSchema, 400: errorBody, ...denied },
      },
    },
    async (request) => {
      const actor = candidateOf(request);
      await admin.savePreferences(actor.orgId, actor.candidateId, request.body);
      return admin.preferences(actor.orgId, actor.candidateId);
    },
  );
}
