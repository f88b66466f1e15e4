import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import type { ListFilter } from '../../../contracts/views';
import { queryString, send, useAction, useApi, useCursorList } from '../../client';
import { label } from '../../labels';
import { can, useStaff } from '../../session';
import type { Candidate } from '../../types';
import { ErrorNotice, Loading, MoreButton, Page, TextField, when } from '../../ui';
import { CandidateTags } from '../tags/candidate-tags';
import { FilterForm, filterFromUrl, SavedViews } from '../tags/list-filters';
import { announceTagsChanged, useTagsChanged } from '../tags/tag-events';
import { TagsManager } from '../tags/tags-manager';

/** Search and filter candidates, save a filter as a view, tag many at once; open one to see their applications. */
export function CandidatesPage() {
  const me = useStaff();
  const params = new URLSearchParams(window.location.search);
  const [text, setText] = useState(params.get('q') ?? '');
  const [q, setQ] = useState(text);
  const [filter, setFilter] = useState<ListFilter>(filterFromUrl(params));
  const [chosen, setChosen] = useState<Candidate>();
  const [picked, setPicked] = useState<string[]>([]);
  const list = useCursorList('GET /api/candidates', { q, limit: 50, ...filter });
  const apply = (next: ListFilter, words = q) => {
    setFilter(next);
    setPicked([]);
    window.history.replaceState(null, '', `/app/candidates${queryString({ q: words, ...next })}`);
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    setQ(text.trim());
    apply(filter, text.trim());
  };
  return (
    <Page title="Candidates">
      <form aria-label="Search candidates" onSubmit={search} className="inline-form search">
        <TextField label="Search by name, email or resume" type="search" value={text} onChange={setText} />
        <button type="submit">Search</button>
      </form>
      <FilterForm list="candidates" filter={filter} onChange={apply} />
      <SavedViews list="candidates" filter={filter} onOpen={apply} canSave={can(me, 'view.save')} />
      <ErrorNotice error={list.error} />
      {can(me, 'candidate.tag') && (
        <>
          <BulkTag picked={picked} filter={filter} onDone={list.reload} />
          <details className="manage-tags">
            <summary>Manage tags</summary>
            <TagsManager onChanged={list.reload} />
          </details>
        </>
      )}
      {can(me, 'candidate.merge') && (
        <MergeTwo
          people={picked.flatMap((id) => list.items?.filter((c) => c.id === id) ?? [])}
          onDone={() => {
            setPicked([]);
            list.reload();
          }}
        />
      )}
      <div className="two-columns">
        <div>
          {list.items === undefined ? (
            <Loading what="Searching" />
          ) : list.items.length === 0 ? (
            <p className="empty">No candidate matches{q ? ` “${q}”` : ''} with these filters.</p>
          ) : (
            <ul className="plain">
              {list.items.map((c) => (
                <li key={c.id}>
                  {can(me, 'candidate.tag') && (
                    <input
                      type="checkbox"
                      aria-label={`Select ${c.firstName} ${c.lastName}`}
                      checked={picked.includes(c.id)}
                      onChange={(e) =>
                        setPicked((p) => (e.target.checked ? [...p, c.id] : p.filter((x) => x !== c.id)))
                      }
                    />
                  )}{' '}
                  <Link href={`/app/candidates/${c.id}`}>
                    {c.firstName} {c.lastName}
                  </Link>{' '}
                  <span className="meta">{c.email}</span>{' '}
                  <button
                    type="button"
                    className="link"
                    aria-pressed={chosen?.id === c.id}
                    onClick={() => setChosen(c)}
                    aria-label={`Applications of ${c.firstName} ${c.lastName}`}
                  >
                    applications
                  </button>
                </li>
              ))}
            </ul>
          )}
          <MoreButton more={list.more} loading={list.loading} />
        </div>
        {chosen && <CandidateApplications key={chosen.id} candidate={chosen} />}
      </div>
    </Page>
  );
}

/** Adds or removes one tag on the selected candidates, or on everyone the filter finds. */
function BulkTag({ picked, filter, onDone }: { picked: string[]; filter: ListFilter; onDone: () => void }) {
  const tags = useApi('GET /api/tags', {});
  useTagsChanged(tags.reload);
  const [tagId, setTagId] = useState('');
  const [result, setResult] = useState<string>();
  const action = useAction();
  const run = async (act: 'add' | 'remove', scope: 'picked' | 'filter') => {
    if (!tagId) return;
    const target = scope === 'picked' ? { candidateIds: picked } : { filter };
    const done = await action.run(() =>
      send('POST /api/tags/{id}/candidates', { id: tagId }, { action: act, ...target }),
    );
    if (done) {
      setResult(
        `${act === 'add' ? 'Tagged' : 'Untagged'} ${done.changed} candidate${done.changed === 1 ? '' : 's'}.`,
      );
      announceTagsChanged();
      onDone();
    }
  };
  return (
    <fieldset className="inline-form bulk">
      <legend>Tag many at once</legend>
      <label>
        Tag{' '}
        <select value={tagId} onChange={(e) => setTagId(e.target.value)}>
          <option value="">Choose a tag</option>
          {tags.data?.items.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.candidates})
            </option>
          ))}
        </select>
      </label>{' '}
      <button
        type="button"
        disabled={!tagId || picked.length === 0 || action.busy}
        onClick={() => run('add', 'picked')}
      >
        Add to {picked.length} selected
      </button>{' '}
      <button type="button" disabled={!tagId || action.busy} onClick={() => run('add', 'filter')}>
        Add to everyone listed
      </button>{' '}
      <button
        type="button"
        disabled={!tagId || picked.length === 0 || action.busy}
        onClick={() => run('remove', 'picked')}
      >
        Remove from selected
      </button>
      {result && (
        <span role="status" className="meta">
          {' '}
          {result}
        </span>
      )}
      <ErrorNotice error={action.error} />
    </fieldset>
  );
}

type Merge = {
  id: string;
  keptId: string;
  mergedId: string;
  status: string;
  overLimit: { message: string }[];
};

/**
 * Two selected candidates who are one person: the first selected is kept, the other merged into it.
 * The merge stays pending, with Undo and Confirm, until confirmed.
 */
function MergeTwo({ people, onDone }: { people: Candidate[]; onDone: () => void }) {
  const [merge, setMerge] = useState<Merge>();
  const action = useAction();
  const [kept, merged] = people;
  const name = (c: Candidate) => `${c.firstName} ${c.lastName} (${c.email})`;
  const start = async () => {
    if (!kept || !merged) return;
    const done = await action.run(() =>
      send('POST /api/candidate-merges', {}, { keptId: kept.id, mergedId: merged.id }),
    );
    if (done) {
      setMerge(done);
      onDone();
    }
  };
  const decide = async (decision: 'confirm' | 'undo') => {
    if (!merge) return;
    const route =
      decision === 'confirm'
        ? 'POST /api/candidate-merges/{id}/confirm'
        : 'POST /api/candidate-merges/{id}/undo';
    const done = await action.run(() => send(route, { id: merge.id }));
    if (done) {
      setMerge(done);
      onDone();
    }
  };
  if (!merge && people.length !== 2) return null;
  return (
    <section aria-label="Merge duplicates" className="merge">
      {merge ? (
        <p role="status">
          {merge.status === 'pending'
            ? 'Merged: everything of the duplicate is on the kept candidate now. Undo until you confirm.'
            : merge.status === 'confirmed'
              ? 'Merge confirmed.'
              : 'Merge undone: both are as they were.'}{' '}
          {merge.overLimit.map((o) => o.message).join(' ')}
        </p>
      ) : (
        kept &&
        merged && (
          <p>
            Keep <strong>{name(kept)}</strong> and merge <strong>{name(merged)}</strong> into it?{' '}
            <button type="button" onClick={start} disabled={action.busy}>
              Merge the two
            </button>
          </p>
        )
      )}
      {merge?.status === 'pending' && (
        <p>
          <button type="button" onClick={() => decide('undo')} disabled={action.busy}>
            Undo the merge
          </button>{' '}
          <button type="button" onClick={() => decide('confirm')} disabled={action.busy}>
            Confirm the merge
          </button>
        </p>
      )}
      <ErrorNotice error={action.error} />
    </section>
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
      <CandidateTags candidateId={candidate.id} />
      {apps.data ? (
        <ul>
          {apps.data.items.map((a) => (
            <li key={a.id}>
              <Link href={`/app/applications/${a.id}`}>{a.jobTitle}</Link> — {label(a.status)},{' '}
              {label(a.step)}, applied {when(a.submittedAt, me.timezone)}
            </li>
          ))}
        </ul>
      ) : (
        <Loading />
      )}
    </section>
  );
}
