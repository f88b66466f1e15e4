import { useCallback, useEffect, useState } from 'react';
import { ApiError, send, useAction } from '../../client';
import type { ApplicationDetail } from '../../types';
import { ErrorNotice } from '../../ui';

/** One decision, or one bulk decision, whose messages still wait. */
export interface Undoable {
  key: string;
  /** What was decided, in words: "Ana Li: rejected", "3 rejected". */
  label: string;
  decisionIds: string[];
  /** When the messages go out and undo is no longer possible. */
  until: string;
}

const clockTime = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));

/** The present, moving every few seconds, so an undo disappears when its window closes. */
function useNow(everyMs = 5000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * The last decisions taken on this page that can still be undone. `undo` answers the ids of the
 * applications it brought back.
 */
export function useRecentDecisions() {
  const [items, setItems] = useState<Undoable[]>([]);
  const now = useNow();
  const action = useAction();
  const { run, setError } = action;
  const add = useCallback((item: Undoable) => setItems((list) => [item, ...list].slice(0, 10)), []);
  const undo = useCallback(
    async (item: Undoable) => {
      const result = await run(() => send('POST /api/decisions/undo', {}, { decisionIds: item.decisionIds }));
      if (!result) return [];
      setItems((list) => list.filter((i) => i.key !== item.key));
      const refused = result.results.find((r) => !r.ok)?.error;
      if (refused) {
        const words = `${result.undone} undone; ${result.failed} could not be: ${refused.message}`;
        setError(new ApiError(409, refused.code, words));
      }
      return result.results.flatMap((r) => (r.ok && r.applicationId ? [r.applicationId] : []));
    },
    [run, setError],
  );
  const live = items.filter((i) => Date.parse(i.until) > now);
  return { live, add, undo, busy: action.busy, error: action.error };
}

/** The decisions that can still be taken back, newest first, each with when its message goes. */
export function RecentDecisions({
  recent,
  timeZone,
  onUndone,
}: {
  recent: ReturnType<typeof useRecentDecisions>;
  timeZone: string;
  onUndone: (applicationIds: string[]) => void;
}) {
  if (recent.live.length === 0 && !recent.error) return null;
  return (
    <section aria-labelledby="recent-decisions" className="recent-decisions">
      <h2 id="recent-decisions">Recent decisions</h2>
      <p className="hint">
        Their messages wait until the time shown; undo takes a decision back and nothing is sent. <kbd>u</kbd>{' '}
        undoes the latest.
      </p>
      <ErrorNotice error={recent.error} />
      <ul>
        {recent.live.map((item) => (
          <li key={item.key}>
            {item.label} · message goes at {clockTime(item.until, timeZone)}{' '}
            <button
              type="button"
              className="secondary"
              disabled={recent.busy}
              onClick={async () => onUndone(await recent.undo(item))}
            >
              Undo
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** On the application page: my latest decision, while its message still waits. */
export function UndoLatest({
  application: a,
  userId,
  timeZone,
  onUndone,
}: {
  application: ApplicationDetail;
  userId: string;
  timeZone: string;
  onUndone: () => void;
}) {
  const now = useNow();
  const action = useAction();
  const latest = a.decisions.at(-1);
  if (!latest?.undoUntil || latest.decidedBy !== userId || Date.parse(latest.undoUntil) <= now) return null;
  const round = a.plan.find((r) => r.key === latest.roundKey)?.name ?? latest.roundKey;
  const undo = async () => {
    if (await action.run(() => send('POST /api/decisions/{id}/undo', { id: latest.id }))) onUndone();
  };
  return (
    <section aria-label="Undo my decision" className="notice">
      <p role="status">
        You {latest.decision === 'advance' ? 'advanced' : 'rejected'} {round}. The candidate hears at{' '}
        {clockTime(latest.undoUntil, timeZone)}; until then you can take it back.
      </p>
      <ErrorNotice error={action.error} />
      <button type="button" onClick={undo} disabled={action.busy}>
        {action.busy ? 'Undoing…' : 'Undo decision'}
      </button>
    </section>
  );
}
