import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { DomainError } from '../../contracts/errors.js';
import {
  authenticateScimToken,
  changeGroup,
  createGroup,
  deleteGroup,
} from '../../core/accounts/scim-groups.js';
import { isPatchError, readGroupPatch, readUserPatch } from '../../core/accounts/scim-patch.js';
import {
  changeProvisionedUser,
  deleteProvisionedUser,
  provisionUser,
} from '../../core/accounts/scim-users.js';
import type { Result } from '../../core/shared/result.js';
import { scimQueries } from '../../db/accounts/scim.queries.js';
import type { App, AppContext } from '../context.js';
import { httpStatus } from '../errors.js';
import {
  groupResource,
  listResponse,
  page,
  parseFilter,
  resourceTypes,
  type ScimType,
  schemas,
  scimError,
  serviceProviderConfig,
  userChangeOf,
  userResource,
} from '../scim/resources.js';

declare module 'fastify' {
  interface FastifyRequest {
    scimOrg: string | null;
  }
}

const tags = ['scim'];
/** Identity providers send application/scim+json (RFC 7644 §8.1); some send plain JSON. */
const consumes = ['application/scim+json', 'application/json'];
/** An organisation's SCIM token as the bearer (the discovery documents ask none). */
const security = [{ scimToken: [] }];
const anyBody = z.looseObject({});
const listQuery = z.looseObject({
  filter: z.string().max(500).optional(),
  startIndex: z.coerce.number().int().optional(),
  count: z.coerce.number().int().optional(),
  excludedAttributes: z.string().max(200).optional(),
});
const resourceParams = z.object({ id: z.string().min(1).max(200) });
const answer = {
  200: z.any(),
  201: z.any(),
  204: z.null(),
  400: z.any(),
  401: z.any(),
  404: z.any(),
  409: z.any(),
};
/** What every SCIM route's documentation shares: its tag, media types, token and answers. */
const scimDoc = { tags, consumes, security, response: answer };
const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function sendScim(reply: FastifyReply, status: number, body: unknown) {
  return reply.code(status).type('application/scim+json').send(body);
}
const fail = (reply: FastifyReply, status: number, detail: string, scimType?: ScimType) =>
  sendScim(reply, status, scimError(status, detail, scimType));
const refuse = (reply: FastifyReply, error: DomainError) => {
  const uniqueness = error.code === 'user.email_taken' || error.code === 'group.name_taken';
  return fail(reply, httpStatus[error.code], error.message, uniqueness ? 'uniqueness' : undefined);
};

/** SCIM 2.0 provisioning (RFC 7643/7644), authenticated by an organisation's SCIM bearer token. */
export function scimRoutes(app: App, ctx: AppContext) {
  const { deps } = ctx;
  const scim = scimQueries(ctx.db);
  const base = new URL('/scim/v2', ctx.config.PUBLIC_URL).href;
  app.addContentTypeParser(
    'application/scim+json',
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );
  app.decorateRequest('scimOrg', null);

  async function bearer(request: FastifyRequest, reply: FastifyReply) {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    const found = match?.[1] ? await authenticateScimToken(deps, { token: match[1] }) : null;
    if (!found?.ok) return fail(reply, 401, 'A valid SCIM bearer token is required.');
    request.scimOrg = found.value.orgId;
  }
  const orgOf = (request: FastifyRequest) => {
    if (!request.scimOrg) throw new Error('route is not guarded by bearer');
    return request.scimOrg;
  };
  const userOut = async (orgId: string, id: string) => {
    const row = uuidLike.test(id) ? await scim.user(orgId, id) : undefined;
    return row ? userResource(base, row, await scim.groupsOfUser(row.id)) : null;
  };
  const groupOut = async (orgId: string, id: string) => {
    const row = uuidLike.test(id) ? await scim.group(orgId, id) : undefined;
    return row ? groupResource(base, row, row.members) : null;
  };
  /** Answers a change with the resource as it now is, or the refusal in SCIM's error shape. */
  const afterChange = async (
    reply: FastifyReply,
    result: Result<{ id: string }, DomainError>,
    read: (id: string) => Promise<unknown>,
    status = 200,
  ) => (result.ok ? sendScim(reply, status, await read(result.value.id)) : refuse(reply, result.error));
  const route = { preValidation: bearer };

  app.get(
    '/scim/v2/ServiceProviderConfig',
    {
      schema: { ...scimDoc, security: [], summary: 'What this SCIM service supports' },
    },
    async (_r, reply) =>
      sendScim(reply, 200, serviceProviderConfig(new URL('/docs', ctx.config.PUBLIC_URL).href)),
  );
  app.get(
    '/scim/v2/Schemas',
    { schema: { ...scimDoc, security: [], summary: 'The User and Group schemas' } },
    async (_r, reply) => sendScim(reply, 200, listResponse(schemas, schemas.length, 1)),
  );
  app.get(
    '/scim/v2/ResourceTypes',
    {
      schema: { ...scimDoc, security: [], summary: 'The resource types: User and Group' },
    },
    async (_r, reply) => sendScim(reply, 200, listResponse(resourceTypes, resourceTypes.length, 1)),
  );

  app.get(
    '/scim/v2/Users',
    {
      ...route,
      schema: {
        ...scimDoc,
        summary: 'Lists users; filter by userName, externalId, displayName or id with eq',
        querystring: listQuery,
      },
    },
    async (request, reply) => {
      const filter = parseFilter(request.query.filter);
      if (filter === 'invalid')
        return fail(
          reply,
          400,
          'Only `attribute eq "value"` filters on userName, externalId, displayName or id are supported.',
          'invalidFilter',
        );
      const orgId = orgOf(request);
      const paging = page(request.query);
      const { total, rows } = await scim.listUsers(orgId, filter, paging);
      const resources = await Promise.all(
        rows.map(async (row) => userResource(base, row, await scim.groupsOfUser(row.id))),
      );
      return sendScim(reply, 200, listResponse(resources, total, paging.startIndex));
    },
  );
  app.get(
    '/scim/v2/Users/:id',
    {
      ...route,
      schema: { ...scimDoc, summary: 'One user', params: resourceParams },
    },
    async (request, reply) => {
      const user = await userOut(orgOf(request), request.params.id);
      return user ? sendScim(reply, 200, user) : fail(reply, 404, 'There is no such user.');
    },
  );
  app.post(
    '/scim/v2/Users',
    {
      ...route,
      schema: { ...scimDoc, summary: 'Provisions a user', body: anyBody },
    },
    async (request, reply) => {
      const change = userChangeOf(request.body);
      if (!change.userName) return fail(reply, 400, 'userName is required.', 'invalidValue');
      const orgId = orgOf(request);
      const created = await provisionUser(deps, { orgId, change: { ...change, userName: change.userName } });
      return afterChange(reply, created, (id) => userOut(orgId, id), 201);
    },
  );
  app.put(
    '/scim/v2/Users/:id',
    {
      ...route,
      schema: {
        ...scimDoc,
        summary: 'Replaces a user; active false deprovisions',
        params: resourceParams,
        body: anyBody,
      },
    },
    async (request, reply) => {
      const orgId = orgOf(request);
      if (!uuidLike.test(request.params.id)) return fail(reply, 404, 'There is no such user.');
      const changed = await changeProvisionedUser(deps, {
        orgId,
        userId: request.params.id,
        change: { active: true, ...userChangeOf(request.body) },
      });
      return afterChange(reply, changed, (id) => userOut(orgId, id));
    },
  );
  app.patch(
    '/scim/v2/Users/:id',
    {
      ...route,
      schema: {
        ...scimDoc,
        summary: 'Changes a user (PatchOp); replace active false deprovisions',
        params: resourceParams,
        body: anyBody,
      },
    },
    async (request, reply) => {
      const change = readUserPatch(request.body);
      if (isPatchError(change)) return fail(reply, 400, change.detail, change.scimType);
      const orgId = orgOf(request);
      if (!uuidLike.test(request.params.id)) return fail(reply, 404, 'There is no such user.');
      const changed = await changeProvisionedUser(deps, { orgId, userId: request.params.id, change });
      return afterChange(reply, changed, (id) => userOut(orgId, id));
    },
  );
  app.delete(
    '/scim/v2/Users/:id',
    {
      ...route,
      schema: {
        ...scimDoc,
        summary: 'Deprovisions a user: disabled, sessions ended, history kept',
        params: resourceParams,
      },
    },
    async (request, reply) => {
      if (!uuidLike.test(request.params.id)) return fail(reply, 404, 'There is no such user.');
      const deleted = await deleteProvisionedUser(deps, { orgId: orgOf(request), userId: request.params.id });
      return deleted.ok ? reply.code(204).send(null) : refuse(reply, deleted.error);
    },
  );

  app.get(
    '/scim/v2/Groups',
    {
      ...route,
      schema: {
        ...scimDoc,
        summary: 'Lists groups; filter by displayName, externalId or id with eq',
        querystring: listQuery,
      },
    },
    async (request, reply) => {
      const filter = parseFilter(request.query.filter);
      if (filter === 'invalid' || filter?.attribute === 'userName')
        return fail(
          reply,
          400,
          'Only `attribute eq "value"` filters on displayName, externalId or id are supported.',
          'invalidFilter',
        );
      const paging = page(request.query);
      const withMembers = !/\bmembers\b/.test(request.query.excludedAttributes ?? '');
      const { total, rows } = await scim.listGroups(orgOf(request), filter, paging, withMembers);
      const resources = rows.map((row) => groupResource(base, row, withMembers ? row.members : null));
      return sendScim(reply, 200, listResponse(resources, total, paging.startIndex));
    },
  );
  app.get(
    '/scim/v2/Groups/:id',
    {
      ...route,
      schema: {
        ...scimDoc,
        summary: 'One group with its members',
        params: resourceParams,
      },
    },
    async (request, reply) => {
      const group = await groupOut(orgOf(request), request.params.id);
      return group ? sendScim(reply, 200, group) : fail(reply, 404, 'There is no such group.');
    },
  );
  app.post(
    '/scim/v2/Groups',
    {
      ...route,
      schema: {
        ...scimDoc,
        summary: 'Creates a group; its mapping grants its members roles and teams',
        body: anyBody,
      },
    },
    async (request, reply) => {
      const body = request.body as {
        displayName?: unknown;
        externalId?: unknown;
        members?: { value?: unknown }[];
      };
      if (typeof body.displayName !== 'string' || !body.displayName.trim())
        return fail(reply, 400, 'displayName is required.', 'invalidValue');
      const orgId = orgOf(request);
      const memberIds = (Array.isArray(body.members) ? body.members : []).map((m) => String(m?.value ?? ''));
      const externalId = typeof body.externalId === 'string' ? body.externalId : null;
      const created = await createGroup(deps, {
        orgId,
        displayName: body.displayName.trim(),
        externalId,
        memberIds,
      });
      return afterChange(reply, created, (id) => groupOut(orgId, id), 201);
    },
  );
  app.put(
    '/scim/v2/Groups/:id',
    {
      ...route,
      schema: {
        ...scimDoc,
        summary: 'Replaces a group and its members',
        params: resourceParams,
        body: anyBody,
      },
    },
    async (request, reply) => {
      const body = request.body as {
        displayName?: unknown;
        externalId?: unknown;
        members?: { value?: unknown }[];
      };
      if (!uuidLike.test(request.params.id)) return fail(reply, 404, 'There is no such group.');
      const orgId = orgOf(request);
      const set = (Array.isArray(body.members) ? body.members : []).map((m) => String(m?.value ?? ''));
      const displayName = typeof body.displayName === 'string' ? body.displayName.trim() : undefined;
      const externalId = typeof body.externalId === 'string' ? body.externalId : null;
      const changed = await changeGroup(deps, {
        orgId,
        groupId: request.params.id,
        change: { displayName, externalId, add: [], remove: [], set },
      });
      return afterChange(reply, changed, (id) => groupOut(orgId, id));
    },
  );
  app.patch(
    '/scim/v2/Groups/:id',
    {
      ...route,
      schema: {
        ...scimDoc,
        summary: 'Changes a group (PatchOp): rename, add or remove members',
        params: resourceParams,
        body: anyBody,
      },
    },
    async (request, reply) => {
      const change = readGroupPatch(request.body);
      if (isPatchError(change)) return fail(reply, 400, change.detail, change.scimType);
      if (!uuidLike.test(request.params.id)) return fail(reply, 404, 'There is no such group.');
      const orgId = orgOf(request);
      const changed = await changeGroup(deps, { orgId, groupId: request.params.id, change });
      // Entra and Okta accept 204 for a group PATCH; the resource is answered so a client need not read it again.
      return afterChange(reply, changed, (id) => groupOut(orgId, id));
    },
  );
  app.delete(
    '/scim/v2/Groups/:id',
    {
      ...route,
      schema: {
        ...scimDoc,
        summary: 'Deletes a group; what it granted its members goes with it',
        params: resourceParams,
      },
    },
    async (request, reply) => {
      if (!uuidLike.test(request.params.id)) return fail(reply, 404, 'There is no such group.');
      const deleted = await deleteGroup(deps, { orgId: orgOf(request), groupId: request.params.id });
      return deleted.ok ? reply.code(204).send(null) : refuse(reply, deleted.error);
    },
  );
}
