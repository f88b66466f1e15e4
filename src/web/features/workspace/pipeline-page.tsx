import { Link } from 'wouter';
import { send, useAction, useApi } from '../../client';
import { can, useStaff } from '../../session';
import { ErrorNotice, humanize, Page, Show, when } from '../../ui';

/** A job's pipeline: a column per round, then offer and the ended states, with counts. */
export function PipelinePage({ id }: { id: string }) {
  const me = useStaff();
  const pipeline = useApi('GET /api/jobs/{id}/pipeline', { id });
  const job = useApi('GET /api/jobs/{id}', { id });
  const action = useAction();
  const transition = async (to: 'open' | 'closed') => {
    if (await action.run(() => send('POST /api/jobs/{id}/transitions', { id }, { to }))) job.reload();
  };
  return (
    <Page
      title={pipeline.data ? `Pipeline: ${pipeline.data.jobTitle}` : 'Pipeline'}
      actions={
        can(me, 'job.manage') &&
        job.data && (
          <div className="actions">
            <Link className="button secondary" href={`/app/jobs/${id}/edit`}>
              Edit job and posting
            </Link>
            {job.data.status !== 'open' && (
              <button type="button" onClick={() => transition('open')}>
                Open
              </button>
            )}
            {job.data.status === 'open' && (
              <button type="button" className="secondary" onClick={() => transition('closed')}>
                Close
              </button>
            )}
          </div>
        )
      }
    >
      {job.data && (
        <p className="meta">
          {humanize(job.data.status)} · {job.data.teamName} · {job.data.level} ·{' '}
          {job.data.locations.join(', ')}
        </p>
      )}
      <ErrorNotice error={action.error} />
      <Show loaded={pipeline}>
        {(p) => (
          <div className="board">
            {p.columns.map((c) => (
              <section key={c.key} className={`column ${c.kind}`} aria-labelledby={`col-${c.key}`}>
                <h2 id={`col-${c.key}`}>
                  {c.name} <span className="count">{c.count}</span>
                </h2>
                <ul>
                  {c.cards.map((card) => (
                    <li key={card.applicationId}>
                      <Link href={`/app/applications/${card.applicationId}`}>{card.candidateName}</Link>
                      <span className="meta">applied {when(card.submittedAt, me.timezone)}</span>
                    </li>
                  ))}
                </ul>
                {c.count > c.cards.length && <p className="meta">and {c.count - c.cards.length} more</p>}
              </section>
            ))}
          </div>
        )}
      </Show>
    </Page>
  );
}
