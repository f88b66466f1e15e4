import { type FormEvent, useState } from 'react';
import type { ListFilter } from '../../../contracts/views';
import { queryString, send, useAction, useApi } from '../../client';
import { stepLabels } from '../../labels';
import { ErrorNotice } from '../../ui';
import { type Person, StaffPicker } from './staff-picker';
import { useTagsChanged } from './tag-events';

type List = 'candidates' | 'screening' | 'pipeline' | 'decisions';
const keys = ['jobId', 'teamId', 'step', 'tagId', 'source', 'appliedFrom', 'appliedTo', 'ownerId'] as const;

/** The filter written in the page's address, so a filtered list can be bookmarked and shared. */
export function filterFromUrl(params: URLSearchParams): ListFilter {
  const filter: ListFilter = {};
  for (const key of keys) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  if (params.get('decidedWithoutEvidence') === 'true') filter.decidedWithoutEvidence = true;
  return filter;
}

/** A list's filter, read from the page's address and written back to it on each change. */
export function useUrlFilter(path: string): [ListFilter, (next: ListFilter) => void] {
  const [filter, setFilter] = useState<ListFilter>(() =>
    filterFromUrl(new URLSearchParams(window.location.search)),
  );
  const apply = (next: ListFilter) => {
    setFilter(next);
    window.history.replaceState(null, '', `${path}${queryString(next)}`);
  };
  return [filter, apply];
}

const clean = (f: ListFilter): ListFilter =>
  Object.fromEntries(
    Object.entries(f).filter(([, v]) => v !== '' && v !== undefined && v !== false),
  ) as ListFilter;

/** Job, team, step, tag, source, applied dates, owner and decided without evidence. */
export function FilterForm({
  list,
  filter,
  onChange,
  omit = [],
}: {
  list: List;
  filter: ListFilter;
  onChange: (f: ListFilter) => void;
  /** Filters the list already fixes (the screening queue's step). */
  omit?: (keyof ListFilter)[];
}) {
  const [draft, setDraft] = useState<ListFilter>(filter);
  // A view opened or filters cleared elsewhere replace what the form shows.
  const [shown, setShown] = useState(filter);
  if (shown !== filter) {
    setShown(filter);
    setDraft(filter);
  }
  const jobs = useApi('GET /api/jobs', { limit: 200 });
  const teams = useApi('GET /api/teams', {});
  const tags = useApi('GET /api/tags', {});
  useTagsChanged(tags.reload);
  const people = useApi('GET /api/notes/mentionable', {});
  // The owner picked here, else (from the address or a view) found among the first people listed.
  const [picked, setPicked] = useState<Person | null>(null);
  const owner = (id: string): Person =>
    picked?.id === id
      ? picked
      : { id, name: people.data?.items.find((p) => p.id === id)?.name ?? 'the chosen person' };
  const set = (key: keyof ListFilter, value: string | boolean) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(clean(draft));
  };
  const select = (key: 'jobId' | 'teamId' | 'tagId' | 'step', text: string, options: [string, string][]) =>
    omit.includes(key) ? null : (
      <label>
        {text}{' '}
        <select value={(draft[key] as string | undefined) ?? ''} onChange={(e) => set(key, e.target.value)}>
          <option value="">Any</option>
          {options.map(([value, name]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
      </label>
    );
  return (
    <form className="filters" aria-label={`Filter the ${list}`} onSubmit={submit}>
      {select(
        'jobId',
        'Job',
        (jobs.data?.items ?? []).map((j) => [j.id, j.title]),
      )}
      {select(
        'teamId',
        'Team',
        (teams.data?.items ?? []).map((t) => [t.id, t.name]),
      )}
      {select('step', 'Step', Object.entries(stepLabels))}
      {select(
        'tagId',
        'Tag',
        (tags.data?.items ?? []).map((t) => [t.id, t.name]),
      )}
      {!omit.includes('ownerId') && (
        <StaffPicker
          key={`${draft.ownerId ?? ''}:${people.data ? 'named' : ''}`}
          label="Owner"
          value={draft.ownerId ? owner(draft.ownerId) : null}
          onChange={(person) => {
            setPicked(person);
            set('ownerId', person?.id ?? '');
          }}
        />
      )}
      <label>
        Source <input value={draft.source ?? ''} onChange={(e) => set('source', e.target.value)} size={10} />
      </label>
      <label>
        Applied from{' '}
        <input
          type="date"
          value={draft.appliedFrom ?? ''}
          onChange={(e) => set('appliedFrom', e.target.value)}
        />
      </label>
      <label>
        to{' '}
        <input type="date" value={draft.appliedTo ?? ''} onChange={(e) => set('appliedTo', e.target.value)} />
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={draft.decidedWithoutEvidence === true}
          onChange={(e) => set('decidedWithoutEvidence', e.target.checked)}
        />{' '}
        Decided without evidence
      </label>
      <button type="submit">Apply filters</button>{' '}
      <button
        type="button"
        className="link"
        onClick={() => {
          setDraft({});
          onChange({});
        }}
      >
        Clear
      </button>
    </form>
  );
}

/** The views saved for a list (mine and the team's), each with its count; the filter saved under a name. */
export function SavedViews({
  list,
  filter,
  onOpen,
  canSave,
}: {
  list: List;
  filter: ListFilter;
  onOpen: (f: ListFilter) => void;
  canSave: boolean;
}) {
  const views = useApi('GET /api/views', { list });
  useTagsChanged(views.reload);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const action = useAction();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (
      await action.run(() =>
        send('POST /api/views', {}, { list, name: name.trim(), filters: filter, shared }),
      )
    ) {
      setName('');
      views.reload();
    }
  };
  const remove = async (id: string) => {
    if (await action.run(() => send('DELETE /api/views/{id}', { id }))) views.reload();
  };
  return (
    <section aria-label="Saved views" className="views">
      <span className="meta">Views:</span>{' '}
      {views.data?.items.length === 0 && <span className="meta">none saved yet</span>}
      {views.data?.items.map((v) => (
        <span key={v.id} className="view">
          <button type="button" className="link" onClick={() => onOpen(v.filters)}>
            {v.name} <span className="count">{v.count}</span>
          </button>
          <span className="meta">
            {v.mine ? (v.shared ? ' (mine, shared)' : ' (mine)') : ` (${v.owner.name})`}
          </span>
          {v.mine && (
            <button
              type="button"
              className="link"
              aria-label={`Remove view ${v.name}`}
              onClick={() => remove(v.id)}
            >
              ×
            </button>
          )}
        </span>
      ))}
      {canSave && (
        <form onSubmit={save} className="inline-form">
          <label>
            Save this filter as{' '}
            <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
          </label>{' '}
          <label className="inline">
            <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} /> shared
            with the team
          </label>{' '}
          <button type="submit" disabled={action.busy || !name.trim()}>
            Save view
          </button>
        </form>
      )}
      <ErrorNotice error={action.error} />
    </section>
  );
}
