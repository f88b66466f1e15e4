import { useApi } from '../../client';
import { label } from '../../labels';
import { Show } from '../../ui';

export function Scorecards({ id }: { id: string }) {
  const cards = useApi('GET /api/applications/{id}/scorecards', { id });
  return (
    <section aria-labelledby="scorecards-title">
      <h2 id="scorecards-title">Scorecards</h2>
      <Show
        loaded={cards}
        isEmpty={(d) => d.items.length === 0 && !d.othersHidden}
        empty="No scorecards yet."
      >
        {(d) => (
          <>
            {d.othersHidden && (
              <p className="notice">Other interviewers’ feedback stays hidden until you submit yours.</p>
            )}
            {d.items.map((s) => (
              <article key={s.id} className="card">
                <h3>
                  {s.interviewerName} · {label(s.roundKey)} · {label(s.status)}
                  {s.late ? ' (late)' : ''}
                </h3>
                {s.status === 'submitted' && (
                  <p>
                    Recommendation: <strong>{label(s.content.recommendation ?? '—')}</strong>
                  </p>
                )}
                {s.content.notes && <p className="notes">{s.content.notes}</p>}
              </article>
            ))}
          </>
        )}
      </Show>
    </section>
  );
}
