import type { FastifyReply } from 'fastify';
import { errorBody, idParams } from '../../contracts/common.js';
import type { DomainError } from '../../contracts/errors.js';
import {
  calendarImportBody,
  calendarImportResponse,
  freeQuery,
  freeResponse,
  interviewerListQuery,
  interviewerListResponse,
  overrideBody,
  overrideParams,
  profileBody,
  profileResponse,
} from '../../contracts/scheduling.js';
import { freeTime } from '../../core/availability/free-time.js';
import { importCalendar } from '../../core/availability/import-calendar.js';
import { removeOverride } from '../../core/availability/remove-override.js';
import { saveAvailability } from '../../core/availability/save-availability.js';
import { setOverride } from '../../core/availability/set-override.js';
import type { Result } from '../../core/shared/result.js';
import type { Actor } from '../../core/shared/types.js';
import { availabilityQueries } from '../../db/availability/availability.queries.js';
import { actorOf, allow } from '../auth.js';
import { calendarSource } from '../calendar-import.js';
import type { App, AppContext } from '../context.js';
import { respond } from '../context.js';
import { sendError } from '../errors.js';

const denied = { 401: errorBody, 403: errorBody };
const refusals = { 400: errorBody, 404: errorBody, 409: errorBody, 422: errorBody, ...denied };
const noStaff = { code: 'not_found' as const, message: 'No such staff member.' };

/** Interviewers' working hours, overrides, training and calendars, and the free time they leave. */
export function availabilityRoutes(app: App, ctx: AppContext) {
  const availability = availabilityQueries(ctx.db, ctx.clock);
  const calendarDeps = { ...ctx.deps, calendars: calendarSource(ctx.config.ALLOW_PRIVATE_NETWORK_URLS) };

  /** A calendar feed's address can be a secret: only its owner sees it; others see its host. */
  const shown = async (actor: Actor, userId: string) => {
    const profile = await availability.profile(actor.orgId, userId);
    if (!profile) return null;
    return actor.kind === 'staff' && actor.userId === userId ? profile : { ...profile, calendarUrl: null };
  };
  /** After a change: the use case's refusal, or the profile as it now is. */
  const answerProfile = async (
    reply: FastifyReply,
    actor: Actor,
    userId: string,
    done: Result<unknown, DomainError>,
  ) => (done.ok ? reply.send(await shown(actor, userId)) : sendError(reply, done.error));

  app.get(
    '/api/interviewers',
    {
      preValidation: allow('availability.manage'),
      schema: {
        tags: ['scheduling'],
        summary:
          'Staff who interview, by name, with their zone, training and languages (filter by round type or language)',
        querystring: interviewerListQuery,
        response: { 200: interviewerListResponse, 400: errorBody, ...denied },
      },
    },
    async (request) => availability.interviewers(actorOf(request).orgId, request.query),
  );

  app.get(
    '/api/interviewers/:id/availability',
    {
      preValidation: allow('interview.read'),
      schema: {
        tags: ['scheduling'],
        summary:
          "An interviewer's working hours, weekly cap, training, languages, calendar feed and date overrides",
        params: idParams,
        response: { 200: profileResponse, 404: errorBody, ...denied },
      },
    },
    async (request, reply) => (await shown(actorOf(request), request.params.id)) ?? sendError(reply, noStaff),
  );

  app.put(
    '/api/interviewers/:id/availability',
    {
      preValidation: allow('interview.read'),
      schema: {
        tags: ['scheduling'],
        summary: 'Saves availability; send the version you loaded (0 the first time)',
        params: idParams,
        body: profileBody,
        response: { 200: profileResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { expectedVersion, ...profile } = request.body;
      const userId = request.params.id;
      const saved = await saveAvailability(ctx.deps, { actor, userId, profile, expectedVersion });
      return answerProfile(reply, actor, userId, saved);
    },
  );

  app.put(
    '/api/interviewers/:id/overrides/:day',
    {
      preValidation: allow('interview.read'),
      schema: {
        tags: ['scheduling'],
        summary: "Sets one local date's hours (leave, a holiday, a late day); [] means not available",
        params: overrideParams,
        body: overrideBody,
        response: { 200: profileResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id: userId, day } = request.params;
      const set = await setOverride(ctx.deps, { actor, userId, day, ...request.body });
      return answerProfile(reply, actor, userId, set);
    },
  );

  app.delete(
    '/api/interviewers/:id/overrides/:day',
    {
      preValidation: allow('interview.read'),
      schema: {
        tags: ['scheduling'],
        params: overrideParams,
        response: { 200: profileResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id: userId, day } = request.params;
      return answerProfile(reply, actor, userId, await removeOverride(ctx.deps, { actor, userId, day }));
    },
  );

  const presentImport = (done: { imported: number; from: Date; to: Date }) => ({
    imported: done.imported,
    from: done.from.toISOString(),
    to: done.to.toISOString(),
  });

  app.post(
    '/api/interviewers/:id/calendar',
    {
      preValidation: allow('interview.read'),
      bodyLimit: 3 * 1024 * 1024,
      schema: {
        tags: ['scheduling'],
        summary:
          'Imports busy times from an iCalendar file, replacing the previous import (the next 90 days)',
        params: idParams,
        body: calendarImportBody,
        response: { 200: calendarImportResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const input = { actor: actorOf(request), userId: request.params.id, ics: request.body.ics };
      return respond(reply, await importCalendar(calendarDeps, input), presentImport);
    },
  );

  app.post(
    '/api/interviewers/:id/calendar/sync',
    {
      preValidation: allow('interview.read'),
      schema: {
        tags: ['scheduling'],
        summary: "Fetches the interviewer's calendar feed URL now and imports its busy times",
        params: idParams,
        response: { 200: calendarImportResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const input = { actor: actorOf(request), userId: request.params.id };
      return respond(reply, await importCalendar(calendarDeps, input), presentImport);
    },
  );

  app.get(
    '/api/interviewers/:id/free',
    {
      preValidation: allow('interview.read'),
      schema: {
        tags: ['scheduling'],
        summary:
          "An interviewer's free time between two instants (working hours minus busy time, full weeks left out)",
        params: idParams,
        querystring: freeQuery,
        response: { 200: freeResponse, 404: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const window = { start: Date.parse(request.query.from), end: Date.parse(request.query.to) };
      const input = { orgId: actorOf(request).orgId, userId: request.params.id, window };
      return respond(reply, await freeTime(ctx.deps, input), (free) => ({
        timezone: free.timezone,
        items: free.items.map((i) => ({
          ...i,
          startsAt: i.startsAt.toISOString(),
          endsAt: i.endsAt.toISOString(),
        })),
      }));
    },
  );
}
