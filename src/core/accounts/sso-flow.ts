import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import { spendBudgets } from './throttle.js';

/** How long a browser may take at the identity provider before the flow must start again. */
const FLOW_MINUTES = 10;

/** The checks an OpenID Connect flow answers to, kept in the database under the browser's secret. */
export interface FlowChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * Starts a flow for the organisation with this slug, when it has single sign-on on. Each start
 * writes a row before anyone is known, so starts are limited per client address.
 */
export async function beginSsoFlow(
  deps: Deps,
  input: { orgSlug: string; checks: FlowChecks; address: string; perMinutePerAddress: number },
) {
  const admitted = await spendBudgets(deps, [
    {
      key: `sso:ip:${input.address}`,
      limit: input.perMinutePerAddress,
      windowMs: 60_000,
      code: 'rate.limited',
      reason: 'Too many single sign-on attempts from your address',
    },
  ]);
  if (!admitted.ok) return admitted;
  return deps.transaction(async (store) => {
    const org = await store.accounts.orgBySlug(input.orgSlug);
    const connection = org ? await store.sso.connection(org.id) : null;
    if (!org || !connection?.enabled) {
      return fail('sso.not_configured', 'This organisation does not sign in with an identity provider.');
    }
    const token = deps.tokens.next();
    const now = deps.clock.now();
    await store.mfa.insertChallenge({
      tokenHash: deps.tokens.hash(token),
      orgId: org.id,
      userId: null,
      kind: 'oidc',
      data: { ...input.checks },
      createdAt: now,
      expiresAt: new Date(now.getTime() + FLOW_MINUTES * 60_000),
    });
    return ok({ token, connection });
  });
}

/** Takes the flow the browser's secret names, once. */
export async function takeSsoFlow(deps: Deps, input: { token: string }) {
  return deps.transaction(async (store) => {
    const flow = await store.mfa.takeChallenge(deps.tokens.hash(input.token), ['oidc'], deps.clock.now());
    const connection = flow ? await store.sso.connection(flow.orgId) : null;
    if (!flow || !connection?.enabled) {
      return fail('sso.failed', 'This sign-in has expired or was not started here; start again.');
    }
    return ok({ orgId: flow.orgId, checks: flow.data as unknown as FlowChecks, connection });
  });
}
