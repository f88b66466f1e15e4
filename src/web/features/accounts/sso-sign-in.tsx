import { useEffect, useState } from 'react';
import { useApi } from '../../client';

/** What a failed single sign-on comes back with, in words. */
const ssoErrors: Record<string, string> = {
  'sso.account_disabled': 'Your account is disabled. Ask an admin of your organisation.',
  'sso.no_verified_email':
    'Your identity provider did not share a verified email address, so we cannot tell who you are.',
  'sso.not_configured': 'This organisation does not sign in with an identity provider.',
  'sso.provider_unreachable': 'Your identity provider could not be reached. Try again in a moment.',
  'secrets.key_missing': 'Single sign-on is not available on this server yet (it has no SECRETS_KEY).',
  'rate.limited': 'Too many sign-in attempts from your address; wait a minute and try again.',
  'sso.failed': 'Single sign-on did not complete (it expired or was not started here). Try again.',
};

export const ssoErrorWords = (code: string | null) =>
  code ? (ssoErrors[code] ?? 'Single sign-on did not complete. Try again.') : null;

/** "Sign in with <provider>" once the organisation is known and has single sign-on. */
export function SsoSignIn({ org }: { org: string }) {
  const [slug, setSlug] = useState('');
  useEffect(() => {
    // Asked after a pause in typing, not at every key.
    const timer = setTimeout(() => setSlug(org.trim()), 300);
    return () => clearTimeout(timer);
  }, [org]);
  const provider = useApi('GET /api/sso/provider', slug ? { org: slug } : null);
  const name = slug && slug === org.trim() ? provider.data?.displayName : null;
  if (!name) return null;
  return (
    <p>
      <a className="button" href={`/api/sso/start?org=${encodeURIComponent(slug)}`}>
        Sign in with {name}
      </a>
    </p>
  );
}
