import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { useStaff } from '../App';
import { ApiError, api, post, useAction, useApi } from '../api';
import type { Kit, MyInterview, Scorecard, ScorecardList } from '../types';
import { ErrorNotice, humanize, Loading, Page, Show, TextField, when } from '../ui';
import { Assessments } from './assessments';
import { Pads } from './pads';

const ratings = ['strong_no', 'no', 'mixed', 'yes', 'strong_yes'] as const;
type Content = Scorecard['content'];

export function MyInterviewsPage() {
  const me = useStaff();
  const interviews = useApi<{ items: MyInterview[] }>('/api/my/interviews');
  return (
    <Page title="My interviews">
      <p className="meta">Times in your zone, {me.timezone}.</p>
      <Show loaded={interviews} isEmpty={(d) => d.items.length === 0} empty="You have no interviews.">
        {(d) => (
          <table>
            <thead>
              <tr>
                <th>When</th>
                <th>Candidate</th>
                <th>Round</th>
                <th>Job</th>
                <th>Scorecard</th>
                <th>Feedback due</th>
              </tr>
            </thead>
            <tbody>
              {d.items.map((i) => (
                <tr key={i.id} className={i.status === 'cancelled' ? 'cancelled' : undefined}>
                  <td>
                    {when(i.startsAt, i.timezone)}
                    {i.status === 'cancelled' && ' (cancelled)'}
                  </td>
                  <td>
                    <Link href={`/app/interviews/${i.id}`}>{i.candidateName}</Link>
                  </td>
                  <td>{i.roundName}</td>
                  <td>{i.jobTitle}</td>
                  <td>{humanize(i.scorecardStatus)}</td>
                  <td>{when(i.feedbackDueAt, i.timezone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Show>
    </Page>
  );
}

/** The interview kit beside a scorecard that saves itself as the interviewer types. */
export function InterviewPage({ id }: { id: string }) {
  const me = useStaff();
  const kit = useApi<Kit>(`/api/interviews/${id}/kit`);
  return (
    <Show loaded={kit}>
      {(k) => (
        <Page title={`${k.round.name}: ${k.candidate.name}`}>
          <p className="meta">
            {k.jobTitle} · {when(k.interview.startsAt, me.timezone)} · {k.round.durationMinutes} minutes ·{' '}
            {humanize(k.round.format)} · in {k.interview.language}
          </p>
          <div className="two-columns">
            <div>
              <ScorecardForm
                interviewId={id}
                attributes={k.kit?.focusAttributes ?? []}
                applicationId={k.interview.applicationId}
              />
              <Assessments applicationId={k.interview.applicationId} canSend={false} />
              <Pads applicationId={k.interview.applicationId} />
            </div>
            <div>
              {k.kit && (
                <section aria-labelledby="kit-title">
                  <h2 id="kit-title">Interview kit</h2>
                  <p>{k.kit.purpose}</p>
                  <h3>Time plan</h3>
                  <ol>
                    {k.kit.timePlan.map((t) => (
                      <li key={t.activity}>
                        {t.minutes} min — {t.activity}
                      </li>
                    ))}
                  </ol>
                  <h3>Questions</h3>
                  {k.kit.questions.map((q) => (
                    <details key={q.id}>
                      <summary>{q.prompt}</summary>
                      <p>
                        <strong>Strong:</strong> {q.strongAnswer}
                      </p>
                      <p>
                        <strong>Weak:</strong> {q.weakAnswer}
                      </p>
                    </details>
                  ))}
                </section>
              )}
              <section aria-labelledby="resume-title">
                <h2 id="resume-title">Resume</h2>
                <pre className="resume">{k.candidate.resumeText ?? 'No resume text.'}</pre>
              </section>
            </div>
          </div>
        </Page>
      )}
    </Show>
  );
}

const AUTOSAVE_MS = 800;

function ScorecardForm({
  interviewId,
  attributes,
  applicationId,
}: {
  interviewId: string;
  attributes: { key: string; name: string; description: string }[];
  applicationId: string;
}) {
  const card = useApi<Scorecard>(`/api/interviews/${interviewId}/scorecard`);
  const [content, setContent] = useState<Content>();
  const [status, setStatus] = useState('');
  const version = useRef(0);
  const dirty = useRef(false);
  const saving = useRef(Promise.resolve());
  const action = useAction();
  const [submitted, setSubmitted] = useState(false);
  useEffect(() => {
    if (card.data && content === undefined) {
      setContent(card.data.content);
      version.current = card.data.version;
      setSubmitted(card.data.status === 'submitted');
    }
  }, [card.data, content]);
  useEffect(() => {
    if (!content || !dirty.current || submitted) return;
    const timer = setTimeout(() => {
      // One save at a time, each sending the version the previous one returned.
      saving.current = saving.current.then(async () => {
        setStatus('Saving…');
        try {
          const saved = await api<Scorecard>(`/api/interviews/${interviewId}/scorecard`, {
            method: 'PUT',
            body: { content, expectedVersion: version.current },
          });
          version.current = saved.version;
          dirty.current = false;
          setStatus(
            `Draft saved at ${new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`,
          );
        } catch (e) {
          setStatus(e instanceof ApiError ? `Not saved: ${e.message}` : 'Not saved: the connection failed');
        }
      });
    }, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [content, interviewId, submitted]);
  if (card.error) return <ErrorNotice error={card.error} />;
  if (!content) return <Loading what="Loading your scorecard" />;
  const change = (patch: Partial<Content>) => {
    dirty.current = true;
    setContent({ ...content, ...patch });
  };
  const submit = async () => {
    await saving.current;
    const saved = await action.run(() =>
      post<Scorecard>(`/api/interviews/${interviewId}/scorecard/submit`, { content }),
    );
    if (saved) {
      setSubmitted(true);
      setStatus('Submitted.');
    }
  };
  return (
    <section aria-labelledby="scorecard-title">
      <h2 id="scorecard-title">Your scorecard</h2>
      <p role="status" aria-live="polite" className="meta">
        {status}
      </p>
      <ErrorNotice error={action.error} />
      <fieldset disabled={submitted}>
        {attributes.map((a) => (
          <RatingGroup
            key={a.key}
            legend={a.name}
            hint={a.description}
            value={content.ratings[a.key] ?? null}
            onChange={(r) => change({ ratings: { ...content.ratings, [a.key]: r } })}
          />
        ))}
        {action.error?.about('content.ratings') && (
          <p className="field-error">{action.error.about('content.ratings')}</p>
        )}
        <RatingGroup
          legend="Overall recommendation"
          value={content.recommendation}
          onChange={(r) => change({ recommendation: r })}
          error={action.error?.about('content.recommendation')}
        />
        <TextField
          label="Notes"
          hint="What you saw and heard, with examples"
          multiline
          rows={8}
          value={content.notes}
          onChange={(notes) => change({ notes })}
        />
        <TextField
          label="Private note to the hiring team"
          hint="Never shown to other interviewers"
          multiline
          rows={2}
          value={content.privateNote ?? ''}
          onChange={(privateNote) => change({ privateNote })}
        />
        <button type="button" onClick={submit} disabled={action.busy || submitted}>
          {submitted ? 'Submitted' : action.busy ? 'Submitting…' : 'Submit scorecard'}
        </button>
      </fieldset>
      {submitted && <OthersFeedback applicationId={applicationId} />}
    </section>
  );
}

function RatingGroup({
  legend,
  hint,
  value,
  onChange,
  error,
}: {
  legend: string;
  hint?: string;
  value: string | null;
  onChange: (r: (typeof ratings)[number]) => void;
  error?: string | undefined;
}) {
  return (
    <fieldset className="ratings">
      <legend>{legend}</legend>
      {hint && <span className="hint">{hint}</span>}
      <div className="choices">
        {ratings.map((r) => (
          <label key={r} className="inline">
            <input type="radio" name={legend} value={r} checked={value === r} onChange={() => onChange(r)} />{' '}
            {humanize(r)}
          </label>
        ))}
      </div>
      {error && <span className="field-error">{error}</span>}
    </fieldset>
  );
}

/** R-FB-3: others' feedback appears only once mine is in. */
function OthersFeedback({ applicationId }: { applicationId: string }) {
  const cards = useApi<ScorecardList>(`/api/applications/${applicationId}/scorecards`);
  if (cards.error?.status === 403) return null;
  return (
    <section aria-labelledby="others-title">
      <h2 id="others-title">The panel’s feedback</h2>
      <Show loaded={cards} isEmpty={(d) => d.items.length === 0} empty="No other feedback yet.">
        {(d) => (
          <ul>
            {d.items.map((s) => (
              <li key={s.id}>
                {s.interviewerName}: {humanize(s.status)}
                {s.content.recommendation ? ` · ${humanize(s.content.recommendation)}` : ''}
              </li>
            ))}
          </ul>
        )}
      </Show>
    </section>
  );
}
