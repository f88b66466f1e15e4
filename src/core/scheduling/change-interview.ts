import { feedbackDueAt } from '../feedback/feedback.rules.js';
import type { Deps, Store } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor, BookedInterview } from '../shared/types.js';

export interface ChangeInterviewInput {
  actor: Actor;
  interviewId: string;
  /** Why: shown to everyone the change reaches, and kept in the audit log. */
  reason: string;
  expectedVersion?: number | undefined;
  /** The cancellation follows the application's end, so the candidate is not told it carries on. */
  applicationEnded?: boolean;
}

/** The interview, if it can still be changed by this actor; a candidate reaches only their own. */
async function changeable(deps: Deps, store: Pick<Store, 'scheduling'>, input: ChangeInterviewInput) {
  const interview = await store.scheduling.lockInterview(input.actor.orgId, input.interviewId);
  if (!interview || (input.actor.kind === 'candidate' && input.actor.candidateId !== interview.candidateId)) {
    return fail('interview.not_found', 'No such interview.');
  }
  if (interview.status !== 'scheduled') {
    return fail('interview.not_scheduled', `The interview is ${interview.status}.`, {
      status: interview.status,
    });
  }
  if (input.expectedVersion !== undefined && input.expectedVersion !== interview.version) {
    return fail('conflict.stale_version', 'The interview changed since you loaded it.', {
      field: 'expectedVersion',
      currentVersion: interview.version,
    });
  }
  if (interview.startsAt.getTime() <= deps.clock.now().getTime()) {
    return fail(
      'interview.already_started',
      'The interview has already started; it can no longer be changed.',
    );
  }
  return ok(interview);
}

function announce(
  store: Pick<Store, 'audit' | 'outbox'>,
  actor: Actor,
  interview: BookedInterview,
  kind: 'rescheduled' | 'cancelled',
  data: Record<string, unknown>,
) {
  return Promise.all([
    store.audit.record({
      orgId: interview.orgId,
      actor,
      entityType: 'application',
      entityId: interview.applicationId,
      action: `interview.${kind}`,
      data: { interviewId: interview.id, sequence: interview.sequence, ...data },
    }),
    store.outbox.enqueue({
      orgId: interview.orgId,
      kind: `interview.${kind}`,
      dedupeKey: `interview.${kind}:${interview.id}:${interview.sequence}`,
      payload: {
        interviewId: interview.id,
        applicationId: interview.applicationId,
        candidateId: interview.candidateId,
        startsAt: interview.startsAt.toISOString(),
        endsAt: interview.endsAt.toISOString(),
        sequence: interview.sequence,
        reason: data.reason,
        applicationEnded: data.applicationEnded === true,
      },
    }),
  ]);
}

/**
 * Moves an interview to a new start, same length. The participants' holds move with it (the
 * database refuses the new time if anyone is booked then), feedback deadlines follow, and
 * everyone gets an updated invite with a higher SEQUENCE.
 */
export function rescheduleInterview(deps: Deps, input: ChangeInterviewInput & { startsAt: Date }) {
  return deps.transaction((store) => moveInterview(deps, store, input));
}

export async function moveInterview(
  deps: Deps,
  store: Pick<Store, 'scheduling' | 'applications' | 'people' | 'audit' | 'outbox'>,
  input: ChangeInterviewInput & { startsAt: Date },
) {
  const found = await changeable(deps, store, input);
  if (!found.ok) return found;
  const before = found.value;
  if (input.startsAt.getTime() <= deps.clock.now().getTime()) {
    return fail('validation.failed', 'The new time is in the past.', { field: 'startsAt' });
  }
  const app = await store.applications.lock(before.orgId, before.applicationId);
  if (app?.status !== 'active') {
    return fail('application.not_active', `The application is ${app?.status ?? 'gone'}.`, {
      status: app?.status,
    });
  }
  const length = before.endsAt.getTime() - before.startsAt.getTime();
  const moved = await store.scheduling.moveInterview(before.orgId, before.id, {
    startsAt: input.startsAt,
    endsAt: new Date(input.startsAt.getTime() + length),
    reason: input.reason,
    participantIds: [...before.interviewerIds, before.candidateId],
  });
  const round = app.plan.find((r) => r.key === moved.roundKey);
  const holidays = await store.people.holidays(before.orgId);
  for (const person of await store.people.staff(before.orgId, moved.interviewerIds)) {
    const due = feedbackDueAt(moved.endsAt, person.timezone, round?.feedbackSlaDays ?? 2, holidays);
    await store.scheduling.setScorecardDue(moved.id, person.id, due);
  }
  await announce(store, input.actor, moved, 'rescheduled', {
    reason: input.reason,
    from: before.startsAt.toISOString(),
    to: moved.startsAt.toISOString(),
  });
  return ok(moved);
}

/** Cancels an interview: holds are released, feedback not yet given is dropped, invites are withdrawn. */
export function cancelInterview(deps: Deps, input: ChangeInterviewInput) {
  return deps.transaction((store) => cancelBooked(deps, store, input));
}

export async function cancelBooked(
  deps: Deps,
  store: Pick<Store, 'scheduling' | 'audit' | 'outbox'>,
  input: ChangeInterviewInput,
) {
  const found = await changeable(deps, store, input);
  if (!found.ok) return found;
  const cancelled = await store.scheduling.cancelInterview(found.value.orgId, found.value.id, input.reason);
  await store.scheduling.dropOpenScorecards(cancelled.id);
  await announce(store, input.actor, cancelled, 'cancelled', {
    reason: input.reason,
    applicationEnded: input.applicationEnded === true,
  });
  return ok(cancelled);
}

/**
 * An application that ended keeps no interviews: the ones still to come are cancelled, their
 * holds released and a cancellation sent to everyone, in the caller's transaction.
 */
export async function cancelUpcoming(
  deps: Deps,
  store: Pick<Store, 'scheduling' | 'audit' | 'outbox'>,
  actor: Actor,
  orgId: string,
  applicationId: string,
  reason: string,
) {
  const upcoming = await store.scheduling.upcoming(orgId, applicationId, deps.clock.now());
  for (const interviewId of upcoming) {
    const cancelled = await cancelBooked(deps, store, { actor, interviewId, reason, applicationEnded: true });
    if (!cancelled.ok) throw new Error(`${cancelled.error.code}: ${cancelled.error.message}`);
  }
  return upcoming;
}
