import { type FormEvent, useEffect, useState } from 'react';
import { send, useAction } from '../../client';
import { ErrorNotice, Loading, TextField } from '../../ui';

/** Redeems the emailed sign-in link, or asks for one. */
export function CandidateSignInPage() {
  const token = new URLSearchParams(window.location.search).get('token');
  const redeem = useAction();
  const ask = useAction();
  const [org, setOrg] = useState(new URLSearchParams(window.location.search).get('org') ?? '');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: redeem the token once
  useEffect(() => {
    if (!token) return;
    void redeem
      .run(() => send('POST /api/auth/candidate-links/redeem', {}, { token }).then(() => true))
      .then((done) => done && window.location.replace('/candidate'));
  }, [token]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await ask.run(() => send('POST /api/auth/candidate-links', {}, { org, email }))) setSent(true);
  };
  return (
    <main id="main" className="narrow">
      <h1>Your applications</h1>
      {token && !redeem.error && <Loading what="Signing you in" />}
      {new URLSearchParams(window.location.search).has('erased') && (
        <p className="notice" role="status">
          Your data has been erased and your open applications withdrawn.
        </p>
      )}
      {redeem.error && <ErrorNotice error={redeem.error} />}
      {sent ? (
        <p role="status">
          If we know that address, a sign-in link is on its way. It works once and for a short time.
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <p>We email you a link to sign in: no password to remember.</p>
          <ErrorNotice error={ask.error} fields={{ org: 'Company', email: 'Your email' }} />
          <TextField
            label="Company"
            hint="The short name in the job posting's address, e.g. tiktok"
            value={org}
            onChange={setOrg}
            required
            error={ask.error?.about('org')}
          />
          <TextField
            label="Your email"
            type="email"
            value={email}
            onChange={setEmail}
            required
            error={ask.error?.about('email')}
          />
          <button type="submit" disabled={ask.busy}>
            {ask.busy ? 'Sending…' : 'Email me a sign-in link'}
          </button>
        </form>
      )}
    </main>
  );
}
