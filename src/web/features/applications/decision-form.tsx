import { type FormEvent, useState } from 'react';
import { send, useAction } from '../../client';
import { label } from '../../labels';
import type { ApplicationDetail } from '../../types';
import { ErrorNotice, TextField } from '../../ui';

export function DecisionForm({
  application: a,
  onDecided,
}: {
  application: ApplicationDetail;
  onDecided: () => void;
}) {
  const round = a.plan.find((r) => r.key === a.currentRound)!;
  // Nothing is chosen for the decider: a round is advanced or rejected on purpose.
  const [decision, setDecision] = useState<'advance' | 'reject' | null>(null);
  const [rationale, setRationale] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [needsOverride, setNeedsOverride] = useState(false);
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!decision) return;
    const ok = await action.run(() =>
      send(
        'POST /api/applications/{id}/decisions',
        { id: a.id },
        {
          roundKey: round.key,
          decision,
          rationale,
          ...(needsOverride ? { overrideReason } : {}),
        },
      ),
    );
    if (ok) {
      setRationale('');
      setOverrideReason('');
      setNeedsOverride(false);
      onDecided();
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="decide-title">
      <h2 id="decide-title">Decide: {round.name}</h2>
      <ErrorNotice error={action.error} fields={{ overrideReason: 'Why decide without the evidence' }} />
      <fieldset>
        <legend>Decision</legend>
        {(['advance', 'reject'] as const).map((d) => (
          <label key={d} className="inline">
            <input
              type="radio"
              name="decision"
              value={d}
              checked={decision === d}
              onChange={() => setDecision(d)}
            />{' '}
            {label(d)}
          </label>
        ))}
      </fieldset>
      <TextField
        label="Rationale"
        hint="Written down and kept with the decision"
        multiline
        value={rationale}
        onChange={setRationale}
        required
        error={action.error?.about('rationale')}
      />
      <label className="inline">
        <input
          type="checkbox"
          checked={needsOverride || action.error?.code === 'round.override_required'}
          onChange={(e) => setNeedsOverride(e.target.checked)}
        />{' '}
        Decide without all the evidence (an interview not yet held, or a scorecard still out)
      </label>
      {(needsOverride || action.error?.code === 'round.override_required') && (
        <TextField
          label="Why decide without the evidence"
          hint="Kept with the decision and shown in the timeline, the debrief and the reports"
          multiline
          value={overrideReason}
          onChange={(value) => {
            setOverrideReason(value);
            setNeedsOverride(true);
          }}
          required
          error={action.error?.about('overrideReason')}
        />
      )}
      <button type="submit" disabled={action.busy || !decision}>
        {action.busy ? 'Saving…' : 'Record decision'}
      </button>
      {!decision && <span className="hint"> Choose advance or reject first.</span>}
    </form>
  );
}

export function AddRoundForm({
  application: a,
  onAdded,
}: {
  application: ApplicationDetail;
  onAdded: () => void;
}) {
  const current = a.plan.find((r) => r.key === a.currentRound)!;
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const key = `${
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 30) || 'extra'
    }-${a.plan.length + 1}`;
    const ok = await action.run(() =>
      send(
        'POST /api/applications/{id}/rounds',
        { id: a.id },
        {
          round: { ...current, key, name, committee: false },
          reason,
        },
      ),
    );
    if (ok) {
      setName('');
      setReason('');
      onAdded();
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Add a round">
      <h3>Add a round after {current.name}</h3>
      <ErrorNotice error={action.error} fields={{ 'round.name': 'Round name', reason: 'Why' }} />
      <TextField
        label="Round name"
        value={name}
        onChange={setName}
        required
        error={action.error?.about('round.name')}
      />
      <TextField
        label="Why"
        multiline
        value={reason}
        onChange={setReason}
        required
        error={action.error?.about('reason')}
      />
      <button type="submit" className="secondary" disabled={action.busy}>
        Add round
      </button>
    </form>
  );
}
