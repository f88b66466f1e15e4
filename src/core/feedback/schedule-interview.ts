import type { Deps } from '../ports.js';
import { fail, ok } from '../result.js';
import type { Actor, Interview } from '../types.js';
import { feedbackDueAt } from './business-days.rules.js';

export interface ScheduleInterviewInput {
  actor: Actor;
  applicationId: string;
  roundKey: string;
  startsAt: Date;
  durationMinutes?: number | undefined;
  interviewerIds: string[];
  /** R-ROUND-6: the language the interview is held in. */
  language: string;
}

/**
 * Records an interview for the application's current round (R-ROUND-1: a round is scheduled only
 * once the previous one is decided) and opens one scorecard per interviewer, due N business days
 * later in that interviewer's own time zone (R-FB-4).
 */
export async function scheduleInterview(deps: Deps, input: ScheduleInterviewInput) {
  const { actor } = input;
  const orgId = actor.orgId;
  return deps.transaction(async (store) => {
    const app = await store.applications.lock(orgId, input.applicationId);
    if (!app)
      return fail('application.not_found', 'No such application.', { applicationId: input.applicationId });
    if (app.status !== 'active') {
      return fail('application.not_active', `The application is ${app.status}.`, { status: app.status });
    }
    const current = app.plan[app.stageIndex];
    if (!current || current.key !== input.roundKey) {
      return fail(
        'round.not_current',
        `Only the current round${current ? ` ("${current.key}")` : ''} can be scheduled.`,
        {
          roundKey: input.roundKey,
          currentRound: current?.key ?? null,
        },
      );
    }
    const ids = [...new Set(input.interviewerIds)];
    const people = await store.people.staff(orgId, ids);
    if (people.length !== ids.length) {
      const known = new Set(people.map((p) => p.id));
      return fail('interview.unknown_interviewer', 'Some interviewers are not staff of this organisation.', {
        field: 'interviewerIds',
        unknown: ids.filter((id) => !known.has(id)),
      });
    }
    const startsAt = input.startsAt;
    const endsAt = new Date(startsAt.getTime() + (input.durationMinutes ?? current.durationMinutes) * 60_000);
    const interview: Interview = {
      id: deps.ids.next(),
      orgId,
      applicationId: app.id,
      roundKey: current.key,
      startsAt,
      endsAt,
      language: input.language,
      interviewerIds: ids,
    };
    await store.feedback.insertInterview({
      ...interview,
      createdBy: actor.kind === 'staff' ? actor.userId : '',
    });
    const holidays = await store.people.holidays(orgId);
    for (const person of people) {
      await store.feedback.insertScorecard({
        id: deps.ids.next(),
        orgId,
        interviewId: interview.id,
        applicationId: app.id,
        roundKey: current.key,
        interviewerId: person.id,
        status: 'pending',
        revision: 0,
        content: { ratings: {}, recommendation: null, notes: '', privateNote: '', salaryExpectation: null },
        dueAt: feedbackDueAt(endsAt, person.timezone, current.feedbackSlaDays, holidays),
        submittedAt: null,
        reminderStage: 0,
        version: 1,
      });
    }
    await store.audit.record({
      orgId,
      actor,
      entityType: 'application',
      entityId: app.id,
      action: 'interview.scheduled',
      data: {
        interviewId: interview.id,
        roundKey: current.key,
        startsAt: startsAt.toISOString(),
        interviewerIds: ids,
        language: input.language,
      },
    });
    await store.outbox.enqueue({
      orgId,
      kind: 'interview.scheduled',
      dedupeKey: `interview.scheduled:${interview.id}`,
      payload: {
        interviewId: interview.id,
        applicationId: app.id,
        candidateId: app.candidateId,
        startsAt: startsAt.toISOString(),
      },
    });
    return ok(interview);
  });
}
