import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorBody, idParams } from '../../contracts/common.js';
import {
  bookMockBody,
  cancelMockBody,
  candidateMockSchema,
  coachingCardBody,
  coachMockSchema,
  coachProfileSchema,
  mockPadBody,
  mockRoundTypes,
  mockSettingsSchema,
  portalMockResponse,
  slotsQuery,
  slotsResponse,
} from '../../contracts/mock.js';
import { bookMock } from '../../core/mock/book-mock.js';
import { cancelMock } from '../../core/mock/cancel-mock.js';
import { listMockSlots } from '../../core/mock/list-mock-slots.js';
import { kitRoundOf } from '../../core/mock/mock.rules.js';
import { mockOverview } from '../../core/mock/mock-overview.js';
import { openMockPad } from '../../core/mock/open-mock-pad.js';
import { recordNoShow } from '../../core/mock/record-no-show.js';
import { saveCoachProfile } from '../../core/mock/save-coach-profile.js';
import { saveMockSettings } from '../../core/mock/save-mock-settings.js';
import { submitCoachingCard } from '../../core/mock/submit-coaching-card.js';
import { ok } from '../../core/shared/result.js';
import { mockQueries } from '../../db/mock/mock.queries.js';
import { allow, candidateOf, candidateOnly, staffOf } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { sendError } from '../errors.js';
import { coachKit, presentMockSession } from './mock.present.js';
import type { PracticeContent } from './practice.content.js';

const tags = ['mock interviews'];
const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const notFound = { code: 'mock.not_found' as const, message: 'No such mock interview.' };

/**
 * Mock interviews with a person: candidates book them in the portal, staff who volunteer coach
 * them. Only the session's two people ever read it; API tokens never reach it (`mock.coach` is a
 * session-only action), and no hiring read model joins these tables.
 */
export function mockRoutes(app: App, ctx: AppContext, practice: PracticeContent) {
  const reads = mockQueries(ctx.db);
  const { deps, catalog } = ctx;
  const videoRoomBaseUrl = ctx.config.VIDEO_ROOM_BASE_URL;
  const settingsOf = (orgId: string) =>
    deps.transaction(async (store) => ok(await store.mock.settings(orgId)));

  const candidateView = async (orgId: string, candidateId: string, id: string) => {
    const row = (await reads.ofCandidate(orgId, candidateId)).find((r) => r.id === id);
    return (
      row && {
        ...presentMockSession(row, 'candidate', catalog, videoRoomBaseUrl, ctx.clock.now()),
        coachName: row.coach_name,
      }
    );
  };
  const coachView = async (orgId: string, coachId: string, id: string) => {
    const row = (await reads.ofCoach(orgId, coachId)).find((r) => r.id === id);
    return row && coachPresent(row);
  };
  const coachPresent = (row: Awaited<ReturnType<typeof reads.ofCoach>>[number]) => {
    const view = presentMockSession(row, 'coach', catalog, videoRoomBaseUrl, ctx.clock.now());
    return { ...view, candidateName: row.candidate_name, kit: coachKit(view.roundType, catalog, practice) };
  };

  app.get(
    '/api/me/mock',
    {
      preValidation: candidateOnly,
      schema: {
        tags,
        summary:
          'Mock interviews: whether they are offered, my limit, the rounds, and my sessions with their cards',
        response: { 200: portalMockResponse, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      const { orgId, candidateId } = candidateOf(request);
      const summary = await mockOverview(deps, { actor: candidateOf(request) });
      if (!summary.ok) throw new Error(summary.error.message);
      const rows = await reads.ofCandidate(orgId, candidateId);
      return {
        ...summary.value,
        roundTypes: mockRoundTypes.map((key) => {
          const kit = catalog.interviewKit(kitRoundOf[key]);
          return { key, name: presentName(key), purpose: kit?.preparation.whatItTests ?? '' };
        }),
        items: rows.map((row) => ({
          ...presentMockSession(row, 'candidate', catalog, videoRoomBaseUrl, ctx.clock.now()),
          coachName: row.coach_name,
        })),
      };
    },
  );

  app.get(
    '/api/me/mock/slots',
    {
      preValidation: candidateOnly,
      schema: {
        tags,
        summary: "A mock round's open slots over the next two weeks, in my time zone",
        querystring: slotsQuery,
        response: { 200: slotsResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = candidateOf(request);
      const result = await listMockSlots(deps, { actor, roundType: request.query.roundType });
      if (!result.ok) return sendError(reply, result.error);
      return { roundType: request.query.roundType, ...result.value };
    },
  );

  app.post(
    '/api/me/mock/sessions',
    {
      preValidation: candidateOnly,
      schema: {
        tags,
        summary: 'Books a mock interview at one of its open slots',
        body: bookMockBody,
        response: { 201: candidateMockSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = candidateOf(request);
      const booked = await bookMock(deps, {
        actor,
        roundType: request.body.roundType,
        startsAt: new Date(request.body.startsAt),
        videoRoomBaseUrl,
      });
      if (!booked.ok) return sendError(reply, booked.error);
      return reply.code(201).send((await candidateView(actor.orgId, actor.candidateId, booked.value.id))!);
    },
  );

  // Either person of a session may cancel it (saying why) or record that the other did not come;
  // each answers the session as they see it.
  const sides = [
    {
      prefix: '/api/me/mock',
      guard: candidateOnly,
      response: candidateMockSchema,
      cancelled: 'Cancels my mock interview, saying why',
      noShow: 'Records that my practice interviewer did not come',
      view: (request: FastifyRequest, id: string) => {
        const actor = candidateOf(request);
        return { actor, answer: () => candidateView(actor.orgId, actor.candidateId, id) };
      },
    },
    {
      prefix: '/api/mock',
      guard: allow('mock.coach'),
      response: coachMockSchema,
      cancelled: 'Cancels a mock interview I coach, saying why; the candidate is told',
      noShow: 'Records that the candidate did not come',
      view: (request: FastifyRequest, id: string) => {
        const actor = staffOf(request);
        return { actor, answer: () => coachView(actor.orgId, actor.userId, id) };
      },
    },
  ];
  for (const side of sides) {
    app.post(
      `${side.prefix}/sessions/:id/cancel`,
      {
        preValidation: side.guard,
        schema: {
          tags,
          summary: side.cancelled,
          params: idParams,
          body: cancelMockBody,
          response: { 200: side.response, ...refusals },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const { actor, answer } = side.view(request, id);
        const done = await cancelMock(deps, {
          actor,
          sessionId: id,
          reason: request.body.reason,
          videoRoomBaseUrl,
        });
        if (!done.ok) return sendError(reply, done.error);
        return (await answer())!;
      },
    );
    app.post(
      `${side.prefix}/sessions/:id/no-show`,
      {
        preValidation: side.guard,
        schema: {
          tags,
          summary: side.noShow,
          params: idParams,
          response: { 200: side.response, ...refusals },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const { actor, answer } = side.view(request, id);
        const done = await recordNoShow(deps, { actor, sessionId: id });
        if (!done.ok) return sendError(reply, done.error);
        return (await answer())!;
      },
    );
  }

  app.get(
    '/api/mock/settings',
    {
      preValidation: allow('org.read'),
      schema: {
        tags,
        summary: "The organisation's mock interviews: on or off, and each candidate's limit",
        response: { 200: mockSettingsSchema, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      const settings = await settingsOf(staffOf(request).orgId);
      if (!settings.ok) throw new Error(settings.error.message);
      return settings.value;
    },
  );

  app.put(
    '/api/mock/settings',
    {
      preValidation: allow('org.manage'),
      schema: {
        tags,
        summary: 'Turns mock interviews on or off and sets the limit per candidate',
        body: mockSettingsSchema,
        response: { 200: mockSettingsSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const saved = await saveMockSettings(deps, { actor: staffOf(request), settings: request.body });
      if (!saved.ok) return sendError(reply, saved.error);
      return saved.value;
    },
  );

  app.get(
    '/api/mock/coach',
    {
      preValidation: allow('mock.coach'),
      schema: {
        tags,
        summary: 'Whether I volunteer as a practice interviewer, and for which rounds',
        response: { 200: coachProfileSchema, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      const actor = staffOf(request);
      const profile = await deps.transaction(async (store) =>
        ok(await store.mock.coach(actor.orgId, actor.userId)),
      );
      if (!profile.ok) throw new Error(profile.error.message);
      return profile.value;
    },
  );

  app.put(
    '/api/mock/coach',
    {
      preValidation: allow('mock.coach'),
      schema: {
        tags,
        summary:
          'Volunteers (or stops) as a practice interviewer; the slots are my interviewing availability',
        body: coachProfileSchema,
        response: { 200: coachProfileSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const saved = await saveCoachProfile(deps, { actor: staffOf(request), profile: request.body });
      if (!saved.ok) return sendError(reply, saved.error);
      return saved.value;
    },
  );

  app.get(
    '/api/mock/sessions',
    {
      preValidation: allow('mock.coach'),
      schema: {
        tags,
        summary: 'The mock interviews I coach, soonest first',
        response: { 200: z.object({ items: z.array(coachMockSchema) }), 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      const actor = staffOf(request);
      return { items: (await reads.ofCoach(actor.orgId, actor.userId)).map(coachPresent) };
    },
  );

  app.get(
    '/api/mock/sessions/:id',
    {
      preValidation: allow('mock.coach'),
      schema: {
        tags,
        summary: 'One mock interview I coach, with its kit',
        params: idParams,
        response: { 200: coachMockSchema, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const actor = staffOf(request);
      const view = await coachView(actor.orgId, actor.userId, request.params.id);
      return view ?? sendError(reply, notFound);
    },
  );

  app.post(
    '/api/mock/sessions/:id/pad',
    {
      preValidation: allow('mock.coach'),
      schema: {
        tags,
        summary: "Opens the coding session's pad, which the candidate joins from the portal",
        params: idParams,
        body: mockPadBody,
        response: { 200: coachMockSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = staffOf(request);
      const { id } = request.params;
      const opened = await openMockPad(deps, { actor, sessionId: id, language: request.body.language });
      if (!opened.ok) return sendError(reply, opened.error);
      return (await coachView(actor.orgId, actor.userId, id))!;
    },
  );

  app.post(
    '/api/mock/sessions/:id/card',
    {
      preValidation: allow('mock.coach'),
      schema: {
        tags,
        summary:
          'Submits the coaching card: the focus attributes rated and written advice, for the candidate',
        params: idParams,
        body: coachingCardBody,
        response: { 200: coachMockSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = staffOf(request);
      const { id } = request.params;
      const done = await submitCoachingCard(deps, {
        actor,
        sessionId: id,
        ...request.body,
        videoRoomBaseUrl,
      });
      if (!done.ok) return sendError(reply, done.error);
      return (await coachView(actor.orgId, actor.userId, id))!;
    },
  );
}

const presentName = (key: (typeof mockRoundTypes)[number]) =>
  ({
    coding: 'Coding',
    system_design: 'System design',
    behavioural: 'Behavioural',
    product_sense: 'Product sense',
    case_presentation: 'Case presentation',
  })[key];
