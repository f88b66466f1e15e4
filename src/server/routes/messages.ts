import { z } from 'zod';
import { errorBody, idParams } from '../../contracts/common.js';
import {
  portalReplyBody,
  portalThreadSchema,
  previewMessageBody,
  profileSchema,
  writeMessageBody,
  writtenMessage,
} from '../../contracts/messages.js';
import { templateItem } from '../../contracts/notifications.js';
import { previewCandidateMessage } from '../../core/messages/preview-candidate-message.js';
import { replyInPortal } from '../../core/messages/receive-candidate-reply.js';
import { writeToCandidate } from '../../core/messages/write-to-candidate.js';
import { profileQueries } from '../../db/candidates/profile.queries.js';
import { messageQueries } from '../../db/messages/messages.queries.js';
import { notificationQueries } from '../../db/notifications/notifications.queries.js';
import { actorOf, allow, candidateOf, candidateOnly, staffOf } from '../auth.js';
import { type App, type AppContext, respond } from '../context.js';
import { sendError } from '../errors.js';
import { messageRenderer } from '../messages.js';

const denied = { 401: errorBody, 403: errorBody };
const refusals = { 400: errorBody, 404: errorBody, 422: errorBody, ...denied };
const asIs = <T>(value: T) => value;
const presentWritten = (w: {
  messageId: string;
  threadId: string;
  sendAt: Date;
  subject: string;
  body: string;
}) => ({
  ...w,
  sendAt: w.sendAt.toISOString(),
});
/** Shipped templates meant for writing to a candidate by hand carry this prefix. */
const WRITING = 'message_';

/** The candidate's profile, writing to them from it, and the candidate's side of the conversation. */
export function messageRoutes(app: App, ctx: AppContext) {
  const profiles = profileQueries(ctx.db);
  const threads = messageQueries(ctx.db);
  const templates = notificationQueries(ctx.db, ctx.catalog.messageTemplates);
  const deps = { ...ctx.deps, renderer: messageRenderer };

  app.get(
    '/api/candidates/:id/profile',
    {
      preValidation: allow('candidate.read'),
      schema: {
        tags: ['candidates'],
        summary: 'One person: every application, files, answers, the conversation and one activity feed',
        params: idParams,
        response: { 200: profileSchema, 404: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const profile = await profiles.get(actorOf(request).orgId, request.params.id);
      return profile ?? sendError(reply, { code: 'candidate.not_found', message: 'No such candidate.' });
    },
  );

  app.get(
    '/api/writing-templates',
    {
      preValidation: allow('candidate.message'),
      schema: {
        tags: ['candidates'],
        summary: 'Templates to start a message to a candidate from, with the organisation’s wording',
        response: { 200: z.object({ items: z.array(templateItem) }), ...denied },
      },
    },
    async (request) => ({
      items: (await templates.templates(actorOf(request).orgId)).filter((t) => t.key.startsWith(WRITING)),
    }),
  );

  app.post(
    '/api/candidates/:id/messages/preview',
    {
      preValidation: allow('candidate.message'),
      schema: {
        tags: ['candidates'],
        summary: 'The message as this candidate would read it, placeholders filled; nothing is sent',
        params: idParams,
        body: previewMessageBody,
        response: { 200: z.object({ subject: z.string(), body: z.string() }), ...refusals },
      },
    },
    async (request, reply) => {
      const input = { actor: staffOf(request), candidateId: request.params.id, ...request.body };
      return respond(reply, await previewCandidateMessage(deps, input), asIs);
    },
  );

  app.post(
    '/api/candidates/:id/messages',
    {
      preValidation: allow('candidate.message'),
      schema: {
        tags: ['candidates'],
        summary: 'Writes to the candidate now or at a set time; their reply comes back to the thread',
        params: idParams,
        body: writeMessageBody,
        response: { 202: writtenMessage, ...refusals },
      },
    },
    async (request, reply) => {
      const { sendAt, ...text } = request.body;
      const input = {
        actor: staffOf(request),
        candidateId: request.params.id,
        ...text,
        sendAt: sendAt ? new Date(sendAt) : undefined,
      };
      return respond(reply, await writeToCandidate(deps, input), presentWritten, 202);
    },
  );

  app.get(
    '/api/message-attachments/:id',
    {
      preValidation: allow('candidate.read'),
      schema: {
        tags: ['candidates'],
        summary: 'Downloads a file that came with a reply (staff only)',
        params: idParams,
      },
    },
    async (request, reply) => {
      const file = await threads.attachmentFile(actorOf(request).orgId, request.params.id);
      if (!file || file.refused) return sendError(reply, { code: 'not_found', message: 'No such file.' });
      return reply
        .type(file.content_type)
        .header('content-disposition', `attachment; filename="${file.filename.replace(/["\\\r\n]/g, '_')}"`)
        .send(file.data);
    },
  );

  app.get(
    '/api/me/messages',
    {
      preValidation: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        summary: 'My conversations with the hiring team, one per application',
        response: { 200: z.object({ items: z.array(portalThreadSchema) }), ...denied },
      },
    },
    async (request) => {
      const { orgId, candidateId } = candidateOf(request);
      return { items: await threads.forCandidate(orgId, candidateId, ctx.clock.now()) };
    },
  );

  app.post(
    '/api/me/messages',
    {
      preValidation: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        summary: 'Answers the hiring team from the portal, on an application they wrote to me about',
        body: portalReplyBody,
        response: { 201: z.object({ messageId: z.string() }), ...refusals },
      },
    },
    async (request, reply) => {
      const input = { actor: candidateOf(request), ...request.body };
      return respond(reply, await replyInPortal(ctx.deps, input), (r) => ({ messageId: r.messageId }), 201);
    },
  );
}
