import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import type { SearchHit } from '../../../contracts/search';
import { longEnoughToSearch } from '../../../contracts/vocabulary';
import { useApi } from '../../client';

const kindWords: Record<SearchHit['kind'], string> = {
  candidate: 'Candidate',
  job: 'Job',
  person: 'Colleague',
};

/** The header's search: `/` or Ctrl-K (⌘K) focuses it; arrows move through the results, Enter opens one. */
export function SearchBox() {
  const [, navigate] = useLocation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const results = useApi('GET /api/search', longEnoughToSearch(q) ? { q, limit: 8 } : null);
  const hits = longEnoughToSearch(q) ? (results.data?.items ?? []) : [];

  // Wait for a pause in typing before asking.
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 150);
    return () => clearTimeout(timer);
  }, [text]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new search starts at its first result
  useEffect(() => setActive(0), [q]);
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing =
        target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
      if ((e.key === 'k' && (e.ctrlKey || e.metaKey)) || (e.key === '/' && !typing)) {
        e.preventDefault();
        input.current?.focus();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const go = (hit: SearchHit) => {
    setOpen(false);
    setText('');
    navigate(hit.link);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      setOpen(false);
      input.current?.blur();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (hits.length) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
    } else if (e.key === 'Enter' && hits[active]) {
      e.preventDefault();
      go(hits[active]!);
    }
  };
  const listId = `${id}-results`;
  const shown = open && longEnoughToSearch(q);
  return (
    <search className="search-box">
      <label htmlFor={id} className="visually-hidden">
        Search candidates, openings and colleagues
      </label>
      <input
        ref={input}
        id={id}
        type="search"
        placeholder="Search (press /)"
        value={text}
        autoComplete="off"
        role="combobox"
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && hits[active] ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKey}
      />
      <div id={listId} role="listbox" aria-label="Search results" className="suggestions" hidden={!shown}>
        {shown && results.loading && hits.length === 0 && <p className="meta">Searching…</p>}
        {shown && !results.loading && hits.length === 0 && (
          <p className="meta">
            {q.length < 3 ? 'Type three letters to search candidates.' : `Nothing matches “${q}”.`}
          </p>
        )}
        {hits.map((hit, i) => (
          <div
            key={`${hit.kind}-${hit.id}`}
            id={`${listId}-${i}`}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              go(hit);
            }}
          >
            <span className="kind">{kindWords[hit.kind]}</span> {hit.title}{' '}
            <span className="meta">{hit.subtitle}</span>
          </div>
        ))}
      </div>
    </search>
  );
}
