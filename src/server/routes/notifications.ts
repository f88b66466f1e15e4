import { z } from 'zod';
import { errorBody, idParams, page } from '../../contracts/common.js';
import type { DomainError } from '../../contracts/errors.js';
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
import { createWebhook } from '../../core/notifications/create-webhook.js';
import { messageCandidate } from '../../core/notifications/message-candidate.js';
import type { Webhook } from '../../core/notifications/notifications-admin.port.js';
import { previewMessageTemplate } from '../../core/notifications/preview-message-template.js';
import { retryDelivery } from '../../core/notifications/retry-delivery.js';
import { retryEvent } from '../../core/notifications/retry-event.js';
import { saveMessageTemplate } from '../../core/notifications/save-message-template.js';
import { saveNotificationSettings } from '../../core/notifications/save-notification-settings.js';
import { savePreferences } from '../../core/notifications/save-preferences.js';
import { updateWebhook } from '../../core/notifications/update-webhook.js';
import { notificationQueries } from '../../db/notifications/notifications.queries.js';
import { actorOf, allow, candidateOf, candidateOnly } from '../auth.js';
import { type App, type AppContext, respond } from '../context.js';
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
    time: 'Tuesday 10 March, 10:00–11:00 Singapore time — 18:00 Monday in Los Angeles for your interviewer',
    startsAtLocal: '2026-03-10T10:00:00+08:00',
    timezone: 'Asia/Singapore',
    durationMinutes: 60,
    language: 'en',
  },
  dueAtLocal: '2026-03-12T23:59:59+08:00',
};

const asIs = <T>(value: T) => value;
const presentWebhook = ({ orgId: _, ...webhook }: Webhook & { secret?: string }) => ({
  ...webhook,
  createdAt: webhook.createdAt.toISOString(),
});

export function notificationRoutes(app: App, ctx: AppContext) {
  const { deps } = ctx;
  const shipped = ctx.catalog.messageTemplates;
  const reads = notificationQueries(ctx.db, shipped);
  /** Templates can only be edited and previewed where the product ships one under that key. */
  const unknownTemplate = (key: string): DomainError | null =>
    shipped.has(key)
      ? null
      : {
          code: 'not_found',
          message: `No message template "${key}".`,
          details: { available: [...shipped.keys()] },
        };

  app.get(
    '/api/deliveries',
    {
      preValidation: allow('org.manage'),
      schema: {
        tags: ['notifications'],
        summary: 'Deliveries, newest first: the outbound mailbox and webhook calls, with failures',
        querystring: deliveryListQuery,
        response: { 200: page(deliverySchema), 400: errorBody, ...denied },
      },
    },
    async (request) => reads.listDeliveries(actorOf(request).orgId, request.query),
  );
  app.get(
    '/api/deliveries/:id',
    {
      preValidation: allow('org.manage'),
      schema: {
        tags: ['notifications'],
        params: idParams,
        response: { 200: deliveryDetail, 404: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      (await reads.delivery(actorOf(request).orgId, request.params.id)) ??
      sendError(reply, { code: 'not_found', message: 'No such delivery.' }),
  );
  app.post(
    '/api/deliveries/:id/retry',
    {
      preValidation: allow('org.manage'),
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
    async (request, reply) =>
      respond(
        reply,
        await retryDelivery(deps, { actor: actorOf(request), deliveryId: request.params.id }),
        asIs,
        202,
      ),
  );

  app.get(
    '/api/events/failed',
    {
      preValidation: allow('org.manage'),
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
    async (request) => ({ items: await reads.failedEvents(actorOf(request).orgId) }),
  );
  app.post(
    '/api/events/:seq/retry',
    {
      preValidation: allow('org.manage'),
      schema: {
        tags: ['notifications'],
        summary: 'Dispatches a failed event again',
        params: z.object({ seq: z.coerce.number().int().min(1) }),
        response: { 202: z.object({ status: z.literal('queued') }), 404: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      respond(reply, await retryEvent(deps, { actor: actorOf(request), seq: request.params.seq }), asIs, 202),
  );

  app.get(
    '/api/message-templates',
    {
      preValidation: allow('org.manage'),
      schema: {
        tags: ['notifications'],
        summary: 'Every message template in every language, with the organisation’s edits',
        response: { 200: z.object({ items: z.array(templateItem) }), ...denied },
      },
    },
    async (request) => ({ items: await reads.templates(actorOf(request).orgId) }),
  );
  app.put(
    '/api/message-templates/:key/:language',
    {
      preValidation: allow('org.manage'),
      schema: {
        tags: ['notifications'],
        summary: 'Saves the organisation’s version of a template in one language',
        params: templateParams,
        body: templateBody,
        response: { 200: templateItem, 400: errorBody, 404: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const unknown = unknownTemplate(request.params.key);
      if (unknown) return sendError(reply, unknown);
      const saved = await saveMessageTemplate(deps, {
        actor: actorOf(request),
        ...request.params,
        text: request.body,
      });
      return respond(reply, saved, asIs);
    },
  );
  app.post(
    '/api/message-templates/:key/:language/preview',
    {
      preValidation: allow('org.manage'),
      schema: {
        tags: ['notifications'],
        summary: 'Renders a template (saved, or the text sent) with sample data',
        params: templateParams,
        body: previewBody,
        response: { 200: previewResponse, 400: errorBody, 404: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const unknown = unknownTemplate(request.params.key);
      if (unknown) return sendError(reply, { code: unknown.code, message: unknown.message });
      const { data, ...text } = request.body;
      const preview = await previewMessageTemplate(
        { ...deps, renderer: messageRenderer },
        { orgId: actorOf(request).orgId, ...request.params, ...text, data: { ...sample, ...data } },
      );
      return respond(reply, preview, asIs);
    },
  );

  app.get(
    '/api/webhooks',
    {
      preValidation: allow('org.manage'),
      schema: {
        tags: ['notifications'],
        response: { 200: z.object({ items: z.array(webhookSchema) }), ...denied },
      },
    },
    async (request) => ({ items: await reads.listWebhooks(actorOf(request).orgId) }),
  );
  app.post(
    '/api/webhooks',
    {
      preValidation: allow('org.manage'),
      schema: {
        tags: ['notifications'],
        summary:
          'Registers an endpoint; each POST carries `Signature: sha256 <hex>`, an HMAC-SHA256 of the body with the secret returned here once',
        body: webhookBody,
        response: { 201: webhookSchema, 400: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      respond(
        reply,
        await createWebhook(deps, { actor: actorOf(request), ...request.body }),
        presentWebhook,
        201,
      ),
  );
  app.patch(
    '/api/webhooks/:id',
    {
      preValidation: allow('org.manage'),
      schema: {
        tags: ['notifications'],
        summary: 'Pauses, re-subscribes or rotates the secret of an endpoint',
        params: idParams,
        body: webhookPatch,
        response: { 200: webhookSchema, 400: errorBody, 404: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const change = { actor: actorOf(request), webhookId: request.params.id, ...request.body };
      return respond(reply, await updateWebhook(deps, change), presentWebhook);
    },
  );

  app.get(
    '/api/settings/notifications',
    {
      preValidation: allow('org.read'),
      schema: { tags: ['notifications'], response: { 200: notificationSettings, ...denied } },
    },
    async (request) => reads.settings(actorOf(request).orgId),
  );
  app.put(
    '/api/settings/notifications',
    {
      preValidation: allow('org.manage'),
      schema: {
        tags: ['notifications'],
        body: notificationSettings,
        response: { 200: notificationSettings, 400: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      respond(
        reply,
        await saveNotificationSettings(deps, { actor: actorOf(request), settings: request.body }),
        asIs,
      ),
  );

  app.get(
    '/api/updates/due',
    {
      preValidation: allow('application.read'),
      schema: {
        tags: ['notifications'],
        summary: 'Open applications nearing or past the update guarantee',
        response: { 200: z.object({ items: z.array(updateDueSchema) }), ...denied },
      },
    },
    async (request) => ({
      items: await reads.updatesDue(actorOf(request).orgId, ctx.clock.now(), 2 * 86_400_000),
    }),
  );
  app.post(
    '/api/applications/:id/messages',
    {
      preValidation: allow('application.create'),
      schema: {
        tags: ['notifications'],
        summary: 'Writes to the candidate; it counts as their update',
        params: idParams,
        body: messageBody,
        response: { 202: z.object({ messageId: z.string() }), 400: errorBody, 404: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const message = { actor: actorOf(request), applicationId: request.params.id, ...request.body };
      return respond(reply, await messageCandidate(deps, message), asIs, 202);
    },
  );

  app.get(
    '/api/me/preferences',
    {
      preValidation: candidateOnly,
      schema: { tags: ['candidate portal'], response: { 200: preferencesSchema, ...denied } },
    },
    async (request) => {
      const actor = candidateOf(request);
      return reads.preferences(actor.orgId, actor.candidateId);
    },
  );
  app.put(
    '/api/me/preferences',
    {
      preValidation: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        summary: 'Language, time zone, and opting out of non-essential messages',
        body: preferencesSchema,
        response: { 200: preferencesSchema, 400: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      respond(
        reply,
        await savePreferences(deps, { actor: candidateOf(request), preferences: request.body }),
        asIs,
      ),
  );
}
