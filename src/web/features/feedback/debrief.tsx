import { type FormEvent, useState } from 'react';
import { send, useAction, useApi } from '../../client';
import { can, useStaff } from '../../session';
import type { ApplicationDetail } from '../../types';
import { ErrorNotice, humanize, overrideWords, Show, TextField } from '../../ui';

export function Debriefing({ application: a }: { application: ApplicationDetail }) {
  const me = useStaff();
  const debrief = useApi(
    'GET /api/applications/{id}/rounds/{roundKey}/debrief',
    can(me, 'feedback.debrief') && a.currentRound ? { id: a.id, roundKey: a.currentRound } : null,
  );
  if (!can(me, 'feedback.debrief')) return null;
  return (
    <section aria-labelledby="debrief-title">
      <h2 id="debrief-title">Debrief</h2>
      {debrief.data?.eliminatory === false && (
        <p className="notice">
          This round is not eliminatory: a reject is recorded, and the application moves on to the next round.
        </p>
      )}
      <Show
        loaded={debrief}
        isEmpty={(d) => d.interviewers.length === 0}
        empty="No feedback is expected on this round yet."
      >
        {(d) => (
          <>
            <table>
              <caption>Ratings by interviewer</caption>
              <thead>
                <tr>
                  <th>Interviewer</th>
                  {d.attributes.map((at) => (
                    <th key={at.key}>{at.name}</th>
                  ))}
                  <th>Recommendation</th>
                </tr>
              </thead>
              <tbody>
                {d.interviewers.map((i) => (
                  <tr key={i.interviewerId}>
                    <td>
                      {i.name}
                      {i.late ? ' (late)' : ''}
                    </td>
                    {d.attributes.map((at) => (
                      <td key={at.key}>{humanize(i.ratings[at.key] ?? '—')}</td>
                    ))}
                    <td>
                      {i.status === 'submitted' ? humanize(i.recommendation ?? '—') : humanize(i.status)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>
              Majority: {d.majority ? humanize(d.majority) : 'none yet'}
              {d.committee && ` · committee consensus: ${d.consensus ? humanize(d.consensus) : 'none'}`}
            </p>
            {d.decision && (
              <p>
                Decided: {humanize(d.decision.decision)} — “{d.decision.rationale}”
                {d.decision.againstMajority && ' (against the majority)'}
              </p>
            )}
            {d.decision?.override && (
              <p className="notice">
                Decided without its evidence ({overrideWords(d.decision.override.gaps)}): “
                {d.decision.override.reason}”
              </p>
            )}
            {d.suggestExtraRound && (
              <p className="notice">The committee did not reach consensus: you may add a round.</p>
            )}
            {d.committee && (
              <>
                <ul aria-label="Committee votes">
                  {d.votes.map((v) => (
                    <li key={v.voterId}>
                      {v.name}: {humanize(v.vote)}
                      {v.note && ` — ${v.note}`}
                    </li>
                  ))}
                </ul>
                {can(me, 'committee.vote') && (
                  <VoteForm applicationId={a.id} roundKey={d.roundKey} onVoted={debrief.reload} />
                )}
              </>
            )}
          </>
        )}
      </Show>
    </section>
  );
}

/** A committee member's vote on the round; the hiring manager still decides. */
function VoteForm({
  applicationId,
  roundKey,
  onVoted,
}: {
  applicationId: string;
  roundKey: string;
  onVoted: () => void;
}) {
  const [vote, setVote] = useState<'advance' | 'reject'>('advance');
  const [note, setNote] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (
      await action.run(() =>
        send(
          'POST /api/applications/{id}/rounds/{roundKey}/votes',
          { id: applicationId, roundKey },
          { vote, note },
        ),
      )
    )
      onVoted();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Committee vote">
      <ErrorNotice error={action.error} />
      <fieldset>
        <legend>Your vote</legend>
        {(['advance', 'reject'] as const).map((v) => (
          <label key={v} className="inline">
            <input type="radio" name="vote" value={v} checked={vote === v} onChange={() => setVote(v)} />{' '}
            {humanize(v)}
          </label>
        ))}
      </fieldset>
      <TextField
        label="Note for the committee"
        multiline
        rows={2}
        value={note}
        onChange={setNote}
        error={action.error?.about('note')}
      />
      <button type="submit" className="secondary" disabled={action.busy}>
        Cast vote
      </button>
    </form>
  );
}
