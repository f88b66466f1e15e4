import { type FormEvent, useState } from 'react';
import { send, useAction, useApi } from '../../client';
import { can, useStaff } from '../../session';
import type { ApplicationDetail } from '../../types';
import { ErrorNotice, SelectField, Show, TextField, when } from '../../ui';

export function Interviews({ application: a }: { application: ApplicationDetail }) {
  const me = useStaff();
  const interviews = useApi('GET /api/applications/{id}/interviews', { id: a.id });
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
        <ScheduleForm application={a} roundKey={a.currentRound} onBooked={interviews.reload} />
      )}
    </section>
  );
}

function ScheduleForm({
  application: a,
  roundKey,
  onBooked,
}: {
  application: ApplicationDetail;
  roundKey: string;
  onBooked: () => void;
}) {
  const interviewers = useApi('GET /api/interviewers', { limit: 200 });
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
      send(
        'POST /api/applications/{id}/interviews',
        { id: a.id },
        {
          roundKey,
          startsAt: Number.isNaN(start.getTime()) ? startsAt : start.toISOString(),
          interviewerIds: interviewerId ? [interviewerId] : [],
          language,
        },
      ),
    );
    if (ok) onBooked();
  };
  const [linkSent, setLinkSent] = useState('');
  const sendLink = async () => {
    const link = await action.run(() =>
      send(
        'POST /api/applications/{id}/scheduling-links',
        { id: a.id },
        {
          roundKey,
          interviewerIds: interviewerId ? [interviewerId] : [],
          language,
        },
      ),
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
      <ErrorNotice
        error={action.error}
        fields={{ interviewerIds: 'Interviewer', startsAt: 'Starts at', roundKey: 'Round' }}
      />
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
