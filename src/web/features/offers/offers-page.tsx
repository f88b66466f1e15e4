import { useState } from 'react';
import { Link } from 'wouter';
import { useCursorList } from '../../client';
import { label } from '../../labels';
import { useStaff } from '../../session';
import { ErrorNotice, Loading, MoreButton, money, Page, SelectField, when } from '../../ui';

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
] as const;

export function OffersPage() {
  const me = useStaff();
  const [status, setStatus] = useState<(typeof statuses)[number]>('');
  const offers = useCursorList('GET /api/offers', { status: status || undefined, limit: 50 });
  return (
    <Page title="Offers">
      <SelectField
        label="Status"
        value={status}
        onChange={setStatus}
        options={statuses.map((s) => [s, s ? label(s) : 'Any status'] as const)}
      />
      <ErrorNotice error={offers.error} />
      {offers.items === undefined ? (
        <Loading what="Loading offers" />
      ) : offers.items.length === 0 ? (
        <p className="empty">No offers{status ? ` with status ${label(status).toLowerCase()}` : ''}.</p>
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
                <td>{label(o.status)}</td>
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
