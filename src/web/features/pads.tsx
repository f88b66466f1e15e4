import { type FormEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import * as Y from 'yjs';
import { useStaff } from '../App';
import { post, useAction, useApi } from '../api';
import type { CandidatePad, CodeGrade, CodingPad, CreatedPad, PadReplay, ProblemSummary } from '../types';
import { ErrorNotice, Loading, Page, SelectField, Show, when } from '../ui';
import { plainEditor, RunResult, withCode } from './assessments';

const socketUrl = (path: string) =>
  `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}${path}`;

/**
 * One shared text over a WebSocket: the server relays Yjs updates between everyone on the pad.
 * Local typing becomes the smallest delete-and-insert on the shared text; a remote change keeps
 * the caret where it was relative to the text around it.
 */
function useSharedText(path: string, textarea: React.RefObject<HTMLTextAreaElement | null>) {
  const [text, setText] = useState('');
  const [state, setState] = useState<'connecting' | 'live' | 'closed'>('connecting');
  const [run, setRun] = useState<CodeGrade>();
  const doc = useRef<Y.Doc>(null);
  const caret = useRef<[number, number] | null>(null);
  useEffect(() => {
    const shared = new Y.Doc();
    doc.current = shared;
    const ytext = shared.getText('code');
    const socket = new WebSocket(socketUrl(path));
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => {
      setState('live');
      // Anything typed before the connection opened.
      socket.send(Y.encodeStateAsUpdate(shared));
    };
    socket.onclose = () => setState('closed');
    socket.onmessage = (event) => {
      if (typeof event.data === 'string') {
        const message = JSON.parse(event.data) as { type: string; result: CodeGrade };
        if (message.type === 'run') setRun(message.result);
        return;
      }
      const el = textarea.current;
      const marks =
        el && document.activeElement === el
          ? [el.selectionStart, el.selectionEnd].map((i) => Y.createRelativePositionFromTypeIndex(ytext, i))
          : null;
      Y.applyUpdate(shared, new Uint8Array(event.data as ArrayBuffer), 'server');
      const [start, end] = (marks ?? []).map(
        (m) => Y.createAbsolutePositionFromRelativePosition(m, shared)?.index,
      );
      caret.current = start !== undefined && end !== undefined ? [start, end] : null;
    };
    shared.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'server' && socket.readyState === WebSocket.OPEN) socket.send(update);
    });
    ytext.observe(() => setText(ytext.toString()));
    return () => {
      socket.close();
      shared.destroy();
    };
  }, [path, textarea]);
  useLayoutEffect(() => {
    if (caret.current && textarea.current) textarea.current.setSelectionRange(...caret.current);
    caret.current = null;
  });
  const edit = (next: string) => {
    const ytext = doc.current?.getText('code');
    if (!ytext) return;
    const old = ytext.toString();
    let start = 0;
    while (start < old.length && start < next.length && old[start] === next[start]) start++;
    let tail = 0;
    while (
      tail < old.length - start &&
      tail < next.length - start &&
      old[old.length - 1 - tail] === next[next.length - 1 - tail]
    )
      tail++;
    doc.current?.transact(() => {
      ytext.delete(start, old.length - start - tail);
      ytext.insert(start, next.slice(start, next.length - tail));
    });
  };
  return { text, edit, state, run };
}

function LivePad({
  path,
  problem,
  language,
  onRun,
}: {
  path: string;
  problem: CodingPad['problem'];
  language: string;
  onRun?: () => Promise<unknown>;
}) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const { text, edit, state, run } = useSharedText(path, textarea);
  const running = useAction();
  return (
    <div className="pad">
      {problem && (
        <section aria-labelledby="pad-problem">
          <h2 id="pad-problem">{problem.title}</h2>
          <p className="statement">{withCode(problem.statement)}</p>
        </section>
      )}
      <div className="field">
        <label htmlFor="pad-code">
          Shared code ({language}) <span className="meta">· {state === 'live' ? 'connected' : state}</span>
        </label>
        <textarea
          id="pad-code"
          ref={textarea}
          {...plainEditor(problem?.highlighting ?? false)}
          rows={20}
          value={text}
          readOnly={state !== 'live'}
          onChange={(e) => edit(e.target.value)}
        />
      </div>
      {onRun && (
        <button type="button" disabled={running.busy || !problem} onClick={() => running.run(onRun)}>
          {running.busy ? 'Running…' : 'Run the examples'}
        </button>
      )}
      <ErrorNotice error={running.error} />
      {run && <RunResult result={run} />}
    </div>
  );
}

/** The interviewer's pad: the live editor, a Run button everyone sees the result of, and the replay. */
export function PadPage({ id }: { id: string }) {
  const pad = useApi<CodingPad>(`/api/pads/${id}`);
  const [replaying, setReplaying] = useState(false);
  const zone = useStaff().timezone;
  return (
    <Show loaded={pad}>
      {(p) => (
        <Page title="Live coding pad">
          <p className="meta">
            <Link href={`/app/applications/${p.applicationId}`}>Back to the candidate</Link> · opened{' '}
            {when(p.createdAt, zone)}
          </p>
          <LivePad
            path={`/api/pads/${id}/live`}
            problem={p.problem}
            language={p.language}
            onRun={() => post(`/api/pads/${id}/run`)}
          />
          <button type="button" className="secondary" onClick={() => setReplaying((r) => !r)}>
            {replaying ? 'Hide the replay' : 'Replay the session'}
          </button>
          {replaying && <Replay id={id} />}
        </Page>
      )}
    </Show>
  );
}

function Replay({ id }: { id: string }) {
  const replay = useApi<PadReplay>(`/api/pads/${id}/replay`);
  const [at, setAt] = useState<number | null>(null);
  const zone = useStaff().timezone;
  return (
    <Show loaded={replay} isEmpty={(r) => r.frames.length === 0} empty="Nothing was typed yet.">
      {(r) => {
        const index = Math.min(at ?? r.frames.length - 1, r.frames.length - 1);
        const frame = r.frames[index]!;
        return (
          <section aria-labelledby="replay-title" className="card">
            <h2 id="replay-title">Replay</h2>
            <label htmlFor="replay-step">
              Edit {index + 1} of {r.frames.length} · {when(frame.at, zone)} ·{' '}
              {frame.author === 'candidate' ? 'candidate' : 'interviewer'}
            </label>
            <input
              id="replay-step"
              type="range"
              min={0}
              max={r.frames.length - 1}
              value={index}
              onChange={(e) => setAt(Number(e.target.value))}
            />
            <pre className="code">{frame.text}</pre>
            {r.runs.length > 0 && (
              <ol>
                {r.runs.map((run) => (
                  <li key={run.at}>
                    Run at {when(run.at, zone)}: {String(run.detail.passed)} of {String(run.detail.total)}{' '}
                    examples
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      }}
    </Show>
  );
}

/** The candidate's side, from the link the interviewer shares: the same editor, no Run button. */
export function CandidatePadPage({ token }: { token: string }) {
  const pad = useApi<CandidatePad>(`/api/pad-links/${token}`);
  return (
    <main id="main" className="assessment">
      <h1>Live coding</h1>
      <p>Your interviewer sees what you type as you type it, and can run it against the examples.</p>
      <Show loaded={pad}>
        {(p) => <LivePad path={`/api/pad-links/${token}/live`} problem={p.problem} language={p.language} />}
      </Show>
    </main>
  );
}

/** An application's pads, and opening one for an interview. */
export function Pads({ applicationId }: { applicationId: string }) {
  const list = useApi<{ items: CodingPad[] }>(`/api/applications/${applicationId}/pads`);
  const problems = useApi<{ items: ProblemSummary[] }>('/api/problems');
  const open = useAction();
  const [problem, setProblem] = useState('');
  const [language, setLanguage] = useState('javascript');
  const [opened, setOpened] = useState<CreatedPad>();
  const zone = useStaff().timezone;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await open.run(() =>
      post<CreatedPad>(`/api/applications/${applicationId}/pads`, { problem: problem || null, language }),
    );
    if (created) {
      setOpened(created);
      list.reload();
    }
  };
  const codingProblems = problems.data?.items.filter((p) => p.kind === 'coding') ?? [];
  return (
    <section aria-labelledby="pads-title">
      <h2 id="pads-title">Live coding pads</h2>
      <form onSubmit={submit} className="card" noValidate>
        <ErrorNotice error={open.error} />
        <SelectField
          label="Problem"
          value={problem}
          onChange={setProblem}
          options={[
            ['', 'Blank pad'],
            ...codingProblems.map((p): [string, string] => [p.slug, `${p.title} (${p.difficulty})`]),
          ]}
          error={open.error?.about('problem')}
        />
        <SelectField
          label="Language"
          value={language}
          onChange={setLanguage}
          options={[
            ['javascript', 'JavaScript'],
            ['typescript', 'TypeScript'],
            ['python', 'Python'],
          ]}
        />
        <button type="submit" disabled={open.busy}>
          Open a pad
        </button>
        {opened && (
          <p role="status">
            Opened. Send the candidate <code>{opened.candidateUrl}</code> and{' '}
            <Link href={`/app/pads/${opened.id}`}>join the pad</Link>.
          </p>
        )}
      </form>
      <Show loaded={list} isEmpty={(d) => d.items.length === 0} empty="No pad yet.">
        {(d) => (
          <ul>
            {d.items.map((p) => (
              <li key={p.id}>
                <Link href={`/app/pads/${p.id}`}>
                  {p.problem?.title ?? 'Blank pad'} · {p.language}
                </Link>{' '}
                <span className="meta">opened {when(p.createdAt, zone)}</span>
              </li>
            ))}
          </ul>
        )}
      </Show>
      {list.loading && <Loading />}
    </section>
  );
}
