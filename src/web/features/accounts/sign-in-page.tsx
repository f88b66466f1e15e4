import { type FormEvent, useState } from 'react';
import { send, useAction } from '../../client';
import { ErrorNotice, TextField } from '../../ui';

/** Staff sign-in; on success the app starts afresh at the page that asked for it. */
export function SignInPage() {
  const [org, setOrg] = useState(localStorage.getItem('hireloop.org') ?? '');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await action.run(() =>
      send('POST /api/auth/login', {}, { org, email, password }).then(() => true),
    );
    if (!done) return;
    localStorage.setItem('hireloop.org', org);
    const next = new URLSearchParams(window.location.search).get('next');
    window.location.replace(next?.startsWith('/app/') ? next : '/app/');
  };
  return (
    <main id="main" className="narrow">
      <h1>Sign in to Hireloop</h1>
      <form onSubmit={submit} noValidate>
        <ErrorNotice error={action.error} />
        <TextField
          label="Organisation"
          hint="The short name your admin gave you, e.g. tiktok"
          value={org}
          onChange={setOrg}
          required
          autoFocus
          error={action.error?.about('org')}
        />
        <TextField
          label="Email"
          type="email"
          value={email}
          onChange={setEmail}
          required
          error={action.error?.about('email')}
        />
        <TextField
          label="Password"
          type="password"
          value={password}
          onChange={setPassword}
          required
          error={action.error?.about('password')}
        />
        <button type="submit" disabled={action.busy}>
          {action.busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        Applied for a job? <a href="/candidate/sign-in">Candidates sign in here</a>.
      </p>
    </main>
  );
}
