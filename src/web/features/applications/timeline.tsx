import type { EvidenceGap } from '../../../contracts/vocabulary';
import { useApi } from '../../client';
import { label } from '../../labels';
import { useStaff } from '../../session';
import { Loading, overrideWords, Show, when } from '../../ui';

/** A decision taken without its evidence carries the decider's reason: the timeline shows it. */
const overrideOf = (data: Record<string, unknown>) =>
  data.override as { reason: string; gaps: EvidenceGap[] } | undefined;

export function Timeline({ id }: { id: string }) {
  const me = useStaff();
  const timeline = useApi('GET /api/applications/{id}/timeline', { id });
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      {timeline.loading && !timeline.data ? (
        <Loading />
      ) : (
        <Show loaded={timeline} isEmpty={(d) => d.items.length === 0} empty="Nothing has happened yet.">
          {(d) => (
            // In time order, as the application's story reads: the first thing that happened first.
            <ol className="events" aria-label="What happened, oldest first">
              {d.items.map((e) => {
                const override = overrideOf(e.data);
                return (
                  <li key={e.seq}>
                    <time dateTime={e.at}>{when(e.at, me.timezone)}</time> <strong>{label(e.action)}</strong>
                    {e.eliminatory === false && <span className="meta"> (round not eliminatory)</span>}
                    {e.actor.name && (
                      <span className="meta">
                        {/* A board's event is the candidate's own doing, through that board. */}
                        {e.actor.kind === 'board'
                          ? ` by the candidate, through ${e.actor.name}`
                          : ` by ${e.actor.name}`}
                      </span>
                    )}
                    {e.reason && <span className="meta"> — {e.reason}</span>}
                    {override && (
                      <span className="meta">
                        {' '}
                        · decided without its evidence ({overrideWords(override.gaps)}): “{override.reason}”
                      </span>
                    )}
                  </li>
                );
              })}
            </ol>
          )}
        </Show>
      )}
    </section>
  );
}
