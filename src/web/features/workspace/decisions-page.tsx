import { Link } from 'wouter';
import { useApi } from '../../client';
import type { Answer } from '../../endpoints';
import { can, useStaff } from '../../session';
import { Empty, overrideWords, Page, Show, when } from '../../ui';
import { FilterForm, SavedViews, useUrlFilter } from '../tags/list-filters';

type Queue = Answer<'GET /api/decision-queue'>;
type Item = Queue['items'][number];

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** "waiting 4 days — over the 3-day target", in business days. */
function waited(i: Item) {
  if (i.waitingDays === null) return 'nothing in yet';
  const wait = i.waitingDays === 0 ? 'waiting since today' : `waiting ${days(i.waitingDays)}`;
  return `${wait} — ${i.overdue ? 'over' : 'within'} the ${i.slaDays}-day target`;
}

/** The panel so far: "2 of 3 in"; its majority only once every scorecard is in; a committee's votes. */
function panel(i: Item) {
  const parts: string[] = [];
  if (i.panel.expected > 0) parts.push(`${i.panel.submitted} of ${i.panel.expected} in`);
  if (i.majority === 'split') parts.push('panel split');
  else if (i.majority) parts.push(`majority: ${i.majority}`);
  if (i.votes) {
    const agreed = i.votes.consensus ? `agreed: ${i.votes.consensus}` : 'no consensus';
    parts.push(`votes ${i.votes.advance} advance, ${i.votes.reject} reject (${agreed})`);
  }
  return parts.join(' · ') || '—';
}

function QueueTable({ caption, rows, ready }: { caption: string; rows: Item[]; ready: boolean }) {
  return (
    <div className="table-scroll">
      <table>
        <caption className="meta">{caption}</caption>
        <thead>
          <tr>
            <th>Candidate</th>
            <th>Job</th>
            <th>Round</th>
            {!ready && <th>Still missing</th>}
            <th>Panel</th>
            <th>Waiting</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr key={i.applicationId}>
              <td>
                <Link href={`/app/applications/${i.applicationId}#decide-title`}>{i.candidateName}</Link>
              </td>
              <td>{i.jobTitle}</td>
              <td>
                {i.roundName} <span className="meta">· {i.teamName}</span>
              </td>
              {!ready && <td>{i.gaps.map((g) => g.message).join('; ')}</td>}
              <td>{panel(i)}</td>
              <td>{i.overdue ? <strong>{waited(i)}</strong> : waited(i)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Overrides({ overrides, timezone }: { overrides: Queue['overridesThisMonth']; timezone: string }) {
  if (overrides.items.length === 0)
    return <Empty>No decision in your scope was taken without its evidence this month.</Empty>;
  return (
    <ul>
      {overrides.items.map((o) => (
        <li key={`${o.applicationId}:${o.roundKey}`}>
          <Link href={`/app/applications/${o.applicationId}`}>{o.candidateName}</Link>, {o.jobTitle} —{' '}
          {o.roundName}: {o.decision === 'advance' ? 'advanced' : 'rejected'} by {o.deciderName} on{' '}
          {when(o.decidedAt, timezone)} with {overrideWords(o.gaps)}. Reason: “{o.reason}”
        </li>
      ))}
    </ul>
  );
}

/** The rounds I decide: those ready now, the longest waiting first; then those still waiting for evidence. */
export function DecisionsPage() {
  const me = useStaff();
  const [filter, apply] = useUrlFilter('/app/decisions');
  const queue = useApi('GET /api/decision-queue', { limit: 200, ...filter });
  const filtered = Object.keys(filter).length > 0;
  return (
    <Page title="Decisions">
      <FilterForm list="decisions" filter={filter} onChange={apply} />
      <SavedViews list="decisions" filter={filter} onOpen={apply} canSave={can(me, 'view.save')} />
      <Show loaded={queue}>
        {(q) => {
          const ready = q.items.filter((i) => i.decidableNow);
          const waiting = q.items.filter((i) => !i.decidableNow);
          return (
            <>
              <p className="meta">
                {q.ready} ready to decide, {q.total - q.ready} waiting for evidence
                {filtered ? ' among the rounds these filters find' : ''}
                {q.nextOffset !== null ? `; the first ${q.items.length} shown` : ''}.
              </p>
              <section aria-labelledby="ready-title">
                <h2 id="ready-title">Ready to decide</h2>
                {ready.length === 0 ? (
                  <Empty>No round is ready for your decision yet.</Empty>
                ) : (
                  <QueueTable caption="Every interview held and every scorecard in." rows={ready} ready />
                )}
              </section>
              <section aria-labelledby="waiting-title">
                <h2 id="waiting-title">Waiting for evidence</h2>
                {waiting.length === 0 ? (
                  <Empty>No round of yours is waiting for an interview or feedback.</Empty>
                ) : (
                  <QueueTable
                    caption="An interview still to come or scorecards still out; deciding now needs a written reason."
                    rows={waiting}
                    ready={false}
                  />
                )}
              </section>
              <section aria-labelledby="overrides-title">
                <h2 id="overrides-title">Decided without evidence this month</h2>
                <Overrides overrides={q.overridesThisMonth} timezone={me.timezone} />
              </section>
            </>
          );
        }}
      </Show>
    </Page>
  );
}
