import { type FormEvent, useState } from 'react';
import { send, useAction, useApi } from '../../client';
import type { Answer } from '../../endpoints';
import { can, useStaff } from '../../session';
import { ConfirmAction, ErrorNotice, Show } from '../../ui';
import { announceTagsChanged, useTagsChanged } from './tag-events';

type Tag = Answer<'GET /api/tags'>['items'][number];

const candidatesWord = (n: number) => `${n} ${n === 1 ? 'candidate' : 'candidates'}`;

/** One tag: its name and colour changed in place, and its deletion asked for first. */
function TagRow({
  tag,
  onChanged,
  onDeleted,
}: {
  tag: Tag;
  onChanged: () => void;
  onDeleted: (said: string) => void;
}) {
  const me = useStaff();
  const [name, setName] = useState(tag.name);
  const [colour, setColour] = useState(tag.colour ?? '#888888');
  const action = useAction();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const patch = { name: name.trim(), ...(colour !== (tag.colour ?? '#888888') ? { colour } : {}) };
    if (await action.run(() => send('PATCH /api/tags/{id}', { id: tag.id }, patch))) onChanged();
  };
  const remove = async () => {
    const done = await action.run(() => send('DELETE /api/tags/{id}', { id: tag.id }));
    if (!done) return false;
    const views = done.viewsChanged.map((v) => `“${v.name}”`).join(', ');
    onDeleted(
      `Deleted “${tag.name}”: taken off ${candidatesWord(done.candidates)}.` +
        (views ? ` Saved views no longer filtering on it: ${views}.` : ''),
    );
    return true;
  };
  const unchanged = name.trim() === tag.name && colour === (tag.colour ?? '#888888');
  return (
    <li className="tag-row">
      <form onSubmit={save} className="inline-form" aria-label={`Tag ${tag.name}`}>
        <label>
          Name <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={60} />
        </label>{' '}
        <label>
          Colour <input type="color" value={colour} onChange={(e) => setColour(e.target.value)} />
        </label>{' '}
        <span className="meta">{candidatesWord(tag.candidates)}</span>{' '}
        <button type="submit" className="secondary" disabled={action.busy || unchanged || !name.trim()}>
          Save
        </button>{' '}
      </form>
      {can(me, 'tag.delete') && (
        <ConfirmAction
          trigger="Delete…"
          title={`Delete the tag “${tag.name}”?`}
          confirm="Delete the tag"
          className="link"
          onConfirm={remove}
        >
          <p>
            It comes off the {candidatesWord(tag.candidates)} who {tag.candidates === 1 ? 'carries' : 'carry'}{' '}
            it, and saved views that filter on it stop doing so. This cannot be undone.
          </p>
          <ErrorNotice error={action.error} />
        </ConfirmAction>
      )}
      <ErrorNotice error={action.error} />
    </li>
  );
}

/** The organisation's tags, each with how many candidates carry it: renamed, recoloured or deleted here. */
export function TagsManager({ onChanged }: { onChanged: () => void }) {
  const tags = useApi('GET /api/tags', {});
  useTagsChanged(tags.reload);
  const [said, setSaid] = useState('');
  const changed = () => {
    announceTagsChanged();
    onChanged();
  };
  return (
    <section aria-label="Manage tags" className="tags-manager">
      <p role="status">{said}</p>
      <Show loaded={tags}>
        {(t) =>
          t.items.length === 0 ? (
            <p className="empty">No tags yet: add one on a candidate.</p>
          ) : (
            <ul className="plain">
              {t.items.map((tag) => (
                <TagRow
                  key={`${tag.id}:${tag.name}:${tag.colour}`}
                  tag={tag}
                  onChanged={changed}
                  onDeleted={(words) => {
                    setSaid(words);
                    changed();
                  }}
                />
              ))}
            </ul>
          )
        }
      </Show>
    </section>
  );
}
