import { useState } from 'react';
import { send, useAction } from '../../client';
import { ErrorNotice } from '../../ui';

/** The notice shown once above the applications: what the matcher does, and what it never does. */
export function ScreeningNotice() {
  return (
    <section aria-labelledby="matcher-notice-title" className="notice">
      <h2 id="matcher-notice-title">How we read resumes</h2>
      <p>
        A matcher annotates resumes with the evidence it finds for each requirement of the job, to help our
        people order their review. It never decides: a person reads your application and takes every decision.
        You may opt out for any application below; a person then reads your resume without the annotation, and
        nothing else changes.
      </p>
    </section>
  );
}

/**
 * Opting one application out of automated annotation: asks first, then says the result. `optedOut`
 * is what the portal knows already (undefined when it does not say).
 */
export function AnnotationOptOut({
  applicationId,
  jobTitle,
  optedOut,
}: {
  applicationId: string;
  jobTitle: string;
  optedOut: boolean | undefined;
}) {
  const [state, setState] = useState(optedOut ?? false);
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState(false);
  const action = useAction();
  const optOut = async () => {
    const answer = await action.run(() =>
      send('POST /api/me/applications/{id}/screening-opt-out', { id: applicationId }, { optOut: true }),
    );
    if (answer) {
      setState(answer.screeningOptOut);
      setAsking(false);
      setDone(true);
    }
  };
  if (state)
    return (
      <p className={done ? 'notice' : 'meta'} role={done ? 'status' : undefined}>
        {done ? 'Done: ' : ''}this application is opted out of automated annotation. No matcher reads your
        resume for it; a person reviews it as it is.
      </p>
    );
  if (!asking)
    return (
      <button type="button" className="secondary" onClick={() => setAsking(true)}>
        Opt out of automated annotation
      </button>
    );
  return (
    <form
      aria-label={`Opt out of automated annotation for ${jobTitle}`}
      onSubmit={(e) => {
        e.preventDefault();
        void optOut();
      }}
      noValidate
    >
      <ErrorNotice error={action.error} />
      <p>
        Opt this application for {jobTitle} out of automated annotation? From now on no matcher reads your
        resume for it; a person reviews it as it is. Your application goes on as before.
      </p>
      <div className="actions">
        <button type="submit" disabled={action.busy}>
          Opt out
        </button>
        <button type="button" className="secondary" onClick={() => setAsking(false)}>
          Keep the annotation
        </button>
      </div>
    </form>
  );
}
