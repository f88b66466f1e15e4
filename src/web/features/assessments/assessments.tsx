import { type FormEvent, useState } from 'react';
import { send, useAction, useApi } from '../../client';
import type { Answer } from '../../endpoints';
import { label } from '../../labels';
import { useStaff } from '../../session';
import type { CodeGrade, SqlGrade, StaffAssessment } from '../../types';
import { ErrorNotice, Loading, SelectField, Show, TextField, when } from '../../ui';
import { languageNames } from './run-result';

/** The application's assessments for the hiring team: send one, read the score, the code and the timeline. */
export function Assessments({ applicationId, canSend }: { applicationId: string; canSend: boolean }) {
  const list = useApi('GET /api/applications/{id}/assessments', { id: applicationId });
  return (
    <section aria-labelledby="assessments-title">
      <h2 id="assessments-title">Technical assessments</h2>
      {canSend && <SendAssessment applicationId={applicationId} onSent={list.reload} />}
      <Show loaded={list} isEmpty={(d) => d.items.length === 0} empty="No assessment sent.">
        {(d) => d.items.map((a) => <AssessmentResult key={a.id} assessment={a} />)}
      </Show>
    </section>
  );
}

function AssessmentResult({ assessment: a }: { assessment: StaffAssessment }) {
  const zone = useStaff().timezone;
  return (
    <article className="card">
      <h3>
        {label(a.status)}
        {a.scorePercent !== null && ` · score ${a.scorePercent}%`} · {a.durationMinutes} minutes
      </h3>
      <p className="meta">
        Sent {when(a.createdAt, zone)}
        {a.startedAt && ` · started ${when(a.startedAt, zone)}`}
        {a.submittedAt && ` · submitted ${when(a.submittedAt, zone)}`}
        {!a.startedAt && ` · to start by ${when(a.startBy, zone)}`}
      </p>
      {a.items.map((item, index) => {
        const grade = item.answer?.grade as (Partial<CodeGrade> & Partial<SqlGrade>) | null | undefined;
        return (
          <details key={item.slug}>
            <summary>
              {index + 1}. {item.title}
              {grade?.total !== undefined && ` — ${grade.passed} of ${grade.total} hidden tests`}
              {grade?.correct !== undefined && ` — ${grade.correct ? 'correct' : 'not correct'}`}
              {!item.answer && ' — no answer'}
              {item.answer?.file && ` — ${item.answer.file.filename}`}
              {item.answer && !grade && !item.answer.file && ' — saved, not submitted'}
            </summary>
            {item.answer && (
              <>
                <p className="meta">
                  {languageNames[item.answer.language] ?? item.answer.language} · saved{' '}
                  {when(item.answer.savedAt, zone)}
                  {grade?.outcome &&
                    grade.outcome !== 'completed' &&
                    ` · ${label(grade.outcome)}: ${grade.detail}`}
                </p>
                {item.answer.file ? (
                  <p>
                    <a href={item.answer.file.url}>
                      Download {item.answer.file.filename} ({Math.ceil(item.answer.file.sizeBytes / 1024)} KB)
                    </a>
                  </p>
                ) : (
                  <pre className="code">{item.answer.code}</pre>
                )}
              </>
            )}
          </details>
        );
      })}
      {a.timeline.length > 0 && (
        <details>
          <summary>Timeline ({a.timeline.length} events)</summary>
          <ol className="timeline">
            {a.timeline.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: events are in order and never move
              <li key={i}>
                {when(e.at, zone)} · {label(e.kind)}
                {e.item !== null && ` · problem ${e.item + 1}`}
                {typeof e.detail.characters === 'number' && ` · ${e.detail.characters} characters`}
                {typeof e.detail.outcome === 'string' && ` · ${label(e.detail.outcome)}`}
                {typeof e.detail.passed === 'number' && ` (${e.detail.passed} of ${e.detail.total} examples)`}
              </li>
            ))}
          </ol>
        </details>
      )}
    </article>
  );
}

function SendAssessment({ applicationId, onSent }: { applicationId: string; onSent: () => void }) {
  const problems = useApi('GET /api/problems', {});
  const sending = useAction();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [minutes, setMinutes] = useState('');
  const [sent, setSent] = useState<Answer<'POST /api/applications/{id}/assessments'>>();
  if (!problems.data)
    return problems.error ? <ErrorNotice error={problems.error} /> : <Loading what="Loading problems" />;
  const listed = problems.data.items;
  const options: [string, string][] = [
    ['', '—'],
    ...listed.map((p): [string, string] => [
      `${p.kind}:${p.slug}`,
      p.kind === 'case_study'
        ? `Case study · ${p.title} (${p.topics.join(', ')}, ${p.minutes / 1440} days)`
        : `${p.kind === 'sql' ? 'SQL' : 'Code'} · ${p.title} (${p.difficulty}, ${p.topics.join(', ')})`,
    ]),
  ];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const items = [first, second].flatMap((value) =>
      listed.filter((p) => `${p.kind}:${p.slug}` === value).map(({ kind, slug }) => ({ kind, slug })),
    );
    const created = await sending.run(() =>
      send(
        'POST /api/applications/{id}/assessments',
        { id: applicationId },
        {
          items,
          ...(minutes ? { durationMinutes: Number(minutes) } : {}),
        },
      ),
    );
    if (created) {
      setSent(created);
      onSent();
    }
  };
  return (
    <form onSubmit={submit} className="card" noValidate>
      <h3>Send a timed assessment</h3>
      <ErrorNotice
        error={sending.error}
        fields={{
          'items.0.slug': 'First problem',
          'items.1.slug': 'Second problem',
          items: 'First problem',
          durationMinutes: 'Minutes',
        }}
      />
      <SelectField
        label="First problem"
        value={first}
        onChange={setFirst}
        options={options}
        error={sending.error?.about('items.0.slug')}
      />
      <SelectField
        label="Second problem (optional)"
        value={second}
        onChange={setSecond}
        options={options}
        error={sending.error?.about('items.1.slug')}
      />
      <TextField
        label="Minutes"
        type="number"
        value={minutes}
        onChange={setMinutes}
        hint="Empty: 60 minutes for problems, the brief's days for a case study"
        error={sending.error?.about('durationMinutes')}
      />
      <button type="submit" disabled={sending.busy || !first}>
        Email the candidate the link
      </button>
      {sent && (
        <p role="status">
          Sent. The candidate's link: <code>{sent.url}</code>
        </p>
      )}
    </form>
  );
}
