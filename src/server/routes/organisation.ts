import { z } from 'zod';
import {
  createOfficeBody,
  createTeamBody,
  createUserBody,
  errorBody,
  officeSchema,
  policyParams,
  policySchema,
  putPolicyBody,
  teamSchema,
  userSchema,
} from '../../contracts/api.js';
import { actorOf, allow, hashPassword } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { sendError } from '../errors.js';

const denied = { 401: errorBody, 403: errorBody };

export function organisationRoutes(app: App, ctx: AppContext) {
  const { organisation: org, ids } = ctx;

  app.get(
    '/api/teams',
    {
      preHandler: allow('org.read'),
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
      preHandler: allow('org.manage'),
      schema: {
        tags: ['organisation'],
        body: createTeamBody,
        response: { 201: teamSchema, 409: errorBody, ...denied, 400: errorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const existing = await org.listTeams(actor.orgId);
      if (existing.some((t) => t.name.toLowerCase() === request.body.name.toLowerCase())) {
        return sendError(reply, {
          code: 'team.name_taken',
          message: `A team named "${request.body.name}" already exists.`,
          details: { field: 'name' },
        });
      }
      return reply.code(201).send(await org.createTeam(actor, ids.next(), request.body));
    },
  );

  app.get(
    '/api/offices',
    {
      preHandler: allow('org.read'),
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
      preHandler: allow('org.manage'),
      schema: {
        tags: ['organisation'],
        body: createOfficeBody,
        response: { 201: officeSchema, 400: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await org.createOffice(actorOf(request), ids.next(), request.body)),
  );

  app.get(
    '/api/users',
    {
      preHandler: allow('org.manage'),
      schema: {
        tags: ['organisation'],
        response: { 200: z.object({ items: z.array(userSchema) }), ...denied },
      },
    },
    async (request) => ({ items: await org.listUsers(actorOf(request).orgId) }),
  );
  app.post(
    '/api/users',
    {
      preHandler: allow('org.manage'),
      schema: {
        tags: ['organisation'],
        summary: 'Adds a staff member with roles and teams',
        body: createUserBody,
        response: { 201: userSchema, 400: errorBody, 409: errorBody, 422: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { password, ...rest } = request.body;
      if (await org.emailTaken(actor.orgId, rest.email)) {
        return sendError(reply, {
          code: 'user.email_taken',
          message: 'A user with this email exists.',
          details: { field: 'email' },
        });
      }
      if (!(await org.teamsExist(actor.orgId, rest.teamIds))) {
        return sendError(reply, {
          code: 'team.not_found',
          message: 'One of the teams does not exist.',
          details: { field: 'teamIds' },
        });
      }
      const user = await org.createUser(actor, ids.next(), {
        ...rest,
        passwordHash: await hashPassword(password),
      });
      return reply.code(201).send(user);
    },
  );

  app.get(
    '/api/policies',
    {
      preHandler: allow('org.read'),
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
      preHandler: allow('org.manage'),
      schema: {
        tags: ['organisation'],
        summary: 'Sets the application limit, order of consideration and cooldown of a job family',
        params: policyParams,
        body: putPolicyBody,
        response: { 200: policySchema, 400: errorBody, ...denied },
      },
    },
    async (request) =>
      org.putPolicy(actorOf(request), { jobFamily: request.params.jobFamily, ...request.body }),
  );
}
