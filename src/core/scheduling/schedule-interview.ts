import { roundToSchedule } from '../applications/application.rules.js';
import { feedbackDueAt } from '../feedback/feedback.rules.js';
import type { Deps, Store } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor, Interview } from '../shared/types.js';

export interface ScheduleInterviewInput {
  actor: Actor;
  applicationId: string;
  roundKey: string;
  startsAt: Date;
  durationMinutes?: number | undefined;
  interviewerIds: string[];
  /** The language the interview is held in. */
  language: string;
  /** A meeting link of the organisation's own; without one the interview gets a room of its own. */
  videoUrl?: string | null | undefined;
  /** The candidate confirmed the language when booking (self-scheduling). */
  languageConfirmed?: boolean;
  /** The staff member the booking is on behalf of, when the actor is the candidate. */
  createdBy?: string;
}

/** Books an interview in one transaction (see `bookInterview`). */
export function scheduleInterview(deps: Deps, input: ScheduleInterviewInput) {
  return deps.transaction((store) => bookInterview(deps, store, input));
}

/**
 * What booking and scheduling links both check: the round asked for is the application's current
 * one (`roundToSchedule`) and has a meeting, and every interviewer is staff of the organisation.
 */
export async function meetingFor(
  store: Pick<Store, 'applications' | 'people'>,
  orgId: string,
  input: {
    applicationId: string;
    roundKey: string;
    durationMinutes?: number | undefined;
    interviewerIds: string[];
  },
) {
  const app = await store.applications.lock(orgId, input.applicationId);
  if (!app)
    return fail('application.not_found', 'No such application.', { applicationId: input.applicationId });
  const current = roundToSchedule(app, input.roundKey);
  if (!current.ok) return current;
  const round = current.value;
  const minutes = input.durationMinutes ?? round.durationMinutes;
  if (minutes <= 0) {
    return fail('interview.no_meeting', `Round "${round.key}" has no meeting to schedule; give a duration.`, {
      field: 'durationMinutes',
    });
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
  return ok({ app, round, minutes, ids, people });
}

/** One empty scorecard per interviewer, due N business days after the interview in their own zone. */
export async function openScorecards(
  deps: Deps,
  store: Pick<Store, 'people' | 'feedback'>,
  interview: Interview,
  interviewers: { id: string; timezone: string }[],
  feedbackSlaDays: number,
) {
  const holidays = await store.people.holidays(interview.orgId);
  for (const person of interviewers) {
    await store.feedback.insertScorecard({
      id: deps.ids.next(),
      orgId: interview.orgId,
      interviewId: interview.id,
      applicationId: interview.applicationId,
      roundKey: interview.roundKey,
      interviewerId: person.id,
      status: 'pending',
      revision: 0,
      content: { ratings: {}, recommendation: null, notes: '', privateNote: '', salaryExpectation: null },
      dueAt: feedbackDueAt(interview.endsAt, person.timezone, feedbackSlaDays, holidays),
      submittedAt: null,
      reminderStage: 0,
      version: 1,
    });
  }
}

/**
 * Records an interview for the application's current round, holds its time for the interviewers
 * and the candidate (the database refuses an overlapping hold: nobody is ever double-booked), and
 * opens one scorecard per interviewer, due N business days later in that interviewer's own time
 * zone (`feedbackDueAt`).
 */
export async function bookInterview(
  deps: Deps,
  store: Pick<Store, 'applications' | 'people' | 'scheduling' | 'feedback' | 'audit' | 'outbox'>,
  input: ScheduleInterviewInput,
) {
  const { actor } = input;
  const orgId = actor.orgId;
  const meeting = await meetingFor(store, orgId, input);
  if (!meeting.ok) return meeting;
  const { app, round: current, minutes, ids, people } = meeting.value;
  const startsAt = input.startsAt;
  const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
  const interview: Interview = {
    id: deps.ids.next(),
    orgId,
    applicationId: app.id,
    roundKey: current.key,
    startsAt,
    endsAt,
    language: input.language,
    interviewerIds: ids,
    videoUrl: input.videoUrl ?? null,
  };
  await store.scheduling.insertInterview(
    {
      ...interview,
      createdBy: input.createdBy ?? (actor.kind === 'staff' ? actor.userId : ''),
      languageConfirmedAt: input.languageConfirmed ? deps.clock.now() : null,
    },
    [...ids, app.candidateId],
  );
  await openScorecards(deps, store, interview, people, current.feedbackSlaDays);
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
      endsAt: endsAt.toISOString(),
      sequence: 0,
    },
  });
  return ok(interview);
}
