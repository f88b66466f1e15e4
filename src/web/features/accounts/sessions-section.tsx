import { type FormEvent, useState } from 'react';
import { send, useAction, useApi } from '../../client';
import { ErrorNotice, Page, Show, TextField, when } from '../../ui';
import { VolunteerSection } from '../mock/practice-interviews-page';
import { TwoStepSignIn } from './mfa-section';
import { TokensSection } from './tokens-section';

/** "Your sessions": where I am signed in, with a button to end any of them. */
export function YourSessions({ timeZone }: { timeZone?: string }) {
  const sessions = useApi('GET /api/auth/sessions', {});
  const action = useAction();
  const [notice, setNotice] = useState('');
  const end = async (id: string, device: string) => {
    if (await action.run(() => send('DELETE /api/auth/sessions/{id}', { id }).then(() => true))) {
      setNotice(`Signed out of ${device}.`);
      sessions.reload();
    }
  };
  const endOthers = async () => {
    const done = await action.run(() => send('POST /api/auth/sessions/end-others', {}));
    if (done) {
      setNotice(
        done.ended === 1 ? 'Signed out of 1 other session.' : `Signed out of ${done.ended} other sessions.`,
      );
      sessions.reload();
    }
  };
  return (
    <section aria-labelledby="your-sessions">
      <h2 id="your-sessions">Your sessions</h2>
      <p className="hint">
        Where you are signed in. End any you do not recognise, then change your password.
      </p>
      <ErrorNotice error={action.error} />
      <p role="status" aria-live="polite">
        {notice}
      </p>
      <Show loaded={sessions}>
        {(s) => (
          <>
            <table>
              <caption className="visually-hidden">Your sessions</caption>
              <thead>
                <tr>
                  <th scope="col">Device</th>
                  <th scope="col">Address</th>
                  <th scope="col">Signed in</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span className="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.items.map((session) => (
                  <tr key={session.id}>
                    <td>
                      {session.device}
                      {session.current && <strong> (this one)</strong>}
                    </td>
                    <td>{session.address ?? 'Unknown'}</td>
                    <td>{when(session.createdAt, timeZone)}</td>
                    <td>{when(session.lastSeenAt, timeZone)}</td>
                    <td>
                      {!session.current && (
                        <button
                          type="button"
                          disabled={action.busy}
                          aria-label={`End the session on ${session.device}, signed in ${when(session.createdAt, timeZone)}`}
                          onClick={() => end(session.id, session.device)}
                        >
                          End
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {s.items.some((session) => !session.current) && (
              <button type="button" disabled={action.busy} onClick={endOthers}>
                End all other sessions
              </button>
            )}
          </>
        )}
      </Show>
    </section>
  );
}

/** Changing my password signs me out everywhere else. */
function ChangePassword() {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [notice, setNotice] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice('');
    const done = await action.run(() =>
      send('POST /api/auth/password', {}, { currentPassword, newPassword }),
    );
    if (done) {
      setCurrent('');
      setNew('');
      setNotice('Your password is changed, and your other sessions are signed out.');
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="change-password">
      <h2 id="change-password">Change your password</h2>
      <ErrorNotice error={action.error} />
      <p role="status" aria-live="polite">
        {notice}
      </p>
      <TextField
        label="Current password"
        type="password"
        value={currentPassword}
        onChange={setCurrent}
        required
        error={action.error?.about('currentPassword')}
      />
      <TextField
        label="New password"
        type="password"
        hint="12 to 128 characters; a few words with spaces make a good one. Common passwords are refused."
        value={newPassword}
        onChange={setNew}
        required
        error={action.error?.about('newPassword')}
      />
      <button type="submit" disabled={action.busy}>
        {action.busy ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}

/** A staff member's own account: sessions and password. */
export function AccountPage({ timeZone }: { timeZone: string }) {
  return (
    <Page title="Your account">
      <YourSessions timeZone={timeZone} />
      <ChangePassword />
      <TwoStepSignIn timeZone={timeZone} />
      <TokensSection kind="personal" />
      <VolunteerSection />
    </Page>
  );
}

/** A candidate's sessions (they sign in by link and have no password). */
export function CandidateSessionsPage() {
  return (
    <Page title="Your sessions">
      <YourSessions />
    </Page>
  );
}
