import { Link } from 'wouter';
import { useApi } from '../../client';
import { useStaff } from '../../session';
import { Page, Show, when } from '../../ui';

/** The rounds waiting for my decision: complete feedback first, then the longest waiting. */
export function DecisionsPage() {
  const me = useStaff();
  const queue = useApi('GET /api/decision-queue', { limit: 200 });
  return (
    <Page title="Decisions">
      <Show
        loaded={queue}
        isEmpty={(q) => q.items.length === 0}
        empty="No round is waiting for your decision."
      >
        {(q) => (
          <>
            <p className="meta">
              {q.total} waiting{q.total > q.items.length ? `, the first ${q.items.length} shown` : ''}.
            </p>
            <table>
              <thead>
                <tr>
                  <th>Candidate</th>
                  <th>Job</th>
                  <th>Round</th>
                  <th>Feedback in</th>
                  <th>Last feedback</th>
                </tr>
              </thead>
              <tbody>
                {q.items.map((i) => (
                  <tr key={i.applicationId}>
                    <td>
                      <Link href={`/app/applications/${i.applicationId}`}>{i.candidateName}</Link>
                    </td>
                    <td>{i.jobTitle}</td>
                    <td>{i.roundName}</td>
                    <td>
                      {i.submitted} of {i.scorecards}
                      {i.submitted === i.scorecards ? ' ✓' : ''}
                    </td>
                    <td>{when(i.lastFeedbackAt, me.timezone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Show>
    </Page>
  );
}
