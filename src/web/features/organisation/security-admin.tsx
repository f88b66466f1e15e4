import { type FormEvent, useEffect, useState } from 'react';
import { send, useAction, useApi } from '../../client';
import type { Answer } from '../../endpoints';
import { Checkboxes, ConfirmAction, ErrorNotice, SelectField, Show, TextField, when } from '../../ui';

const staffRoles = [
  'admin',
  'recruiter',
  'coordinator',
  'interviewer',
  'hiring_manager',
  'hr',
  'compliance',
] as const;
type StaffRole = (typeof staffRoles)[number];

/** Who must use two-step sign-in, and who may still use a password once single sign-on is on. */
function SecurityPolicy() {
  const policy = useApi('GET /api/security/policy', {});
  const action = useAction();
  const [mfa, setMfa] = useState<'none' | 'admins_hr' | 'all'>('none');
  const [passwords, setPasswords] = useState<'everyone' | 'admins'>('everyone');
  const [notice, setNotice] = useState('');
  useEffect(() => {
    if (policy.data) {
      setMfa(policy.data.mfaRequired);
      setPasswords(policy.data.passwordSignIn);
    }
  }, [policy.data]);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await action.run(() =>
      send('PUT /api/security/policy', {}, { mfaRequired: mfa, passwordSignIn: passwords }),
    );
    if (saved) {
      setNotice(
        saved.endedSessions
          ? `Saved. ${saved.endedSessions} session(s) of people without two-step sign-in ended; they set it up when they next sign in.`
          : 'Saved.',
      );
    }
  };
  return (
    <section aria-labelledby="security-policy">
      <h2 id="security-policy">Sign-in policy</h2>
      <Show loaded={policy}>
        {() => (
          <form onSubmit={save} noValidate>
            <ErrorNotice error={action.error} />
            <SelectField
              label="Two-step sign-in is required for"
              value={mfa}
              onChange={setMfa}
              options={[
                ['none', 'Nobody (everyone may still set it up)'],
                ['admins_hr', 'Admins and HR'],
                ['all', 'All staff'],
              ]}
              error={action.error?.about('mfaRequired')}
            />
            <SelectField
              label="Password sign-in when single sign-on is on"
              hint="Admins keep their password so they can get in if the identity provider fails."
              value={passwords}
              onChange={setPasswords}
              options={[
                ['everyone', 'Everyone may still use a password'],
                ['admins', 'Only admins may use a password'],
              ]}
            />
            <button type="submit" disabled={action.busy}>
              Save the sign-in policy
            </button>
            <p role="status" aria-live="polite">
              {notice}
            </p>
          </form>
        )}
      </Show>
    </section>
  );
}

type Connection = Answer<'GET /api/sso/connection'>;

function SsoConnectionForm({ connection, onSaved }: { connection: Connection; onSaved: () => void }) {
  const action = useAction();
  const [f, setF] = useState({
    displayName: connection.displayName,
    issuer: connection.issuer,
    clientId: connection.clientId,
    clientSecret: '',
    groupsClaim: connection.groupsClaim,
  });
  const [defaultRoles, setDefaultRoles] = useState<StaffRole[]>(connection.defaultRoles);
  const [enabled, setEnabled] = useState(connection.enabled);
  const set = (key: keyof typeof f) => (value: string) => setF((old) => ({ ...old, [key]: value }));
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await action.run(() =>
      send(
        'PUT /api/sso/connection',
        {},
        { ...f, clientSecret: f.clientSecret || null, defaultRoles, enabled },
      ),
    );
    if (saved) onSaved();
  };
  return (
    <form onSubmit={save} noValidate>
      <ErrorNotice error={action.error} />
      <p className="hint">
        Register <code>{connection.callbackUrl}</code> as the redirect URI at your provider.
      </p>
      <TextField
        label="Button name"
        hint='Shown as "Sign in with …", e.g. Okta'
        value={f.displayName}
        onChange={set('displayName')}
        required
        error={action.error?.about('displayName')}
      />
      <TextField
        label="Issuer URL"
        hint="e.g. https://example.okta.com"
        value={f.issuer}
        onChange={set('issuer')}
        required
        error={action.error?.about('issuer')}
      />
      <TextField
        label="Client ID"
        value={f.clientId}
        onChange={set('clientId')}
        required
        error={action.error?.about('clientId')}
      />
      <TextField
        label="Client secret"
        type="password"
        hint={
          connection.hasSecret
            ? 'Leave empty to keep the stored secret'
            : 'Stored encrypted; never shown again'
        }
        value={f.clientSecret}
        onChange={set('clientSecret')}
        error={action.error?.about('clientSecret')}
      />
      <TextField
        label="Groups claim"
        hint="The ID token claim that lists the person's groups"
        value={f.groupsClaim}
        onChange={set('groupsClaim')}
      />
      <Checkboxes
        legend="Roles of new people whose groups map to none"
        values={staffRoles}
        chosen={defaultRoles}
        onChange={setDefaultRoles}
      />
      <label className="inline">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Single
        sign-on is on
      </label>
      <button type="submit" disabled={action.busy}>
        Save the identity provider
      </button>
    </form>
  );
}

/** The organisation's OpenID Connect provider. */
function SsoConnection() {
  const connection = useApi('GET /api/sso/connection', {});
  const [notice, setNotice] = useState('');
  return (
    <section aria-labelledby="sso-connection">
      <h2 id="sso-connection">Single sign-on (OpenID Connect)</h2>
      <p role="status" aria-live="polite">
        {notice}
      </p>
      <Show loaded={connection}>
        {(c) => (
          <SsoConnectionForm
            connection={c}
            onSaved={() => {
              setNotice('Identity provider saved.');
              connection.reload();
            }}
          />
        )}
      </Show>
    </section>
  );
}

type Mapping = { group: string; roles: StaffRole[]; teamIds: string[] };

/** Which directory groups grant which roles and teams, at single sign-on and through SCIM. */
function GroupMappings() {
  const loaded = useApi('GET /api/sso/group-mappings', {});
  const teams = useApi('GET /api/teams', {});
  const action = useAction();
  const [rows, setRows] = useState<Mapping[]>([]);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    if (loaded.data) setRows(loaded.data.items);
  }, [loaded.data]);
  const change = (i: number, patch: Partial<Mapping>) =>
    setRows((old) => old.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await action.run(() =>
      send('PUT /api/sso/group-mappings', {}, { mappings: rows.filter((r) => r.group.trim()) }),
    );
    if (saved) setNotice('Group mappings saved.');
  };
  const teamNames = Object.fromEntries((teams.data?.items ?? []).map((t) => [t.id, t.name]));
  return (
    <section aria-labelledby="group-mappings">
      <h2 id="group-mappings">Groups to roles and teams</h2>
      <p className="hint">
        A person in a mapped group gets its roles and teams at each sign-in and whenever SCIM changes the
        group.
      </p>
      <Show loaded={loaded}>
        {() => (
          <form onSubmit={save} noValidate>
            <ErrorNotice error={action.error} />
            {rows.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: an unsaved mapping has no identity; its fields are controlled
              <fieldset key={i}>
                <legend>Mapping {i + 1}</legend>
                <TextField label="Group name" value={row.group} onChange={(group) => change(i, { group })} />
                <Checkboxes
                  legend="Roles"
                  values={staffRoles}
                  chosen={row.roles}
                  onChange={(roles) => change(i, { roles })}
                />
                <Checkboxes
                  legend="Teams"
                  values={Object.keys(teamNames)}
                  labels={teamNames}
                  chosen={row.teamIds}
                  onChange={(teamIds) => change(i, { teamIds })}
                />
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setRows((old) => old.filter((_, j) => j !== i))}
                >
                  Remove mapping {i + 1}
                </button>
              </fieldset>
            ))}
            <button
              type="button"
              className="secondary"
              onClick={() => setRows((old) => [...old, { group: '', roles: [], teamIds: [] }])}
            >
              Add a mapping
            </button>{' '}
            <button type="submit" disabled={action.busy}>
              Save group mappings
            </button>
            <p role="status" aria-live="polite">
              {notice}
            </p>
          </form>
        )}
      </Show>
    </section>
  );
}

/** Bearer tokens the identity provider provisions users with; each shown once. */
function ScimTokens() {
  const tokens = useApi('GET /api/scim-tokens', {});
  const connection = useApi('GET /api/sso/connection', {});
  const action = useAction();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const create = async (event: FormEvent) => {
    event.preventDefault();
    const made = await action.run(() => send('POST /api/scim-tokens', {}, { name }));
    if (made) {
      setCreated(made.token);
      setName('');
      tokens.reload();
    }
  };
  return (
    <section aria-labelledby="scim-tokens">
      <h2 id="scim-tokens">SCIM provisioning</h2>
      <p className="hint">
        Give your identity provider the SCIM URL <code>{connection.data?.scimUrl ?? '…/scim/v2'}</code> and a
        token.
      </p>
      {created && (
        <div className="notice" role="status">
          Copy this token now; it is not shown again: <code>{created}</code>
        </div>
      )}
      <ErrorNotice error={action.error} />
      <Show loaded={tokens} isEmpty={(t) => t.items.length === 0} empty="No SCIM tokens yet.">
        {(t) => (
          <ul>
            {t.items.map((token) => (
              <li key={token.id}>
                {token.name}, created {when(token.createdAt)},{' '}
                {token.lastUsedAt ? `last used ${when(token.lastUsedAt)}` : 'never used'}{' '}
                <ConfirmAction
                  trigger={`Revoke ${token.name}`}
                  title={`Revoke the SCIM token ${token.name}?`}
                  confirm="Revoke"
                  onConfirm={async () => {
                    const done = await action.run(() =>
                      send('DELETE /api/scim-tokens/{id}', { id: token.id }).then(() => true),
                    );
                    if (done) tokens.reload();
                    return Boolean(done);
                  }}
                >
                  <p>Provisioning with this token stops at once.</p>
                </ConfirmAction>
              </li>
            ))}
          </ul>
        )}
      </Show>
      <form onSubmit={create} noValidate>
        <TextField
          label="Token name"
          hint="e.g. Okta"
          value={name}
          onChange={setName}
          required
          error={action.error?.about('name')}
        />
        <button type="submit" disabled={action.busy}>
          Create a SCIM token
        </button>
      </form>
    </section>
  );
}

/** Admin → Sign-in and security. */
export function SecurityAdmin() {
  return (
    <>
      <SecurityPolicy />
      <SsoConnection />
      <GroupMappings />
      <ScimTokens />
    </>
  );
}
