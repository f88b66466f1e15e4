import { type FormEvent, useEffect, useRef, useState } from 'react';
import { deciders, interviewFormats, roundTypes, steps } from '../../../contracts/vocabulary';
import { send, useAction, useApi } from '../../client';
import { label, roundTypeLabels } from '../../labels';
import type { Process } from '../../types';
import { ErrorNotice, SelectField, Show, TextField } from '../../ui';

const options = (values: readonly string[]) => values.map((v) => [v, label(v)] as const);

type Round = Process['definition']['rounds'][number];

export function ProcessesAdmin() {
  const processes = useApi('GET /api/processes', {});
  const teams = useApi('GET /api/teams', {});
  const templates = useApi('GET /api/templates', {});
  const [openId, setOpenId] = useState<string>();
  const [templateKey, setTemplateKey] = useState('');
  const [teamId, setTeamId] = useState('');
  const adopt = useAction();
  const teamName = new Map((teams.data?.items ?? []).map((t) => [t.id, t.name]));
  const copy = async (event: FormEvent) => {
    event.preventDefault();
    const created = await adopt.run(() => send('POST /api/processes', {}, { templateKey, teamId }));
    if (created) {
      processes.reload();
      setOpenId(created.id);
    }
  };
  const open = processes.data?.items.find((p) => p.id === openId);
  return (
    <>
      <Show
        loaded={processes}
        isEmpty={(p) => p.items.length === 0}
        empty="No processes yet: copy one from a template below."
      >
        {(p) => (
          <table>
            <thead>
              <tr>
                <th>Process</th>
                <th>Team</th>
                <th>Version</th>
                <th>Rounds</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {p.items.map((proc) => (
                <tr key={proc.id}>
                  <td>{proc.definition.name}</td>
                  <td>{proc.teamId ? teamName.get(proc.teamId) : 'Organisation'}</td>
                  <td>{proc.version}</td>
                  <td>{proc.definition.rounds.map((r) => r.name).join(' → ')}</td>
                  <td>
                    <button type="button" className="link" onClick={() => setOpenId(proc.id)}>
                      Edit<span className="visually-hidden"> {proc.definition.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Show>
      {open && (
        <ProcessEditor
          key={`${open.id}-${open.version}`}
          process={open}
          onSaved={(saved) => {
            processes.reload();
            setOpenId(saved.id);
          }}
        />
      )}
      <form onSubmit={copy} noValidate aria-label="Copy a template">
        <h2>Copy a shipped template to a team</h2>
        <ErrorNotice error={adopt.error} />
        <SelectField
          label="Template"
          value={templateKey}
          onChange={setTemplateKey}
          error={adopt.error?.about('templateKey')}
          options={[
            ['', 'Choose a template'],
            ...(templates.data?.items ?? []).map((t): [string, string] => [
              t.key,
              `${t.name} (${label(t.employmentType)}, ${label(t.level)})`,
            ]),
          ]}
        />
        <SelectField
          label="Team"
          value={teamId}
          onChange={setTeamId}
          error={adopt.error?.about('teamId')}
          options={[
            ['', 'Choose a team'],
            ...(teams.data?.items ?? []).map((t): [string, string] => [t.id, t.name]),
          ]}
        />
        <button type="submit" disabled={adopt.busy}>
          Copy template
        </button>
      </form>
    </>
  );
}

/** Edits a process round by round; the server's validation errors appear beside the field they name. */
function ProcessEditor({ process, onSaved }: { process: Process; onSaved: (p: Process) => void }) {
  const [name, setName] = useState(process.definition.name);
  const [description, setDescription] = useState(process.definition.description);
  const [rounds, setRounds] = useState<Round[]>(process.definition.rounds);
  const action = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening the editor moves the keyboard there, below the list.
  useEffect(() => heading.current?.focus(), []);
  const err = (path: string) => action.error?.about(`definition.${path}`);
  type Choice = 'step' | 'roundType' | 'format' | 'decidedBy';
  const choice = (i: number, key: Choice, title: string, values: readonly string[]) => (
    <SelectField
      label={title}
      value={rounds[i]![key]}
      onChange={(v) => setRound(i, { [key]: v })}
      options={
        key === 'roundType'
          ? values.map((v) => [v, roundTypeLabels[v as (typeof roundTypes)[number]] ?? label(v)] as const)
          : options(values)
      }
      error={err(`rounds.${i}.${key}`)}
    />
  );
  const setRound = (i: number, patch: Partial<Round>) =>
    setRounds((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: number) =>
    setRounds((rs) => {
      const next = [...rs];
      const [r] = next.splice(i, 1);
      next.splice(i + by, 0, r!);
      return next;
    });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await action.run(() =>
      send(
        'PUT /api/processes/{id}',
        { id: process.id },
        {
          expectedVersion: process.version,
          definition: { ...process.definition, name, description, rounds },
        },
      ),
    );
    if (saved) onSaved(saved);
  };
  const blank: Round = {
    key: `round-${rounds.length + 1}`,
    name: 'New round',
    step: 'interviews' as Round['step'],
    roundType: 'coding',
    durationMinutes: 60,
    format: 'video',
    eliminatory: true,
    decidedBy: 'hiring_manager',
    feedbackSlaDays: 2,
    committee: false,
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`Edit ${process.definition.name}`} className="wide-form">
      <h2 ref={heading} tabIndex={-1}>
        Edit {process.definition.name} (version {process.version})
      </h2>
      <p className="hint">Saving makes a new version; applications already running keep their plan.</p>
      <ErrorNotice error={action.error} />
      <TextField label="Name" value={name} onChange={setName} error={err('name')} />
      <TextField
        label="Description"
        multiline
        value={description}
        onChange={setDescription}
        error={err('description')}
      />
      {rounds.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: keys are edited here; the position is a round's identity
        <fieldset key={i} className="round-editor">
          <legend>
            Round {i + 1}: {r.name}
          </legend>
          <TextField
            label="Key"
            value={r.key}
            onChange={(key) => setRound(i, { key })}
            error={err(`rounds.${i}.key`)}
          />
          <TextField
            label="Name"
            value={r.name}
            onChange={(n) => setRound(i, { name: n })}
            error={err(`rounds.${i}.name`)}
          />
          {choice(i, 'step', 'Step', steps)}
          {choice(i, 'roundType', 'Round type', roundTypes)}
          {choice(i, 'format', 'Format', interviewFormats)}
          {choice(i, 'decidedBy', 'Decided by', deciders)}
          <TextField
            label="Minutes"
            type="number"
            value={String(r.durationMinutes)}
            onChange={(v) => setRound(i, { durationMinutes: Number(v) })}
            error={err(`rounds.${i}.durationMinutes`)}
          />
          <TextField
            label="Feedback due in (business days)"
            type="number"
            value={String(r.feedbackSlaDays)}
            onChange={(v) => setRound(i, { feedbackSlaDays: Number(v) })}
            error={err(`rounds.${i}.feedbackSlaDays`)}
          />
          <label className="inline">
            <input
              type="checkbox"
              checked={r.eliminatory}
              onChange={(e) => setRound(i, { eliminatory: e.target.checked })}
            />{' '}
            Eliminatory
          </label>
          <label className="inline">
            <input
              type="checkbox"
              checked={r.committee}
              onChange={(e) => setRound(i, { committee: e.target.checked })}
            />{' '}
            Committee votes
          </label>
          <div className="actions">
            <button type="button" className="secondary" disabled={i === 0} onClick={() => move(i, -1)}>
              Move up
            </button>
            <button
              type="button"
              className="secondary"
              disabled={i === rounds.length - 1}
              onClick={() => move(i, 1)}
            >
              Move down
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => setRounds((rs) => rs.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </div>
        </fieldset>
      ))}
      {err('rounds') && <p className="field-error">{err('rounds')}</p>}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setRounds((rs) => [...rs, blank])}>
          Add a round
        </button>
        <button type="submit" disabled={action.busy}>
          {action.busy ? 'Saving…' : 'Save as a new version'}
        </button>
      </div>
    </form>
  );
}
