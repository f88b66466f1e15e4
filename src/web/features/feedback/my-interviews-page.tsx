import { Link } from 'wouter';
import { useApi } from '../../client';
import { label } from '../../labels';
import { useStaff } from '../../session';
import { Page, Show, when } from '../../ui';

export function MyInterviewsPage() {
  const me = useStaff();
  const interviews = useApi('GET /api/my/interviews', {});
  return (
    <Page title="My interviews">
      <p className="meta">Times in your zone, {me.timezone}.</p>
      <Show loaded={interviews} isEmpty={(d) => d.items.length === 0} empty="You have no interviews.">
        {(d) => (
          <table>
            <thead>
              <tr>
                <th>When</th>
                <th>Candidate</th>
                <th>Round</th>
                <th>Job</th>
                <th>Scorecard</th>
                <th>Feedback due</th>
              </tr>
            </thead>
            <tbody>
              {d.items.map((i) => (
                <tr key={i.id} className={i.status === 'cancelled' ? 'cancelled' : undefined}>
                  <td>
                    {when(i.startsAt, i.timezone)}
                    {i.status === 'cancelled' && ' (cancelled)'}
                  </td>
                  <td>
                    <Link href={`/app/interviews/${i.id}`}>{i.candidateName}</Link>
                  </td>
                  <td>{i.roundName}</td>
                  <td>{i.jobTitle}</td>
                  <td>{label(i.scorecardStatus)}</td>
                  <td>{when(i.feedbackDueAt, i.timezone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Show>
    </Page>
  );
}
