import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { send, useAction, useApi } from '../../client';
import type { Body } from '../../endpoints';
import { label } from '../../labels';
import type { CandidateAssessment } from '../../types';
import { ErrorNotice, Show, when } from '../../ui';
import { answerLanguage, Problem } from './problem';

/** Counts down to the server's deadline, corrected for the difference between the two clocks. */
function useCountdown(deadlineAt: string | null, serverNow: string) {
  const [skew] = useState(() => Date.parse(serverNow) - Date.now());
  const [now, setNow] = useState(() => Date.now() + skew);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + skew), 1000);
    return () => clearInterval(timer);
  }, [skew]);
  return deadlineAt ? Math.max(0, Date.parse(deadlineAt) - now) : null;
}

const clockText = (ms: number) => {
  const total = Math.ceil(ms / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  if (total >= 86_400) return `${Math.floor(total / 86_400)} d ${Math.floor((total % 86_400) / 3600)} h`;
  if (total >= 3600)
    return `${Math.floor(total / 3600)}:${two(Math.floor((total % 3600) / 60))}:${two(total % 60)}`;
  return `${Math.floor(total / 60)}:${two(total % 60)}`;
};

/** The candidate's timed assessment, opened from the emailed link; the link is the only credential. */
export function CandidateAssessmentPage({ token }: { token: string }) {
  const view = useApi('GET /api/assessments/{token}', { token });
  return (
    <main id="main" className="assessment">
      {/* A new stage (started, submitted) starts from what the server now holds. */}
      <Show loaded={view}>
        {(a) => <Assessment key={a.status} token={token} assessment={a} reload={view.reload} />}
      </Show>
    </main>
  );
}

function Assessment({
  token,
  assessment: a,
  reload,
}: {
  token: string;
  assessment: CandidateAssessment;
  reload: () => void;
}) {
  const start = useAction();
  const submit = useAction();
  const left = useCountdown(a.deadlineAt, a.serverNow);
  const [current, setCurrent] = useState(0);
  const [answers, setAnswers] = useState(() =>
    a.items.map((item) => ({
      language: answerLanguage(item.saved?.language ?? item.languages[0] ?? 'javascript'),
      code: item.saved?.code ?? item.starter[item.saved?.language ?? item.languages[0] ?? 'javascript'] ?? '',
    })),
  );
  const [submitted, setSubmitted] = useState(a.status === 'submitted');
  useTimelineEvents(token, a.status === 'in_progress' && !submitted, current);

  if (a.status === 'not_started')
    return (
      <>
        <h1>Technical assessment · {a.jobTitle}</h1>
        {a.items[0]?.kind === 'case_study' ? (
          <p>
            {a.companyName} asks you to prepare a case study and present it. You have{' '}
            {Math.round(a.durationMinutes / 1440)} days from the moment you press Start; the brief appears
            then. Start by {when(a.startBy)}.
          </p>
        ) : (
          <>
            <p>
              {a.companyName} asks you to solve {a.items.length} problem{a.items.length > 1 ? 's' : ''} in{' '}
              {a.durationMinutes} minutes. The clock starts when you press Start and keeps running if you
              close the page. Start by {when(a.startBy)}.
            </p>
            <ul>
              {a.items.map((item) => (
                <li key={item.title}>
                  {item.title} ({label(item.difficulty)}, {item.kind === 'sql' ? 'SQL' : 'code'})
                </li>
              ))}
            </ul>
            <p>
              You can run your code against the examples as often as you like. Hidden tests grade what you
              submit. The editor is plain, as in a live interview: no completion.
            </p>
          </>
        )}
        <ErrorNotice error={start.error} />
        <button
          type="button"
          disabled={start.busy}
          onClick={() => start.run(() => send('POST /api/assessments/{token}/start', { token })).then(reload)}
        >
          {a.items[0]?.kind === 'case_study'
            ? 'Start and show the brief'
            : `Start the ${a.durationMinutes}-minute clock`}
        </button>
      </>
    );

  if (submitted || a.status === 'submitted')
    return (
      <>
        <h1>Submitted</h1>
        <p role="status">
          Thank you. Your answers are in and are being reviewed by the {a.companyName} team; we will write to
          you about the next step.
        </p>
      </>
    );

  const over = a.status !== 'in_progress' || left === 0;
  const submitAll = async (event: FormEvent) => {
    event.preventDefault();
    const done = await submit.run(() =>
      send(
        'POST /api/assessments/{token}/submit',
        { token },
        {
          // A case study's answer is its upload, already on the server.
          answers: answers.flatMap((answer, item) =>
            a.items[item]?.kind === 'case_study' ? [] : [{ item, ...answer }],
          ),
        },
      ),
    );
    if (done) setSubmitted(true);
  };
  return (
    <>
      <header className="assessment-header">
        <h1>Technical assessment · {a.jobTitle}</h1>
        {left !== null && (
          <p
            className={left < 5 * 60_000 ? 'clock urgent' : 'clock'}
            aria-live={left < 60_000 ? 'polite' : 'off'}
          >
            <span className="visually-hidden">Time left: </span>
            {over ? 'Time is up' : clockText(left)}
          </p>
        )}
      </header>
      {over ? (
        <p className="notice" role="alert">
          Time is up. Work saved before the deadline stays with your application; nothing more can be sent.
        </p>
      ) : null}
      {a.items.length > 1 && (
        <nav aria-label="Problems" className="problem-tabs">
          {a.items.map((item, index) => (
            <button
              key={item.title}
              type="button"
              aria-current={index === current ? 'true' : undefined}
              onClick={() => setCurrent(index)}
            >
              {index + 1}. {item.title}
            </button>
          ))}
        </nav>
      )}
      {a.items.map((item, index) =>
        index === current ? (
          <Problem
            key={item.title}
            token={token}
            index={index}
            item={item}
            answer={answers[index]!}
            disabled={over}
            onChange={(answer) => setAnswers((all) => all.map((old, i) => (i === index ? answer : old)))}
          />
        ) : null,
      )}
      <form onSubmit={submitAll} className="submit-bar">
        <ErrorNotice error={submit.error} />
        <button type="submit" disabled={over || submit.busy}>
          {submit.busy
            ? 'Grading…'
            : a.items.length > 1
              ? `Submit all ${a.items.length} answers`
              : 'Submit my answer'}
        </button>
      </form>
    </>
  );
}

type TimelineEvent = Body<'POST /api/assessments/{token}/events'>['events'][number];

/** Sends focus changes for the timeline, a few at a time. */
function useTimelineEvents(token: string, active: boolean, item: number) {
  const pending = useRef<TimelineEvent[]>([]);
  const itemRef = useRef(item);
  itemRef.current = item;
  const flush = useCallback(() => {
    const events = pending.current.splice(0);
    if (events.length)
      void send('POST /api/assessments/{token}/events', { token }, { events }).catch(() => undefined);
  }, [token]);
  useEffect(() => {
    if (!active) return;
    const lost = () => pending.current.push({ kind: 'focus_lost', item: itemRef.current });
    const back = () => {
      pending.current.push({ kind: 'focus_back', item: itemRef.current });
      flush();
    };
    window.addEventListener('blur', lost);
    window.addEventListener('focus', back);
    const timer = setInterval(flush, 5000);
    return () => {
      window.removeEventListener('blur', lost);
      window.removeEventListener('focus', back);
      clearInterval(timer);
      flush();
    };
  }, [active, flush]);
}
