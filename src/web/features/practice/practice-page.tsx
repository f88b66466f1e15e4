import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { practiceSpaceSchema } from '../../../contracts/practice';
import { send, useAction, useApi } from '../../client';
import type { CodeGrade, SqlGrade } from '../../types';
import { ErrorNotice, Page, SelectField, Show } from '../../ui';
import { answerLanguage } from '../assessments/problem';
import { languageNames, plainEditor, RunResult, withCode } from '../assessments/run-result';

type Space = z.output<typeof practiceSpaceSchema>;
type Problem = Space['problems'][number];
type Timed = { id: string; deadlineAt: string; offsetMs: number } | null;

/** The signed-in candidate's practice space: their rounds, the practice set, timed practice, a plan. */
export function PracticePage() {
  const space = useApi('GET /api/me/practice', {});
  return (
    <Page title="Practice">
      <Show loaded={space}>{(s) => <PracticeSpace space={s} onChange={space.reload} token={null} />}</Show>
    </Page>
  );
}

/** The same space opened by an organisation's public link: nothing is kept for the visitor. */
export function PublicPracticePage({ token }: { token: string }) {
  const space = useApi('GET /api/practice/{token}', { token });
  return (
    <main className="page">
      <h1>Practice</h1>
      <Show loaded={space}>{(s) => <PracticeSpace space={s} onChange={space.reload} token={token} />}</Show>
    </main>
  );
}

function PracticeSpace({
  space,
  onChange,
  token,
}: {
  space: Space;
  onChange: () => void;
  token: string | null;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const problem = space.problems.find((p) => `${p.kind}:${p.slug}` === open);
  return (
    <>
      <p className="notice" role="note">
        {space.privacy}
        {token && ' Nothing you do here is stored: it stays in this browser tab.'}
      </p>
      {token === null && <Plan space={space} onChange={onChange} />}
      {space.rounds.map((round) => (
        <section key={round.roundType} aria-labelledby={`round-${round.roundType}`} className="card">
          <h2 id={`round-${round.roundType}`}>{round.names.join(' · ')}</h2>
          <p className="meta">
            {round.durationMinutes > 0 ? `${round.durationMinutes} minutes` : 'Untimed'} · {round.format}
          </p>
          {round.whatItTests && <p>{round.whatItTests}</p>}
          {round.howItRuns && <p>{round.howItRuns}</p>}
          {round.focus.length > 0 && (
            <ul>
              {round.focus.map((f) => (
                <li key={f.name}>
                  <strong>{f.name}</strong>: {f.description}
                </li>
              ))}
            </ul>
          )}
          {round.problems.length > 0 && (
            <ul aria-label="Practice problems">
              {round.problems.map((p) => {
                const item = space.problems.find((q) => q.kind === p.kind && q.slug === p.slug);
                return (
                  <li key={p.slug}>
                    <button type="button" className="link" onClick={() => setOpen(`${p.kind}:${p.slug}`)}>
                      {item?.title ?? p.slug}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          {round.caseStudies.map((slug) => {
            const study = space.caseStudies.find((c) => c.slug === slug);
            return study ? (
              <details key={slug}>
                <summary>{study.title}</summary>
                <p>{study.brief}</p>
                <p>Deliver: {study.deliverable}</p>
                <ul>
                  {study.asks.map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ul>
              </details>
            ) : null;
          })}
          {round.prompts.length > 0 && (
            // Every value's prompts for every round would make the page endless on a phone: one fold.
            <details>
              <summary>Behavioural prompts ({round.prompts.length})</summary>
              {round.prompts.map((id) => {
                const prompt = space.prompts.find((p) => p.id === id);
                return prompt ? (
                  <details key={id}>
                    <summary>
                      {prompt.prompt} <span className="meta">({prompt.valueName})</span>
                    </summary>
                    <p>A strong answer: {prompt.strongAnswer}</p>
                    <p>A weak answer: {prompt.weakAnswer}</p>
                  </details>
                ) : null;
              })}
            </details>
          )}
        </section>
      ))}
      {problem && <PracticeProblem key={open} problem={problem} token={token} onDone={onChange} />}
    </>
  );
}

function Plan({ space, onChange }: { space: Space; onChange: () => void }) {
  const action = useAction();
  const plan = space.plan;
  const make = () =>
    action.run(() => send('POST /api/me/practice/plan', {}, { reminders: true })).then(onChange);
  const tick = (date: string, kind: 'case_study' | 'behavioural', slug: string, ticked: boolean) =>
    action
      .run(() => send('PUT /api/me/practice/plan/ticks', {}, { date, kind, slug, ticked }))
      .then(onChange);
  return (
    <section aria-labelledby="plan-title" className="card">
      <h2 id="plan-title">Preparation plan</h2>
      {plan ? (
        <>
          <p>
            For your {plan.roundName} on {new Date(plan.roundStartsAt).toUTCString()}: {plan.done} of{' '}
            {plan.total} done.
          </p>
          <ol>
            {plan.days.map((d) => (
              <li key={d.date}>
                {d.date}:{' '}
                {d.items.map((i) =>
                  // A brief read or a prompt rehearsed leaves no attempt behind: the candidate ticks it off.
                  i.kind === 'case_study' || i.kind === 'behavioural' ? (
                    <label key={`${i.kind}:${i.slug}`} className={i.done ? 'passed' : ''}>
                      <input
                        type="checkbox"
                        checked={i.done}
                        disabled={action.busy}
                        onChange={(e) =>
                          tick(d.date, i.kind as 'case_study' | 'behavioural', i.slug, e.target.checked)
                        }
                      />{' '}
                      {i.title}{' '}
                    </label>
                  ) : (
                    <span key={`${i.kind}:${i.slug}`} className={i.done ? 'passed' : ''}>
                      {i.done ? '✓ ' : ''}
                      {i.title}{' '}
                    </span>
                  ),
                )}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <button type="button" onClick={make} disabled={action.busy}>
          Plan my preparation for my next interview
        </button>
      )}
      <ErrorNotice error={action.error} />
    </section>
  );
}

function PracticeProblem({
  problem,
  token,
  onDone,
}: {
  problem: Problem;
  token: string | null;
  onDone: () => void;
}) {
  const [language, setLanguage] = useState(problem.languages[0] ?? 'javascript');
  const [code, setCode] = useState(problem.starter[language] ?? '');
  const [result, setResult] = useState<CodeGrade | SqlGrade>();
  const [explanation, setExplanation] = useState<string | null>(null);
  const [timed, setTimed] = useState<Timed>(null);
  const [left, setLeft] = useState<number | null>(null);
  const action = useAction();
  const section = useRef<HTMLElement>(null);
  // The problem opens below the rounds: bring it to the reader rather than leave them scrolling.
  useEffect(() => section.current?.scrollIntoView({ block: 'start' }), []);
  const params = { kind: problem.kind, slug: problem.slug };
  const answer = { language: answerLanguage(language), code };
  useEffect(() => {
    if (!timed) return;
    const tick = () => setLeft(Math.max(0, Date.parse(timed.deadlineAt) - (Date.now() + timed.offsetMs)));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [timed]);
  const run = (event: FormEvent) => {
    event.preventDefault();
    void action
      .run(() =>
        token
          ? send('POST /api/practice/{token}/{kind}/{slug}/run', { token, ...params }, answer)
          : send('POST /api/me/practice/{kind}/{slug}/run', params, answer),
      )
      .then((r) => {
        if (r) setResult(r);
        onDone();
      });
  };
  const start = () =>
    token
      ? setTimed({
          id: '',
          deadlineAt: new Date(Date.now() + problem.minutes * 60_000).toISOString(),
          offsetMs: 0,
        })
      : void action
          .run(() => send('POST /api/me/practice/{kind}/{slug}/timed', params))
          .then((t) => {
            if (t)
              setTimed({
                id: t.id,
                deadlineAt: t.deadlineAt,
                offsetMs: Date.parse(t.serverNow) - Date.now(),
              });
          });
  const submit = () =>
    void action
      .run(async () => {
        if (token)
          return send('POST /api/practice/{token}/{kind}/{slug}/submit', { token, ...params }, answer);
        return send('POST /api/me/practice/timed/{id}/submit', { id: timed?.id ?? '' }, answer);
      })
      .then((r) => {
        if (!r) return;
        setResult(r.grade);
        setExplanation(r.explanation ?? 'No worked explanation for this one yet.');
        setTimed(null);
        onDone();
      });
  return (
    <section ref={section} aria-labelledby="problem-title" className="card">
      <h2 id="problem-title">{problem.title}</h2>
      <p>{withCode(problem.statement)}</p>
      {problem.examples.length > 0 && (
        <p className="meta">Graded on its {problem.examples.length} public examples only.</p>
      )}
      {timed && left !== null && (
        <p role="timer" aria-live="off">
          Time left: {Math.floor(left / 60_000)}:{String(Math.floor((left % 60_000) / 1000)).padStart(2, '0')}
        </p>
      )}
      <form onSubmit={run}>
        {problem.languages.length > 1 && (
          <SelectField
            label="Language"
            value={language}
            onChange={(next) => {
              setLanguage(next);
              setCode(problem.starter[next] ?? '');
            }}
            options={problem.languages.map((l) => [l, languageNames[l] ?? l])}
          />
        )}
        <label>
          Your answer
          <textarea
            {...plainEditor(problem.highlighting)}
            rows={12}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </label>
        <button type="submit" disabled={action.busy}>
          Run the public tests
        </button>{' '}
        {timed ? (
          <button type="button" onClick={submit} disabled={action.busy}>
            Submit timed practice
          </button>
        ) : (
          <button type="button" onClick={start} disabled={action.busy}>
            Start a timed practice ({problem.minutes} min)
          </button>
        )}
      </form>
      <ErrorNotice error={action.error} />
      {result && <RunResult result={result} />}
      {explanation && (
        <section aria-labelledby="explanation-title">
          <h3 id="explanation-title">How to solve it</h3>
          <p>{explanation}</p>
        </section>
      )}
    </section>
  );
}
