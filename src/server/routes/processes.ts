import { z } from 'zod';
import { errorBody, idParams, uuid } from '../../contracts/common.js';
import {
  adoptTemplateBody,
  processSchema,
  reviseProcessBody,
  templateSummary,
} from '../../contracts/processes.js';
import { adoptTemplate } from '../../core/processes/adopt-template.js';
import type { Process } from '../../core/processes/processes.port.js';
import { reviseProcess } from '../../core/processes/revise-process.js';
import { actorOf, allow } from '../auth.js';
import { type App, type AppContext, respond } from '../context.js';
import { sendError } from '../errors.js';

const denied = { 401: errorBody, 403: errorBody };
const present = (p: Process) => ({
  id: p.id,
  teamId: p.teamId,
  lineageId: p.lineageId,
  version: p.version,
  templateKey: p.templateKey,
  definition: p.definition,
});

export function processRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/templates',
    {
      preValidation: allow('process.read'),
      schema: {
        tags: ['processes'],
        summary: 'The shipped process templates',
        response: { 200: z.object({ items: z.array(templateSummary) }), ...denied },
      },
    },
    async () => ({ items: [...ctx.catalog.processTemplates.values()] }),
  );

  app.get(
    '/api/processes',
    {
      preValidation: allow('process.read'),
      schema: {
        tags: ['processes'],
        summary: "Teams' processes, every version",
        querystring: z.object({ teamId: uuid.optional() }),
        response: { 200: z.object({ items: z.array(processSchema) }), ...denied },
      },
    },
    async (request) => ({
      items: (await ctx.organisation.listProcesses(actorOf(request).orgId, request.query.teamId)).map(
        present,
      ),
    }),
  );

  app.get(
    '/api/processes/:id',
    {
      preValidation: allow('process.read'),
      schema: {
        tags: ['processes'],
        params: idParams,
        response: { 200: processSchema, 404: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const process = await ctx.organisation.getProcess(actorOf(request).orgId, request.params.id);
      if (!process) return sendError(reply, { code: 'process.not_found', message: 'No such process.' });
      return present(process);
    },
  );

  app.post(
    '/api/processes',
    {
      preValidation: allow('process.manage'),
      schema: {
        tags: ['processes'],
        summary: "Copies a shipped template into a team's own process",
        body: adoptTemplateBody,
        response: { 201: processSchema, 400: errorBody, 404: errorBody, 422: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const template = ctx.catalog.processTemplates.get(request.body.templateKey);
      if (!template) {
        return sendError(reply, {
          code: 'process.not_found',
          message: `No template "${request.body.templateKey}".`,
          details: { field: 'templateKey', available: [...ctx.catalog.processTemplates.keys()] },
        });
      }
      const result = await adoptTemplate(ctx.deps, {
        actor: actorOf(request),
        teamId: request.body.teamId,
        template,
      });
      return respond(reply, result, present, 201);
    },
  );

  app.put(
    '/api/processes/:id',
    {
      preValidation: allow('process.manage'),
      schema: {
        tags: ['processes'],
        summary: 'Saves an edited process as a new version; running applications keep their plan',
        params: idParams,
        body: reviseProcessBody,
        response: { 200: processSchema, 400: errorBody, 404: errorBody, 409: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const result = await reviseProcess(ctx.deps, {
        actor: actorOf(request),
        processId: request.params.id,
        ...request.body,
      });
      return respond(reply, result, present);
    },
  );
}
