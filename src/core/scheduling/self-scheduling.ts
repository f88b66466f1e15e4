import type { Deps, Store } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor, SchedulingLink } from '../shared/types.js';
import { cancelBooked, moveInterview } from './change-interview.js';
import { bookInterview, meetingFor } from './schedule-interview.js';

const DAY = 86_400_000;
/** Slots start no sooner than this after the candidate looks, so nobody is booked for the next hour. */
export const MIN_NOTICE_MS = 12 * 3_600_000;

export interface CreateLinkInput {
  actor: Actor;
  applicationId: string;
  roundKey: string;
  interviewerIds: string[];
  language: string;
  durationMinutes?: number | undefined;
  videoUrl?: string | undefined;
  windowStart?: Date | undefined;
  windowEnd?: Date | undefined;
  /** The link's secret is made by the caller; only its hash is stored. */
  tokenHash: string;
  url: string;
}

/**
 * Sends the candidate a link to pick their own time for the current round with the given panel
 * (R-ROUND-1: only the current round). The link lists slots until the window ends.
 */
export function createSchedulingLink(deps: Deps, input: CreateLinkInput) {
  return deps.transaction(async (store) => {
    const { actor } = input;
    if (actor.kind !== 'staff') return fail('permission.denied', 'Only staff send scheduling links.');
    const meeting = await meetingFor(store, actor.orgId, input);
    if (!meeting.ok) return meeting;
    const { app, round, minutes, ids } = meeting.value;
    const now = deps.clock.now().getTime();
    const windowStart = input.windowStart ?? new Date(now + DAY);
    const windowEnd = input.windowEnd ?? new Date(windowStart.getTime() + 14 * DAY);
    if (windowEnd.getTime() <= now + MIN_NOTICE_MS) {
      return fail('scheduling.invalid_window', 'The window must end at least 12 hours from now.', {
        field: 'windowEnd',
      });
    }
    const link: SchedulingLink = {
      id: deps.ids.next(),
      orgId: actor.orgId,
      applicationId: app.id,
      roundKey: round.key,
      interviewerIds: ids,
      durationMinutes: minutes,
      language: input.language,
      videoUrl: input.videoUrl ?? null,
      windowStart,
      windowEnd,
      interviewId: null,
      expiresAt: windowEnd,
      createdBy: actor.userId,
    };
    await store.scheduling.insertLink({ ...link, tokenHash: input.tokenHash, createdAt: deps.clock.now() });
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'application',
      entityId: app.id,
      action: 'interview.link_sent',
      data: { linkId: link.id, roundKey: round.key, interviewerIds: ids, language: input.language },
    });
    await store.outbox.enqueue({
      orgId: actor.orgId,
      kind: 'candidate.scheduling_link',
      dedupeKey: `scheduling_link:${link.id}`,
      payload: {
        applicationId: app.id,
        candidateId: app.candidateId,
        url: input.url,
        roundName: round.name,
        durationMinutes: minutes,
        language: input.language,
        languageName:
          new Intl.DisplayNames(['en'], { type: 'language' }).of(input.language) ?? input.language,
        expiresOn: windowEnd.toISOString().slice(0, 10),
      },
    });
    return ok(link);
  });
}

/** The link behind a token, locked; refused when unknown or, for a new booking, expired. */
async function openLink(deps: Deps, store: Store, tokenHash: string) {
  const link = await store.scheduling.lockLink(tokenHash);
  if (!link) return fail('not_found', 'This scheduling link does not exist.');
  const app = await store.applications.lock(link.orgId, link.applicationId);
  if (app?.status !== 'active') {
    return fail('application.not_active', 'This application is no longer active.', { status: app?.status });
  }
  const actor: Actor = { kind: 'candidate', orgId: link.orgId, candidateId: app.candidateId };
  return ok({ link, actor, expired: deps.clock.now().getTime() > link.expiresAt.getTime() });
}

export interface LinkChoice {
  tokenHash: string;
  startsAt: Date;
  /** Whether the chosen start is among the slots the link offers right now. */
  offered: boolean;
}

/**
 * Books the slot the candidate chose, for the link's round, panel and language. The language
 * must be confirmed (R-ROUND-6). Two candidates choosing one interviewer's slot at once: the
 * database's hold constraint lets exactly one through.
 */
export function bookFromLink(deps: Deps, input: LinkChoice & { confirmLanguage: string }) {
  return deps.transaction(async (store) => {
    const opened = await openLink(deps, store, input.tokenHash);
    if (!opened.ok) return opened;
    const { link, actor, expired } = opened.value;
    if (expired)
      return fail(
        'scheduling.link_expired',
        'This scheduling link has expired; ask your recruiter for a new one.',
      );
    if (
      link.interviewId &&
      (await store.scheduling.lockInterview(link.orgId, link.interviewId))?.status === 'scheduled'
    ) {
      return fail(
        'scheduling.already_booked',
        'This interview is already booked; use the link to move or cancel it.',
      );
    }
    if (input.confirmLanguage !== link.language) {
      return fail(
        'scheduling.language_not_confirmed',
        `The interview is held in "${link.language}"; confirm it to book.`,
        {
          field: 'confirmLanguage',
          language: link.language,
        },
      );
    }
    if (!input.offered)
      return fail('scheduling.slot_unavailable', 'That time is no longer available; pick another.', {
        field: 'startsAt',
      });
    const booked = await bookInterview(deps, store, {
      actor,
      applicationId: link.applicationId,
      roundKey: link.roundKey,
      startsAt: input.startsAt,
      durationMinutes: link.durationMinutes,
      interviewerIds: link.interviewerIds,
      language: link.language,
      videoUrl: link.videoUrl,
      languageConfirmed: true,
      createdBy: link.createdBy,
    });
    if (!booked.ok) return booked;
    await store.scheduling.markLinkBooked(link.id, booked.value.id);
    return ok(booked.value);
  });
}

/** The candidate moves the interview booked through their link to another offered slot. */
export function rescheduleFromLink(deps: Deps, input: LinkChoice & { reason: string }) {
  return deps.transaction(async (store) => {
    const opened = await openLink(deps, store, input.tokenHash);
    if (!opened.ok) return opened;
    const { link, actor } = opened.value;
    if (!link.interviewId) return fail('scheduling.not_booked', 'Nothing is booked through this link yet.');
    if (!input.offered)
      return fail('scheduling.slot_unavailable', 'That time is not available; pick another.', {
        field: 'startsAt',
      });
    return moveInterview(deps, store, {
      actor,
      interviewId: link.interviewId,
      startsAt: input.startsAt,
      reason: input.reason,
    });
  });
}

export function cancelFromLink(deps: Deps, input: { tokenHash: string; reason: string }) {
  return deps.transaction(async (store) => {
    const opened = await openLink(deps, store, input.tokenHash);
    if (!opened.ok) return opened;
    const { link, actor } = opened.value;
    if (!link.interviewId) return fail('scheduling.not_booked', 'Nothing is booked through this link yet.');
    return cancelBooked(deps, store, { actor, interviewId: link.interviewId, reason: input.reason });
  });
}
