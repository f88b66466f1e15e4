import { useEffect, useId, useState } from 'react';
import type { Criterion, CriterionCheck } from '../../../contracts/screening';
import { type ApiError, send, useAction, useApi } from '../../client';
import type { Answer, Body } from '../../endpoints';
import { Checkboxes, ErrorNotice, Loading, SelectField, TextField } from '../../ui';

type Input = Body<'PUT /api/jobs/{id}/screening/criteria'>['items'][number];
type CheckType = CriterionCheck['type'];
type Level = 'BS' | 'MS' | 'PhD' | 'MBA';
const levels: Level[] = ['BS', 'MS', 'PhD', 'MBA'];

/** A criterion as the form edits it: every check field as typed, whatever the check type. */
interface Draft {
  key: string;
  id?: string | undefined;
  source: Criterion['source'] | 'new';
  text: string;
  kind: 'must' | 'nice';
  weight: string;
  type: CheckType;
  skills: string;
  levels: Level[];
  fields: string;
  month: string;
  weeks: string;
  years: string;
  field: string;
}

const checkWords: [CheckType, string][] = [
  ['text', 'Words in the resume'],
  ['skills', 'Any of these skills'],
  ['degree', 'A degree'],
  ['enrolled', 'Currently enrolled'],
  ['graduation_after', 'Graduation on or after a month'],
  ['weeks_available', 'Available for at least some weeks'],
  ['years_experience', 'Years of experience'],
];

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

let counter = 0;
const nextKey = () => `new-${++counter}`;

function draftOf(c: Criterion): Draft {
  const k = c.check;
  return {
    key: c.id,
    id: c.id,
    source: c.source,
    text: c.text,
    kind: c.kind,
    weight: String(c.weight),
    type: k.type,
    skills: k.type === 'skills' ? k.anyOf.join(', ') : '',
    levels: k.type === 'degree' ? k.levels : ['BS'],
    fields: k.type === 'degree' ? k.fields.join(', ') : '',
    month: k.type === 'graduation_after' ? k.month : '',
    weeks: k.type === 'weeks_available' ? String(k.minimum) : '12',
    years: k.type === 'years_experience' ? String(k.minimum) : '2',
    field: k.type === 'years_experience' ? (k.field ?? '') : '',
  };
}

const blank = (): Draft => ({
  key: nextKey(),
  source: 'new',
  text: '',
  kind: 'must',
  weight: '3',
  type: 'text',
  skills: '',
  levels: ['BS'],
  fields: '',
  month: '',
  weeks: '12',
  years: '2',
  field: '',
});

function checkOf(d: Draft): CriterionCheck {
  switch (d.type) {
    case 'skills':
      return { type: 'skills', anyOf: list(d.skills) };
    case 'degree':
      return { type: 'degree', levels: d.levels, fields: list(d.fields) };
    case 'enrolled':
      return { type: 'enrolled' };
    case 'graduation_after':
      return { type: 'graduation_after', month: d.month };
    case 'weeks_available':
      return { type: 'weeks_available', minimum: Number(d.weeks) };
    case 'years_experience':
      return {
        type: 'years_experience',
        minimum: Number(d.years),
        ...(d.field.trim() ? { field: d.field } : {}),
      };
    default:
      return { type: 'text' };
  }
}

const inputOf = (d: Draft): Input => ({
  ...(d.id ? { id: d.id } : {}),
  text: d.text,
  kind: d.kind,
  weight: Number(d.weight),
  check: checkOf(d),
});

/**
 * The job's screening criteria: what a matcher looks for in each resume, must-have or nice-to-have,
 * weighted 1–5. Replaced as a whole under the version read, so two recruiters editing at once
 * never lose a change: the second is told to reload, and keeps what they typed until they do.
 */
export function CriteriaEditor({ jobId }: { jobId: string }) {
  const stored = useApi('GET /api/jobs/{id}/screening/criteria', { id: jobId });
  const [drafts, setDrafts] = useState<Draft[]>();
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState('');
  const action = useAction();
  useEffect(() => {
    if (!stored.data) return;
    setDrafts(stored.data.items.map(draftOf));
    setVersion(stored.data.version);
  }, [stored.data]);
  if (stored.error) return <ErrorNotice error={stored.error} />;
  if (!drafts) return <Loading what="Loading the screening criteria" />;

  const edit = (key: string, change: Partial<Draft>) =>
    setDrafts((ds) => ds?.map((d) => (d.key === key ? { ...d, ...change } : d)));
  const move = (index: number, by: -1 | 1) =>
    setDrafts((ds) => {
      if (!ds) return ds;
      const to = index + by;
      if (to < 0 || to >= ds.length) return ds;
      const next = [...ds];
      [next[index], next[to]] = [next[to]!, next[index]!];
      return next;
    });
  const save = async () => {
    setNotice('');
    const saved = await action.run(() =>
      send(
        'PUT /api/jobs/{id}/screening/criteria',
        { id: jobId },
        { expectedVersion: version, items: drafts.map(inputOf) },
      ),
    );
    if (!saved) return;
    setDrafts(saved.items.map(draftOf));
    setVersion(saved.version);
    setNotice(
      `Criteria saved (version ${saved.version}). Applications still at the resume screen are annotated again.`,
    );
  };
  const stale = action.error?.code === 'conflict.stale_version';
  const err = (i: number, field: string) => action.error?.about(`items.${i}.${field}`);
  return (
    <section className="criteria-editor" aria-labelledby="criteria-heading">
      <h2 id="criteria-heading">Screening criteria</h2>
      <p className="hint">
        What the matcher looks for in each resume. It marks each criterion found, missing or unclear with the
        passage it read, and orders the queue by a tier; it never advances or rejects anyone.
      </p>
      {version === 0 && (
        <p className="derived-note" role="note">
          Derived from the posting's qualifications and not stored yet. Save to keep them as the job's
          criteria.
        </p>
      )}
      {stale ? (
        <div className="error" role="alert">
          <p>
            Someone else changed these criteria; reload to see theirs. Your edits are kept here until you do.
          </p>
          <button
            type="button"
            onClick={() => {
              action.setError(undefined);
              stored.reload();
            }}
          >
            Reload the criteria (discards your edits)
          </button>
        </div>
      ) : (
        <ErrorNotice error={action.error} />
      )}
      {drafts.length === 0 && <p className="empty">No criteria: add one below.</p>}
      <ol className="criteria-list">
        {drafts.map((d, i) => (
          <CriterionRow
            key={d.key}
            draft={d}
            index={i}
            count={drafts.length}
            onChange={(change) => edit(d.key, change)}
            onMove={(by) => move(i, by)}
            onRemove={() => setDrafts((ds) => ds?.filter((x) => x.key !== d.key))}
            error={(field) => err(i, field)}
          />
        ))}
      </ol>
      <div className="actions">
        <button type="button" onClick={() => setDrafts((ds) => [...(ds ?? []), blank()])}>
          Add a criterion
        </button>
        <button type="button" onClick={() => void save()} disabled={action.busy}>
          {action.busy ? 'Saving…' : version === 0 ? 'Save these criteria' : 'Save criteria'}
        </button>
      </div>
      <p role="status" aria-live="polite" className="notice-line">
        {notice}
      </p>
      <JobBlindReview jobId={jobId} />
    </section>
  );
}

function CriterionRow({
  draft: d,
  index,
  count,
  onChange,
  onMove,
  onRemove,
  error,
}: {
  draft: Draft;
  index: number;
  count: number;
  onChange: (change: Partial<Draft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  error: (field: string) => string | undefined;
}) {
  const n = index + 1;
  const checkError = error('check');
  return (
    <li className="criterion-row">
      <fieldset>
        <legend>
          Criterion {n}
          {d.source === 'job' && <span className="meta"> · from the posting</span>}
          {d.source === 'recruiter' && <span className="meta"> · added by a recruiter</span>}
        </legend>
        <TextField
          label={`Criterion ${n}: text`}
          value={d.text}
          onChange={(text) => onChange({ text })}
          error={error('text')}
        />
        <SelectField
          label={`Criterion ${n}: must or nice`}
          value={d.kind}
          onChange={(kind) => onChange({ kind })}
          options={[
            ['must', 'Must-have'],
            ['nice', 'Nice-to-have'],
          ]}
        />
        <SelectField
          label={`Criterion ${n}: weight`}
          hint="1 (least) to 5 (most)"
          value={d.weight}
          onChange={(weight) => onChange({ weight })}
          options={['1', '2', '3', '4', '5'].map((w) => [w, w] as const)}
          error={error('weight')}
        />
        <SelectField
          label={`Criterion ${n}: what is checked`}
          value={d.type}
          onChange={(type) => onChange({ type })}
          options={checkWords}
        />
        {d.type === 'skills' && (
          <TextField
            label={`Criterion ${n}: skills`}
            hint="Comma-separated; synonyms come from the job family's vocabulary"
            value={d.skills}
            onChange={(skills) => onChange({ skills })}
            error={checkError}
          />
        )}
        {d.type === 'degree' && (
          <>
            <Checkboxes
              legend={`Criterion ${n}: degree levels`}
              values={levels}
              chosen={d.levels}
              onChange={(chosen) => onChange({ levels: chosen })}
              error={checkError}
            />
            <TextField
              label={`Criterion ${n}: fields of study`}
              hint="Comma-separated; empty for any field"
              value={d.fields}
              onChange={(fields) => onChange({ fields })}
            />
          </>
        )}
        {d.type === 'graduation_after' && (
          <TextField
            label={`Criterion ${n}: graduation on or after`}
            type="month"
            hint="Year and month, e.g. 2025-12"
            value={d.month}
            onChange={(month) => onChange({ month })}
            error={checkError}
          />
        )}
        {d.type === 'weeks_available' && (
          <TextField
            label={`Criterion ${n}: minimum weeks`}
            type="number"
            value={d.weeks}
            onChange={(weeks) => onChange({ weeks })}
            error={checkError}
          />
        )}
        {d.type === 'years_experience' && (
          <>
            <TextField
              label={`Criterion ${n}: minimum years`}
              type="number"
              value={d.years}
              onChange={(years) => onChange({ years })}
              error={checkError}
            />
            <TextField
              label={`Criterion ${n}: in the field of`}
              hint="Optional"
              value={d.field}
              onChange={(field) => onChange({ field })}
            />
          </>
        )}
        <div className="actions">
          <button
            type="button"
            onClick={() => onMove(-1)}
            disabled={index === 0}
            aria-label={`Move up criterion ${n}`}
          >
            Move up
          </button>
          <button
            type="button"
            onClick={() => onMove(1)}
            disabled={index === count - 1}
            aria-label={`Move down criterion ${n}`}
          >
            Move down
          </button>
          <button type="button" className="danger" onClick={onRemove} aria-label={`Remove criterion ${n}`}>
            Remove
          </button>
        </div>
      </fieldset>
    </li>
  );
}

const blindChoices = [
  ['inherit', "The organisation's setting"],
  ['on', 'On for this job'],
  ['off', 'Off for this job'],
] as const;

/** The job's own blind-review switch: inherit the organisation's, or on, or off. */
function JobBlindReview({ jobId }: { jobId: string }) {
  const settings = useApi('GET /api/jobs/{id}/screening/settings', { id: jobId });
  const action = useAction();
  const id = useId();
  const [asked, setAsked] = useState<(typeof blindChoices)[number][0]>();
  const [answer, setAnswer] = useState<Answer<'PUT /api/jobs/{id}/screening/settings'>>();
  if (settings.error) return <ErrorNotice error={settings.error} />;
  if (!settings.data) return <Loading what="Loading the blind-review setting" />;
  const now = answer ?? settings.data;
  const value = asked ?? (now.blindReview === null ? 'inherit' : now.blindReview ? 'on' : 'off');
  // What was chosen shows at once and stays once the server agrees; a refusal puts back what was.
  const change = async (choice: (typeof blindChoices)[number][0]) => {
    setAsked(choice);
    const blindReview = choice === 'inherit' ? null : choice === 'on';
    const saved = await action.run(() =>
      send('PUT /api/jobs/{id}/screening/settings', { id: jobId }, { blindReview }),
    );
    if (saved) setAnswer(saved);
    setAsked(undefined);
  };
  return (
    <div className="job-blind-review" id={id}>
      <SelectField
        label="Blind review at this job's resume screen"
        value={value}
        onChange={(v) => void change(v)}
        options={blindChoices}
        error={action.error ? (action.error as ApiError).message : undefined}
      />
      <p className="hint" role="status" aria-live="polite">
        {now.effective
          ? 'Blind review applies: screeners see no name, contact details or school until they decide.'
          : 'Blind review does not apply to this job.'}
      </p>
    </div>
  );
}
