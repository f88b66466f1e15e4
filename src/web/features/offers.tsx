import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { can, useStaff } from '../App';
import { post, query, useAction, useApi } from '../api';
import type { Offer, OfferSummary } from '../types';
import {
  ErrorNotice,
  humanize,
  Loading,
  MoreButton,
  money,
  Page,
  SelectField,
  Show,
  TextField,
  useCursorList,
  when,
} from '../ui';
import { CompensationView, OfferTerms } from './compensation';

const statuses = [
  '',
  'draft',
  'pending_approval',
  'approved',
  'sent',
  'accepted',
  'declined',
  'rescinded',
  'expired',
];

export function OffersPage() {
  const me = useStaff();
  const [status, setStatus] = useState('');
  const offers = useCursorList<OfferSummary>(`/api/offers${query({ status, limit: 50 })}`);
  return (
    <Page title="Offers">
      <SelectField
        label="Status"
        value={status}
        onChange={setStatus}
        options={statuses.map((s) => [s, s ? humanize(s) : 'Any status'] as const)}
      />
      <ErrorNotice error={offers.error} />
      {offers.items === undefined ? (
        <Loading what="Loading offers" />
      ) : offers.items.length === 0 ? (
        <p className="empty">No offers{status ? ` with status ${humanize(status).toLowerCase()}` : ''}.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Candidate</th>
              <th>Job</th>
              <th>Status</th>
              <th>Base</th>
              <th>Expires</th>
              <th>Updated</th>
            </tr>
          </thead>
          <tbody>
            {offers.items.map((o) => (
              <tr key={o.id}>
                <td>
                  <Link href={`/app/offers/${o.id}`}>{o.candidateName}</Link>
                </td>
                <td>{o.jobTitle}</td>
                <td>{humanize(o.status)}</td>
                <td>{money(o.baseSalaryCents, o.currency)}</td>
                <td>{when(o.expiresAt, me.timezone)}</td>
                <td>{when(o.updatedAt, me.timezone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MoreButton more={offers.more} loading={offers.loading} />
    </Page>
  );
}

/** An offer: its terms, the approval chain, the next action, and the year-by-year view. */
export function OfferPage({ id }: { id: string }) {
  const me = useStaff();
  const offer = useApi<Offer>(`/api/offers/${id}`);
  const action = useAction();
  const act = async (path: string, body: unknown = {}) => {
    if (await action.run(() => post(`/api/offers/${id}/${path}`, body))) offer.reload();
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
              <button type="button" onClick={() => act('submit')}>
                Submit for approval
              </button>
            )}
            {o.status === 'approved' && can(me, 'offer.manage') && (
              <button type="button" onClick={() => act('send')}>
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
                  onDecide={(decision, note) => act('approvals', { decision, note })}
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
          <CompensationView base={`/api/offers/${id}`} />
          <p>
            <a href={`/api/offers/${id}/letter.pdf`}>Offer letter (PDF)</a>
          </p>
        </Page>
      )}
    </Show>
  );
}

function ApprovalForm({
  onDecide,
  busy,
  error,
}: {
  onDecide: (decision: string, note: string) => void;
  busy: boolean;
  error?: string | undefined;
}) {
  const [note, setNote] = useState('');
  const submit = (decision: string) => (event: FormEvent) => {
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
