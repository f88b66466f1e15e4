import { useEffect, useId, useState } from 'react';
import { useApi } from '../../client';

export interface Person {
  id: string;
  name: string;
}

const shown = (p: { name: string; email: string }) => `${p.name} <${p.email}>`;

/**
 * A staff member found by name or email as one types, so it works for an organisation of any
 * size: the matches are offered as suggestions, and choosing one (or typing a whole email, or a
 * whole name only one person has) picks that person. Emptying the field picks nobody.
 */
export function StaffPicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: Person | null;
  onChange: (person: Person | null) => void;
}) {
  const id = useId();
  const [text, setText] = useState(value?.name ?? '');
  const people = useApi('GET /api/notes/mentionable', { q: text.replace(/\s*<.*$/, '') });
  const found = people.data?.items;
  /** A suggestion picked, an email typed whole, or a name typed whole that only one person has. */
  const matching = (typed: string, items: typeof found = []) => {
    const wanted = typed.trim().toLowerCase();
    const byName = items.filter((p) => p.name.toLowerCase() === wanted);
    return (
      items.find((p) => shown(p) === typed || p.email.toLowerCase() === wanted) ??
      (byName.length === 1 ? byName[0] : undefined)
    );
  };
  const pick = (match: { id: string; name: string }) => {
    setText(match.name);
    if (match.id !== value?.id) onChange({ id: match.id, name: match.name });
  };
  const choose = (typed: string) => {
    setText(typed);
    if (typed.trim() === '') return onChange(null);
    const match = matching(typed, found);
    if (match) pick(match);
  };
  // What was typed may match only once the people it names have been fetched.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the answer arriving is the trigger
  useEffect(() => {
    const match = text.trim() && text !== value?.name ? matching(text, found) : undefined;
    if (match) pick(match);
  }, [found]);
  return (
    <label htmlFor={id}>
      {label}{' '}
      <input
        id={id}
        list={`${id}-people`}
        value={text}
        placeholder="Anyone"
        autoComplete="off"
        onChange={(e) => choose(e.target.value)}
      />
      <datalist id={`${id}-people`}>
        {people.data?.items.map((p) => (
          <option key={p.id} value={shown(p)} />
        ))}
      </datalist>
    </label>
  );
}
