import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import type { Rating } from '../../../contracts/kits';
import type { MockRoundType } from '../../../contracts/mock';
import { send, useAction, useApi } from '../../client';
import type { Answer } from '../../endpoints';
import { label } from '../../labels';
import { can, useStaff } from '../../session';
import { Checkboxes, ErrorNotice, Page, SelectField, Show, TextField, when } from '../../ui';
import { LivePad } from '../pads/live-pad';
import { mockStatusLabels } from './portal-mock-page';

type Session = Answer<'GET /api/mock/sessions'>['items'][number];
/** The scale of the kits, weakest first (the contracts' values stay out of the bundle). */
const ratings: readonly Rating[] = ['strong_no', 'no', 'mixed', 'yes', 'strong_yes'];
const roundNames: Record<MockRoundType, string> = {
  coding: 'Coding',
  system_design: 'System design',
  behavioural: 'Behavioural',
  product_sense: 'Product sense',
  case_presentation: 'Case presentation',
};
const mockRoundTypes = Object.keys(roundNames) as MockRoundType[];

/** Volunteering as a practice interviewer: on or off, and the rounds one coaches (the account page has it too). */
export function VolunteerSection() {
  const profile = useApi('GET /api/mock/coach', {});
  return (
    <section aria-labelledby="volunteer-title">
      <h2 id="volunteer-title">Practice interviewing</h2>
      <p className="meta">
        Candidates book mock rounds with you in your interviewing availability; a booking makes you busy for
        real interviews too. What you write reaches only the candidate.
      </p>
      <Show loaded={profile}>{(p) => <VolunteerForm initial={p} />}</Show>
    </section>
  );
}

function VolunteerForm({ initial }: { initial: Answer<'GET /api/mock/coach'> }) {
  const [active, setActive] = useState(initial.active);
  const [chosen, setChosen] = useState<MockRoundType[]>(initial.roundTypes);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (await action.run(() => send('PUT /api/mock/coach', {}, { active, roundTypes: chosen })))
      setSaved(true);
  };
  return (
    <form onSubmit={save}>
      <label className="inline">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> I volunteer
        as a practice interviewer
      </label>
      <Checkboxes
        legend="Rounds I coach"
        values={mockRoundTypes}
        chosen={chosen}
        onChange={setChosen}
        labels={roundNames}
        error={action.error?.about('roundTypes')}
      />
      <ErrorNotice error={action.error} />
      <button type="submit" disabled={action.busy}>
        Save
      </button>
      {saved && <span role="status"> Saved.</span>}
    </form>
  );
}

/** The organisation's switch and limit, for admins. */
function MockSettings() {
  const settings = useApi('GET /api/mock/settings', {});
  const action = useAction();
  const [saved, setSaved] = useState(false);
  return (
    <Show loaded={settings}>
      {(s) => (
        <form
          aria-labelledby="mock-settings-title"
          onSubmit={async (e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            const body = {
              enabled: form.get('enabled') === 'on',
              maxSessions: Number(form.get('maxSessions')),
              windowDays: Number(form.get('windowDays')),
            };
            setSaved(false);
            if (await action.run(() => send('PUT /api/mock/settings', {}, body))) setSaved(true);
          }}
        >
          <h2 id="mock-settings-title">Mock interviews for the organisation</h2>
          <label className="inline">
            <input type="checkbox" name="enabled" defaultChecked={s.enabled} /> Offer mock interviews to
            candidates
          </label>
          <label>
            Sessions per candidate
            <input type="number" name="maxSessions" min={0} max={20} defaultValue={s.maxSessions} />
          </label>
          <label>
            Within this many days
            <input type="number" name="windowDays" min={1} max={365} defaultValue={s.windowDays} />
          </label>
          <ErrorNotice error={action.error} />
          <button type="submit" disabled={action.busy}>
            Save
          </button>
          {saved && <span role="status"> Saved.</span>}
        </form>
      )}
    </Show>
  );
}

/** The mock interviews this person coaches; no one else's appear here, or anywhere. */
export function PracticeInterviewsPage() {
  const me = useStaff();
  const sessions = useApi('GET /api/mock/sessions', {});
  return (
    <Page title="Practice interviews">
      <Show
        loaded={sessions}
        isEmpty={(s) => s.items.length === 0}
        empty="Nobody has booked a mock interview with you."
      >
        {(s) => (
          <ul>
            {s.items.map((i) => (
              <li key={i.id}>
                <Link href={`/app/practice-interviews/${i.id}`}>
                  Mock {i.roundName.toLowerCase()} with {i.candidateName}
                </Link>{' '}
                — {when(i.startsAt, me.timezone)}, {mockStatusLabels[i.status]}
              </li>
            ))}
          </ul>
        )}
      </Show>
      <VolunteerSection />
      {can(me, 'org.manage') && <MockSettings />}
    </Page>
  );
}

/** One session: the kit, the video link, the pad for coding, and the coaching card. */
export function PracticeInterviewPage({ id }: { id: string }) {
  const session = useApi('GET /api/mock/sessions/{id}', { id });
  return (
    <Show loaded={session}>
      {(s) => (
        <Page title={`Mock ${s.roundName.toLowerCase()} with ${s.candidateName}`}>
          <p className="meta">
            <Link href="/app/practice-interviews">All practice interviews</Link> ·{' '}
            {when(s.startsAt, s.timezone)} · {mockStatusLabels[s.status]}
          </p>
          {s.status === 'booked' && (
            <p>
              <a href={s.videoUrl} target="_blank" rel="noreferrer">
                Join the video call
              </a>
            </p>
          )}
          {s.status === 'booked' && !s.begun && <CancelSession id={s.id} onChange={session.reload} />}
          <SessionPad session={s} onChange={session.reload} />
          <Kit session={s} />
          {s.card ? (
            <section aria-labelledby="card-title">
              <h2 id="card-title">Your coaching card</h2>
              <p>{s.card.advice}</p>
            </section>
          ) : (
            s.status === 'booked' && <CardForm session={s} onChange={session.reload} />
          )}
        </Page>
      )}
    </Show>
  );
}

function SessionPad({ session: s, onChange }: { session: Session; onChange: () => void }) {
  const action = useAction();
  if (s.roundType !== 'coding') return null;
  if (s.padId) return <LivePad path={`/api/pads/${s.padId}/live`} problem={null} language="javascript" />;
  if (s.status !== 'booked') return null;
  return (
    <>
      <ErrorNotice error={action.error} />
      <button
        type="button"
        onClick={async () => {
          if (await action.run(() => send('POST /api/mock/sessions/{id}/pad', { id: s.id }, {}))) onChange();
        }}
        disabled={action.busy}
      >
        Open the coding pad
      </button>
    </>
  );
}

function Kit({ session: s }: { session: Session }) {
  return (
    <details className="card">
      <summary>The {s.roundName.toLowerCase()} kit</summary>
      <p>{s.kit.purpose}</p>
      <ol>
        {s.kit.timePlan.map((t) => (
          <li key={t.activity}>
            {t.minutes} min: {t.activity}
          </li>
        ))}
      </ol>
      <h4>From the practice set (never the hiring questions)</h4>
      {s.kit.questions.map((q) => (
        <div key={q.id}>
          <p>
            <strong>{q.prompt}</strong>
          </p>
          {q.strongAnswer && <p className="meta">Strong: {q.strongAnswer}</p>}
          {q.weakAnswer && <p className="meta">Weak: {q.weakAnswer}</p>}
        </div>
      ))}
    </details>
  );
}

function CardForm({ session: s, onChange }: { session: Session; onChange: () => void }) {
  const [given, setGiven] = useState<Record<string, Rating>>(
    Object.fromEntries(s.kit.focusAttributes.map((a) => [a.key, 'mixed'])),
  );
  const [advice, setAdvice] = useState('');
  const action = useAction();
  const { begun } = s;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (
      await action.run(() =>
        send('POST /api/mock/sessions/{id}/card', { id: s.id }, { ratings: given, advice }),
      )
    )
      onChange();
  };
  return (
    <form onSubmit={submit} aria-labelledby="card-form-title">
      <h2 id="card-form-title">Coaching card</h2>
      <p className="meta">For the candidate alone: the hiring team never sees it.</p>
      {s.kit.focusAttributes.map((a) => (
        <SelectField
          key={a.key}
          label={a.name}
          hint={a.description}
          value={given[a.key] ?? 'mixed'}
          onChange={(v) => setGiven({ ...given, [a.key]: v })}
          options={ratings.map((r) => [r, label(r)] as const)}
        />
      ))}
      <TextField
        label="Advice"
        multiline
        rows={6}
        value={advice}
        onChange={setAdvice}
        required
        error={action.error?.about('advice')}
      />
      <ErrorNotice error={action.error} />
      <button type="submit" disabled={action.busy || !begun}>
        Send the card to the candidate
      </button>
      {!begun && <p className="meta">You can send it once the session has begun.</p>}
      <NoShow id={s.id} begun={begun} onChange={onChange} />
    </form>
  );
}

function NoShow({ id, begun, onChange }: { id: string; begun: boolean; onChange: () => void }) {
  const action = useAction();
  if (!begun) return null;
  return (
    <p>
      <button
        type="button"
        className="secondary"
        disabled={action.busy}
        onClick={async () => {
          if (await action.run(() => send('POST /api/mock/sessions/{id}/no-show', { id }))) onChange();
        }}
      >
        The candidate did not come
      </button>
      <ErrorNotice error={action.error} />
    </p>
  );
}

/** The practice interviewer cancels a session still ahead; the reason goes to the candidate. */
function CancelSession({ id, onChange }: { id: string; onChange: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const action = useAction();
  if (!open)
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Cancel this session
      </button>
    );
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        if (await action.run(() => send('POST /api/mock/sessions/{id}/cancel', { id }, { reason })))
          onChange();
      }}
    >
      <TextField
        label="Why are you cancelling? The candidate reads this."
        value={reason}
        onChange={setReason}
        required
        error={action.error?.about('reason')}
      />
      <ErrorNotice error={action.error} />
      <button type="submit" disabled={action.busy}>
        Cancel the session
      </button>
    </form>
  );
}
