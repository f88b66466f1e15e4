import { useState } from 'react';
import { Link } from 'wouter';
import { useCursorList } from '../../client';
import { label } from '../../labels';
import { can, useStaff } from '../../session';
import { ErrorNotice, Loading, MoreButton, Page, SelectField } from '../../ui';

const statuses = ['', 'draft', 'open', 'closed', 'archived'] as const;

export function JobsPage() {
  const me = useStaff();
  const [status, setStatus] = useState<(typeof statuses)[number]>('open');
  const jobs = useCursorList('GET /api/jobs', { status: status || undefined, limit: 50 });
  return (
    <Page
      title="Jobs"
      actions={
        can(me, 'job.manage') && (
          <Link className="button" href="/app/jobs/new">
            New job
          </Link>
        )
      }
    >
      <SelectField
        label="Status"
        value={status}
        onChange={setStatus}
        options={statuses.map((s) => [s, s ? label(s) : 'Any status'] as const)}
      />
      <ErrorNotice error={jobs.error} />
      {jobs.items === undefined ? (
        <Loading what="Loading jobs" />
      ) : jobs.items.length === 0 ? (
        <p className="empty">No {status} jobs.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Title</th>
              <th>Team</th>
              <th>Status</th>
              <th>Level</th>
              <th>In progress</th>
              <th>New this week</th>
              <th>At offer</th>
              <th>Hired / headcount</th>
              <th>Locations</th>
            </tr>
          </thead>
          <tbody>
            {jobs.items.map((j) => (
              <tr key={j.id}>
                <td>
                  <Link href={`/app/jobs/${j.id}`}>{j.title}</Link>
                </td>
                <td>{j.teamName}</td>
                <td>{label(j.status)}</td>
                <td>{label(j.level)}</td>
                <td>{j.applications.active}</td>
                <td>{j.applications.newThisWeek}</td>
                <td>{j.applications.atOffer}</td>
                <td>
                  {j.hiredCount} / {j.headcount}
                </td>
                <td>{j.locations.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MoreButton more={jobs.more} loading={jobs.loading} />
    </Page>
  );
}
