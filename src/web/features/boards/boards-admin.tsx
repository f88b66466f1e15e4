import { type FormEvent, useState } from 'react';
import type { EmploymentType } from '../../../contracts/vocabulary';
import { employmentTypes } from '../../../contracts/vocabulary';
import { send, useAction, useApi } from '../../client';
import { label } from '../../labels';
import type { Board } from '../../types';
import { Checkboxes, ErrorNotice, Show, TextField } from '../../ui';

export function BoardsAdmin() {
  const boards = useApi('GET /api/boards', {});
  const [name, setName] = useState('');
  const [token, setToken] = useState('');
  const [types, setTypes] = useState<EmploymentType[]>(['full_time']);
  const [shownKey, setShownKey] = useState<{ board: string; key: string }>();
  const action = useAction();
  const create = async (event: FormEvent) => {
    event.preventDefault();
    const board = await action.run(() =>
      send('POST /api/boards', {}, { name, token, employmentTypes: types }),
    );
    if (board) {
      setShownKey(board.apiKey ? { board: board.name, key: board.apiKey } : undefined);
      setName('');
      setToken('');
      boards.reload();
    }
  };
  const rotate = async (board: Board) => {
    const rotated = await action.run(() => send('POST /api/boards/{id}/rotate-key', { id: board.id }));
    if (rotated?.apiKey) setShownKey({ board: board.name, key: rotated.apiKey });
  };
  return (
    <>
      {shownKey && (
        <p className="notice" role="status">
          API key for {shownKey.board}: <code>{shownKey.key}</code> — copy it now; it is not shown again.
        </p>
      )}
      <ErrorNotice
        error={action.error}
        fields={{ token: 'Career site address', employmentTypes: 'Employment types shown' }}
      />
      <Show loaded={boards} isEmpty={(b) => b.items.length === 0} empty="No job boards yet.">
        {(b) => (
          <table>
            <thead>
              <tr>
                <th>Board</th>
                <th>Jobs shown</th>
                <th>Career site</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {b.items.map((board) => (
                <tr key={board.id}>
                  <td>{board.name}</td>
                  <td>{board.employmentTypes.map(label).join(', ')}</td>
                  <td>
                    <a href={`/careers/${board.token}`}>/careers/{board.token}</a>
                  </td>
                  <td>
                    <button type="button" className="secondary" onClick={() => rotate(board)}>
                      Rotate API key<span className="visually-hidden"> of {board.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Show>
      <form onSubmit={create} noValidate aria-label="New board">
        <h2>New job board</h2>
        <TextField label="Name" value={name} onChange={setName} error={action.error?.about('name')} />
        <TextField
          label="Career site address"
          hint="The end of /careers/…: lowercase letters, digits, - and _"
          value={token}
          onChange={setToken}
          error={action.error?.about('token')}
        />
        <Checkboxes
          legend="Employment types shown"
          values={employmentTypes}
          chosen={types}
          onChange={setTypes}
        />
        <button type="submit" disabled={action.busy}>
          Create board
        </button>
      </form>
    </>
  );
}
