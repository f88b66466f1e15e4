import { type FormEvent, useState } from 'react';
import { send, useAction, useApi } from '../../client';
import { useStaff } from '../../session';
import { ErrorNotice, Show, TextField, when } from '../../ui';

export function TeamsAdmin() {
  const me = useStaff();
  const teams = useApi('GET /api/teams', {});
  const [name, setName] = useState('');
  const [timezone, setTimezone] = useState('America/Los_Angeles');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(() => send('POST /api/teams', {}, { name, timezone }))) {
      setName('');
      teams.reload();
    }
  };
  return (
    <>
      <Show loaded={teams} isEmpty={(t) => t.items.length === 0} empty="No teams yet.">
        {(t) => (
          <table>
            <thead>
              <tr>
                <th>Team</th>
                <th>Time zone</th>
                <th>Created</th>
              </tr>
            </thead>
            <tbody>
              {t.items.map((team) => (
                <tr key={team.id}>
                  <td>{team.name}</td>
                  <td>{team.timezone}</td>
                  <td>{when(team.createdAt, me.timezone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Show>
      <form onSubmit={submit} noValidate aria-label="New team">
        <h2>New team</h2>
        <ErrorNotice error={action.error} fields={{ timezone: 'Time zone' }} />
        <TextField
          label="Name"
          value={name}
          onChange={setName}
          required
          error={action.error?.about('name')}
        />
        <TextField
          label="Time zone"
          hint="IANA, e.g. Asia/Singapore"
          value={timezone}
          onChange={setTimezone}
          error={action.error?.about('timezone')}
        />
        <button type="submit" disabled={action.busy}>
          Add team
        </button>
      </form>
    </>
  );
}
