import {
  disabledUserResponse,
  enabledUserResponse,
  staffUserSchema,
  updateUserBody,
  userListQuery,
  userListResponse,
} from '../../contracts/accounts.js';
import { errorBody, idParams } from '../../contracts/common.js';
import { createUserBody, userSchema } from '../../contracts/organisation.js';
import { disableUser } from '../../core/accounts/disable-user.js';
import { enableUser } from '../../core/accounts/enable-user.js';
import { updateUser } from '../../core/accounts/update-user.js';
import { createUser } from '../../core/organisation/create-user.js';
import { actorOf, allow, hashPassword } from '../auth.js';
import { type App, type AppContext, respond } from '../context.js';
import { sendError } from '../errors.js';
import { newPasswordProblem } from '../passwords.js';

const denied = { 401: errorBody, 403: errorBody };
const asIs = <T>(value: T) => value;

/** The organisation's staff accounts, for admins: list, open, add, edit, disable and enable. */
export function userRoutes(app: App, ctx: AppContext) {
  const { accounts, deps } = ctx;
  const userOr404 = async (orgId: string, id: string) => accounts.users.user(orgId, id);

  app.get(
    '/api/users',
    {
      preValidation: allow('user.manage'),
      schema: {
        tags: ['organisation'],
        summary: 'Staff accounts by name, filtered by role, team, status and a part of the name or email',
        querystring: userListQuery,
        response: { 200: userListResponse, 400: errorBody, ...denied },
      },
    },
    async (request) => accounts.users.list(actorOf(request).orgId, request.query),
  );

  app.get(
    '/api/users/:id',
    {
      preValidation: allow('user.manage'),
      schema: {
        tags: ['organisation'],
        summary: 'One staff account, with its version for the next edit',
        params: idParams,
        response: { 200: staffUserSchema, 400: errorBody, 404: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const user = await userOr404(actorOf(request).orgId, request.params.id);
      if (!user)
        return sendError(reply, {
          code: 'user.not_found',
          message: 'There is no such user in your organisation.',
        });
      return user;
    },
  );

  app.post(
    '/api/users',
    {
      preValidation: allow('user.manage'),
      schema: {
        tags: ['organisation'],
        summary: 'Adds a staff member with roles and teams',
        description:
          'The first password follows the same rules as any new one (12 to 128 characters, not a common one).',
        body: createUserBody,
        response: { 201: userSchema, 400: errorBody, 409: errorBody, 422: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const { password, ...fields } = request.body;
      const refused = newPasswordProblem(password, [fields.email]);
      if (refused) return sendError(reply, { ...refused, details: { field: 'password' } });
      const passwordHash = await hashPassword(password);
      const created = await createUser(deps, { actor: actorOf(request), ...fields, passwordHash });
      return respond(reply, created, asIs, 201);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      preValidation: allow('user.manage'),
      schema: {
        tags: ['organisation'],
        summary: 'Edits a staff member: name, time zone, roles, teams, interview languages',
        description:
          'Give `expectedVersion` (the `version` you loaded): if someone changed the user since, 409 ' +
          'conflict.stale_version and nothing is written. Removing the admin role from the last admin is 422 user.last_admin.',
        params: idParams,
        body: updateUserBody,
        response: {
          200: staffUserSchema,
          400: errorBody,
          404: errorBody,
          409: errorBody,
          422: errorBody,
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const { expectedVersion, ...changes } = request.body;
      const actor = actorOf(request);
      const input = { actor, userId: request.params.id, expectedVersion, changes };
      const updated = await updateUser(deps, input);
      if (!updated.ok) return sendError(reply, updated.error);
      return (await userOr404(actor.orgId, request.params.id))!;
    },
  );

  app.post(
    '/api/users/:id/disable',
    {
      preValidation: allow('user.manage'),
      schema: {
        tags: ['organisation'],
        summary: 'Disables a staff member: no more sign-in; their sessions, API tokens and future panels end',
        description:
          'Their history stays. Interviews still to come lose them from the panel, and the team’s recruiters and ' +
          'coordinators are emailed to find someone else. Not yourself (422 user.cannot_disable_self), nor the last admin.',
        params: idParams,
        response: { 200: disabledUserResponse, 404: errorBody, 422: errorBody, ...denied, 400: errorBody },
      },
    },
    async (request, reply) =>
      respond(reply, await disableUser(deps, { actor: actorOf(request), userId: request.params.id }), asIs),
  );

  app.post(
    '/api/users/:id/enable',
    {
      preValidation: allow('user.manage'),
      schema: {
        tags: ['organisation'],
        summary: 'Lets a disabled staff member sign in again, with the password they had',
        params: idParams,
        response: { 200: enabledUserResponse, 404: errorBody, ...denied, 400: errorBody },
      },
    },
    async (request, reply) =>
      respond(reply, await enableUser(deps, { actor: actorOf(request), userId: request.params.id }), asIs),
  );
}
