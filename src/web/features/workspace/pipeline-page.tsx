import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { ListFilter } from '../../../contracts/views';
import { queryString, send, useAction, useApi } from '../../client';
import { label } from '../../labels';
import { can, useStaff } from '../../session';
import { ConfirmAction, ErrorNotice, Page, Show, TextField } from '../../ui';
import { BulkProgress, useBulkDecision } from '../applications/bulk-decide';
import { FilterForm, SavedViews, useUrlFilter } from '../tags/list-filters';
import { type Card, type Column, checkMove, type Move, MoveDialog } from './pipeline-move';

const interviewWords: Record<NonNullable<Card['interviews']>, string> = {
  none: '',
  to_book: 'interview to book',
  booked: 'interview booked',
  feedback_due: 'feedback due',
  complete: 'feedback complete',
};

/** What a card says at a glance: days in the column, the interviews, the panel so far, the owner. */
function cardFacts(card: Card, now: string) {
  const days = Math.max(0, Math.floor((Date.parse(now) - Date.parse(card.enteredAt)) / 86_400_000));
  const parts = [days === 0 ? 'here since today' : `${days} ${days === 1 ? 'day' : 'days'} here`];
  if (card.interviews && interviewWords[card.interviews]) parts.push(interviewWords[card.interviews]);
  if (card.panel.expected > 0)
    parts.push(
      `${card.panel.submitted} of ${card.panel.expected} scorecards in (${card.panel.yes} yes, ${card.panel.no} no)`,
    );
  if (card.ownerName) parts.push(`owner ${card.ownerName}`);
  return parts.join(' · ');
}

/** The selected cards of one column, advanced or rejected together; each one's result is said. */
function BulkBar({ column, ids, onDone }: { column: Column; ids: string[]; onDone: () => void }) {
  const [rationale, setRationale] = useState('');
  const [result, setResult] = useState('');
  const action = useAction();
  const bulk = useBulkDecision();
  const decide = async (decision: 'advance' | 'reject') => {
    const items = ids.map((applicationId) => ({ applicationId, roundKey: column.key }));
    const done = await action.run(() => bulk.decide({ items, decision, rationale }));
    if (!done) return false;
    const { result, interrupted } = done;
    const refused = result.results.find((r) => !r.ok)?.error?.message;
    const left = items.length - result.results.length;
    setResult(
      `${result.succeeded} decided${result.failed ? `; ${result.failed} not: ${refused}` : ''}` +
        (interrupted ? `; ${left} not sent: ${interrupted.message}` : '') +
        '.',
    );
    onDone();
    return true;
  };
  const dialog = (decision: 'advance' | 'reject') => (
    <ConfirmAction
      trigger={decision === 'advance' ? 'Advance selected…' : 'Reject selected…'}
      title={`${decision === 'advance' ? 'Advance' : 'Reject'} ${ids.length} at ${column.name}?`}
      confirm={decision === 'advance' ? 'Advance them' : 'Reject them'}
      className="secondary"
      onConfirm={() => decide(decision)}
    >
      <ErrorNotice error={action.error} />
      <BulkProgress progress={bulk.progress} />
      <TextField
        label="Rationale"
        multiline
        rows={3}
        value={rationale}
        onChange={setRationale}
        error={action.error?.about('rationale')}
      />
    </ConfirmAction>
  );
  return (
    <section className="toolbar" aria-label="Selected applications">
      <span>
        {ids.length} selected in {column.name}
      </span>
      {dialog('advance')}
      {dialog('reject')}
      {result && <span role="status">{result}</span>}
    </section>
  );
}

/** A job's pipeline: a column per round, then offer and the ended states, with counts. */
export function PipelinePage({ id }: { id: string }) {
  const me = useStaff();
  const [filter, apply] = useUrlFilter(`/app/jobs/${id}`);
  const [, navigate] = useLocation();
  const pipeline = useApi('GET /api/jobs/{id}/pipeline', { id, ...filter });
  /** A view saved on another job's board opens that board. */
  const openView = ({ jobId, ...rest }: ListFilter) => {
    if (jobId && jobId !== id) navigate(`/app/jobs/${jobId}${queryString(rest)}`);
    else apply(rest);
  };
  const job = useApi('GET /api/jobs/{id}', { id });
  const action = useAction();
  const transition = async (to: 'open' | 'closed' | 'archived') => {
    const done = await action.run(() => send('POST /api/jobs/{id}/transitions', { id }, { to }));
    if (done) job.reload();
    return !!done;
  };
  const [dragging, setDragging] = useState<Move>();
  const [moving, setMoving] = useState<Move>();
  const [refusal, setRefusal] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [selectedColumn, setSelectedColumn] = useState<Column>();
  /** A drop on a column decides the card's round, after the dialog; an illegal one says why. */
  const drop = (columns: Column[], move: Move, to: Column) => {
    const checked = checkMove(columns, move, to);
    if ('refused' in checked) return setRefusal(checked.refused);
    setRefusal('');
    setMoving({ ...move, decision: checked.decision });
  };
  /** A selection stays within one column: its round is decided for all at once. */
  const toggle = (column: Column, card: Card, on: boolean) => {
    const same = selectedColumn?.key === column.key;
    if (on && !same && selected.length > 0)
      setRefusal(
        `Selection moved to ${column.name}: cards are decided together one column at a time, so the earlier ones were unselected.`,
      );
    setSelectedColumn(column);
    setSelected((ids) =>
      on ? [...(same ? ids : []), card.applicationId] : ids.filter((i) => i !== card.applicationId),
    );
  };
  const inProgress = pipeline.data?.columns
    .filter((c) => c.kind !== 'ended' || c.key === 'queued')
    .reduce((sum, c) => sum + c.count, 0);
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
            {job.data.status === 'draft' && (
              <button type="button" onClick={() => transition('open')}>
                Open
              </button>
            )}
            {job.data.status === 'open' && (
              <ConfirmAction
                trigger="Close"
                title={`Close ${job.data.title}?`}
                confirm="Close the job"
                className="secondary"
                onConfirm={() => transition('closed')}
              >
                <p>No one can apply to it any more, and a closed job cannot be opened again.</p>
                <p>
                  {inProgress === 0
                    ? 'No application is in progress.'
                    : `${
                        inProgress === undefined
                          ? 'Applications already in progress carry on'
                          : inProgress === 1
                            ? 'The 1 application in progress carries on'
                            : `The ${inProgress} applications in progress carry on`
                      }: their interviews, decisions and offers go ahead as before, and one waiting its turn still starts when it comes.`}
                </p>
              </ConfirmAction>
            )}
            {(job.data.status === 'draft' || job.data.status === 'closed') && (
              <ConfirmAction
                trigger="Archive"
                title={`Archive ${job.data.title}?`}
                confirm="Archive the job"
                className="secondary"
                onConfirm={() => transition('archived')}
              >
                <p>
                  The job leaves the lists of current jobs and cannot be edited or opened again; its
                  applications and history stay, and reports keep counting them.
                </p>
              </ConfirmAction>
            )}
            {(job.data.status === 'closed' || job.data.status === 'archived') && (
              <Link className="button secondary" href={`/app/jobs/new?from=${id}`}>
                Duplicate as a new job
              </Link>
            )}
          </div>
        )
      }
    >
      {job.data && (
        <p className="meta">
          {label(job.data.status)} · {job.data.teamName} · {label(job.data.level)} ·{' '}
          {job.data.locations.join(', ')}
        </p>
      )}
      <ErrorNotice error={action.error} />
      <FilterForm list="pipeline" filter={filter} onChange={apply} omit={['jobId', 'teamId', 'step']} />
      <SavedViews
        list="pipeline"
        filter={{ ...filter, jobId: id }}
        onOpen={openView}
        canSave={can(me, 'view.save')}
      />
      <p role="status" className="notice-line">
        {refusal}
      </p>
      <Show loaded={pipeline}>
        {(p) => (
          <>
            {selected.length > 0 && selectedColumn && (
              <BulkBar
                column={selectedColumn}
                ids={selected}
                onDone={() => {
                  setSelected([]);
                  pipeline.reload();
                }}
              />
            )}
            <div className="board">
              {p.columns.map((c) => (
                <section
                  key={c.key}
                  className={`column ${c.kind}${dragging ? ' drop-target' : ''}`}
                  aria-labelledby={`col-${c.key}`}
                  onDragOver={(e) => dragging && e.preventDefault()}
                  onDrop={(e) => {
                    e.preventDefault();
                    if (dragging) drop(p.columns, dragging, c);
                    setDragging(undefined);
                  }}
                >
                  <h2 id={`col-${c.key}`}>
                    {c.name} <span className="count">{c.count}</span>
                  </h2>
                  <ul>
                    {c.cards.map((card) => (
                      <li
                        key={card.applicationId}
                        className="card-item"
                        draggable={c.kind === 'round' && can(me, 'application.decide')}
                        onDragStart={() => setDragging({ card, from: c })}
                        onDragEnd={() => setDragging(undefined)}
                      >
                        {c.kind === 'round' && can(me, 'application.decide') && (
                          <input
                            type="checkbox"
                            aria-label={`Select ${card.candidateName}`}
                            checked={selected.includes(card.applicationId)}
                            onChange={(e) => toggle(c, card, e.target.checked)}
                          />
                        )}
                        <Link href={`/app/applications/${card.applicationId}`}>{card.candidateName}</Link>
                        <span className="meta">{cardFacts(card, p.serverNow)}</span>
                        {c.kind === 'round' && can(me, 'application.decide') && (
                          <button
                            type="button"
                            className="link"
                            onClick={() => setMoving({ card, from: c })}
                            aria-label={`Move ${card.candidateName}`}
                          >
                            Move…
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                  {c.count > c.cards.length && <p className="meta">and {c.count - c.cards.length} more</p>}
                </section>
              ))}
            </div>
            {moving && (
              <MoveDialog
                move={moving}
                columns={p.columns}
                onClose={() => setMoving(undefined)}
                onMoved={() => {
                  setMoving(undefined);
                  pipeline.reload();
                }}
              />
            )}
          </>
        )}
      </Show>
    </Page>
  );
}
