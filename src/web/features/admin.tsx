import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import {
  deciders,
  employmentTypes,
  interviewFormats,
  roundTypes,
  steps,
  webhookEventTypes,
} from '../../contracts/vocabulary';
import { useStaff } from '../App';
import { api, post, put, useAction, useApi } from '../api';
import type { Policy, Process, Team, TemplateSummary, User } from '../types';
import { ErrorNotice, humanize, Page, SelectField, Show, TextField, when } from '../ui';

const sections = [
  ['teams', 'Teams'],
  ['users', 'Users and roles'],
  ['processes', 'Processes'],
  ['policies', 'Policies'],
  ['boards', 'Boards and keys'],
  ['messages', 'Message templates'],
  ['webhooks', 'Webhooks'],
] as const;
const staffRoles = ['admin', 'recruiter', 'coordinator', 'interviewer', 'hiring_manager', 'hr'] as const;
const options = (values: readonly string[]) => values.map((v) => [v, humanize(v)] as const);

export function AdminPage({ section }: { section: string }) {
  const title = sections.find(([key]) => key === section)?.[1] ?? 'Admin';
  return (
    <Page title={`Admin: ${title}`}>
      <nav aria-label="Admin sections" className="tabs">
        <ul>
          {sections.map(([key, label]) => (
            <li key={key}>
              <Link href={`/app/admin/${key}`} aria-current={key === section ? 'page' : undefined}>
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {section === 'teams' && <TeamsAdmin />}
      {section === 'users' && <UsersAdmin />}
      {section === 'processes' && <ProcessesAdmin />}
      {section === 'policies' && <PoliciesAdmin />}
      {section === 'boards' && <BoardsAdmin />}
      {section === 'messages' && <MessagesAdmin />}
      {section === 'webhooks' && <WebhooksAdmin />}
    </Page>
  );
}

function Checkboxes({
  legend,
  values,
  chosen,
  onChange,
  labels,
}: {
  legend: string;
  values: readonly string[];
  chosen: string[];
  onChange: (v: string[]) => void;
  labels?: Record<string, string>;
}) {
  return (
    <fieldset className="checkboxes">
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v} className="inline">
          <input
            type="checkbox"
            checked={chosen.includes(v)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, v] : chosen.filter((c) => c !== v))}
          />{' '}
          {labels?.[v] ?? humanize(v)}
        </label>
      ))}
    </fieldset>
  );
}

function TeamsAdmin() {
  const me = useStaff();
  const teams = useApi<{ items: Team[] }>('/api/teams');
  const [name, setName] = useState('');
  const [timezone, setTimezone] = useState('America/Los_Angeles');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(() => post('/api/teams', { name, timezone }))) {
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
        <ErrorNotice error={action.error} />
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

function UsersAdmin() {
  const users = useApi<{ items: User[] }>('/api/users');
  const teams = useApi<{ items: Team[] }>('/api/teams');
  const teamName = new Map((teams.data?.items ?? []).map((t) => [t.id, t.name]));
  const [f, setF] = useState({ name: '', email: '', timezone: 'America/Los_Angeles', password: '' });
  const [roles, setRoles] = useState<string[]>(['interviewer']);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const action = useAction();
  const set = (key: keyof typeof f) => (value: string) => setF((x) => ({ ...x, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(() => post('/api/users', { ...f, roles, teamIds }))) {
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

type Round = Process['definition']['rounds'][number];

function ProcessesAdmin() {
  const processes = useApi<{ items: Process[] }>('/api/processes');
  const teams = useApi<{ items: Team[] }>('/api/teams');
  const templates = useApi<{ items: TemplateSummary[] }>('/api/templates');
  const [openId, setOpenId] = useState<string>();
  const [templateKey, setTemplateKey] = useState('');
  const [teamId, setTeamId] = useState('');
  const adopt = useAction();
  const teamName = new Map((teams.data?.items ?? []).map((t) => [t.id, t.name]));
  const copy = async (event: FormEvent) => {
    event.preventDefault();
    const created = await adopt.run(() => post<Process>('/api/processes', { templateKey, teamId }));
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
              `${t.name} (${humanize(t.employmentType)}, ${t.level})`,
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
  const choice = (i: number, key: Choice, label: string, values: readonly string[]) => (
    <SelectField
      label={label}
      value={rounds[i]![key]}
      onChange={(v) => setRound(i, { [key]: v })}
      options={options(values)}
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
      put<Process>(`/api/processes/${process.id}`, {
        expectedVersion: process.version,
        definition: { ...process.definition, name, description, rounds },
      }),
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

function PoliciesAdmin() {
  const policies = useApi<{ items: Policy[] }>('/api/policies');
  const [family, setFamily] = useState('');
  return (
    <>
      <p className="hint">
        Per job family: how many applications a candidate may have open (R-APP-1), whether they are considered
        one at a time, and the cooldown after a rejection.
      </p>
      <Show
        loaded={policies}
        isEmpty={(p) => p.items.length === 0}
        empty="No policies yet: the defaults apply."
      >
        {(p) =>
          p.items.map((policy) => (
            <PolicyForm key={policy.jobFamily} policy={policy} onSaved={policies.reload} />
          ))
        }
      </Show>
      <TextField
        label="Add a policy for job family"
        hint="e.g. backend"
        value={family}
        onChange={setFamily}
      />
      {family && (
        <PolicyForm
          policy={{ jobFamily: family, maxActiveApplications: 2, order: 'sequential', cooldownDays: 180 }}
          onSaved={() => {
            setFamily('');
            policies.reload();
          }}
        />
      )}
    </>
  );
}

function PolicyForm({ policy, onSaved }: { policy: Policy; onSaved: () => void }) {
  const [max, setMax] = useState(
    policy.maxActiveApplications === null ? '' : String(policy.maxActiveApplications),
  );
  const [order, setOrder] = useState(policy.order);
  const [cooldown, setCooldown] = useState(String(policy.cooldownDays));
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      maxActiveApplications: max === '' ? null : Number(max),
      order,
      cooldownDays: Number(cooldown),
    };
    if (await action.run(() => put(`/api/policies/${encodeURIComponent(policy.jobFamily)}`, body))) onSaved();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`Policy for ${policy.jobFamily}`} className="inline-form">
      <h3>{policy.jobFamily}</h3>
      <ErrorNotice error={action.error} />
      <TextField
        label="Most open applications"
        hint="Empty for no limit"
        type="number"
        value={max}
        onChange={setMax}
        error={action.error?.about('maxActiveApplications')}
      />
      <SelectField
        label="Order of consideration"
        value={order}
        onChange={(v) => setOrder(v as Policy['order'])}
        options={[
          ['sequential', 'One at a time'],
          ['parallel', 'In parallel'],
        ]}
      />
      <TextField
        label="Cooldown (days)"
        type="number"
        value={cooldown}
        onChange={setCooldown}
        error={action.error?.about('cooldownDays')}
      />
      <button type="submit" disabled={action.busy}>
        Save
      </button>
    </form>
  );
}

interface Board {
  id: string;
  token: string;
  name: string;
  employmentTypes: string[];
  createdAt: string;
  apiKey?: string;
}

function BoardsAdmin() {
  const boards = useApi<{ items: Board[] }>('/api/boards');
  const [name, setName] = useState('');
  const [types, setTypes] = useState<string[]>(['full_time']);
  const [shownKey, setShownKey] = useState<{ board: string; key: string }>();
  const action = useAction();
  const create = async (event: FormEvent) => {
    event.preventDefault();
    const board = await action.run(() => post<Board>('/api/boards', { name, employmentTypes: types }));
    if (board) {
      setShownKey(board.apiKey ? { board: board.name, key: board.apiKey } : undefined);
      setName('');
      boards.reload();
    }
  };
  const rotate = async (board: Board) => {
    const rotated = await action.run(() => post<Board>(`/api/boards/${board.id}/rotate-key`));
    if (rotated?.apiKey) setShownKey({ board: board.name, key: rotated.apiKey });
  };
  return (
    <>
      {shownKey && (
        <p className="notice" role="status">
          API key for {shownKey.board}: <code>{shownKey.key}</code> — copy it now; it is not shown again.
        </p>
      )}
      <ErrorNotice error={action.error} />
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
                  <td>{board.employmentTypes.map(humanize).join(', ')}</td>
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

interface MessageTemplate {
  key: string;
  language: string;
  subject: string;
  body: string;
  customised: boolean;
}

function MessagesAdmin() {
  const templates = useApi<{ items: MessageTemplate[] }>('/api/message-templates');
  const [chosen, setChosen] = useState<MessageTemplate>();
  return (
    <div className="two-columns">
      <Show loaded={templates}>
        {(t) => (
          <ul className="plain">
            {t.items.map((m) => (
              <li key={`${m.key}-${m.language}`}>
                <button
                  type="button"
                  className="link"
                  aria-pressed={chosen?.key === m.key && chosen.language === m.language}
                  onClick={() => setChosen(m)}
                >
                  {humanize(m.key)} ({m.language})
                </button>
                {m.customised && <span className="meta"> edited</span>}
              </li>
            ))}
          </ul>
        )}
      </Show>
      {chosen && (
        <MessageEditor
          key={`${chosen.key}-${chosen.language}`}
          template={chosen}
          onSaved={templates.reload}
        />
      )}
    </div>
  );
}

function MessageEditor({ template, onSaved }: { template: MessageTemplate; onSaved: () => void }) {
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [preview, setPreview] = useState<{ subject: string; body: string }>();
  const action = useAction();
  const path = `/api/message-templates/${template.key}/${template.language}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await action.run(() => put(path, { subject, body }))) onSaved();
  };
  const showPreview = async () =>
    setPreview(
      await action.run(() => post<{ subject: string; body: string }>(`${path}/preview`, { subject, body })),
    );
  return (
    <form onSubmit={submit} noValidate aria-label={`Edit ${template.key}`}>
      <h2>
        {humanize(template.key)} ({template.language})
      </h2>
      <ErrorNotice error={action.error} />
      <TextField
        label="Subject"
        value={subject}
        onChange={setSubject}
        error={action.error?.about('subject')}
      />
      <TextField
        label="Body"
        hint="Mustache: {{candidateName}} and the event's fields"
        multiline
        rows={12}
        value={body}
        onChange={setBody}
        error={action.error?.about('body')}
      />
      <div className="actions">
        <button type="button" className="secondary" onClick={showPreview}>
          Preview
        </button>
        <button type="submit" disabled={action.busy}>
          Save
        </button>
      </div>
      {preview && (
        <section aria-label="Preview" className="card">
          <h3>{preview.subject}</h3>
          <pre className="resume">{preview.body}</pre>
        </section>
      )}
    </form>
  );
}

interface Webhook {
  id: string;
  url: string;
  eventTypes: string[];
  active: boolean;
  createdAt: string;
  secret?: string;
}

function WebhooksAdmin() {
  const hooks = useApi<{ items: Webhook[] }>('/api/webhooks');
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>(['application.created']);
  const [secret, setSecret] = useState<string>();
  const action = useAction();
  const create = async (event: FormEvent) => {
    event.preventDefault();
    const hook = await action.run(() => post<Webhook>('/api/webhooks', { url, eventTypes: events }));
    if (hook) {
      setSecret(hook.secret);
      setUrl('');
      hooks.reload();
    }
  };
  const toggle = async (hook: Webhook) => {
    if (
      await action.run(() =>
        api(`/api/webhooks/${hook.id}`, { method: 'PATCH', body: { active: !hook.active } }),
      )
    )
      hooks.reload();
  };
  return (
    <>
      {secret && (
        <p className="notice" role="status">
          Signing secret: <code>{secret}</code> — copy it now; it is not shown again.
        </p>
      )}
      <ErrorNotice error={action.error} />
      <Show loaded={hooks} isEmpty={(h) => h.items.length === 0} empty="No webhooks.">
        {(h) => (
          <table>
            <thead>
              <tr>
                <th>URL</th>
                <th>Events</th>
                <th>State</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {h.items.map((hook) => (
                <tr key={hook.id}>
                  <td>{hook.url}</td>
                  <td>{hook.eventTypes.join(', ')}</td>
                  <td>{hook.active ? 'Active' : 'Paused'}</td>
                  <td>
                    <button type="button" className="secondary" onClick={() => toggle(hook)}>
                      {hook.active ? 'Pause' : 'Resume'}
                      <span className="visually-hidden"> {hook.url}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Show>
      <form onSubmit={create} noValidate aria-label="New webhook">
        <h2>New webhook</h2>
        <TextField label="URL" type="url" value={url} onChange={setUrl} error={action.error?.about('url')} />
        <Checkboxes
          legend="Events"
          values={webhookEventTypes}
          chosen={events}
          onChange={setEvents}
          labels={Object.fromEntries(webhookEventTypes.map((e) => [e, e]))}
        />
        <button type="submit" disabled={action.busy}>
          Add webhook
        </button>
      </form>
    </>
  );
}
