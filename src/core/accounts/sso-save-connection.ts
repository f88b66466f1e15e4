import type { Deps, Store } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import type { GroupMapping, SsoConnection } from './sso-port.js';

type Staff = Actor & { kind: 'staff' };

async function unknownTeams(store: Pick<Store, 'sso'>, orgId: string, mappings: GroupMapping[]) {
  const wanted = [...new Set(mappings.flatMap((m) => m.teamIds))];
  const known = await store.sso.existingTeams(orgId, wanted);
  return wanted.filter((id) => !known.includes(id));
}

/**
 * An admin connects the organisation's OpenID provider. `clientSecretEnc` is null to keep the
 * stored secret (the form never shows it back).
 */
export async function saveSsoConnection(
  deps: Deps,
  input: {
    actor: Staff;
    connection: Omit<SsoConnection, 'orgId' | 'clientSecretEnc'>;
    clientSecretEnc: string | null;
  },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const secret = input.clientSecretEnc ?? (await store.sso.connection(actor.orgId))?.clientSecretEnc;
    if (!secret) {
      return fail('validation.failed', 'clientSecret: the client secret is required the first time.', {
        issues: [{ field: 'body.clientSecret', message: 'required the first time' }],
      });
    }
    const connection = { ...input.connection, orgId: actor.orgId, clientSecretEnc: secret };
    await store.sso.putConnection(connection, deps.clock.now());
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'policy',
      entityId: actor.orgId,
      action: 'sso.connection_saved',
      data: { issuer: connection.issuer, clientId: connection.clientId, enabled: connection.enabled },
    });
    return ok(connection);
  });
}

/** An admin sets which directory groups grant which roles and teams (single sign-on and SCIM alike). */
export async function saveGroupMappings(deps: Deps, input: { actor: Staff; mappings: GroupMapping[] }) {
  const { actor, mappings } = input;
  return deps.transaction(async (store) => {
    const names = mappings.map((m) => m.group);
    if (new Set(names).size !== names.length) {
      return fail('validation.failed', 'mappings: each group may be mapped once.', {
        issues: [{ field: 'body.mappings', message: 'each group may be mapped once' }],
      });
    }
    const unknown = await unknownTeams(store, actor.orgId, mappings);
    if (unknown.length)
      return fail('team.not_found', 'A mapping names a team that does not exist.', { unknown });
    await store.sso.replaceMappings(actor.orgId, mappings);
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'policy',
      entityId: actor.orgId,
      action: 'sso.group_mappings_saved',
      data: { groups: names },
    });
    return ok({ items: mappings });
  });
}
