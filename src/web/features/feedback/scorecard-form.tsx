import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, send, useAction, useApi } from '../../client';
import { label } from '../../labels';
import type { Scorecard } from '../../types';
import { ErrorNotice, Loading, Show, TextField } from '../../ui';
import { AskedQuestions, type KitQuestion } from './kit-questions';

const ratings = ['strong_no', 'no', 'mixed', 'yes', 'strong_yes'] as const;

type Content = Scorecard['content'];

const AUTOSAVE_MS = 800;

/** The interview's start as its interviewer reads it: "Monday 14 December at 09:00 (Los Angeles time)". */
function startWords(startsAt: string, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(new Date(startsAt));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const place = timeZone.split('/').pop()!.replaceAll('_', ' ');
  return `${part('weekday')} ${part('day')} ${part('month')} at ${part('hour')}:${part('minute')} (${place} time)`;
}

/**
 * Whether the interview has started by the server's clock (a scorecard is submitted only then),
 * checked again while the page stays open.
 */
function useStarted(startsAt: string, serverNow: string) {
  const [skew] = useState(() => Date.parse(serverNow) - Date.now());
  const hasStarted = useCallback(() => Date.now() + skew >= Date.parse(startsAt), [skew, startsAt]);
  const [started, setStarted] = useState(hasStarted);
  useEffect(() => {
    setStarted(hasStarted());
    const timer = setInterval(() => setStarted(hasStarted()), 15_000);
    return () => clearInterval(timer);
  }, [hasStarted]);
  return started;
}

export function ScorecardForm({
  interviewId,
  attributes,
  questions,
  applicationId,
  startsAt,
  timezone,
  serverNow,
}: {
  interviewId: string;
  attributes: { key: string; name: string; description: string }[];
  /** The kit's questions, proposed ones first, to tick the ones asked. */
  questions: KitQuestion[];
  applicationId: string;
  /** The interview's start, and the reader's zone to name it in. */
  startsAt: string;
  timezone: string;
  serverNow: string;
}) {
  const card = useApi('GET /api/interviews/{id}/scorecard', { id: interviewId });
  const [content, setContent] = useState<Content>();
  const [status, setStatus] = useState('');
  const version = useRef(0);
  const dirty = useRef(false);
  const saving = useRef(Promise.resolve());
  const action = useAction();
  const [submitted, setSubmitted] = useState(false);
  const started = useStarted(startsAt, serverNow);
  useEffect(() => {
    if (card.data && content === undefined) {
      setContent(card.data.content);
      version.current = card.data.version;
      setSubmitted(card.data.status === 'submitted');
    }
  }, [card.data, content]);
  const save = useCallback(
    (draft: Content) => {
      // One save at a time, each sending the version the previous one returned.
      saving.current = saving.current.then(async () => {
        setStatus('Saving…');
        try {
          const saved = await send(
            'PUT /api/interviews/{id}/scorecard',
            { id: interviewId },
            { content: draft, expectedVersion: version.current },
          );
          version.current = saved.version;
          dirty.current = false;
          setStatus(
            `Draft saved at ${new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`,
          );
        } catch (e) {
          setStatus(e instanceof ApiError ? `Not saved: ${e.message}` : 'Not saved: the connection failed');
        }
      });
    },
    [interviewId],
  );
  useEffect(() => {
    if (!content || !dirty.current || submitted) return;
    const timer = setTimeout(() => save(content), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [content, save, submitted]);
  if (card.error) return <ErrorNotice error={card.error} />;
  if (!content) return <Loading what="Loading your scorecard" />;
  const change = (patch: Partial<Content>) => {
    dirty.current = true;
    setContent({ ...content, ...patch });
  };
  const submit = async () => {
    await saving.current;
    const saved = await action.run(() =>
      send('POST /api/interviews/{id}/scorecard/submit', { id: interviewId }, { content }),
    );
    if (saved) {
      setSubmitted(true);
      setStatus('Submitted.');
    }
  };
  const notYet = !started && !submitted;
  return (
    <section aria-labelledby="scorecard-title">
      <h2 id="scorecard-title">Your scorecard</h2>
      <p role="status" aria-live="polite" className="meta">
        {status}
      </p>
      <ErrorNotice error={action.error} />
      <fieldset disabled={submitted}>
        <AskedQuestions
          questions={questions}
          asked={content.askedQuestionIds ?? []}
          onChange={(askedQuestionIds) => change({ askedQuestionIds })}
          error={action.error?.about('content.askedQuestionIds')}
        />
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
        <div className="actions">
          {!submitted && (
            <button type="button" className="secondary" onClick={() => save(content)}>
              Save draft
            </button>
          )}
          <button
            type="button"
            onClick={submit}
            disabled={action.busy || submitted || notYet}
            aria-describedby={notYet ? 'submit-not-yet' : undefined}
          >
            {submitted ? 'Submitted' : action.busy ? 'Submitting…' : 'Submit scorecard'}
          </button>
          {notYet && (
            <p id="submit-not-yet" className="meta">
              This interview starts on {startWords(startsAt, timezone)}; you can submit your scorecard once it
              has started. Your draft is saved as you write.
            </p>
          )}
        </div>
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
            {label(r)}
          </label>
        ))}
      </div>
      {error && <span className="field-error">{error}</span>}
    </fieldset>
  );
}

/** Others' feedback appears only once mine is in. */
function OthersFeedback({ applicationId }: { applicationId: string }) {
  const cards = useApi('GET /api/applications/{id}/scorecards', { id: applicationId });
  if (cards.error?.status === 403) return null;
  return (
    <section aria-labelledby="others-title">
      <h2 id="others-title">The panel’s feedback</h2>
      <Show loaded={cards} isEmpty={(d) => d.items.length === 0} empty="No other feedback yet.">
        {(d) => (
          <ul>
            {d.items.map((s) => (
              <li key={s.id}>
                {s.interviewerName}: {label(s.status)}
                {s.content.recommendation ? ` · ${label(s.content.recommendation)}` : ''}
              </li>
            ))}
          </ul>
        )}
      </Show>
    </section>
  );
}
