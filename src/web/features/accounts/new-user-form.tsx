import { type FormEvent, useState } from 'react';
import { send, useAction } from '../../client';
import { roleLabels } from '../../labels';
import type { StaffMe } from '../../types';
import { Checkboxes, ErrorNotice, TextField } from '../../ui';

const staffRoles = [
  'admin',
  'recruiter',
  'coordinator',
  'interviewer',
  'hiring_manager',
  'hr',
  'compliance',
] as const;

/** An admin adds a staff member with a first password, roles and teams. */
export function NewUserForm({
  teams,
  onCreated,
}: {
  teams: { id: string; name: string }[];
  onCreated: () => void;
}) {
  const [f, setF] = useState({ name: '', email: '', timezone: 'America/Los_Angeles', password: '' });
  const [roles, setRoles] = useState<StaffMe['roles']>(['interviewer']);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const action = useAction();
  const set = (key: keyof typeof f) => (value: string) => setF((x) => ({ ...x, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(() => send('POST /api/users', {}, { ...f, roles, teamIds }))) {
      setF((x) => ({ ...x, name: '', email: '', password: '' }));
      onCreated();
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-label="New user">
      <h2>New user</h2>
      <ErrorNotice error={action.error} fields={{ password: 'First password', timezone: 'Time zone' }} />
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
        hint="12 to 128 characters; a few words with spaces make a good one. Common passwords are refused."
        value={f.password}
        onChange={set('password')}
        error={action.error?.about('password')}
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
        values={teams.map((t) => t.id)}
        labels={Object.fromEntries(teams.map((t) => [t.id, t.name]))}
        chosen={teamIds}
        onChange={setTeamIds}
      />
      <button type="submit" disabled={action.busy}>
        Add user
      </button>
    </form>
  );
}
