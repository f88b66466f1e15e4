import { useState } from 'react';
import { Link } from 'wouter';
import { send, useAction, useApi } from '../../client';
import { label } from '../../labels';
import { can, useStaff } from '../../session';
import type { Profile } from '../../types';
import { ErrorNotice, Page, Show, when } from '../../ui';
import { NotesPanel } from '../notes/notes-panel';
import { CandidateTags } from '../tags/candidate-tags';
import { type Person, StaffPicker } from '../tags/staff-picker';
import { ActivityFeed } from './activity-feed';
import { ComposeMessage } from './compose-message';
import { MessageList } from './message-list';
import { DocumentViewer } from './resume-viewer';

type Application = Profile['applications'][number];

const sourceWords: Record<Application['source']['kind'], string> = {
  board: 'Job board',
  career_site: 'Career site',
  referral: 'Referral',
  staff: 'Added by staff',
  candidate_portal: 'Candidate portal',
};
const sourceText = (s: Application['source']) =>
  s.name ? `${sourceWords[s.kind]}: ${s.name}` : sourceWords[s.kind];

/** A note as one plain line for the feed: its marks (bold, links) read as the words they mark. */
const excerpt = (body: string) => {
  const text = body.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*?([^*]+)\*\*?/g, '$1');
  return text.length > 140 ? `${text.slice(0, 140)}…` : text;
};

/**
 * One page per person: contact, every application (with its answers and cover letter), the résumé in
 * place, the conversation and one activity feed. Staff who may read candidates reach it; an
 * interviewer reads what their interview needs on the interview's own page.
 */
export function ProfilePage({ id }: { id: string }) {
  const me = useStaff();
  const profile = useApi('GET /api/candidates/{id}/profile', { id });
  // The newest notes on the person take their place in the feed; the panel lists them all.
  const notes = useApi('GET /api/notes', can(me, 'note.read') ? { candidateId: id, limit: 50 } : null);
  const noteLines = (notes.data?.items ?? []).map((n) => ({
    id: `note:${n.id}`,
    at: n.createdAt,
    node: (
      <>
        <time dateTime={n.createdAt}>{when(n.createdAt, me.timezone)}</time> <strong>Note</strong>{' '}
        <span className="meta">by {n.author.name}</span> — {excerpt(n.body)}
      </>
    ),
  }));
  return (
    <Show loaded={profile}>
      {(p) => {
        const name = `${p.candidate.firstName} ${p.candidate.lastName}`;
        const resumes = p.documents.filter((d) => d.kind === 'resume');
        return (
          <Page title={name}>
            <Contact profile={p} />
            {can(me, 'candidate.tag') && !p.candidate.erased && (
              <div className="owner-and-tags">
                <OwnerField candidateId={p.candidate.id} owner={p.candidate.owner} onSaved={profile.reload} />
                <CandidateTags candidateId={p.candidate.id} />
              </div>
            )}
            <div className="two-columns">
              <div>
                <section aria-labelledby="apps-title">
                  <h2 id="apps-title">Applications</h2>
                  {p.applications.length === 0 ? (
                    <p className="empty">No applications.</p>
                  ) : (
                    p.applications.map((a) => (
                      <ApplicationSummary key={a.id} application={a} timeZone={me.timezone} />
                    ))
                  )}
                </section>
                <section aria-labelledby="resume-title">
                  <h2 id="resume-title">Résumé</h2>
                  {resumes.length === 0 ? (
                    <p className="empty">No résumé on file.</p>
                  ) : (
                    <>
                      <DocumentViewer document={resumes[0]!} />
                      {resumes.length > 1 && (
                        <p className="meta">
                          Earlier résumés:{' '}
                          {resumes.slice(1).map((r) => (
                            <a key={r.id} href={`/api/attachments/${r.id}`} download={r.filename}>
                              {r.filename}{' '}
                            </a>
                          ))}
                        </p>
                      )}
                    </>
                  )}
                </section>
              </div>
              <div>
                <section aria-labelledby="messages-title">
                  <h2 id="messages-title">Messages</h2>
                  <MessageList messages={p.messages} timeZone={me.timezone} candidateName={name} />
                </section>
                {can(me, 'candidate.message') && <ComposeMessage profile={p} onSent={profile.reload} />}
                {can(me, 'note.read') && <NotesPanel candidateId={p.candidate.id} />}
                <ActivityFeed items={p.feed} timeZone={me.timezone} notes={noteLines} />
              </div>
            </div>
          </Page>
        );
      }}
    </Show>
  );
}

/** Who on the hiring team owns the candidate: saved as soon as a person is chosen (or the field emptied). */
function OwnerField({
  candidateId,
  owner,
  onSaved,
}: {
  candidateId: string;
  owner: Person | null;
  onSaved: () => void;
}) {
  const [saved, setSaved] = useState('');
  const action = useAction();
  const change = async (person: Person | null) => {
    setSaved('');
    const done = await action.run(() =>
      send('PUT /api/candidates/{id}/owner', { id: candidateId }, { userId: person?.id ?? null }),
    );
    if (!done) return;
    setSaved(person ? `${person.name} owns this candidate now.` : 'Nobody owns this candidate now.');
    onSaved();
  };
  return (
    <div className="inline-form">
      <StaffPicker label="Owner" value={owner} onChange={change} />{' '}
      <span role="status" className="meta">
        {saved}
      </span>
      <ErrorNotice error={action.error} />
    </div>
  );
}

function Contact({ profile: p }: { profile: Profile }) {
  const c = p.candidate;
  return (
    <dl className="facts" aria-label="Contact details">
      <dt>Email</dt>
      <dd>{c.erased ? 'Erased at their request' : <a href={`mailto:${c.email}`}>{c.email}</a>}</dd>
      <dt>Phone</dt>
      <dd>{c.phone ? <a href={`tel:${c.phone}`}>{c.phone}</a> : <span className="meta">not given</span>}</dd>
      <dt>Time zone</dt>
      <dd>{c.timezone ?? <span className="meta">not given</span>}</dd>
      <dt>Source</dt>
      <dd>{[...new Set(p.applications.map((a) => sourceText(a.source)))].join('; ') || '—'}</dd>
      <dt>Owner</dt>
      <dd>{p.candidate.owner?.name ?? <span className="meta">nobody yet</span>}</dd>
    </dl>
  );
}

function ApplicationSummary({ application: a, timeZone }: { application: Application; timeZone: string }) {
  return (
    <article className="card" aria-labelledby={`app-${a.id}`}>
      <h3 id={`app-${a.id}`}>
        <Link href={`/app/applications/${a.id}`}>{a.jobTitle}</Link>{' '}
        <span className="meta">· {a.teamName}</span>
      </h3>
      <p className="meta">
        {label(a.status)} · {label(a.step)} · applied {when(a.submittedAt, timeZone)} · {sourceText(a.source)}
      </p>
      {a.answers.length > 0 && (
        <dl className="answers">
          {a.answers.map((x) => (
            <div key={x.question}>
              <dt>{x.question}</dt>
              <dd>{x.answer}</dd>
            </div>
          ))}
        </dl>
      )}
      {a.coverLetter && (
        <details>
          <summary>Cover letter</summary>
          <div className="message-body">{a.coverLetter.text || 'No text could be read from the file.'}</div>
          {a.coverLetter.attachmentId && (
            <a href={`/api/attachments/${a.coverLetter.attachmentId}`} download>
              Download the original
            </a>
          )}
        </details>
      )}
    </article>
  );
}
