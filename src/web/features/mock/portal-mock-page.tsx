import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import type { MockRoundType } from '../../../contracts/mock';
import { send, useAction, useApi } from '../../client';
import type { Answer } from '../../endpoints';
import { label } from '../../labels';
import { ErrorNotice, Page, SelectField, Show, TextField, when } from '../../ui';
import { LivePad } from '../pads/live-pad';

type Portal = Answer<'GET /api/me/mock'>;
type Session = Portal['items'][number];

export const mockStatusLabels: Record<Session['status'], string> = {
  booked: 'Booked',
  cancelled: 'Cancelled',
  held: 'Held',
  candidate_no_show: 'The candidate did not come',
  coach_no_show: 'The practice interviewer did not come',
};

/** The candidate's mock interviews: what they are, booking one, the sessions and their coaching cards. */
export function PortalMockPage() {
  const mock = useApi('GET /api/me/mock', {});
  return (
    <Page title="Mock interviews">
      <p>
        Practise a round with one of our people, on the same kit and tools as the real one. It is practice
        only: nothing from it reaches the hiring team or counts in any decision. Afterwards your practice
        interviewer writes you a coaching card.
      </p>
      <Show loaded={mock}>
        {(m) =>
          !m.enabled ? (
            <p role="status">Mock interviews are not offered at the moment.</p>
          ) : (
            <>
              {m.eligible ? (
                <BookForm portal={m} onBooked={mock.reload} />
              ) : (
                <p role="status">Mock interviews are for candidates with an application in progress.</p>
              )}
              <section aria-labelledby="mock-sessions">
                <h2 id="mock-sessions">Your sessions</h2>
                {m.items.length === 0 ? (
                  <p className="empty">No mock interviews yet.</p>
                ) : (
                  m.items.map((s) => <SessionCard key={s.id} session={s} onChange={mock.reload} />)
                )}
              </section>
            </>
          )
        }
      </Show>
    </Page>
  );
}

function BookForm({ portal, onBooked }: { portal: Portal; onBooked: () => void }) {
  const [roundType, setRoundType] = useState<MockRoundType>('coding');
  const slots = useApi('GET /api/me/mock/slots', { roundType });
  const [startsAt, setStartsAt] = useState('');
  const action = useAction();
  const round = portal.roundTypes.find((r) => r.key === roundType);
  const left = Math.max(0, portal.maxSessions - portal.used);
  const book = async (e: FormEvent) => {
    e.preventDefault();
    const booked = await action.run(() => send('POST /api/me/mock/sessions', {}, { roundType, startsAt }));
    if (booked) {
      setStartsAt('');
      onBooked();
      slots.reload();
    }
  };
  return (
    <section aria-labelledby="mock-book">
      <h2 id="mock-book">Book a mock interview</h2>
      <p className="meta">
        You can book {portal.maxSessions} every {portal.windowDays} days; {left} left. Cancelled sessions do
        not count.
      </p>
      <form onSubmit={book}>
        <SelectField
          label="Round"
          value={roundType}
          onChange={(v) => {
            setRoundType(v);
            setStartsAt('');
          }}
          options={portal.roundTypes.map((r) => [r.key, r.name] as const)}
        />
        {round && <p className="meta">{round.purpose}</p>}
        <Show
          loaded={slots}
          isEmpty={(s) => s.items.length === 0}
          empty="No practice interviewer is free for this round in the next two weeks."
        >
          {(s) => (
            <SelectField
              label={`Time (${s.minutes} minutes, in your zone, ${s.timezone})`}
              value={startsAt}
              onChange={setStartsAt}
              options={[
                ['', 'Choose a time'] as const,
                ...s.items.map((i) => [i.startsAt, when(i.startsAt, s.timezone)] as const),
              ]}
              error={action.error?.about('startsAt')}
            />
          )}
        </Show>
        <ErrorNotice error={action.error} />
        <button type="submit" disabled={action.busy || !startsAt || left === 0}>
          {action.busy ? 'Booking…' : 'Book this time'}
        </button>
      </form>
    </section>
  );
}

function SessionCard({ session: s, onChange }: { session: Session; onChange: () => void }) {
  const [reason, setReason] = useState('');
  const [cancelling, setCancelling] = useState(false);
  const action = useAction();
  const cancel = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => send('POST /api/me/mock/sessions/{id}/cancel', { id: s.id }, { reason })))
      onChange();
  };
  const noShow = async () => {
    if (await action.run(() => send('POST /api/me/mock/sessions/{id}/no-show', { id: s.id }))) onChange();
  };
  const { begun } = s;
  return (
    <article className="card" aria-labelledby={`mock-${s.id}`}>
      <h3 id={`mock-${s.id}`}>
        Mock {s.roundName.toLowerCase()} with {s.coachName}
      </h3>
      <p>
        {when(s.startsAt, s.timezone)} · {mockStatusLabels[s.status]}
        {s.cancelReason && ` (${s.cancelReason})`}
      </p>
      {s.status === 'booked' && (
        <p>
          <a href={s.videoUrl} target="_blank" rel="noreferrer">
            Join the video call
          </a>
          {s.padId && (
            <>
              {' '}
              · <Link href={`/candidate/mock/pads/${s.padId}`}>Open the coding pad</Link>
            </>
          )}
        </p>
      )}
      {s.card && (
        <section aria-labelledby={`card-${s.id}`} className="coaching-card">
          <h4 id={`card-${s.id}`}>Your coaching card</h4>
          <dl>
            {s.card.ratings.map((r) => (
              <div key={r.key}>
                <dt>{r.name}</dt>
                <dd>{label(r.rating)}</dd>
              </div>
            ))}
          </dl>
          <p className="advice">{s.card.advice}</p>
          <p className="meta">Written {when(s.card.submittedAt, s.timezone)}. Only you see this card.</p>
        </section>
      )}
      <ErrorNotice error={action.error} />
      {s.status === 'booked' && !begun && !cancelling && (
        <button type="button" className="secondary" onClick={() => setCancelling(true)}>
          Cancel this session
        </button>
      )}
      {cancelling && (
        <form onSubmit={cancel}>
          <TextField label="Why are you cancelling?" value={reason} onChange={setReason} required />
          <button type="submit" disabled={action.busy}>
            Cancel the session
          </button>
        </form>
      )}
      {s.status === 'booked' && begun && !s.card && (
        <button type="button" className="secondary" onClick={noShow} disabled={action.busy}>
          My practice interviewer did not come
        </button>
      )}
    </article>
  );
}

/** The candidate on their mock session's pad, signed in: the same editor, no Run button. */
export function PortalMockPadPage({ id }: { id: string }) {
  const pad = useApi('GET /api/pads/{id}', { id });
  return (
    <Show loaded={pad}>
      {(p) => (
        <Page title="Mock interview pad">
          <p className="meta">
            <Link href="/candidate/mock">Back to your mock interviews</Link> · practice only, never seen by
            the hiring team
          </p>
          <LivePad path={`/api/pads/${id}/live`} problem={p.problem} language={p.language} />
        </Page>
      )}
    </Show>
  );
}
