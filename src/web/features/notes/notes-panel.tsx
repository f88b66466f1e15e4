import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { NoteView } from '../../../contracts/notes';
import { send, useAction, useApi, useCursorList } from '../../client';
import { can, useStaff } from '../../session';
import { ErrorNotice, Loading, MoreButton, when } from '../../ui';
import { NoteText } from './note-text';

type Person = { id: string; name: string; email: string };
type Target = { candidateId: string } | { applicationId: string };

/** The word being typed after an "@", if the caret is in one. */
function mentionAt(text: string, caret: number) {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([^\s@]{0,40})$/.exec(before);
  return match ? { start: caret - match[2]!.length - 1, query: match[2]! } : null;
}

/** The hiring team's notes on a candidate or an application, with a form to write one and @mention colleagues. */
export function NotesPanel(props: Target) {
  const me = useStaff();
  const target =
    'applicationId' in props ? { applicationId: props.applicationId } : { candidateId: props.candidateId };
  const list = useCursorList('GET /api/notes', { ...target, limit: 20 });
  const page = useApi('GET /api/notes', { ...target, limit: 1 });
  const withheld =
    page.data?.withheld ??
    (list.error?.code === 'feedback.not_allowed' ? { message: list.error.message } : null);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="notes">
      <h2 id={headingId}>Hiring team notes</h2>
      {withheld ? (
        <p className="notice" role="note">
          {withheld.message}
        </p>
      ) : (
        <>
          {can(me, 'note.write') && <NoteForm target={target} onWritten={list.reload} />}
          {list.error?.code !== 'feedback.not_allowed' && <ErrorNotice error={list.error} />}
          {list.items === undefined ? (
            <Loading what="Loading notes" />
          ) : list.items.length === 0 ? (
            <p className="empty">No notes yet.</p>
          ) : (
            <ul className="plain note-list">
              {list.items.map((n) => (
                <NoteItem key={`${n.id}-${n.version}`} note={n} onChanged={list.reload} />
              ))}
            </ul>
          )}
          <MoreButton more={list.more} loading={list.loading} />
        </>
      )}
    </section>
  );
}

function NoteItem({ note, onChanged }: { note: NoteView; onChanged: () => void }) {
  const me = useStaff();
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState<{ version: number; body: string; writtenAt: string }[]>();
  const editable = note.author.id === me.userId && new Date(note.editableUntil).getTime() > Date.now();
  const showHistory = async () => {
    const answer = await fetch(`/api/notes/${note.id}/revisions`, { credentials: 'same-origin' });
    if (answer.ok) setHistory(((await answer.json()) as { items: typeof history }).items);
  };
  return (
    <li id={`note-${note.id}`} className="note">
      <p className="meta">
        <strong>{note.author.name}</strong> · {when(note.createdAt, me.timezone)}
        {note.editedAt && (
          <>
            {' '}
            ·{' '}
            <button type="button" className="link" onClick={showHistory}>
              edited {when(note.editedAt, me.timezone)}
            </button>
          </>
        )}
      </p>
      {editing ? (
        <NoteForm
          target={{ noteId: note.id, version: note.version }}
          initial={note.body}
          initialMentions={note.mentions}
          onWritten={() => {
            setEditing(false);
            onChanged();
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <NoteText body={note.body} names={note.mentions.map((m) => m.name)} />
      )}
      {editable && !editing && (
        <button type="button" className="link" onClick={() => setEditing(true)}>
          Edit <span className="visually-hidden">note by {note.author.name}</span>
        </button>
      )}
      {history && (
        <details open>
          <summary>Earlier versions</summary>
          <ol>
            {history.slice(0, -1).map((h) => (
              <li key={h.version}>
                <span className="meta">{when(h.writtenAt, me.timezone)}</span>
                <NoteText body={h.body} names={note.mentions.map((m) => m.name)} />
              </li>
            ))}
          </ol>
        </details>
      )}
    </li>
  );
}

function NoteForm({
  target,
  initial = '',
  initialMentions = [],
  onWritten,
  onCancel,
}: {
  target: { candidateId: string } | { applicationId: string } | { noteId: string; version: number };
  initial?: string;
  initialMentions?: { id: string; name: string }[];
  onWritten: () => void;
  onCancel?: () => void;
}) {
  const [body, setBody] = useState(initial);
  const [mentions, setMentions] = useState(initialMentions);
  const [typing, setTyping] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const area = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const action = useAction();
  const people = useApi('GET /api/notes/mentionable', typing ? { q: typing.query } : null);
  const options: Person[] = typing ? (people.data?.items ?? []) : [];
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new query starts at its first person
  useEffect(() => setActive(0), [typing?.query]);

  const pick = (person: Person) => {
    if (!typing) return;
    const caret = typing.start + typing.query.length + 1;
    const next = `${body.slice(0, typing.start)}@${person.name} ${body.slice(caret)}`;
    setBody(next);
    setMentions((m) =>
      m.some((x) => x.id === person.id) ? m : [...m, { id: person.id, name: person.name }],
    );
    setTyping(null);
    requestAnimationFrame(() => {
      const at = typing.start + person.name.length + 2;
      area.current?.focus();
      area.current?.setSelectionRange(at, at);
    });
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!typing || options.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      pick(options[active]!);
    } else if (e.key === 'Escape') {
      setTyping(null);
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Only people still named in the text are mentioned.
    const named = mentions.filter((m) => body.includes(`@${m.name}`)).map((m) => m.id);
    const done = await action.run(() =>
      'noteId' in target
        ? send(
            'PATCH /api/notes/{id}',
            { id: target.noteId },
            { body, mentions: named, version: target.version },
          )
        : send('POST /api/notes', {}, { ...target, body, mentions: named }),
    );
    if (done) {
      setBody('');
      setMentions([]);
      onWritten();
    }
  };
  const listId = `${id}-people`;
  return (
    <form
      onSubmit={submit}
      className="note-form"
      aria-label={'noteId' in target ? 'Edit note' : 'Write a note'}
    >
      <label htmlFor={id}>{'noteId' in target ? 'Edit the note' : 'Add a note for the hiring team'}</label>
      <p className="hint" id={`${id}-hint`}>
        **bold**, *italics*, “- ” for a list, [text](https://…) for a link; type @ to mention a colleague.
      </p>
      <div className="mention-box">
        <textarea
          ref={area}
          id={id}
          rows={3}
          value={body}
          aria-describedby={`${id}-hint`}
          role="combobox"
          aria-expanded={options.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={options.length > 0 ? `${listId}-${active}` : undefined}
          onKeyDown={onKey}
          onChange={(e) => {
            setBody(e.target.value);
            setTyping(mentionAt(e.target.value, e.target.selectionStart));
          }}
        />
        <div
          id={listId}
          role="listbox"
          aria-label="People to mention"
          className="suggestions"
          hidden={options.length === 0}
        >
          {options.map((p, i) => (
            <div
              key={p.id}
              id={`${listId}-${i}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(p);
              }}
            >
              {p.name} <span className="meta">{p.email}</span>
            </div>
          ))}
        </div>
      </div>
      <ErrorNotice error={action.error} />
      <button type="submit" disabled={action.busy || body.trim() === ''}>
        {'noteId' in target ? 'Save' : 'Add note'}
      </button>
      {onCancel && (
        <button type="button" className="link" onClick={onCancel}>
          Cancel
        </button>
      )}
    </form>
  );
}
