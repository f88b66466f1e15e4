import * as client from 'openid-client';
import type { FlowChecks } from '../core/accounts/sso-flow.js';
import type { SsoConnection } from '../core/accounts/sso-port.js';
import type { VerifiedIdentity } from '../core/accounts/sso-sign-in.js';
import type { Config } from './config.js';
import type { SecretBox } from './secrets.js';

/** Where every organisation's provider sends the browser back; register it at the provider. */
export const callbackUrl = (config: Pick<Config, 'PUBLIC_URL'>) =>
  new URL('/api/sso/callback', config.PUBLIC_URL).href;

/** OpenID Connect with openid-client: discovery, authorization code with PKCE, state and nonce checked. */
export function oidcClient(config: Config, box: SecretBox | null) {
  // Discovery documents are kept a few minutes per issuer and client, not refetched on every sign-in.
  const discovered = new Map<string, { at: number; value: Promise<client.Configuration> }>();
  async function configuration(connection: SsoConnection) {
    if (!box) throw new Error('SECRETS_KEY is not configured');
    const key = `${connection.issuer}|${connection.clientId}|${connection.clientSecretEnc}`;
    const cached = discovered.get(key);
    if (cached && Date.now() - cached.at < 5 * 60_000) return cached.value;
    const value = client.discovery(
      new URL(connection.issuer),
      connection.clientId,
      undefined,
      client.ClientSecretPost(box.open(connection.clientSecretEnc)),
      config.ALLOW_INSECURE_OIDC_ISSUERS ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    value.catch(() => discovered.delete(key));
    discovered.set(key, { at: Date.now(), value });
    return value;
  }

  return {
    newChecks(): FlowChecks {
      return {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
      };
    },
    async authorizationUrl(connection: SsoConnection, checks: FlowChecks) {
      const server = await configuration(connection);
      return client.buildAuthorizationUrl(server, {
        redirect_uri: callbackUrl(config),
        // Okta and oidc-provider release groups only for the `groups` scope; Entra puts them in the token as configured.
        scope: connection.groupsClaim === 'groups' ? 'openid email profile groups' : 'openid email profile',
        response_type: 'code',
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
      }).href;
    },
    /** Exchanges the code and checks state, nonce, PKCE and the ID token; throws when any fails. */
    async identity(
      connection: SsoConnection,
      checks: FlowChecks,
      currentUrl: URL,
    ): Promise<VerifiedIdentity> {
      const server = await configuration(connection);
      const tokens = await client.authorizationCodeGrant(server, currentUrl, {
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        pkceCodeVerifier: checks.codeVerifier,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('no ID token');
      // A conformant provider puts scope claims (email, groups) at the userinfo endpoint, not in the ID token.
      const missing = typeof idToken.email !== 'string' || idToken[connection.groupsClaim] === undefined;
      const claims: Record<string, unknown> & { iss: string; sub: string } =
        missing && server.serverMetadata().userinfo_endpoint
          ? { ...(await client.fetchUserInfo(server, tokens.access_token, idToken.sub)), ...idToken }
          : idToken;
      const raw = claims[connection.groupsClaim];
      const groups = Array.isArray(raw) ? raw.filter((g): g is string => typeof g === 'string') : [];
      return {
        issuer: claims.iss,
        subject: claims.sub,
        email: typeof claims.email === 'string' ? claims.email : null,
        emailVerified: claims.email_verified !== false,
        name: typeof claims.name === 'string' ? claims.name : null,
        groups,
      };
    },
  };
}

export type OidcClient = ReturnType<typeof oidcClient>;
