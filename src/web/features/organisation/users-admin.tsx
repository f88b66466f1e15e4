import { type FormEvent, useState } from 'react';
import { send, useAction, useApi } from '../../client';
import type { StaffMe } from '../../types';
import { Checkboxes, ErrorNotice, humanize, Show, TextField } from '../../ui';

const staffRoles = ['admin', 'recruiter', 'coordinator', 'interviewer', 'hiring_manager', 'hr'] as const;

export function UsersAdmin() {
  const users = useApi('GET /api/users', {});
  const teams = useApi('GET /api/teams', {});
  const teamName = new Map((teams.data?.items ?? []).map((t) => [t.id, t.name]));
  const [f, setF] = useState({ name: '', email: '', timezone: 'America/Los_Angeles', password: '' });
  const [roles, setRoles] = useState<StaffMe['roles']>(['interviewer']);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const action = useAction();
  const set = (key: keyof typeof f) => (value: string) => setF((x) => ({ ...x, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(() => send('POST /api/users', {}, { ...f, roles, teamIds }))) {
      setF((x) => ({ ...x, name: '', email: '', password: '' }));
      users.reload();
    }
  };
  return (
    <>
      <Show loaded={users}>
        {(u) => (
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>Email</th>
                <th>Roles</th>
                <th>Teams</th>
                <th>Time zone</th>
              </tr>
            </thead>
            <tbody>
              {u.items.map((user) => (
                <tr key={user.id}>
                  <td>{user.name}</td>
                  <td>{user.email}</td>
                  <td>{user.roles.map(humanize).join(', ')}</td>
                  <td>{user.teamIds.map((t) => teamName.get(t) ?? t).join(', ') || 'All'}</td>
                  <td>{user.timezone}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Show>
      <form onSubmit={submit} noValidate aria-label="New user">
        <h2>New user</h2>
        <ErrorNotice error={action.error} />
        <TextField
          label="Name"
          value={f.name}
          onChange={set('name')}
          required
          error={action.error?.about('name')}
        />
        <TextField
          label="Email"
          type="email"
          value={f.email}
          onChange={set('email')}
          required
          error={action.error?.about('email')}
        />
        <TextField
          label="Time zone"
          value={f.timezone}
          onChange={set('timezone')}
          error={action.error?.about('timezone')}
        />
        <TextField
          label="First password"
          type="password"
          hint="At least 12 characters"
          value={f.password}
          onChange={set('password')}
          error={action.error?.about('password')}
        />
        <Checkboxes legend="Roles" values={staffRoles} chosen={roles} onChange={setRoles} />
        {action.error?.about('roles') && <span className="field-error">{action.error.about('roles')}</span>}
        <Checkboxes
          legend="Teams"
          values={(teams.data?.items ?? []).map((t) => t.id)}
          labels={Object.fromEntries(teamName)}
          chosen={teamIds}
          onChange={setTeamIds}
        />
        <button type="submit" disabled={action.busy}>
          Add user
        </button>
      </form>
    </>
  );
}
