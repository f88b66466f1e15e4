import { type FormEvent, useState } from 'react';
import { send, useAction, useApi } from '../../client';
import { label } from '../../labels';
import { can, useStaff } from '../../session';
import type { ApplicationDetail } from '../../types';
import { ErrorNotice, overrideWords, Show, TextField } from '../../ui';

const useDebrief = (a: ApplicationDetail, allowed: boolean) =>
  useApi(
    'GET /api/applications/{id}/rounds/{roundKey}/debrief',
    allowed && a.currentRound ? { id: a.id, roundKey: a.currentRound } : null,
  );

/**
 * The evidence on the round being decided: the panel side by side, the majority once every
 * scorecard is in, the committee's votes, and the decision once taken.
 */
export function Debriefing({ application: a }: { application: ApplicationDetail }) {
  const me = useStaff();
  const debrief = useDebrief(a, can(me, 'feedback.debrief'));
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
            <PanelByAttribute debrief={d} />
            <p>{verdicts(d)}</p>
            {d.decision && (
              <p>
                Decided: {label(d.decision.decision)} — “{d.decision.rationale}”
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
                      {v.name}: {label(v.vote)}
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

type Debrief = NonNullable<ReturnType<typeof useDebrief>['data']>;

/** The majority only once every scorecard is in, and the committee's votes so far. */
function verdicts(d: Debrief) {
  const submitted = d.interviewers.filter((i) => i.status === 'submitted').length;
  const panel =
    submitted < d.interviewers.length
      ? `Majority: not yet, ${submitted} of ${d.interviewers.length} scorecards in`
      : `Majority: ${d.majority ? label(d.majority) : 'none, the panel is split'}`;
  if (!d.committee) return panel;
  const votes = d.votes.length === 1 ? '1 vote' : `${d.votes.length} votes`;
  const agreed = d.consensus ? `all ${label(d.consensus).toLowerCase()}` : 'no consensus';
  return `${panel} · committee: ${votes} so far${d.votes.length > 0 ? `, ${agreed}` : ''}`;
}

/**
 * The panel side by side: one column per interviewer, one row per attribute the kit rates, then
 * each one's recommendation and written notes. Drafts stay the interviewer's own until submitted.
 */
function PanelByAttribute({ debrief: d }: { debrief: Debrief }) {
  const shown = (i: Debrief['interviewers'][number], value: string) =>
    i.status === 'submitted' ? value : label(i.status);
  return (
    <div className="table-scroll">
      <table className="panel">
        <caption>The panel by attribute</caption>
        <thead>
          <tr>
            <th scope="col">Attribute</th>
            {d.interviewers.map((i) => (
              <th scope="col" key={i.interviewerId}>
                {i.name}
                {i.late ? ' (late)' : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {d.attributes.map((at) => (
            <tr key={at.key}>
              <th scope="row">{at.name}</th>
              {d.interviewers.map((i) => (
                <td key={i.interviewerId}>{shown(i, label(i.ratings[at.key] ?? '—'))}</td>
              ))}
            </tr>
          ))}
          <tr className="recommendation">
            <th scope="row">Recommendation</th>
            {d.interviewers.map((i) => (
              <td key={i.interviewerId}>
                <strong>{shown(i, label(i.recommendation ?? '—'))}</strong>
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Notes</th>
            {d.interviewers.map((i) => (
              <td key={i.interviewerId} className="notes">
                {i.status === 'submitted' ? i.notes || '—' : ''}
              </td>
            ))}
          </tr>
          {d.interviewers.some((i) => i.privateNote) && (
            <tr>
              <th scope="row">For the hiring team</th>
              {d.interviewers.map((i) => (
                <td key={i.interviewerId} className="notes">
                  {i.privateNote || '—'}
                </td>
              ))}
            </tr>
          )}
        </tbody>
      </table>
    </div>
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
            {label(v)}
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
