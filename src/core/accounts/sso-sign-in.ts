import type { Deps, Store } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { SessionOrigin } from './accounts.port.js';
import type { DirectoryUser } from './sso-port.js';
import { grantsOf } from './sso-roles.js';
import { openSession, type SessionTerms } from './start-session.js';

/** What the identity provider vouched for in a verified ID token. */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  /** false only when the provider says the address is unverified; such an address matches nobody. */
  emailVerified: boolean;
  name: string | null;
  groups: string[];
}

async function findOrCreate(
  deps: Deps,
  store: Pick<Store, 'sso'>,
  orgId: string,
  identity: VerifiedIdentity,
) {
  const { sso } = store;
  const linked = await sso.userByIdentity(orgId, identity.issuer, identity.subject);
  if (linked) return { user: linked, created: false };
  if (!identity.email || !identity.emailVerified) return null;
  const now = deps.clock.now();
  const byEmail = await sso.userByEmail(orgId, identity.email);
  const link = (userId: string) => sso.linkIdentity({ orgId, ...identity, userId, at: now });
  if (byEmail) {
    await link(byEmail.id);
    return { user: byEmail, created: false };
  }
  const connection = await sso.connection(orgId);
  const user: DirectoryUser = {
    id: deps.ids.next(),
    orgId,
    email: identity.email,
    name: identity.name?.trim() || identity.email,
    roles: connection?.defaultRoles ?? [],
    teamIds: [],
    externalId: null,
    disabledAt: null,
  };
  await sso.insertUser({ ...user, timezone: await sso.orgTimezone(orgId), at: now });
  await link(user.id);
  return { user, created: true };
}

/**
 * Signs in the person an organisation's identity provider vouched for: the user linked to that
 * identity, else the user with that (verified) email, else a new user with the default roles.
 * Mapped groups set roles and teams on every sign-in. A disabled user is refused.
 */
export async function signInWithIdentity(
  deps: Deps,
  input: { orgId: string; identity: VerifiedIdentity; terms: SessionTerms; origin: SessionOrigin },
) {
  const { orgId, identity } = input;
  return deps.transaction(async (store) => {
    const found = await findOrCreate(deps, store, orgId, identity);
    if (!found) {
      return fail('sso.no_verified_email', 'Your identity provider did not share a verified email address.');
    }
    const { user, created } = found;
    if (user.disabledAt) return fail('sso.account_disabled', 'Your account is disabled; ask an admin.');
    const grants = grantsOf(identity.groups, await store.sso.mappings(orgId));
    if (grants) await store.sso.updateUser(orgId, user.id, grants);
    await store.audit.record({
      orgId,
      actor: { kind: 'system' },
      entityType: 'user',
      entityId: user.id,
      action: created ? 'user.created_by_sso' : 'user.signed_in',
      data: { method: 'oidc', issuer: identity.issuer, roles: grants?.roles ?? user.roles },
    });
    const session = await openSession(deps, store, { ...input, holder: { userId: user.id } });
    return ok({ session, userId: user.id, created });
  });
}
