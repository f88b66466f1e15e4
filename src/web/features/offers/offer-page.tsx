import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { send, useAction, useApi } from '../../client';
import { can, useStaff } from '../../session';
import { ErrorNotice, humanize, Page, Show, TextField, when } from '../../ui';
import { CompensationView, OfferTerms } from './compensation';

/** An offer: its terms, the approval chain, the next action, and the year-by-year view. */
export function OfferPage({ id }: { id: string }) {
  const me = useStaff();
  const offer = useApi('GET /api/offers/{id}', { id });
  const action = useAction();
  const act = async (change: () => Promise<unknown>) => {
    if (await action.run(change)) offer.reload();
  };
  return (
    <Show loaded={offer}>
      {(o) => (
        <Page title={`Offer: ${o.jobTitle}`}>
          <p className="meta">
            <Link href={`/app/applications/${o.applicationId}`}>Application</Link> · {humanize(o.status)} ·
            revision {o.revision}
            {o.sentAt && ` · sent ${when(o.sentAt, me.timezone)}`}
          </p>
          <ErrorNotice error={action.error} />
          <div className="actions">
            {o.status === 'draft' && can(me, 'offer.manage') && (
              <button type="button" onClick={() => act(() => send('POST /api/offers/{id}/submit', { id }))}>
                Submit for approval
              </button>
            )}
            {o.status === 'approved' && can(me, 'offer.manage') && (
              <button type="button" onClick={() => act(() => send('POST /api/offers/{id}/send', { id }))}>
                Send to the candidate
              </button>
            )}
          </div>
          <OfferTerms terms={o.terms} timeZone={me.timezone} />
          {o.outsideBand.length > 0 && (
            <p className="notice">
              Outside the job’s band: {o.outsideBand.join(', ')} — needs approval by{' '}
              {o.approvalChain.join(' then ')}.
            </p>
          )}
          <section aria-labelledby="approvals-title">
            <h2 id="approvals-title">Approvals</h2>
            {o.approvalChain.length === 0 ? (
              <p>No approval needed: the offer is inside the band.</p>
            ) : (
              <p>
                Chain: {o.approvalChain.map(humanize).join(' → ')} ({o.approvalsDone} done)
              </p>
            )}
            <ul>
              {o.approvals.map((a) => (
                <li key={`${a.revision}-${a.role}-${a.at}`}>
                  {humanize(a.role)}: {humanize(a.decision)} — “{a.note}” ({when(a.at, me.timezone)})
                </li>
              ))}
            </ul>
            {o.status === 'pending_approval' &&
              o.nextApprover &&
              me.roles.includes(o.nextApprover as never) && (
                <ApprovalForm
                  onDecide={(decision, note) =>
                    act(() => send('POST /api/offers/{id}/approvals', { id }, { decision, note }))
                  }
                  busy={action.busy}
                  error={action.error?.about('note')}
                />
              )}
          </section>
          {o.counters.length > 0 && (
            <section aria-labelledby="counters-title">
              <h2 id="counters-title">Counter-proposals</h2>
              <ul>
                {o.counters.map((c) => (
                  <li key={c.id}>
                    {humanize(c.component)}: {c.proposal} {c.note && `— ${c.note}`}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <CompensationView offerId={id} />
          <p>
            <a href={`/api/offers/${id}/letter.pdf`}>Offer letter (PDF)</a>
          </p>
        </Page>
      )}
    </Show>
  );
}

type Decision = 'approve' | 'reject';

function ApprovalForm({
  onDecide,
  busy,
  error,
}: {
  onDecide: (decision: Decision, note: string) => void;
  busy: boolean;
  error?: string | undefined;
}) {
  const [note, setNote] = useState('');
  const submit = (decision: Decision) => (event: FormEvent) => {
    event.preventDefault();
    onDecide(decision, note);
  };
  return (
    <form onSubmit={submit('approve')} noValidate aria-label="Approve or reject">
      <TextField label="Note" multiline value={note} onChange={setNote} required error={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          Approve
        </button>
        <button type="button" className="danger" disabled={busy} onClick={(e) => submit('reject')(e)}>
          Reject
        </button>
      </div>
    </form>
  );
}
