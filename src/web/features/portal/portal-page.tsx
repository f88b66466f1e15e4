import { type FormEvent, type ReactNode, useState } from 'react';
import { Link } from 'wouter';
import { send, useAction, useApi } from '../../client';
import { label } from '../../labels';
import type { PortalApplication, PortalInterview, PortalThread } from '../../types';
import { browserZone, ErrorNotice, money, Page, Show, TextField, when } from '../../ui';
import { AnnotationOptOut, ScreeningNotice } from '../compliance/portal-opt-out';
import { FutureJobsConsent } from '../retention/future-jobs-consent';
import { PortalConversation } from './portal-messages';

/** Every application, where it stands, what comes next, how to prepare, and withdraw. */
export function PortalPage() {
  const apps = useApi('GET /api/me/applications', {});
  const interviews = useApi('GET /api/me/interviews', {});
  const offers = useApi('GET /api/me/offers', {});
  const threads = useApi('GET /api/me/messages', {});
  const zone = browserZone();
  return (
    <Page title="My applications">
      <p className="meta">Times are shown in your zone, {zone}.</p>
      <ul>
        <li>
          <Link href="/candidate/practice">Practise for your rounds</Link>: the same editor and tests, seen by
          no one but you.
        </li>
        <li>
          <Link href="/candidate/mock">Practise with a mock interview</Link>: a round with one of our people,
          with a coaching card afterwards that only you see.
        </li>
      </ul>
      <Show loaded={offers} isEmpty={(o) => o.items.length === 0} empty="">
        {(o) => (
          <section aria-labelledby="offers-title">
            <h2 id="offers-title">Offers</h2>
            <ul>
              {o.items.map((offer) => (
                <li key={offer.id}>
                  <Link href={`/candidate/offers/${offer.id}`}>{offer.jobTitle}</Link> — {label(offer.status)}
                  , {money(offer.terms.baseSalaryCents, offer.terms.currency)} a year, reply by{' '}
                  {when(offer.terms.expiresAt, zone)}
                </li>
              ))}
            </ul>
          </section>
        )}
      </Show>
      <ScreeningNotice />
      <Show loaded={apps} isEmpty={(a) => a.items.length === 0} empty="You have no applications with us yet.">
        {(a) =>
          a.items.map((app) => (
            <ApplicationCard
              key={app.id}
              application={app}
              interviews={(interviews.data?.items ?? []).filter((i) => i.applicationId === app.id)}
              thread={threads.data?.items.find((t) => t.applicationId === app.id)}
              onChange={apps.reload}
              onReplied={threads.reload}
            />
          ))
        }
      </Show>
      <section aria-labelledby="data-title">
        <h2 id="data-title">Your data</h2>
        <p>
          <a href="/api/me/export" download>
            Download everything we hold about you
          </a>{' '}
          (your profile, applications, interviews, offers, files, the emails we sent and our conversations, as
          JSON).
        </p>
        <FutureJobsConsent />
        <EraseForm />
      </section>
    </Page>
  );
}

function ApplicationCard({
  application: a,
  interviews,
  thread,
  onChange,
  onReplied,
}: {
  application: PortalApplication;
  interviews: PortalInterview[];
  thread: PortalThread | undefined;
  onChange: () => void;
  onReplied: () => void;
}) {
  const zone = browserZone();
  const open = a.status === 'active' || a.status === 'queued';
  return (
    <article className="card" aria-labelledby={`app-${a.id}`}>
      <h2 id={`app-${a.id}`}>{a.jobTitle}</h2>
      <dl className="terms">
        <dt>Status</dt>
        <dd>
          {a.status === 'queued'
            ? 'Waiting its turn'
            : open
              ? a.currentRoundName
                ? `In ${a.currentRoundName}`
                : 'Offer stage'
              : label(a.status)}
        </dd>
        {open && (
          <>
            <dt>What comes next</dt>
            <dd>
              {a.status === 'queued'
                ? 'It starts at the first round once your earlier application of the same kind has ended: these are considered one at a time.'
                : (a.nextRoundName ?? 'An offer decision')}
            </dd>
          </>
        )}
        <dt>Last heard from us</dt>
        <dd>{a.lastHeardAt ? when(a.lastHeardAt, zone) : 'Not yet'}</dd>
        <dt>Applied</dt>
        <dd>{when(a.submittedAt, zone)}</dd>
      </dl>
      {interviews.length > 0 && (
        <>
          <h3>Interviews</h3>
          <ul>
            {interviews.map((i) => (
              <li key={i.id}>
                {i.roundName}: {when(i.startsAt, zone)}
                {i.status === 'cancelled'
                  ? ` — cancelled${i.changeReason ? `: ${i.changeReason}` : ''}`
                  : i.videoUrl && (
                      <>
                        {' '}
                        — <a href={i.videoUrl}>join by video</a>
                      </>
                    )}
              </li>
            ))}
          </ul>
        </>
      )}
      {open && a.preparation && (
        <details>
          <summary>How to prepare for {a.preparation.roundName}</summary>
          <p>
            <strong>What it tests:</strong> {a.preparation.whatItTests}
          </p>
          <p>
            <strong>Format:</strong> {label(a.preparation.format)} ({a.preparation.durationMinutes} minutes)
          </p>
          {a.preparation.sampleQuestions.length > 0 && (
            <>
              <h4>Sample questions</h4>
              <ul>
                {a.preparation.sampleQuestions.map((q) => (
                  <li key={q}>{q}</li>
                ))}
              </ul>
            </>
          )}
          {a.preparation.commonMistakes.length > 0 && (
            <>
              <h4>Common mistakes</h4>
              <ul>
                {a.preparation.commonMistakes.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          )}
        </details>
      )}
      {thread && <PortalConversation thread={thread} timeZone={zone} onReplied={onReplied} />}
      {open && <AnnotationOptOut applicationId={a.id} jobTitle={a.jobTitle} optedOut={a.screeningOptOut} />}
      {open && <WithdrawForm applicationId={a.id} onDone={onChange} />}
    </article>
  );
}

/**
 * An action that cannot be undone: a button that opens its form, which the candidate submits or
 * closes with "Keep it".
 */
function AskFirst({
  opener,
  title,
  confirm,
  action,
  onConfirm,
  children,
}: {
  opener: string;
  title: string;
  confirm: string;
  action: ReturnType<typeof useAction>;
  onConfirm: () => void;
  children: ReactNode;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="secondary" onClick={() => setAsking(true)}>
        {opener}
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <ErrorNotice error={action.error} />
      {children}
      <div className="actions">
        <button type="submit" className="danger" disabled={action.busy}>
          {confirm}
        </button>
        <button type="button" className="secondary" onClick={() => setAsking(false)}>
          Keep it
        </button>
      </div>
    </form>
  );
}

function WithdrawForm({ applicationId, onDone }: { applicationId: string; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const action = useAction();
  const withdraw = async () => {
    if (
      await action.run(() =>
        send('POST /api/me/applications/{id}/withdraw', { id: applicationId }, { reason }),
      )
    )
      onDone();
  };
  return (
    <AskFirst
      opener="Withdraw…"
      title="Withdraw this application"
      confirm="Withdraw this application"
      action={action}
      onConfirm={withdraw}
    >
      <TextField
        label="Why are you withdrawing? (optional)"
        multiline
        value={reason}
        onChange={setReason}
        autoFocus
      />
    </AskFirst>
  );
}

/** Erasure cannot be undone, so the candidate confirms by typing their address. */
function EraseForm() {
  const [email, setEmail] = useState('');
  const action = useAction();
  const erase = async () => {
    if (await action.run(() => send('POST /api/me/erasure', {}, { email }))) {
      window.location.replace('/candidate/sign-in?erased=1');
    }
  };
  return (
    <AskFirst
      opener="Erase my data…"
      title="Erase my data"
      confirm="Erase my data"
      action={action}
      onConfirm={erase}
    >
      <p>
        This withdraws every open application, cancels your interviews and removes your name, contact details,
        resume and files. It cannot be undone.
      </p>
      <TextField
        label="Type the email address you applied with to confirm"
        type="email"
        value={email}
        onChange={setEmail}
        required
        error={action.error?.about('email')}
      />
    </AskFirst>
  );
}
