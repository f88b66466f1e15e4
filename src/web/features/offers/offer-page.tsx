import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { send, useAction, useApi } from '../../client';
import { chain, label } from '../../labels';
import { can, useStaff } from '../../session';
import { ConfirmAction, ErrorNotice, Page, Show, TextField, when } from '../../ui';
import { CompensationView, OfferTerms } from './compensation';
import { CounterList, ReviseForm, RevisionHistory } from './offer-revisions';

const approvalWords: Record<string, string> = { approve: 'Approved', reject: 'Rejected' };

/** The states an offer can still be withdrawn from: any before the candidate answers. */
const rescindable: string[] = ['draft', 'pending_approval', 'approved', 'sent'];

/** An offer: its terms, the approval chain, the next action, and the year-by-year view. */
export function OfferPage({ id }: { id: string }) {
  const me = useStaff();
  const offer = useApi('GET /api/offers/{id}', { id });
  const action = useAction();
  const act = async (change: () => Promise<unknown>) => {
    const done = await action.run(change);
    if (done) offer.reload();
    return !!done;
  };
  const [reason, setReason] = useState('');
  return (
    <Show loaded={offer}>
      {(o) => (
        <Page title={`Offer: ${o.jobTitle}`}>
          <p className="meta">
            For <Link href={`/app/applications/${o.applicationId}`}>{o.candidateName}</Link> ·{' '}
            {label(o.status)} · revision {o.revision}
            {o.sentAt && ` · sent ${when(o.sentAt, me.timezone)}`} · expires{' '}
            {when(o.terms.expiresAt, me.timezone)}
            {o.candidateTimezone &&
              o.candidateTimezone !== me.timezone &&
              ` (${when(o.terms.expiresAt, o.candidateTimezone)} for ${o.candidateName})`}
          </p>
          <ErrorNotice error={action.error} />
          <div className="actions">
            {o.status === 'draft' && can(me, 'offer.manage') && (
              <button type="button" onClick={() => act(() => send('POST /api/offers/{id}/submit', { id }))}>
                Submit for approval
              </button>
            )}
            {o.status === 'approved' && can(me, 'offer.manage') && (
              <>
                <button
                  type="button"
                  onClick={() =>
                    act(() => send('POST /api/offers/{id}/send', { id }, { requireSignature: true }))
                  }
                >
                  Send for signature
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    act(() => send('POST /api/offers/{id}/send', { id }, { requireSignature: false }))
                  }
                >
                  Send without signature
                </button>
              </>
            )}
          </div>
          {o.status === 'sent' && o.signatureRequired && (
            <p className="hint">
              Sent for signature: the candidate accepts by signing the letter in their portal.
            </p>
          )}
          {o.signature && (
            <p className="notice" role="status">
              Signed by {o.signature.typedName} on {when(o.signature.signedAt, me.timezone)}
              {o.signature.address ? ` from ${o.signature.address}` : ''}.{' '}
              <a href={`/api/offers/${id}/signed-letter.pdf`}>The signed letter (PDF)</a>
            </p>
          )}
          {rescindable.includes(o.status) && can(me, 'offer.manage') && (
            <ConfirmAction
              trigger="Rescind the offer"
              title="Rescind this offer?"
              confirm="Rescind"
              onConfirm={() => act(() => send('POST /api/offers/{id}/rescind', { id }, { reason }))}
            >
              <p>
                The offer is withdrawn for good{o.status === 'sent' ? ' and the candidate is told' : ''}; it
                cannot be sent again. A new offer can be drafted afterwards.
              </p>
              <ErrorNotice error={action.error} fields={{ reason: 'Reason' }} />
              <TextField
                label="Reason"
                hint="Kept on the offer's record."
                multiline
                rows={3}
                required
                value={reason}
                onChange={setReason}
                error={action.error?.about('reason')}
              />
            </ConfirmAction>
          )}
          <OfferTerms terms={o.terms} timeZone={me.timezone} />
          {o.outsideBand.length > 0 && (
            <p className="notice warning" role="note">
              <strong>Outside the job’s band:</strong> {o.outsideBand.join('; ')}. It needs approval by{' '}
              {chain(o.approvalChain.length > 0 ? o.approvalChain : (o.band?.approverRoles ?? []))}.
            </p>
          )}
          <section aria-labelledby="approvals-title">
            <h2 id="approvals-title">Approvals</h2>
            {o.approvalChain.length === 0 && o.outsideBand.length > 0 ? (
              <p>Once submitted, it goes to its approvers in order.</p>
            ) : o.approvalChain.length === 0 ? (
              <p>No approval needed: the offer is inside the band.</p>
            ) : (
              <p>
                Chain: {chain(o.approvalChain)} ({o.approvalsDone} done)
              </p>
            )}
            <ul>
              {o.approvals.map((a) => (
                <li key={`${a.revision}-${a.role}-${a.at}`}>
                  {label(a.role)}: {approvalWords[a.decision] ?? label(a.decision)} — “{a.note}” (
                  {when(a.at, me.timezone)})
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
          <CounterList offer={o} timeZone={me.timezone} />
          {rescindable.includes(o.status) && can(me, 'offer.manage') && (
            <ReviseForm key={`revise-${o.revision}`} offer={o} onRevised={offer.reload} />
          )}
          <RevisionHistory offer={o} timeZone={me.timezone} />
          {/* A revision changes the figures: the view is read again. */}
          <CompensationView key={`figures-${o.revision}`} offerId={id} />
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
