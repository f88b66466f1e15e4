import { startAuthentication } from '@simplewebauthn/browser';
import { type FormEvent, useState } from 'react';
import { send, useAction } from '../../client';
import { ErrorNotice, TextField } from '../../ui';

type Method = 'totp' | 'passkey' | 'recovery_code';

/** The sign-in's second step: a code from the app, a passkey, or a recovery code. */
export function SecondFactorStep({ methods, onSignedIn }: { methods: Method[]; onSignedIn: () => void }) {
  const [using, setUsing] = useState<Method>(methods[0] ?? 'totp');
  const [code, setCode] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const route = using === 'totp' ? 'POST /api/auth/mfa/totp' : 'POST /api/auth/mfa/recovery-code';
    const done = await action.run(() => send(route, {}, { code }).then(() => true));
    if (done) onSignedIn();
  };
  const passkey = async () => {
    const done = await action.run(async () => {
      const options = await send('POST /api/auth/mfa/passkey/options', {});
      const response = await startAuthentication({ optionsJSON: options as never });
      await send('POST /api/auth/mfa/passkey', {}, { response: { ...response } });
      return true;
    });
    if (done) onSignedIn();
  };
  return (
    <section aria-labelledby="second-step">
      <h2 id="second-step">Prove it is you</h2>
      <ErrorNotice error={action.error} />
      {using === 'passkey' ? (
        <button type="button" onClick={passkey} disabled={action.busy}>
          {action.busy ? 'Waiting for your passkey…' : 'Use your passkey'}
        </button>
      ) : (
        <form onSubmit={submit} noValidate>
          <TextField
            label={using === 'totp' ? 'Code from your authenticator app' : 'Recovery code'}
            hint={using === 'totp' ? 'Six digits' : 'One of the codes you saved, e.g. k3f9q-2mzt8'}
            value={code}
            onChange={setCode}
            required
            autoFocus
            error={action.error?.about('code')}
          />
          <button type="submit" disabled={action.busy}>
            Continue
          </button>
        </form>
      )}
      {methods.length > 1 && (
        <p>
          Or:{' '}
          {methods
            .filter((m) => m !== using)
            .map((m) => (
              <button
                key={m}
                type="button"
                className="link"
                onClick={() => {
                  setUsing(m);
                  setCode('');
                  action.setError(undefined);
                }}
              >
                {m === 'totp'
                  ? 'use your authenticator app'
                  : m === 'passkey'
                    ? 'use a passkey'
                    : 'use a recovery code'}
              </button>
            ))}
        </p>
      )}
    </section>
  );
}

/** "Sign in with a passkey": no password, the device verifies the person (a discoverable passkey). */
export function PasskeySignIn({ org, onSignedIn }: { org: string; onSignedIn: () => void }) {
  const action = useAction();
  const signIn = async () => {
    const done = await action.run(async () => {
      const options = await send('POST /api/auth/passkey/options', {}, { org: org.trim() });
      const response = await startAuthentication({ optionsJSON: options as never });
      await send('POST /api/auth/passkey', {}, { response: { ...response } });
      return true;
    });
    if (done) onSignedIn();
  };
  if (!org.trim()) return null;
  return (
    <>
      <ErrorNotice error={action.error} />
      <p>
        <button type="button" className="secondary" onClick={signIn} disabled={action.busy}>
          {action.busy ? 'Waiting for your passkey…' : 'Use a passkey instead of a password'}
        </button>
      </p>
    </>
  );
}
