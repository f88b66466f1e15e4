import { useApi } from '../../client';
import { label } from '../../labels';
import { can, useStaff } from '../../session';
import type { ApplicationDetail } from '../../types';
import { overrideWords, Page, Show, when } from '../../ui';
import { Assessments } from '../assessments/assessments';
import { Debriefing } from '../feedback/debrief';
import { Scorecards } from '../feedback/scorecards';
import { NotesPanel } from '../notes/notes-panel';
import { ApplicationOffers } from '../offers/application-offers';
import { Pads } from '../pads/pads';
import { Interviews } from '../scheduling/interviews';
import { EvidencePanel } from '../screening/evidence-panel';
import { BlindBanner } from '../screening/words';
import { CandidateTags } from '../tags/candidate-tags';
import { AddRoundForm, DecisionForm } from './decision-form';
import { Timeline } from './timeline';
import { UndoLatest } from './undo-decisions';

/** The candidate page: where the application stands, its timeline, scorecards, schedule and offer. */
export function ApplicationPage({ id }: { id: string }) {
  const me = useStaff();
  const application = useApi('GET /api/applications/{id}', { id });
  return (
    <Show loaded={application}>
      {(a) => (
        <Page title={`${a.candidate.firstName} ${a.candidate.lastName}`}>
          <p className="meta">
            {a.job.title} · {label(a.status)} · step {label(a.step)} · applied{' '}
            {when(a.submittedAt, me.timezone)}
            {/* Blind review: the server answers no contact details; nothing of them is drawn either. */}
            {!a.blind && (
              <>
                {' · '}
                <a href={`mailto:${a.candidate.email}`}>{a.candidate.email}</a>
                {a.candidate.timezone && ` · ${a.candidate.timezone}`}
              </>
            )}
          </p>
          {a.blind && <BlindBanner />}
          <CandidateTags candidateId={a.candidate.id} />
          <Rounds application={a} />
          <UndoLatest
            application={a}
            userId={me.userId}
            timeZone={me.timezone}
            onUndone={application.reload}
          />
          <div className="two-columns">
            <div>
              <section className="screening-evidence" aria-labelledby="screening-evidence-heading">
                <h2 id="screening-evidence-heading">Resume screen evidence</h2>
                <EvidencePanel applicationId={id} timeZone={me.timezone} />
              </section>
              {/* Evidence first: the panel, the assessments and pads, then the decision. */}
              {a.status === 'active' && a.currentRound && <Debriefing application={a} />}
              <Assessments
                applicationId={id}
                canSend={a.status === 'active' && can(me, 'interview.schedule')}
              />
              <Pads applicationId={id} canOpen={a.status === 'active'} />
              {a.status === 'active' && a.currentRound && can(me, 'application.decide') && (
                <DecisionForm key={a.currentRound} application={a} onDecided={application.reload} />
              )}
              {a.status === 'active' && a.currentRound && can(me, 'application.add_round') && (
                <AddRoundForm application={a} onAdded={application.reload} />
              )}
              <Interviews application={a} />
              <Scorecards id={id} />
            </div>
            <div>
              {can(me, 'offer.read') && <ApplicationOffers application={a} />}
              <NotesPanel applicationId={id} />
              {/* A new version means a new event: the timeline is read again. */}
              <Timeline key={a.version} id={id} />
            </div>
          </div>
        </Page>
      )}
    </Show>
  );
}

function Rounds({ application: a }: { application: ApplicationDetail }) {
  const decided = new Map(a.decisions.map((d) => [d.roundKey, d]));
  return (
    <ol className="rounds" aria-label="Rounds">
      {a.plan.map((r) => {
        const d = decided.get(r.key);
        const state = d
          ? d.decision === 'advance'
            ? 'passed'
            : 'rejected'
          : r.key === a.currentRound
            ? 'current'
            : 'ahead';
        return (
          <li key={r.key} className={state} aria-current={state === 'current' ? 'step' : undefined}>
            <strong>{r.name}</strong> <span className="meta">{label(state)}</span>
            {d && (
              <span className="meta">
                {' '}
                — “{d.rationale}”{d.againstMajority ? ' (against the majority)' : ''}
                {d.override &&
                  ` · decided without its evidence (${overrideWords(d.override.gaps)}): “${d.override.reason}”`}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
