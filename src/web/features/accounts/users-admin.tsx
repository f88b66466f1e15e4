import { type FormEvent, useState } from 'react';
import { send, useAction, useApi, useCursorList } from '../../client';
import { label, roleLabels } from '../../labels';
import { useStaff } from '../../session';
import type { StaffMe } from '../../types';
import { Checkboxes, ConfirmAction, ErrorNotice, MoreButton, SelectField, TextField, when } from '../../ui';
import { NewUserForm } from './new-user-form';
import { ResetMfaButton } from './reset-mfa-button';

const staffRoles = [
  'admin',
  'recruiter',
  'coordinator',
  'interviewer',
  'hiring_manager',
  'hr',
  'compliance',
] as const;
type Role = (typeof staffRoles)[number];

interface UserRow {
  id: string;
  name: string;
  email: string;
  timezone: string;
  roles: Role[];
  teamIds: string[];
  languages: string[];
  status: 'active' | 'disabled';
  lastSignInAt: string | null;
  version: number;
}

/**
 * Admin: Users and roles. A list filtered by role, team, status and a search; each user opens an
 * editor (name, roles, teams, zone, interview languages) with disable or enable behind a confirmation.
 */
export function UsersAdmin() {
  const me = useStaff();
  const teams = useApi('GET /api/teams', {});
  const teamName = new Map((teams.data?.items ?? []).map((t) => [t.id, t.name]));
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [teamId, setTeamId] = useState('');
  const [status, setStatus] = useState<'all' | 'active' | 'disabled'>('all');
  const users = useCursorList('GET /api/users', {
    q: q.trim() || undefined,
    role: role || undefined,
    teamId: teamId || undefined,
    status,
    limit: 50,
  });
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <search className="toolbar" aria-label="Find users">
        <TextField label="Name or email" value={q} onChange={setQ} />
        <SelectField
          label="Role"
          value={role}
          onChange={setRole}
          options={[['', 'Any role'], ...staffRoles.map((r): [Role, string] => [r, roleLabels[r]])]}
        />
        <SelectField
          label="Team"
          value={teamId}
          onChange={setTeamId}
          options={[
            ['', 'Any team'],
            ...(teams.data?.items ?? []).map((t): [string, string] => [t.id, t.name]),
          ]}
        />
        <SelectField
          label="Status"
          value={status}
          onChange={setStatus}
          options={[
            ['all', 'Active and disabled'],
            ['active', 'Active'],
            ['disabled', 'Disabled'],
          ]}
        />
      </search>
      <ErrorNotice error={users.error} />
      <table>
        <caption className="visually-hidden">Users</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Roles</th>
            <th scope="col">Teams</th>
            <th scope="col">Status</th>
            <th scope="col">Last signed in</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(users.items ?? []).map((user) => (
            <UserLine
              key={user.id}
              user={user as UserRow}
              me={me}
              teamName={teamName}
              teams={(teams.data?.items ?? []).map((t) => t.id)}
              open={open === user.id}
              onOpen={() => setOpen(open === user.id ? null : user.id)}
              onChanged={() => {
                setOpen(null);
                users.reload();
              }}
            />
          ))}
        </tbody>
      </table>
      {users.items?.length === 0 && <p className="empty">No user matches these filters.</p>}
      <MoreButton more={users.more} loading={users.loading} />
      <NewUserForm teams={teams.data?.items ?? []} onCreated={users.reload} />
    </>
  );
}

function UserLine(props: {
  user: UserRow;
  me: StaffMe;
  teamName: Map<string, string>;
  teams: string[];
  open: boolean;
  onOpen: () => void;
  onChanged: () => void;
}) {
  const { user, me, teamName } = props;
  return (
    <>
      <tr>
        <td>{user.name}</td>
        <td>{user.email}</td>
        <td>{user.roles.map((r) => roleLabels[r]).join(', ')}</td>
        <td>{user.teamIds.map((t) => teamName.get(t) ?? t).join(', ') || 'All'}</td>
        <td>{user.status === 'active' ? 'Active' : <strong>Disabled</strong>}</td>
        <td>{user.lastSignInAt ? when(user.lastSignInAt, me.timezone) : 'Never'}</td>
        <td>
          <button type="button" className="secondary" aria-expanded={props.open} onClick={props.onOpen}>
            {props.open ? 'Close' : 'Edit'}
            <span className="visually-hidden"> {user.name}</span>
          </button>
        </td>
      </tr>
      {props.open && (
        <tr>
          <td colSpan={7}>
            <UserEditor
              user={user}
              me={me}
              teams={props.teams}
              teamName={teamName}
              onChanged={props.onChanged}
            />
          </td>
        </tr>
      )}
    </>
  );
}

function UserEditor(props: {
  user: UserRow;
  me: StaffMe;
  teams: string[];
  teamName: Map<string, string>;
  onChanged: () => void;
}) {
  const { user, me } = props;
  const [name, setName] = useState(user.name);
  const [timezone, setTimezone] = useState(user.timezone);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [teamIds, setTeamIds] = useState(user.teamIds);
  const [languages, setLanguages] = useState(user.languages.join(', '));
  const [notice, setNotice] = useState('');
  const action = useAction();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const list = languages
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean);
    const body = { expectedVersion: user.version, name, timezone, roles, teamIds, languages: list };
    if (await action.run(() => send('PATCH /api/users/{id}', { id: user.id }, body))) props.onChanged();
  };
  const toggle = async () => {
    const route = user.status === 'active' ? 'POST /api/users/{id}/disable' : 'POST /api/users/{id}/enable';
    const done = await action.run(() => send(route, { id: user.id }));
    if (!done) return false;
    setNotice(user.status === 'active' ? `${user.name} is disabled.` : `${user.name} can sign in again.`);
    props.onChanged();
    return true;
  };
  const stale = action.error?.code === 'conflict.stale_version';
  return (
    <div className="user-editor">
      <form onSubmit={save} noValidate aria-label={`Edit ${user.name}`}>
        <ErrorNotice
          error={action.error}
          fields={{ timezone: 'Time zone', teamIds: 'Teams', languages: 'Interview languages' }}
        />
        {stale && (
          <p className="notice">
            Someone else changed this user meanwhile. Close it and open it again to see their change.
          </p>
        )}
        <p role="status" aria-live="polite">
          {notice}
        </p>
        <TextField
          label="Name"
          value={name}
          onChange={setName}
          required
          error={action.error?.about('name')}
        />
        <TextField
          label="Time zone"
          value={timezone}
          onChange={setTimezone}
          error={action.error?.about('timezone')}
        />
        <TextField
          label="Interview languages"
          hint="Language codes separated by commas, e.g. en, zh"
          value={languages}
          onChange={setLanguages}
          error={action.error?.about('languages')}
        />
        <Checkboxes
          legend="Roles"
          values={staffRoles}
          chosen={roles}
          onChange={setRoles}
          labels={roleLabels}
          error={action.error?.about('roles')}
        />
        <Checkboxes
          legend="Teams"
          values={props.teams}
          labels={Object.fromEntries(props.teamName)}
          chosen={teamIds}
          onChange={setTeamIds}
        />
        <button type="submit" disabled={action.busy}>
          {action.busy ? 'Saving…' : 'Save changes'}
        </button>
      </form>
      {/* Outside the editor's form: each confirmation is a form of its own. */}
      <div className="actions">
        {user.id !== me.userId &&
          (user.status === 'active' ? (
            <ConfirmAction
              trigger="Disable account"
              title={`Disable ${user.name}?`}
              confirm="Disable account"
              onConfirm={toggle}
            >
              <p>
                {user.name} will be signed out everywhere and can no longer sign in. Their API tokens stop
                working, and they leave the panels of interviews still to come (the recruiters and
                coordinators are told, to find someone else). Their feedback, decisions and history stay.
              </p>
            </ConfirmAction>
          ) : (
            <ConfirmAction
              trigger="Enable account"
              title={`Let ${user.name} sign in again?`}
              confirm="Enable account"
              className="secondary"
              onConfirm={toggle}
            >
              <p>They sign in with the password they had; their old sessions and tokens stay ended.</p>
            </ConfirmAction>
          ))}
        {user.status === 'active' && <ResetMfaButton userId={user.id} name={user.name} />}
      </div>
      <p className="hint">
        {label(user.status)} account · version {user.version}
      </p>
    </div>
  );
}
