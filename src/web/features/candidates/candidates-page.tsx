import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { queryString, useApi, useCursorList } from '../../client';
import { useStaff } from '../../session';
import type { Candidate } from '../../types';
import { ErrorNotice, humanize, Loading, MoreButton, Page, TextField, when } from '../../ui';

/** Search candidates by name, email or resume text; open one to see their applications. */
export function CandidatesPage() {
  const [text, setText] = useState(new URLSearchParams(window.location.search).get('q') ?? '');
  const [q, setQ] = useState(text);
  const [chosen, setChosen] = useState<Candidate>();
  const list = useCursorList('GET /api/candidates', { q, limit: 50 });
  const search = (event: FormEvent) => {
    event.preventDefault();
    setQ(text.trim());
    window.history.replaceState(null, '', `/app/candidates${queryString({ q: text.trim() })}`);
  };
  return (
    <Page title="Candidates">
      <form aria-label="Search candidates" onSubmit={search} className="inline-form search">
        <TextField label="Search by name, email or resume" type="search" value={text} onChange={setText} />
        <button type="submit">Search</button>
      </form>
      <ErrorNotice error={list.error} />
      <div className="two-columns">
        <div>
          {list.items === undefined ? (
            <Loading what="Searching" />
          ) : list.items.length === 0 ? (
            <p className="empty">No candidate matches{q ? ` “${q}”` : ''}.</p>
          ) : (
            <ul className="plain">
              {list.items.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    className="link"
                    aria-pressed={chosen?.id === c.id}
                    onClick={() => setChosen(c)}
                  >
                    {c.firstName} {c.lastName}
                  </button>{' '}
                  <span className="meta">{c.email}</span>
                </li>
              ))}
            </ul>
          )}
          <MoreButton more={list.more} loading={list.loading} />
        </div>
        {chosen && <CandidateApplications candidate={chosen} />}
      </div>
    </Page>
  );
}

function CandidateApplications({ candidate }: { candidate: Candidate }) {
  const me = useStaff();
  const apps = useApi('GET /api/applications', { candidateId: candidate.id, limit: 200 });
  return (
    <section aria-labelledby="cand-apps">
      <h2 id="cand-apps">
        {candidate.firstName} {candidate.lastName}’s applications
      </h2>
      {apps.data ? (
        <ul>
          {apps.data.items.map((a) => (
            <li key={a.id}>
              <Link href={`/app/applications/${a.id}`}>{a.jobTitle}</Link> — {humanize(a.status)},{' '}
              {humanize(a.step)}, applied {when(a.submittedAt, me.timezone)}
            </li>
          ))}
        </ul>
      ) : (
        <Loading />
      )}
    </section>
  );
}
