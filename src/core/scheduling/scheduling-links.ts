import type { StaffAttendee } from '../availability/availability.port.js';
import { defaultCandidateHours, interviewSlots } from '../availability/availability.rules.js';
import type { Store } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor, SchedulingLink } from '../shared/types.js';
import { bookableWindow } from './scheduling.rules.js';

/**
 * The slots a link offers now for a candidate in `timezone`: times the panel and the candidate
 * can all attend, leaving out the interview booked through the link (so it can move).
 */
export async function offeredSlots(
  store: Pick<Store, 'availability'>,
  link: SchedulingLink,
  candidateId: string,
  timezone: string,
  now: Date,
): Promise<{ panel: StaffAttendee[]; slots: number[] }> {
  const window = bookableWindow({ start: link.windowStart.getTime(), end: link.windowEnd.getTime() }, now);
  if (window.end <= window.start) return { panel: [], slots: [] };
  const exclude = link.interviewId ?? undefined;
  const panel = await store.availability.attendees(link.orgId, link.interviewerIds, window, exclude);
  const candidate = {
    rules: { timezone, weeklyHours: defaultCandidateHours },
    busy: await store.availability.holds([candidateId], window, exclude),
    weeklyCap: Number.POSITIVE_INFINITY,
    booked: [],
  };
  return { panel, slots: interviewSlots([...panel, candidate], window, link.durationMinutes) };
}

/** The time zone the candidate sees slots in: the one they asked for, else their own. */
export async function zoneFor(
  store: Pick<Store, 'availability'>,
  orgId: string,
  candidateId: string,
  requested?: string,
) {
  return requested ?? (await store.availability.candidateZone(orgId, candidateId)).timezone;
}

/**
 * The link behind a token, locked, with the candidate acting through it; refused when unknown or
 * when the application is no longer active.
 */
export async function openLink(store: Pick<Store, 'scheduling' | 'applications'>, tokenHash: string) {
  const link = await store.scheduling.lockLink(tokenHash);
  if (!link) return fail('not_found', 'This scheduling link does not exist.');
  const app = await store.applications.lock(link.orgId, link.applicationId);
  if (app?.status !== 'active') {
    return fail('application.not_active', 'This application is no longer active.', { status: app?.status });
  }
  const actor: Actor = { kind: 'candidate', orgId: link.orgId, candidateId: app.candidateId };
  return ok({ link, actor, candidateId: app.candidateId });
}

/** Whether the candidate's chosen start is among the slots the link offers right now. */
export async function isOffered(
  store: Pick<Store, 'availability'>,
  opened: { link: SchedulingLink; candidateId: string },
  choice: { startsAt: Date; timezone?: string | undefined },
  now: Date,
) {
  const { link, candidateId } = opened;
  const timezone = await zoneFor(store, link.orgId, candidateId, choice.timezone);
  const { slots } = await offeredSlots(store, link, candidateId, timezone, now);
  return slots.includes(choice.startsAt.getTime());
}
