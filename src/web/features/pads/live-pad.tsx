import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import { useAction } from '../../client';
import type { CodeGrade, CodingPad } from '../../types';
import { ErrorNotice } from '../../ui';
import { plainEditor, RunResult, withCode } from '../assessments/run-result';

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

export function LivePad({
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
