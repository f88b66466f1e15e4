import { type FormEvent, useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import type { EmploymentType } from '../../../contracts/vocabulary';
import { send, useAction, useApi } from '../../client';
import { labelled } from '../../labels';
import type { Job } from '../../types';
import { Checkboxes, ErrorNotice, Page, SelectField, Show, TextField } from '../../ui';
import { CriteriaEditor } from '../screening/criteria-editor';
import { BandEditor, bandForm, bandOf, type Faq, FaqEditor, PostingPreview } from './job-editor-parts';

type DegreeLevel = NonNullable<Job['posting']['internship']>['degreeLevels'][number];
const degreeLevels: DegreeLevel[] = ['BS', 'MS', 'PhD', 'MBA'];

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * Create or edit a job and its posting, with a live preview of what candidates will read;
 * validation errors show beside their field. `from` starts a new job as a copy of another (a
 * closed job cannot open again: it is duplicated instead).
 */
export function JobEditorPage({ id, from }: { id?: string; from?: string | null }) {
  const [, navigate] = useLocation();
  const existing = useApi('GET /api/jobs/{id}', id ? { id } : null);
  const original = useApi('GET /api/jobs/{id}', !id && from ? { id: from } : null);
  const teams = useApi('GET /api/teams', {});
  const processes = useApi('GET /api/processes', {});
  const offices = useApi('GET /api/offices', {});
  const [faq, setFaq] = useState<Faq>([]);
  const [band, setBand] = useState(() => bandForm(null));
  const [officeIds, setOfficeIds] = useState<string[]>([]);
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
    degreeLevels: ['BS', 'MS'] as DegreeLevel[],
    eligibility: '',
  });
  useEffect(() => {
    const j = existing.data ?? original.data;
    if (!j) return;
    setFaq(j.posting.faq);
    setBand(bandForm(j.compensationBand));
    setOfficeIds(j.officeIds);
    setForm({
      title: existing.data ? j.title : `${j.title} (copy)`,
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
      degreeLevels: j.posting.internship?.degreeLevels ?? ['BS', 'MS'],
      eligibility: (j.posting.internship?.eligibility ?? []).join('\n'),
    });
  }, [existing.data, original.data]);
  const set = (key: Exclude<keyof typeof form, 'degreeLevels'>) => (value: string) =>
    setForm((f) => ({ ...f, [key]: value }));
  const action = useAction();
  const posting: Job['posting'] = {
    ...(existing.data?.posting ?? original.data?.posting ?? {}),
    summary: form.summary,
    responsibilities: lines(form.responsibilities),
    minimumQualifications: lines(form.minimum),
    preferredQualifications: lines(form.preferred),
    faq,
    // An internship states its term, length, degrees and eligibility.
    internship:
      form.employmentType === 'internship'
        ? {
            term: form.term,
            minimumWeeks: Number(form.minimumWeeks),
            degreeLevels: form.degreeLevels,
            eligibility: lines(form.eligibility),
          }
        : undefined,
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      title: form.title,
      teamId: form.teamId,
      processId: form.processId,
      employmentType: form.employmentType,
      jobFamily: form.jobFamily || undefined,
      level: form.level,
      headcount: Number(form.headcount),
      locations: lines(form.locations),
      officeIds,
      posting,
      compensationBand: bandOf(band),
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
  if (from && !id && !original.data) return <Show loaded={original}>{() => null}</Show>;
  return (
    <Page title={id ? 'Edit job' : original.data ? `New job, copied from ${original.data.title}` : 'New job'}>
      <form onSubmit={submit} noValidate className="wide-form">
        <ErrorNotice
          error={action.error}
          fields={{
            'compensationBand.currency': 'Currency of the band',
            'compensationBand.baseMinCents': 'Lowest base salary',
            'compensationBand.baseMaxCents': 'Highest base salary',
            'compensationBand.equityMaxCents': 'Highest equity grant',
            'compensationBand.signOnMaxCents': 'Highest sign-on bonus',
            'compensationBand.approverRoles': 'Who approves an offer outside the band',
          }}
        />
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
          options={labelled(['full_time', 'internship', 'contract'] as const)}
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
            <Checkboxes
              legend="Degree levels accepted"
              values={degreeLevels}
              chosen={form.degreeLevels}
              onChange={(chosen) => setForm((f) => ({ ...f, degreeLevels: chosen }))}
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
        <FaqEditor faq={faq} onChange={setFaq} error={err} />
        {(offices.data?.items.length ?? 0) > 0 && (
          <Checkboxes
            legend="Offices"
            values={offices.data!.items.map((o) => o.id)}
            chosen={officeIds}
            onChange={setOfficeIds}
            labels={Object.fromEntries(offices.data!.items.map((o) => [o.id, `${o.name} (${o.location})`]))}
          />
        )}
        <BandEditor band={band} onChange={setBand} error={err} />
        <button type="submit" disabled={action.busy}>
          {action.busy ? 'Saving…' : 'Save job'}
        </button>
      </form>
      <PostingPreview
        title={form.title}
        level={form.level}
        locations={lines(form.locations)}
        posting={posting}
      />
      {/* Criteria are saved on their own, under their own version: they need a stored job. */}
      {existing.data && <CriteriaEditor jobId={existing.data.id} />}
    </Page>
  );
}
