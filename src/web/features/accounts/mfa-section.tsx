import { startRegistration } from '@simplewebauthn/browser';
import QRCode from 'qrcode';
import { type FormEvent, useEffect, useState } from 'react';
import { send, useAction, useApi } from '../../client';
import { ErrorNotice, Show, TextField, when } from '../../ui';

/** Recovery codes, shown once: the person saves them before going on. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="notice" role="status">
      <h3>Save your recovery codes</h3>
      <p>
        Each code signs you in once if you lose your phone or passkey. They are shown only now: print them or
        keep them in a password manager.
      </p>
      <ul className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onDone}>
        I have saved them
      </button>
    </div>
  );
}

/** Sets up an authenticator app: a QR code to scan (or the key to type), then a first code to confirm it. */
function AuthenticatorSetup({ onEnrolled }: { onEnrolled: (codes: string[]) => void }) {
  const action = useAction();
  const [setup, setSetup] = useState<{ otpauthUri: string; secret: string } | null>(null);
  const [qr, setQr] = useState('');
  const [code, setCode] = useState('');
  useEffect(() => {
    if (setup) QRCode.toDataURL(setup.otpauthUri, { margin: 1, width: 200 }).then(setQr, () => setQr(''));
  }, [setup]);
  const start = async () => {
    const started = await action.run(() => send('POST /api/account/mfa/totp', {}));
    if (started) setSetup(started);
  };
  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    const done = await action.run(() => send('POST /api/account/mfa/totp/confirm', {}, { code }));
    if (done) onEnrolled(done.recoveryCodes);
  };
  if (!setup) {
    return (
      <>
        <ErrorNotice error={action.error} />
        <button type="button" onClick={start} disabled={action.busy}>
          Set up an authenticator app
        </button>
      </>
    );
  }
  return (
    <form onSubmit={confirm} noValidate>
      <ErrorNotice error={action.error} />
      <p>Scan this code with your authenticator app (Google Authenticator, 1Password, Authy…).</p>
      {qr && <img src={qr} width={200} height={200} alt="QR code for your authenticator app" />}
      <p className="hint">
        Cannot scan it? Type this key in the app: <code>{setup.secret}</code>
      </p>
      <TextField
        label="The 6-digit code the app shows"
        value={code}
        onChange={setCode}
        required
        autoFocus
        error={action.error?.about('code')}
      />
      <button type="submit" disabled={action.busy}>
        Confirm
      </button>
    </form>
  );
}

/** Registers a passkey of this device or a security key, through the browser's WebAuthn prompt. */
function AddPasskey({ onEnrolled }: { onEnrolled: (codes: string[]) => void }) {
  const action = useAction();
  const [name, setName] = useState('');
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const done = await action.run(async () => {
      const options = await send('POST /api/account/mfa/passkeys/options', {});
      const response = await startRegistration({ optionsJSON: options as never });
      return send(
        'POST /api/account/mfa/passkeys',
        {},
        { response: { ...response }, name: name.trim() || 'Passkey' },
      );
    });
    if (done) {
      setName('');
      onEnrolled(done.recoveryCodes);
    }
  };
  return (
    <form onSubmit={add} noValidate>
      <ErrorNotice error={action.error} />
      <TextField
        label="Passkey name"
        hint="So you can tell it apart, e.g. Work laptop"
        value={name}
        onChange={setName}
      />
      <button type="submit" disabled={action.busy}>
        {action.busy ? 'Waiting for your device…' : 'Add a passkey'}
      </button>
    </form>
  );
}

/**
 * Two-step sign-in on "Your account", and the enrolment a sign-in waits for when the organisation
 * requires a second factor (`onFinished` then continues into the app).
 */
export function TwoStepSignIn({ timeZone, onFinished }: { timeZone?: string; onFinished?: () => void }) {
  const factors = useApi('GET /api/account/mfa', {});
  const action = useAction();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState('');
  const enrolled = (newCodes: string[]) => {
    factors.reload();
    if (newCodes.length) setCodes(newCodes);
    else if (onFinished) onFinished();
    else setNotice('Added.');
  };
  const remove = async (what: 'totp' | { passkey: string }) => {
    const done = await action.run(() =>
      what === 'totp'
        ? send('DELETE /api/account/mfa/totp', {})
        : send('DELETE /api/account/mfa/passkeys/{id}', { id: what.passkey }),
    );
    if (done === undefined && !action.error) factors.reload();
  };
  const newCodes = async () => {
    const done = await action.run(() => send('POST /api/account/mfa/recovery-codes', {}));
    if (done) setCodes(done.recoveryCodes);
  };
  if (codes) {
    return (
      <RecoveryCodes
        codes={codes}
        onDone={() => {
          setCodes(null);
          onFinished?.();
        }}
      />
    );
  }
  return (
    <section aria-labelledby="two-step">
      <h2 id="two-step">Two-step sign-in</h2>
      <p className="hint">
        After your password, a code from an app on your phone or a passkey proves it is you.
      </p>
      <ErrorNotice error={action.error} />
      <p role="status" aria-live="polite">
        {notice}
      </p>
      <Show loaded={factors}>
        {(f) => (
          <>
            {f.required && !f.totp && f.passkeys.length === 0 && (
              <p className="notice">
                Your organisation requires two-step sign-in: set up one of these to continue.
              </p>
            )}
            <h3>Authenticator app</h3>
            {f.totp ? (
              <p>
                Set up.{' '}
                <button type="button" className="secondary" onClick={() => remove('totp')}>
                  Remove the authenticator app
                </button>
              </p>
            ) : (
              <AuthenticatorSetup onEnrolled={enrolled} />
            )}
            <h3>Passkeys</h3>
            {f.passkeys.length > 0 && (
              <ul>
                {f.passkeys.map((p) => (
                  <li key={p.id}>
                    {p.name}, added {when(p.createdAt, timeZone)}
                    {p.lastUsedAt ? `, last used ${when(p.lastUsedAt, timeZone)}` : ', not used yet'}{' '}
                    <button type="button" className="secondary" onClick={() => remove({ passkey: p.id })}>
                      Remove {p.name}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <AddPasskey onEnrolled={enrolled} />
            {(f.totp || f.passkeys.length > 0) && !onFinished && (
              <>
                <h3>Recovery codes</h3>
                <p>
                  {f.recoveryCodesLeft === 1 ? '1 code left.' : `${f.recoveryCodesLeft} codes left.`}{' '}
                  <button type="button" className="secondary" onClick={newCodes}>
                    New recovery codes
                  </button>
                </p>
              </>
            )}
          </>
        )}
      </Show>
    </section>
  );
}
