import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { send, useAction } from '../../client';
import type { Answer } from '../../endpoints';
import { ErrorNotice, TextField } from '../../ui';

type Pipeline = Answer<'GET /api/jobs/{id}/pipeline'>;
export type Column = Pipeline['columns'][number];
export type Card = Column['cards'][number];
/** A card picked up from its column, to be dropped on another (or moved by keyboard). */
export interface Move {
  card: Card;
  from: Column;
  decision?: 'advance' | 'reject';
}

/** The column after this one on the board: the next round, or the offer after the last. */
const nextOf = (columns: Column[], from: Column) => {
  const after = columns.slice(columns.indexOf(from) + 1);
  return after.find((c) => c.kind !== 'ended');
};

/**
 * Where a card may go from its column: the next step (its round advanced) or Rejected (its round
 * rejected), one round at a time. Anything else is refused with the reason, in words.
 */
export function checkMove(
  columns: Column[],
  move: Move,
  to: Column,
): { decision: 'advance' | 'reject' } | { refused: string } {
  const { card, from } = move;
  if (to.key === from.key) return { refused: `${card.candidateName} is already in ${from.name}.` };
  if (from.kind === 'offer')
    return { refused: `${card.candidateName} is at offer: the offer's answer moves them on.` };
  if (from.kind === 'ended')
    return { refused: `${card.candidateName}'s application has ended; it does not move.` };
  if (to.key === 'rejected') return { decision: 'reject' };
  const next = nextOf(columns, from);
  if (next && to.key === next.key) return { decision: 'advance' };
  return {
    refused: `${card.candidateName} can move only to ${next?.name ?? 'the next step'} or to Rejected: a round is decided one at a time, by its decision.`,
  };
}

/**
 * Deciding a card's round from the board: advance to the next step or reject, with the written
 * rationale every decision needs, and the reason for deciding without evidence when the round has
 * none yet.
 */
export function MoveDialog({
  move,
  columns,
  onClose,
  onMoved,
}: {
  move: Move;
  columns: Column[];
  onClose: () => void;
  onMoved: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [decision, setDecision] = useState<'advance' | 'reject' | undefined>(move.decision);
  const [rationale, setRationale] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const action = useAction();
  const next = nextOf(columns, move.from);
  const needsOverride = action.error?.code === 'round.override_required' || overrideReason !== '';
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!decision) return;
    const body = {
      roundKey: move.from.key,
      decision,
      rationale,
      ...(needsOverride ? { overrideReason } : {}),
    };
    if (
      await action.run(() =>
        send('POST /api/applications/{id}/decisions', { id: move.card.applicationId }, body),
      )
    ) {
      onMoved();
    }
  };
  return (
    <dialog ref={dialog} className="confirm" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>
          Move {move.card.candidateName} from {move.from.name}
        </h2>
        <ErrorNotice error={action.error} fields={{ overrideReason: 'Why decide without the evidence' }} />
        <fieldset>
          <legend>Where to</legend>
          <label className="inline">
            <input
              type="radio"
              name="decision"
              checked={decision === 'advance'}
              onChange={() => setDecision('advance')}
            />{' '}
            Advance to {next?.name ?? 'the next step'}
          </label>
          <label className="inline">
            <input
              type="radio"
              name="decision"
              checked={decision === 'reject'}
              onChange={() => setDecision('reject')}
            />{' '}
            Reject at {move.from.name}
          </label>
        </fieldset>
        <TextField
          label="Rationale"
          hint="Written down and kept with the decision"
          multiline
          rows={3}
          value={rationale}
          onChange={setRationale}
          error={action.error?.about('rationale')}
          autoFocus
        />
        {needsOverride && (
          <TextField
            label="Why decide without the evidence"
            multiline
            rows={2}
            value={overrideReason}
            onChange={setOverrideReason}
            error={action.error?.about('overrideReason')}
          />
        )}
        <div className="actions">
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={action.busy || !decision}>
            {decision === 'reject' ? 'Reject' : 'Advance'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
