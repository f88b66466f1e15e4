import { type FormEvent, useState } from 'react';
import { send, useAction } from '../../client';
import { ErrorNotice, TextField } from '../../ui';

/** A signed-out staff member asks for a reset link, or sets a new password from one. */
export function ResetPasswordPage() {
  const token = new URLSearchParams(window.location.search).get('token');
  return (
    <main id="main" className="narrow">
      <h1>{token ? 'Choose a new password' : 'Reset your password'}</h1>
      {token ? <SetNewPassword token={token} /> : <AskForLink />}
      <p>
        <a href="/app/sign-in">Back to sign-in</a>
      </p>
    </main>
  );
}

function AskForLink() {
  const [org, setOrg] = useState(localStorage.getItem('hireloop.org') ?? '');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(() => send('POST /api/auth/password-resets', {}, { org, email }))) setSent(true);
  };
  if (sent)
    return (
      <p role="status">
        If {email} has an account at {org}, a link to choose a new password is on its way. It works once, for
        30 minutes.
      </p>
    );
  return (
    <form onSubmit={submit} noValidate>
      <ErrorNotice error={action.error} fields={{ org: 'Organisation' }} />
      <TextField
        label="Organisation"
        value={org}
        onChange={setOrg}
        required
        error={action.error?.about('org')}
      />
      <TextField
        label="Email"
        type="email"
        value={email}
        onChange={setEmail}
        required
        autoFocus
        error={action.error?.about('email')}
      />
      <button type="submit" disabled={action.busy}>
        {action.busy ? 'Sending…' : 'Email me a link'}
      </button>
    </form>
  );
}

function SetNewPassword({ token }: { token: string }) {
  const [newPassword, setNew] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMismatch(newPassword !== again);
    if (newPassword !== again) return;
    if (await action.run(() => send('POST /api/auth/password-resets/redeem', {}, { token, newPassword })))
      setDone(true);
  };
  if (done)
    return (
      <p role="status">
        Your password is changed, every session of yours was signed out and your personal API tokens no longer
        work. <a href="/app/sign-in">Sign in</a> with the new one.
      </p>
    );
  const linkDead = action.error?.code === 'auth.invalid_reset_link';
  return (
    <form onSubmit={submit} noValidate>
      <ErrorNotice error={linkDead ? undefined : action.error} fields={{ newPassword: 'New password' }} />
      {linkDead && (
        <div className="error" role="alert">
          This link is used or expired. <a href="/app/reset-password">Ask for a new one</a>.
        </div>
      )}
      <TextField
        label="New password"
        type="password"
        hint="12 to 128 characters; a few words with spaces make a good one. Common passwords are refused."
        value={newPassword}
        onChange={setNew}
        required
        autoFocus
        error={action.error?.about('newPassword')}
      />
      <TextField
        label="The same password again"
        type="password"
        value={again}
        onChange={setAgain}
        required
        error={mismatch ? 'The two passwords differ.' : undefined}
      />
      <button type="submit" disabled={action.busy}>
        {action.busy ? 'Saving…' : 'Set new password'}
      </button>
    </form>
  );
}
