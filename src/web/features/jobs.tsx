import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { can, useStaff } from '../App';
import { api, post, query, useAction, useApi } from '../api';
import type { Job, Pipeline, Process, Team } from '../types';
import {
  ErrorNotice,
  humanize,
  Loading,
  MoreButton,
  Page,
  SelectField,
  Show,
  TextField,
  useCursorList,
  when,
} from '../ui';

const statuses = ['', 'draft', 'open', 'closed', 'archived'] as const;

export function JobsPage() {
  const me = useStaff();
  const [status, setStatus] = useState('open');
  const jobs = useCursorList<Job>(`/api/jobs${query({ status, limit: 50 })}`);
  return (
    <Page
      title="Jobs"
      actions={
        can(me, 'job.manage') && (
          <Link className="button" href="/app/jobs/new">
            New job
          </Link>
        )
      }
    >
      <SelectField
        label="Status"
        value={status}
        onChange={setStatus}
        options={statuses.map((s) => [s, s ? humanize(s) : 'Any status'] as const)}
      />
      <ErrorNotice error={jobs.error} />
      {jobs.items === undefined ? (
        <Loading what="Loading jobs" />
      ) : jobs.items.length === 0 ? (
        <p className="empty">No {status} jobs.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Title</th>
              <th>Team</th>
              <th>Status</th>
              <th>Level</th>
              <th>Hired / headcount</th>
              <th>Locations</th>
            </tr>
          </thead>
          <tbody>
            {jobs.items.map((j) => (
              <tr key={j.id}>
                <td>
                  <Link href={`/app/jobs/${j.id}`}>{j.title}</Link>
                </td>
                <td>{j.teamName}</td>
                <td>{humanize(j.status)}</td>
                <td>{j.level}</td>
                <td>
                  {j.hiredCount} / {j.headcount}
                </td>
                <td>{j.locations.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MoreButton more={jobs.more} loading={jobs.loading} />
    </Page>
  );
}

/** A job's pipeline: a column per round, then offer and the ended states, with counts. */
export function PipelinePage({ id }: { id: string }) {
  const me = useStaff();
  const pipeline = useApi<Pipeline>(`/api/jobs/${id}/pipeline`);
  const job = useApi<Job>(`/api/jobs/${id}`);
  const action = useAction();
  const transition = async (to: string) => {
    if (await action.run(() => post(`/api/jobs/${id}/transitions`, { to }))) job.reload();
  };
  return (
    <Page
      title={pipeline.data ? `Pipeline: ${pipeline.data.jobTitle}` : 'Pipeline'}
      actions={
        can(me, 'job.manage') &&
        job.data && (
          <div className="actions">
            <Link className="button secondary" href={`/app/jobs/${id}/edit`}>
              Edit job and posting
            </Link>
            {job.data.status !== 'open' && (
              <button type="button" onClick={() => transition('open')}>
                Open
              </button>
            )}
            {job.data.status === 'open' && (
              <button type="button" className="secondary" onClick={() => transition('closed')}>
                Close
              </button>
            )}
          </div>
        )
      }
    >
      {job.data && (
        <p className="meta">
          {humanize(job.data.status)} · {job.data.teamName} · {job.data.level} ·{' '}
          {job.data.locations.join(', ')}
        </p>
      )}
      <ErrorNotice error={action.error} />
      <Show loaded={pipeline}>
        {(p) => (
          <div className="board">
            {p.columns.map((c) => (
              <section key={c.key} className={`column ${c.kind}`} aria-labelledby={`col-${c.key}`}>
                <h2 id={`col-${c.key}`}>
                  {c.name} <span className="count">{c.count}</span>
                </h2>
                <ul>
                  {c.cards.map((card) => (
                    <li key={card.applicationId}>
                      <Link href={`/app/applications/${card.applicationId}`}>{card.candidateName}</Link>
                      <span className="meta">applied {when(card.submittedAt, me.timezone)}</span>
                    </li>
                  ))}
                </ul>
                {c.count > c.cards.length && <p className="meta">and {c.count - c.cards.length} more</p>}
              </section>
            ))}
          </div>
        )}
      </Show>
    </Page>
  );
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Create or edit a job and its posting; validation errors show beside their field. */
export function JobEditorPage({ id }: { id?: string }) {
  const [, navigate] = useLocation();
  const existing = useApi<Job>(id ? `/api/jobs/${id}` : null);
  const teams = useApi<{ items: Team[] }>('/api/teams');
  const processes = useApi<{ items: Process[] }>('/api/processes');
  const [form, setForm] = useState({
    title: '',
    teamId: '',
    processId: '',
    employmentType: 'full_time',
    jobFamily: '',
    level: '',
    headcount: '1',
    locations: '',
    summary: '',
    responsibilities: '',
    minimum: '',
    preferred: '',
    term: '',
    minimumWeeks: '12',
    degreeLevels: 'BS, MS',
    eligibility: '',
  });
  useEffect(() => {
    const j = existing.data;
    if (!j) return;
    setForm({
      title: j.title,
      teamId: j.teamId,
      processId: j.processId,
      employmentType: j.employmentType,
      jobFamily: j.jobFamily,
      level: j.level,
      headcount: String(j.headcount),
      locations: j.locations.join('\n'),
      summary: j.posting.summary,
      responsibilities: j.posting.responsibilities.join('\n'),
      minimum: j.posting.minimumQualifications.join('\n'),
      preferred: j.posting.preferredQualifications.join('\n'),
      term: j.posting.internship?.term ?? '',
      minimumWeeks: String(j.posting.internship?.minimumWeeks ?? 12),
      degreeLevels: (j.posting.internship?.degreeLevels ?? ['BS', 'MS']).join(', '),
      eligibility: (j.posting.internship?.eligibility ?? []).join('\n'),
    });
  }, [existing.data]);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const posting = {
      ...(existing.data?.posting ?? {}),
      summary: form.summary,
      responsibilities: lines(form.responsibilities),
      minimumQualifications: lines(form.minimum),
      preferredQualifications: lines(form.preferred),
      // R-JOB-2: an internship states its term, length, degrees and eligibility.
      internship:
        form.employmentType === 'internship'
          ? {
              term: form.term,
              minimumWeeks: Number(form.minimumWeeks),
              degreeLevels: form.degreeLevels.split(/[,\s]+/).filter(Boolean),
              eligibility: lines(form.eligibility),
            }
          : undefined,
    };
    const fields = {
      title: form.title,
      teamId: form.teamId,
      processId: form.processId,
      employmentType: form.employmentType,
      jobFamily: form.jobFamily || undefined,
      level: form.level,
      headcount: Number(form.headcount),
      locations: lines(form.locations),
      posting,
    };
    const saved = await action.run(() =>
      existing.data
        ? api<Job>(`/api/jobs/${id}`, {
            method: 'PATCH',
            body: { ...fields, expectedVersion: existing.data.version },
          })
        : post<Job>('/api/jobs', fields),
    );
    if (saved) navigate(`/app/jobs/${saved.id}`);
  };
  const err = (field: string) => action.error?.about(field);
  const teamProcesses = (processes.data?.items ?? []).filter((p) => !form.teamId || p.teamId === form.teamId);
  if (id && !existing.data) return <Show loaded={existing}>{() => null}</Show>;
  return (
    <Page title={id ? 'Edit job' : 'New job'}>
      <form onSubmit={submit} noValidate className="wide-form">
        <ErrorNotice error={action.error} />
        <TextField label="Title" value={form.title} onChange={set('title')} required error={err('title')} />
        <SelectField
          label="Team"
          value={form.teamId}
          onChange={set('teamId')}
          error={err('teamId')}
          options={[
            ['', 'Choose a team'],
            ...(teams.data?.items ?? []).map((t): [string, string] => [t.id, t.name]),
          ]}
        />
        <SelectField
          label="Process"
          value={form.processId}
          onChange={set('processId')}
          error={err('processId')}
          options={[
            ['', 'Choose a process'],
            ...teamProcesses.map((p): [string, string] => [p.id, `${p.definition.name} (v${p.version})`]),
          ]}
        />
        <SelectField
          label="Employment type"
          value={form.employmentType}
          onChange={set('employmentType')}
          error={err('employmentType')}
          options={[
            ['full_time', 'Full time'],
            ['internship', 'Internship'],
            ['contract', 'Contract'],
          ]}
        />
        <TextField
          label="Job family"
          hint="Groups jobs for application limits, e.g. backend"
          value={form.jobFamily}
          onChange={set('jobFamily')}
          error={err('jobFamily')}
        />
        <TextField label="Level" value={form.level} onChange={set('level')} error={err('level')} />
        <TextField
          label="Headcount"
          type="number"
          value={form.headcount}
          onChange={set('headcount')}
          error={err('headcount')}
        />
        <TextField
          label="Locations"
          hint="One per line"
          multiline
          value={form.locations}
          onChange={set('locations')}
          error={err('locations')}
        />
        <TextField
          label="Summary"
          multiline
          rows={5}
          value={form.summary}
          onChange={set('summary')}
          error={err('posting.summary')}
        />
        <TextField
          label="Minimum qualifications"
          hint="One per line"
          multiline
          value={form.minimum}
          onChange={set('minimum')}
          error={err('posting.minimumQualifications')}
        />
        <TextField
          label="Preferred qualifications"
          hint="One per line"
          multiline
          value={form.preferred}
          onChange={set('preferred')}
          error={err('posting.preferredQualifications')}
        />
        <TextField
          label="Responsibilities"
          hint="One per line"
          multiline
          value={form.responsibilities}
          onChange={set('responsibilities')}
          error={err('posting.responsibilities')}
        />
        {form.employmentType === 'internship' && (
          <fieldset>
            <legend>Internship</legend>
            {action.error?.about('posting.internship') && (
              <p className="field-error">{action.error.about('posting.internship')}</p>
            )}
            <TextField
              label="Term"
              hint="e.g. Summer 2026"
              value={form.term}
              onChange={set('term')}
              error={err('posting.internship.term')}
            />
            <TextField
              label="Minimum weeks"
              type="number"
              value={form.minimumWeeks}
              onChange={set('minimumWeeks')}
              error={err('posting.internship.minimumWeeks')}
            />
            <TextField
              label="Degree levels"
              hint="Any of BS, MS, PhD, MBA, separated by commas"
              value={form.degreeLevels}
              onChange={set('degreeLevels')}
              error={err('posting.internship.degreeLevels')}
            />
            <TextField
              label="Eligibility"
              hint="One condition per line"
              multiline
              value={form.eligibility}
              onChange={set('eligibility')}
              error={err('posting.internship.eligibility')}
            />
          </fieldset>
        )}
        <button type="submit" disabled={action.busy}>
          {action.busy ? 'Saving…' : 'Save job'}
        </button>
      </form>
    </Page>
  );
}
