import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { can, useStaff } from '../App';
import { post, useAction, useApi } from '../api';
import type { ApplicationDetail, Debrief, Interview, Offer, ScorecardList, TimelineEvent } from '../types';
import { ErrorNotice, humanize, Loading, Page, SelectField, Show, TextField, when } from '../ui';
import { Assessments } from './assessments';
import { Pads } from './pads';

/** The candidate page: where the application stands, its timeline, scorecards, schedule and offer. */
export function ApplicationPage({ id }: { id: string }) {
  const me = useStaff();
  const application = useApi<ApplicationDetail>(`/api/applications/${id}`);
  return (
    <Show loaded={application}>
      {(a) => (
        <Page title={`${a.candidate.firstName} ${a.candidate.lastName}`}>
          <p className="meta">
            {a.job.title} · {humanize(a.status)} · step {humanize(a.step)} · applied{' '}
            {when(a.submittedAt, me.timezone)} ·{' '}
            <a href={`mailto:${a.candidate.email}`}>{a.candidate.email}</a>
            {a.candidate.timezone && ` · ${a.candidate.timezone}`}
          </p>
          <Rounds application={a} />
          <div className="two-columns">
            <div>
              {a.status === 'active' && a.currentRound && can(me, 'application.decide') && (
                <DecisionForm application={a} onDecided={application.reload} />
              )}
              {a.status === 'active' && a.currentRound && <Debriefing application={a} />}
              <Interviews application={a} />
              <Scorecards id={id} />
              <Assessments
                applicationId={id}
                canSend={a.status === 'active' && can(me, 'interview.schedule')}
              />
              <Pads applicationId={id} />
              {a.status === 'active' && a.currentRound && can(me, 'application.add_round') && (
                <AddRoundForm application={a} onAdded={application.reload} />
              )}
            </div>
            <div>
              {can(me, 'offer.read') && <Offers application={a} />}
              <Timeline id={id} />
            </div>
          </div>
        </Page>
      )}
    </Show>
  );
}

function Rounds({ application: a }: { application: ApplicationDetail }) {
  const decided = new Map(a.decisions.map((d) => [d.roundKey, d]));
  return (
    <ol className="rounds" aria-label="Rounds">
      {a.plan.map((r) => {
        const d = decided.get(r.key);
        const state = d
          ? d.decision === 'advance'
            ? 'passed'
            : 'rejected'
          : r.key === a.currentRound
            ? 'current'
            : 'ahead';
        return (
          <li key={r.key} className={state} aria-current={state === 'current' ? 'step' : undefined}>
            <strong>{r.name}</strong> <span className="meta">{humanize(state)}</span>
            {d && (
              <span className="meta">
                {' '}
                — “{d.rationale}”{d.againstMajority ? ' (against the majority)' : ''}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function DecisionForm({
  application: a,
  onDecided,
}: {
  application: ApplicationDetail;
  onDecided: () => void;
}) {
  const round = a.plan.find((r) => r.key === a.currentRound)!;
  const [decision, setDecision] = useState('advance');
  const [rationale, setRationale] = useState('');
  const [withoutFeedback, setWithoutFeedback] = useState(false);
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await action.run(() =>
      post(`/api/applications/${a.id}/decisions`, {
        roundKey: round.key,
        decision,
        rationale,
        ...(withoutFeedback ? { decideWithoutMissingFeedback: true } : {}),
      }),
    );
    if (ok) {
      setRationale('');
      onDecided();
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="decide-title">
      <h2 id="decide-title">Decide: {round.name}</h2>
      <ErrorNotice error={action.error} />
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
            {humanize(d)}
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
      {action.error?.code === 'round.feedback_missing' && (
        <label className="inline">
          <input
            type="checkbox"
            checked={withoutFeedback}
            onChange={(e) => setWithoutFeedback(e.target.checked)}
          />{' '}
          Decide without the missing feedback (the record says so)
        </label>
      )}
      <button type="submit" disabled={action.busy}>
        {action.busy ? 'Saving…' : 'Record decision'}
      </button>
    </form>
  );
}

function Debriefing({ application: a }: { application: ApplicationDetail }) {
  const me = useStaff();
  const debrief = useApi<Debrief>(
    can(me, 'feedback.debrief') ? `/api/applications/${a.id}/rounds/${a.currentRound}/debrief` : null,
  );
  if (!can(me, 'feedback.debrief')) return null;
  return (
    <section aria-labelledby="debrief-title">
      <h2 id="debrief-title">Debrief</h2>
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

/** R-ROUND-3: a committee member's vote on the round; the hiring manager still decides. */
function VoteForm({
  applicationId,
  roundKey,
  onVoted,
}: {
  applicationId: string;
  roundKey: string;
  onVoted: () => void;
}) {
  const [vote, setVote] = useState('advance');
  const [note, setNote] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (
      await action.run(() =>
        post(`/api/applications/${applicationId}/rounds/${roundKey}/votes`, { vote, note }),
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

function Interviews({ application: a }: { application: ApplicationDetail }) {
  const me = useStaff();
  const interviews = useApi<{ items: Interview[] }>(`/api/applications/${a.id}/interviews`);
  return (
    <section aria-labelledby="interviews-title">
      <h2 id="interviews-title">Schedule</h2>
      <Show loaded={interviews} isEmpty={(d) => d.items.length === 0} empty="No interviews booked.">
        {(d) => (
          <ul>
            {d.items.map((i) => (
              <li key={i.id}>
                <strong>{i.roundName}</strong> {when(i.startsAt, me.timezone)} ({i.language})
                {i.status === 'cancelled' && ` — cancelled: ${i.changeReason ?? ''}`}
              </li>
            ))}
          </ul>
        )}
      </Show>
      {a.status === 'active' && a.currentRound && can(me, 'interview.schedule') && (
        <ScheduleForm application={a} onBooked={interviews.reload} />
      )}
    </section>
  );
}

function ScheduleForm({
  application: a,
  onBooked,
}: {
  application: ApplicationDetail;
  onBooked: () => void;
}) {
  const interviewers = useApi<{ items: { userId: string; name: string; timezone: string }[] }>(
    '/api/interviewers?limit=200',
  );
  const [interviewerId, setInterviewerId] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [language, setLanguage] = useState('en');
  const action = useAction();
  const me = useStaff();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const start = new Date(startsAt);
    const ok = await action.run(() =>
      post(`/api/applications/${a.id}/interviews`, {
        roundKey: a.currentRound,
        startsAt: Number.isNaN(start.getTime()) ? startsAt : start.toISOString(),
        interviewerIds: interviewerId ? [interviewerId] : [],
        language,
      }),
    );
    if (ok) onBooked();
  };
  const [linkSent, setLinkSent] = useState('');
  const sendLink = async () => {
    const link = await action.run(() =>
      post<{ expiresAt: string }>(`/api/applications/${a.id}/scheduling-links`, {
        roundKey: a.currentRound,
        interviewerIds: interviewerId ? [interviewerId] : [],
        language,
      }),
    );
    if (link)
      setLinkSent(`Link sent: the candidate can pick a time until ${when(link.expiresAt, me.timezone)}.`);
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Book an interview">
      <h3>Book the current round</h3>
      <p className="hint">
        Pick a time yourself, or email the candidate a link to choose one of the interviewer's free times.
      </p>
      <ErrorNotice error={action.error} />
      <p role="status">{linkSent}</p>
      <SelectField
        label="Interviewer"
        value={interviewerId}
        onChange={setInterviewerId}
        error={action.error?.about('interviewerIds')}
        options={[
          ['', 'Choose an interviewer'],
          ...(interviewers.data?.items ?? []).map((i): [string, string] => [
            i.userId,
            `${i.name} (${i.timezone})`,
          ]),
        ]}
      />
      <TextField
        label={`Starts at (your zone, ${zone})`}
        type="datetime-local"
        value={startsAt}
        onChange={setStartsAt}
        error={action.error?.about('startsAt')}
      />
      <TextField
        label="Language"
        hint="BCP 47, e.g. en or zh"
        value={language}
        onChange={setLanguage}
        error={action.error?.about('language')}
      />
      <div className="actions">
        <button type="submit" disabled={action.busy}>
          {action.busy ? 'Booking…' : 'Book interview'}
        </button>
        <button type="button" className="secondary" disabled={action.busy} onClick={sendLink}>
          Send a link to pick a time
        </button>
      </div>
    </form>
  );
}

function Scorecards({ id }: { id: string }) {
  const cards = useApi<ScorecardList>(`/api/applications/${id}/scorecards`);
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
                  {s.interviewerName} · {s.roundKey} · {humanize(s.status)}
                  {s.late ? ' (late)' : ''}
                </h3>
                {s.status === 'submitted' && (
                  <p>
                    Recommendation: <strong>{humanize(s.content.recommendation ?? '—')}</strong>
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

function AddRoundForm({ application: a, onAdded }: { application: ApplicationDetail; onAdded: () => void }) {
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
      post(`/api/applications/${a.id}/rounds`, {
        round: { ...current, key, name, committee: false },
        reason,
      }),
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
      <ErrorNotice error={action.error} />
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

function Offers({ application: a }: { application: ApplicationDetail }) {
  const me = useStaff();
  const [, navigate] = useLocation();
  const offers = useApi<{ items: Offer[] }>(`/api/applications/${a.id}/offers`);
  const atOffer = a.status === 'active' && a.currentRound === null;
  return (
    <section aria-labelledby="offers-title">
      <h2 id="offers-title">Offer</h2>
      <Show loaded={offers} isEmpty={(d) => d.items.length === 0 && !atOffer} empty="No offer.">
        {(d) => (
          <>
            <ul>
              {d.items.map((o) => (
                <li key={o.id}>
                  <Link href={`/app/offers/${o.id}`}>
                    {humanize(o.status)} · revision {o.revision}
                  </Link>
                </li>
              ))}
            </ul>
            {atOffer &&
              can(me, 'offer.manage') &&
              !d.items.some((o) => !['rescinded', 'declined', 'expired'].includes(o.status)) && (
                <OfferForm applicationId={a.id} onCreated={(offer) => navigate(`/app/offers/${offer.id}`)} />
              )}
          </>
        )}
      </Show>
    </section>
  );
}

const isoDay = (daysAhead: number) =>
  new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);

function OfferForm({
  applicationId,
  onCreated,
}: {
  applicationId: string;
  onCreated: (offer: Offer) => void;
}) {
  const [f, setF] = useState({
    currency: 'USD',
    base: '',
    signOn: '0',
    bonusPercent: '15',
    equityUnits: '0',
    unitPrice: '0',
    startDate: isoDay(45),
    expiresOn: isoDay(7),
    level: '',
    location: '',
  });
  const set = (key: keyof typeof f) => (value: string) => setF((x) => ({ ...x, [key]: value }));
  const action = useAction();
  const cents = (v: string) => Math.round(Number(v) * 100);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const offer = await action.run(() =>
      post<Offer>(`/api/applications/${applicationId}/offers`, {
        terms: {
          currency: f.currency,
          baseSalaryCents: cents(f.base),
          signOn: { amountCents: cents(f.signOn) },
          targetBonusBps: Math.round(Number(f.bonusPercent) * 100),
          equity: { kind: 'units', units: Number(f.equityUnits), referencePriceCents: cents(f.unitPrice) },
          startDate: f.startDate,
          expiresAt: `${f.expiresOn}T23:59:59Z`,
          level: f.level,
          location: f.location,
        },
      }),
    );
    if (offer) onCreated(offer);
  };
  const err = (field: string) => action.error?.about(`terms.${field}`);
  return (
    <form onSubmit={submit} noValidate aria-label="Draft an offer">
      <h3>Draft an offer</h3>
      <ErrorNotice error={action.error} />
      <TextField label="Currency" value={f.currency} onChange={set('currency')} error={err('currency')} />
      <TextField
        label="Base salary per year"
        type="number"
        value={f.base}
        onChange={set('base')}
        error={err('baseSalaryCents')}
      />
      <TextField
        label="Sign-on bonus"
        type="number"
        value={f.signOn}
        onChange={set('signOn')}
        error={err('signOn.amountCents')}
      />
      <TextField
        label="Target bonus, % of base"
        type="number"
        value={f.bonusPercent}
        onChange={set('bonusPercent')}
        error={err('targetBonusBps')}
      />
      <TextField
        label="Equity units"
        type="number"
        value={f.equityUnits}
        onChange={set('equityUnits')}
        error={err('equity.units')}
      />
      <TextField
        label="Reference price per unit"
        type="number"
        value={f.unitPrice}
        onChange={set('unitPrice')}
        error={err('equity.referencePriceCents')}
      />
      <TextField
        label="Start date"
        type="date"
        value={f.startDate}
        onChange={set('startDate')}
        error={err('startDate')}
      />
      <TextField
        label="Offer expires on (end of day, UTC)"
        type="date"
        value={f.expiresOn}
        onChange={set('expiresOn')}
        error={err('expiresAt')}
      />
      <TextField label="Level" value={f.level} onChange={set('level')} error={err('level')} />
      <TextField label="Location" value={f.location} onChange={set('location')} error={err('location')} />
      <button type="submit" disabled={action.busy}>
        {action.busy ? 'Saving…' : 'Save draft offer'}
      </button>
    </form>
  );
}

function Timeline({ id }: { id: string }) {
  const me = useStaff();
  const timeline = useApi<{ items: TimelineEvent[] }>(`/api/applications/${id}/timeline`);
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
