import { useState } from 'react';
import { Link } from 'wouter';
import { send, useApi } from '../../client';
import { useStaff } from '../../session';
import { Page, Show, when } from '../../ui';
import { LivePad } from './live-pad';

/** The interviewer's pad: the live editor, a Run button everyone sees the result of, and the replay. */
export function PadPage({ id }: { id: string }) {
  const pad = useApi('GET /api/pads/{id}', { id });
  const [replaying, setReplaying] = useState(false);
  const zone = useStaff().timezone;
  return (
    <Show loaded={pad}>
      {(p) => (
        <Page title="Live coding pad">
          <p className="meta">
            <Link
              href={p.applicationId ? `/app/applications/${p.applicationId}` : '/app/practice-interviews'}
            >
              Back to the candidate
            </Link>{' '}
            · opened {when(p.createdAt, zone)}
          </p>
          <LivePad
            path={`/api/pads/${id}/live`}
            problem={p.problem}
            language={p.language}
            onRun={() => send('POST /api/pads/{id}/run', { id })}
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
  const replay = useApi('GET /api/pads/{id}/replay', { id });
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
  const pad = useApi('GET /api/pad-links/{token}', { token });
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
