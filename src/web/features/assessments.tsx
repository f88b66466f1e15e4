import { type ClipboardEvent, type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useStaff } from '../App';
import { ApiError, api, post, put, useAction, useApi } from '../api';
import type {
  CandidateAssessment,
  CodeGrade,
  CreatedAssessment,
  ProblemSummary,
  SqlGrade,
  StaffAssessment,
} from '../types';
import { ErrorNotice, humanize, Loading, SelectField, Show, TextField, when } from '../ui';

const languageNames: Record<string, string> = {
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  python: 'Python',
  sql: 'SQL',
};

/** The result of running code against examples, or a query's rows. */
export function RunResult({ result }: { result: CodeGrade | SqlGrade }) {
  return (
    <div className="run-result" role="status">
      <p>
        <strong>{humanize(result.outcome)}</strong>
        {result.detail && ` — ${result.detail}`}
        {'passed' in result && ` · ${result.passed} of ${result.total} examples pass`}
        {'rowCount' in result && result.outcome === 'completed' && ` · ${result.rowCount} rows`}
      </p>
      {'tests' in result && (
        <ul>
          {result.tests.map((t) => (
            <li key={t.number} className={t.passed ? 'passed' : 'failed'}>
              {t.passed ? '✓' : '✗'} Example {t.number}
              {!t.passed && (
                <>
                  : expected <code>{JSON.stringify(t.expected)}</code>
                  {t.error ? (
                    <>
                      , got an error <code>{t.error}</code>
                    </>
                  ) : (
                    <>
                      , got <code>{JSON.stringify(t.actual)}</code>
                    </>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {'rows' in result && result.columns.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                {result.columns.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns may repeat a name
                  <th key={i}>{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.rows.slice(0, 50).map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity
                <tr key={i}>
                  {row.map((cell, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity
                    <td key={j}>{String(cell)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {'output' in result && result.output && <pre className="output">{result.output}</pre>}
    </div>
  );
}

/** A code editor as plain as the seeds' screens: no spelling, no completion; highlighting only if asked. */
export const plainEditor = (highlighting: boolean) =>
  ({
    className: highlighting ? 'code highlighted' : 'code',
    spellCheck: false,
    autoCapitalize: 'off',
    autoComplete: 'off',
    autoCorrect: 'off',
  }) as const;

/** A statement's `names` as code. */
export const withCode = (text: string) =>
  text.split('`').map((part, i) =>
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text
    i % 2 ? <code key={i}>{part}</code> : part,
  );

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
  const base = `/api/assessments/${token}`;
  const view = useApi<CandidateAssessment>(base);
  return (
    <main id="main" className="assessment">
      {/* A new stage (started, submitted) starts from what the server now holds. */}
      <Show loaded={view}>
        {(a) => <Assessment key={a.status} base={base} assessment={a} reload={view.reload} />}
      </Show>
    </main>
  );
}

function Assessment({
  base,
  assessment: a,
  reload,
}: {
  base: string;
  assessment: CandidateAssessment;
  reload: () => void;
}) {
  const start = useAction();
  const submit = useAction();
  const left = useCountdown(a.deadlineAt, a.serverNow);
  const [current, setCurrent] = useState(0);
  const [answers, setAnswers] = useState(() =>
    a.items.map((item) => ({
      language: item.saved?.language ?? item.languages[0] ?? 'javascript',
      code: item.saved?.code ?? item.starter[item.saved?.language ?? item.languages[0] ?? 'javascript'] ?? '',
    })),
  );
  const [submitted, setSubmitted] = useState(a.status === 'submitted');
  useTimelineEvents(base, a.status === 'in_progress' && !submitted, current);

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
                  {item.title} ({humanize(item.difficulty)}, {item.kind === 'sql' ? 'SQL' : 'code'})
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
          onClick={() => start.run(() => post(`${base}/start`)).then(reload)}
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
  const send = async (event: FormEvent) => {
    event.preventDefault();
    const done = await submit.run(() =>
      post(`${base}/submit`, {
        // A case study's answer is its upload, already on the server.
        answers: answers.flatMap((answer, item) =>
          a.items[item]?.kind === 'case_study' ? [] : [{ item, ...answer }],
        ),
      }),
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
            base={base}
            index={index}
            item={item}
            answer={answers[index]!}
            disabled={over}
            onChange={(answer) => setAnswers((all) => all.map((old, i) => (i === index ? answer : old)))}
          />
        ) : null,
      )}
      <form onSubmit={send} className="submit-bar">
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

type Answer = { language: string; code: string };

function Problem({
  base,
  index,
  item,
  answer,
  disabled,
  onChange,
}: {
  base: string;
  index: number;
  item: CandidateAssessment['items'][number];
  answer: Answer;
  disabled: boolean;
  onChange: (answer: Answer) => void;
}) {
  const run = useAction();
  const [result, setResult] = useState<CodeGrade | SqlGrade>();
  const [savedAt, setSavedAt] = useState<string | null>(item.saved?.savedAt ?? null);
  const save = useAction();
  // Saves 1 s after the last keystroke, so an accident loses a second of work at most.
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const change = (next: Answer) => {
    onChange(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void save
        .run(() => put<{ savedAt: string }>(`${base}/answers/${index}`, next))
        .then((s) => s && setSavedAt(s.savedAt));
    }, 1000);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  if (item.kind === 'case_study')
    return (
      <CaseStudy
        base={base}
        index={index}
        item={item}
        disabled={disabled}
        savedName={item.saved?.code ?? null}
      />
    );
  const paste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    void post(`${base}/events`, {
      events: [{ kind: 'paste', item: index, characters: event.clipboardData.getData('text').length }],
    }).catch(() => undefined);
  };
  return (
    <section aria-labelledby={`problem-${index}`}>
      <h2 id={`problem-${index}`}>
        {index + 1}. {item.title} <span className="meta">({humanize(item.difficulty)})</span>
      </h2>
      <p className="statement">{withCode(item.statement)}</p>
      {item.constraints.length > 0 && (
        <ul className="constraints">
          {item.constraints.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      {item.examples.length > 0 && (
        <>
          <h3>Examples</h3>
          <ul>
            {item.examples.map((e) => (
              <li key={JSON.stringify(e.args)}>
                <code>{e.args.map((arg) => JSON.stringify(arg)).join(', ')}</code> →{' '}
                <code>{JSON.stringify(e.expected)}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {item.languages.length > 1 && (
        <SelectField
          label="Language"
          value={answer.language}
          onChange={(language) =>
            change({
              language,
              // A fresh answer follows the language; written code stays.
              code: Object.values(item.starter).includes(answer.code)
                ? (item.starter[language] ?? '')
                : answer.code,
            })
          }
          options={item.languages.map((l) => [l, languageNames[l] ?? l])}
        />
      )}
      <div className="field">
        <label htmlFor={`code-${index}`}>Your answer</label>
        <textarea
          id={`code-${index}`}
          {...plainEditor(item.highlighting)}
          value={answer.code}
          rows={18}
          readOnly={disabled}
          onPaste={paste}
          onChange={(e) => change({ ...answer, code: e.target.value })}
        />
        <span className="hint">
          {save.error ? (
            <ErrorNotice error={save.error} />
          ) : savedAt ? (
            `Saved ${when(savedAt)}`
          ) : (
            'Not saved yet'
          )}
        </span>
      </div>
      <button
        type="button"
        disabled={disabled || run.busy}
        onClick={() =>
          run
            .run(() => post<CodeGrade | SqlGrade>(`${base}/answers/${index}/run`, answer))
            .then((r) => r && setResult(r))
        }
      >
        {run.busy ? 'Running…' : item.kind === 'sql' ? 'Run the query' : 'Run the examples'}
      </button>
      <ErrorNotice error={run.error} />
      {run.busy && <Loading what="Running" />}
      {result && !run.busy && <RunResult result={result} />}
    </section>
  );
}

/** A take-home brief: what to prepare, what the presentation will ask, and the upload. */
function CaseStudy({
  base,
  index,
  item,
  disabled,
  savedName,
}: {
  base: string;
  index: number;
  item: CandidateAssessment['items'][number];
  disabled: boolean;
  savedName: string | null;
}) {
  const upload = useAction();
  const [file, setFile] = useState<File | null>(null);
  const [uploaded, setUploaded] = useState(savedName);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    const done = await upload.run(async () => {
      const response = await fetch(`${base}/answers/${index}/file`, { method: 'PUT', body: form });
      const json = await response.json();
      if (!response.ok)
        throw new ApiError(response.status, json.error?.code, json.error?.message, json.error?.details);
      return json as { filename: string };
    });
    if (done) setUploaded(done.filename);
  };
  return (
    <section aria-labelledby={`problem-${index}`}>
      <h2 id={`problem-${index}`}>{item.title}</h2>
      <p className="statement">{item.statement}</p>
      <h3>The presentation will ask for</h3>
      <ul>
        {item.constraints.map((ask) => (
          <li key={ask}>{ask}</li>
        ))}
      </ul>
      <p>
        <strong>Deliver:</strong> {item.deliverable}
      </p>
      <form onSubmit={send} noValidate>
        <div className={upload.error ? 'field invalid' : 'field'}>
          <label htmlFor={`deliverable-${index}`}>Your deck or PDF (up to 20 MB)</label>
          <input
            id={`deliverable-${index}`}
            type="file"
            accept=".pdf,.pptx,application/pdf,application/vnd.openxmlformats-officedocument.presentationml.presentation"
            disabled={disabled}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          {upload.error && (
            <span className="field-error">{upload.error.about('file') ?? upload.error.message}</span>
          )}
        </div>
        <button type="submit" disabled={disabled || !file || upload.busy}>
          {upload.busy ? 'Uploading…' : 'Upload'}
        </button>
      </form>
      <p className="hint" role="status">
        {uploaded
          ? `Uploaded: ${uploaded}. A new upload replaces it until you submit.`
          : 'Nothing uploaded yet.'}
      </p>
    </section>
  );
}

/** Sends focus changes for the timeline, a few at a time. */
function useTimelineEvents(base: string, active: boolean, item: number) {
  const pending = useRef<{ kind: string; item: number }[]>([]);
  const itemRef = useRef(item);
  itemRef.current = item;
  const flush = useCallback(() => {
    const events = pending.current.splice(0);
    if (events.length)
      void api(`${base}/events`, { method: 'POST', body: { events } }).catch(() => undefined);
  }, [base]);
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

/** The application's assessments for the hiring team: send one, read the score, the code and the timeline. */
export function Assessments({ applicationId, canSend }: { applicationId: string; canSend: boolean }) {
  const list = useApi<{ items: StaffAssessment[] }>(`/api/applications/${applicationId}/assessments`);
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
        {humanize(a.status)}
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
                    ` · ${humanize(grade.outcome)}: ${grade.detail}`}
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
                {when(e.at, zone)} · {humanize(e.kind)}
                {e.item !== null && ` · problem ${e.item + 1}`}
                {typeof e.detail.characters === 'number' && ` · ${e.detail.characters} characters`}
                {typeof e.detail.outcome === 'string' && ` · ${humanize(e.detail.outcome)}`}
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
  const problems = useApi<{ items: ProblemSummary[] }>('/api/problems');
  const send = useAction();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [minutes, setMinutes] = useState('');
  const [sent, setSent] = useState<CreatedAssessment>();
  if (!problems.data)
    return problems.error ? <ErrorNotice error={problems.error} /> : <Loading what="Loading problems" />;
  const options: [string, string][] = [
    ['', '—'],
    ...problems.data.items.map((p): [string, string] => [
      `${p.kind}:${p.slug}`,
      p.kind === 'case_study'
        ? `Case study · ${p.title} (${p.topics.join(', ')}, ${p.minutes / 1440} days)`
        : `${p.kind === 'sql' ? 'SQL' : 'Code'} · ${p.title} (${p.difficulty}, ${p.topics.join(', ')})`,
    ]),
  ];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const items = [first, second].filter(Boolean).map((value) => {
      const [kind, slug] = value.split(':');
      return { kind, slug };
    });
    const created = await send.run(() =>
      post<CreatedAssessment>(`/api/applications/${applicationId}/assessments`, {
        items,
        ...(minutes ? { durationMinutes: Number(minutes) } : {}),
      }),
    );
    if (created) {
      setSent(created);
      onSent();
    }
  };
  return (
    <form onSubmit={submit} className="card" noValidate>
      <h3>Send a timed assessment</h3>
      <ErrorNotice error={send.error} />
      <SelectField
        label="First problem"
        value={first}
        onChange={setFirst}
        options={options}
        error={send.error?.about('items.0.slug')}
      />
      <SelectField
        label="Second problem (optional)"
        value={second}
        onChange={setSecond}
        options={options}
        error={send.error?.about('items.1.slug')}
      />
      <TextField
        label="Minutes"
        type="number"
        value={minutes}
        onChange={setMinutes}
        hint="Empty: 60 minutes for problems, the brief's days for a case study"
        error={send.error?.about('durationMinutes')}
      />
      <button type="submit" disabled={send.busy || !first}>
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
