import { z } from 'zod';
import { errorBody } from '../../contracts/common.js';
import {
  createOfficeBody,
  createTeamBody,
  officeSchema,
  policyParams,
  policySchema,
  putPolicyBody,
  teamSchema,
} from '../../contracts/organisation.js';
import { createOffice } from '../../core/organisation/create-office.js';
import { createTeam } from '../../core/organisation/create-team.js';
import type { Team } from '../../core/organisation/organisation.port.js';
import { putPolicy } from '../../core/organisation/put-policy.js';
import { actorOf, allow } from '../auth.js';
import { type App, type AppContext, respond } from '../context.js';
import { userRoutes } from './users.js';

const denied = { 401: errorBody, 403: errorBody };

const presentTeam = (team: Team) => ({ ...team, createdAt: team.createdAt.toISOString() });
const asIs = <T>(value: T) => value;

export function organisationRoutes(app: App, ctx: AppContext) {
  const { organisation: org, deps } = ctx;

  app.get(
    '/api/teams',
    {
      preValidation: allow('org.read'),
      schema: {
        tags: ['organisation'],
        response: { 200: z.object({ items: z.array(teamSchema) }), ...denied },
      },
    },
    async (request) => ({ items: await org.listTeams(actorOf(request).orgId) }),
  );
  app.post(
    '/api/teams',
    {
      preValidation: allow('org.manage'),
      schema: {
        tags: ['organisation'],
        body: createTeamBody,
        response: { 201: teamSchema, 409: errorBody, ...denied, 400: errorBody },
      },
    },
    async (request, reply) =>
      respond(reply, await createTeam(deps, { actor: actorOf(request), ...request.body }), presentTeam, 201),
  );

  app.get(
    '/api/offices',
    {
      preValidation: allow('org.read'),
      schema: {
        tags: ['organisation'],
        response: { 200: z.object({ items: z.array(officeSchema) }), ...denied },
      },
    },
    async (request) => ({ items: await org.listOffices(actorOf(request).orgId) }),
  );
  app.post(
    '/api/offices',
    {
      preValidation: allow('org.manage'),
      schema: {
        tags: ['organisation'],
        body: createOfficeBody,
        response: { 201: officeSchema, 400: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      respond(reply, await createOffice(deps, { actor: actorOf(request), ...request.body }), asIs, 201),
  );

  userRoutes(app, ctx);

  app.get(
    '/api/policies',
    {
      preValidation: allow('org.read'),
      schema: {
        tags: ['organisation'],
        summary: 'Application policies per job family',
        response: { 200: z.object({ items: z.array(policySchema) }), ...denied },
      },
    },
    async (request) => ({ items: await org.listPolicies(actorOf(request).orgId) }),
  );
  app.put(
    '/api/policies/:jobFamily',
    {
      preValidation: allow('org.manage'),
      schema: {
        tags: ['organisation'],
        summary: 'Sets the application limit, order of consideration and cooldown of a job family',
        params: policyParams,
        body: putPolicyBody,
        response: { 200: policySchema, 400: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const policy = { jobFamily: request.params.jobFamily, ...request.body };
      return respond(reply, await putPolicy(deps, { actor: actorOf(request), policy }), asIs);
    },
  );
}
