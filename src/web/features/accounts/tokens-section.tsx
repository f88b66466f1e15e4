import { type FormEvent, useState } from 'react';
import { type TokenScope, tokenScopeNames, tokenScopeWords } from '../../../contracts/vocabulary';
import { send, useAction, useApi } from '../../client';
import { useStaff } from '../../session';
import { Checkboxes, ConfirmAction, ErrorNotice, SelectField, TextField, when } from '../../ui';

type Kind = 'personal' | 'organisation';
const routes = {
  personal: {
    list: 'GET /api/auth/tokens',
    make: 'POST /api/auth/tokens',
    revoke: 'DELETE /api/auth/tokens/{id}',
  },
  organisation: { list: 'GET /api/tokens', make: 'POST /api/tokens', revoke: 'DELETE /api/tokens/{id}' },
} as const;
const statusWords = { active: 'Active', expired: 'Expired', revoked: 'Revoked' } as const;

/** The secret of a token just made: shown this once, with a button that copies it. */
function ShownOnce({ token, onDone }: { token: string; onDone: () => void }) {
  const [copied, setCopied] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('Copying is not allowed here; select the token and copy it yourself.');
    }
  };
  return (
    <section className="notice" aria-labelledby="new-token-title">
      <h3 id="new-token-title">Your new token</h3>
      <p>
        Copy it now: it is shown only this once. Send it as <code>Authorization: Bearer &lt;token&gt;</code>.
      </p>
      <label htmlFor="new-token-value">Token</label>
      <input
        id="new-token-value"
        className="code"
        readOnly
        value={token}
        onFocus={(e) => e.target.select()}
      />
      <div className="actions">
        <button type="button" onClick={copy}>
          Copy token
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          I have kept it
        </button>
      </div>
      <p role="status" aria-live="polite">
        {copied}
      </p>
    </section>
  );
}

/** Make, list and revoke API tokens: my own, or (admins) the organisation's. */
export function TokensSection({ kind }: { kind: Kind }) {
  const me = useStaff();
  const tokens = useApi(routes[kind].list, {});
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['candidates:read']);
  const [days, setDays] = useState('90');
  const [secret, setSecret] = useState<string | null>(null);
  const action = useAction();
  const make = async (event: FormEvent) => {
    event.preventDefault();
    const expiresInDays = days === 'never' ? null : Number(days);
    const made = await action.run(() => send(routes[kind].make, {}, { name, scopes, expiresInDays }));
    if (made) {
      setSecret(made.token);
      setName('');
      tokens.reload();
    }
  };
  const revoke = async (id: string) => {
    const done = await action.run(() => send(routes[kind].revoke, { id }).then(() => true));
    if (done) tokens.reload();
    return Boolean(done);
  };
  const title = kind === 'personal' ? 'Your API tokens' : "The organisation's API tokens";
  const id = `${kind}-tokens`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="hint">
        {kind === 'personal'
          ? 'A token lets a script call the API as you, with your roles and never more than the scopes you pick.'
          : 'An organisation token acts for the organisation, within its scopes, whoever made it.'}
      </p>
      {secret && <ShownOnce token={secret} onDone={() => setSecret(null)} />}
      <ErrorNotice error={action.error} fields={{ expiresInDays: 'Expires' }} />
      {tokens.data && tokens.data.items.length > 0 ? (
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Scopes</th>
              <th scope="col">Last used</th>
              <th scope="col">Expires</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.items.map((t) => (
              <tr key={t.id}>
                <td>
                  {t.name} <code>{t.prefix}…</code>
                  {kind === 'organisation' && <div className="hint">Made by {t.createdBy.name}</div>}
                </td>
                <td>{t.scopes.map((s) => tokenScopeWords[s as TokenScope] ?? s).join('; ')}</td>
                <td>
                  {t.lastUsedAt
                    ? `${when(t.lastUsedAt, me.timezone)} from ${t.lastUsedAddress ?? 'unknown'}`
                    : 'Never'}
                </td>
                <td>{t.expiresAt ? when(t.expiresAt, me.timezone) : 'Never'}</td>
                <td>{statusWords[t.status]}</td>
                <td>
                  {t.status === 'active' && (
                    <ConfirmAction
                      trigger={`Revoke ${t.name}`}
                      title={`Revoke ${t.name}?`}
                      confirm="Revoke token"
                      onConfirm={() => revoke(t.id)}
                    >
                      <p>Anything using it stops working at once. This cannot be undone.</p>
                    </ConfirmAction>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty">No tokens yet.</p>
      )}
      <form
        onSubmit={make}
        noValidate
        aria-label={kind === 'personal' ? 'New personal token' : 'New organisation token'}
      >
        <h3>New token</h3>
        <TextField
          label="What it is for"
          value={name}
          onChange={setName}
          required
          error={action.error?.about('name')}
        />
        <Checkboxes
          legend="What it may do"
          values={tokenScopeNames}
          labels={tokenScopeWords}
          chosen={scopes}
          onChange={setScopes}
          error={action.error?.about('scopes')}
        />
        <SelectField
          label="Expires"
          value={days}
          onChange={setDays}
          options={[
            ['30', 'In 30 days'],
            ['90', 'In 90 days'],
            ['366', 'In a year'],
            ...(kind === 'organisation' ? ([['never', 'Never']] as [string, string][]) : []),
          ]}
          error={action.error?.about('expiresInDays')}
        />
        <button type="submit" disabled={action.busy}>
          {action.busy ? 'Making…' : 'Make token'}
        </button>
      </form>
    </section>
  );
}

export const OrganisationTokens = () => <TokensSection kind="organisation" />;
