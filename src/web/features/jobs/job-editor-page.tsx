import { type FormEvent, useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import type { EmploymentType } from '../../../contracts/vocabulary';
import { send, useAction, useApi } from '../../client';
import type { Job } from '../../types';
import { ErrorNotice, Page, SelectField, Show, TextField } from '../../ui';

type DegreeLevel = NonNullable<Job['posting']['internship']>['degreeLevels'][number];

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Create or edit a job and its posting; validation errors show beside their field. */
export function JobEditorPage({ id }: { id?: string }) {
  const [, navigate] = useLocation();
  const existing = useApi('GET /api/jobs/{id}', id ? { id } : null);
  const teams = useApi('GET /api/teams', {});
  const processes = useApi('GET /api/processes', {});
  const [form, setForm] = useState({
    title: '',
    teamId: '',
    processId: '',
    employmentType: 'full_time' as EmploymentType,
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
      // An internship states its term, length, degrees and eligibility.
      internship:
        form.employmentType === 'internship'
          ? {
              term: form.term,
              minimumWeeks: Number(form.minimumWeeks),
              // The server names any level it does not know beside the field.
              degreeLevels: form.degreeLevels.split(/[,\s]+/).filter(Boolean) as DegreeLevel[],
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
        ? send(
            'PATCH /api/jobs/{id}',
            { id: existing.data.id },
            { ...fields, expectedVersion: existing.data.version },
          )
        : send('POST /api/jobs', {}, fields),
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
