import { type FormEvent, useState } from 'react';
import { send, useAction } from '../../client';
import type { Answer } from '../../endpoints';
import { ErrorNotice, TextField } from '../../ui';
import { TwoStepSignIn } from './mfa-section';
import { PasskeySignIn, SecondFactorStep } from './second-factor-step';
import { SsoSignIn, ssoErrorWords } from './sso-sign-in';

/** Staff sign-in; on success the app starts afresh at the page that asked for it. */
export function SignInPage() {
  const [org, setOrg] = useState(localStorage.getItem('hireloop.org') ?? '');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();
  const [step, setStep] = useState<Answer<'POST /api/auth/login'>>();
  const enter = () => {
    const next = new URLSearchParams(window.location.search).get('next');
    window.location.replace(next?.startsWith('/app/') ? next : '/app/');
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await action.run(() =>
      send('POST /api/auth/login', {}, { org, email, password }).then((a) => ({ a })),
    );
    if (!done) return;
    localStorage.setItem('hireloop.org', org);
    if (done.a) setStep(done.a);
    else enter();
  };
  const ssoError = ssoErrorWords(new URLSearchParams(window.location.search).get('sso_error'));
  if (step) {
    return (
      <main id="main" className="narrow">
        <h1>Sign in to Hireloop</h1>
        {step.status === 'second_factor_required' ? (
          <SecondFactorStep methods={step.methods} onSignedIn={enter} />
        ) : (
          <TwoStepSignIn onFinished={enter} />
        )}
      </main>
    );
  }
  return (
    <main id="main" className="narrow">
      <h1>Sign in to Hireloop</h1>
      {ssoError && (
        <div className="error" role="alert">
          {ssoError}
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <ErrorNotice error={action.error} fields={{ org: 'Organisation' }} />
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
      <PasskeySignIn
        org={org}
        onSignedIn={() => {
          localStorage.setItem('hireloop.org', org);
          enter();
        }}
      />
      <SsoSignIn org={org} />
      <p>
        <a href="/app/reset-password">Forgot your password?</a>
      </p>
      <p>
        Applied for a job? <a href="/candidate/sign-in">Candidates sign in here</a>.
      </p>
    </main>
  );
}
