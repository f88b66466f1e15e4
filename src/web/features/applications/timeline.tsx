import { useApi } from '../../client';
import { useStaff } from '../../session';
import { humanize, Loading, Show, when } from '../../ui';

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
            <ul className="timeline">
              {[...d.items].reverse().map((e) => (
                <li key={e.seq}>
                  <time dateTime={e.at}>{when(e.at, me.timezone)}</time>{' '}
                  <strong>{humanize(e.action.replaceAll('.', ' '))}</strong>
                  {e.eliminatory === false && <span className="meta"> (round not eliminatory)</span>}
                  {e.actor.name && <span className="meta"> by {e.actor.name}</span>}
                  {e.reason && <span className="meta"> — {e.reason}</span>}
                </li>
              ))}
            </ul>
          )}
        </Show>
      )}
    </section>
  );
}
