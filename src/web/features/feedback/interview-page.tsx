import { useApi } from '../../client';
import { label } from '../../labels';
import { useStaff } from '../../session';
import { Page, Show, when } from '../../ui';
import { Assessments } from '../assessments/assessments';
import { NotesPanel } from '../notes/notes-panel';
import { Pads } from '../pads/pads';
import { KitQuestionList, kitQuestions } from './kit-questions';
import { ScorecardForm } from './scorecard-form';

/** The interview kit beside a scorecard that saves itself as the interviewer types. */
export function InterviewPage({ id }: { id: string }) {
  const me = useStaff();
  const kit = useApi('GET /api/interviews/{id}/kit', { id });
  return (
    <Show loaded={kit}>
      {(k) => {
        const questions = k.kit ? kitQuestions(k.kit, k.proposal) : [];
        return (
          <Page title={`${k.round.name}: ${k.candidate.name}`}>
            <p className="meta">
              {k.jobTitle} · {when(k.interview.startsAt, me.timezone)} · {k.round.durationMinutes} minutes ·{' '}
              {label(k.round.format)} · in {k.interview.language}
            </p>
            <div className="two-columns">
              <div>
                {k.interview.status === 'cancelled' ? (
                  <p className="notice">This interview was cancelled: there is no feedback to give.</p>
                ) : k.applicationStatus !== 'active' && k.applicationStatus !== 'queued' ? (
                  <p className="notice">
                    The application is {label(k.applicationStatus).toLowerCase()}: its feedback is closed.
                  </p>
                ) : (
                  <ScorecardForm
                    interviewId={id}
                    attributes={k.kit?.focusAttributes ?? []}
                    questions={questions}
                    applicationId={k.interview.applicationId}
                    startsAt={k.interview.startsAt}
                    timezone={me.timezone}
                    serverNow={k.serverNow}
                  />
                )}
                <Assessments applicationId={k.interview.applicationId} canSend={false} />
                <Pads
                  applicationId={k.interview.applicationId}
                  canOpen={k.interview.status === 'scheduled'}
                />
                <NotesPanel applicationId={k.interview.applicationId} />
              </div>
              <div>
                {k.kit && (
                  <section aria-labelledby="kit-title">
                    <h2 id="kit-title">Interview kit</h2>
                    <p>{k.kit.purpose}</p>
                    <h3>Time plan</h3>
                    <ol>
                      {k.kit.timePlan.map((t) => (
                        <li key={t.activity}>
                          {t.minutes} min — {t.activity}
                        </li>
                      ))}
                    </ol>
                    <KitQuestionList questions={questions} />
                  </section>
                )}
                <section aria-labelledby="resume-title">
                  <h2 id="resume-title">Resume</h2>
                  <pre className="resume">
                    {k.candidate.resumeText ??
                      (k.candidate.resumeUnread
                        ? `No text could be read from the resume: ${k.candidate.resumeUnread.message}. The file is kept as sent.`
                        : 'No resume text.')}
                  </pre>
                </section>
              </div>
            </div>
          </Page>
        );
      }}
    </Show>
  );
}
