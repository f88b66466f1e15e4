import { type FormEvent, useId, useState } from 'react';
import { send, useAction, useApi } from '../../client';
import { can, useStaff } from '../../session';
import { ErrorNotice } from '../../ui';
import { announceTagsChanged, useTagsChanged } from './tag-events';

/** A candidate's tags, each removable, and a field to add one (an existing tag, or a new name). */
export function CandidateTags({ candidateId }: { candidateId: string }) {
  const me = useStaff();
  const mine = useApi('GET /api/candidates/{id}/tags', { id: candidateId });
  const all = useApi('GET /api/tags', can(me, 'candidate.tag') ? {} : null);
  useTagsChanged(all.reload);
  const [name, setName] = useState('');
  const action = useAction();
  const id = useId();
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = name.trim();
    if (!wanted) return;
    const done = await action.run(async () => {
      const existing = all.data?.items.find((t) => t.name.toLowerCase() === wanted.toLowerCase());
      const tag = existing ?? (await send('POST /api/tags', {}, { name: wanted }));
      return send('PUT /api/candidates/{id}/tags/{tagId}', { id: candidateId, tagId: tag.id });
    });
    if (done) {
      setName('');
      mine.reload();
      announceTagsChanged();
    }
  };
  const remove = async (tagId: string) => {
    if (
      await action.run(() => send('DELETE /api/candidates/{id}/tags/{tagId}', { id: candidateId, tagId }))
    ) {
      mine.reload();
      announceTagsChanged();
    }
  };
  return (
    <section className="tags" aria-label="Tags">
      <span className="meta">Tags:</span>{' '}
      {mine.data?.items.length === 0 && <span className="meta">none</span>}
      {mine.data?.items.map((t) => (
        <span key={t.id} className="tag" style={t.colour ? { borderColor: t.colour } : undefined}>
          {t.name}
          {can(me, 'candidate.tag') && (
            <button
              type="button"
              className="link"
              onClick={() => remove(t.id)}
              aria-label={`Remove tag ${t.name}`}
            >
              ×
            </button>
          )}
        </span>
      ))}
      {can(me, 'candidate.tag') && (
        <form onSubmit={add} className="inline-form">
          <label htmlFor={id} className="visually-hidden">
            Add a tag
          </label>
          <input
            id={id}
            list={`${id}-tags`}
            value={name}
            placeholder="Add a tag"
            onChange={(e) => setName(e.target.value)}
          />
          <datalist id={`${id}-tags`}>
            {all.data?.items.map((t) => (
              <option key={t.id} value={t.name} />
            ))}
          </datalist>
          <button type="submit" disabled={action.busy}>
            Add
          </button>
        </form>
      )}
      <ErrorNotice error={action.error} />
    </section>
  );
}
