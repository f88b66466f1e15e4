import { localTime } from '../availability/availability.rules.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import { MAX_SLOTS } from './scheduling.rules.js';
import { offeredSlots, zoneFor } from './scheduling-links.js';
import { videoLink } from './video.js';

/**
 * What the candidate sees through their link: the round, their booking if any, and the open
 * slots in their time zone with each interviewer's own local time. The token is the only
 * credential; only its hash is looked up.
 */
export function viewSchedulingLink(
  deps: Deps,
  input: { token: string; timezone?: string | undefined; videoRoomBaseUrl: string },
) {
  return deps.transaction(async (store) => {
    const found = await store.scheduling.linkPage(deps.tokens.hash(input.token));
    if (!found) return fail('not_found', 'This scheduling link does not exist.');
    const { link, candidateId } = found;
    const now = deps.clock.now();
    const timezone = await zoneFor(store, link.orgId, candidateId, input.timezone);
    const booked = link.interviewId ? await store.scheduling.interview(link.orgId, link.interviewId) : null;
    const closed = now.getTime() > link.expiresAt.getTime() || found.applicationStatus !== 'active';
    const { slots, panel } = closed
      ? { slots: [], panel: [] }
      : await offeredSlots(store, link, candidateId, timezone, now);
    // A booked interview can move to any other open time, not to the one it has.
    const current = booked?.status === 'scheduled' ? booked.startsAt.getTime() : null;
    return ok({
      companyName: found.companyName,
      jobTitle: found.jobTitle,
      roundName: found.roundName,
      durationMinutes: link.durationMinutes,
      language: link.language,
      timezone,
      expiresAt: link.expiresAt.toISOString(),
      open: !closed,
      booked: booked && {
        interviewId: booked.id,
        status: booked.status,
        startsAt: booked.startsAt.toISOString(),
        startsAtLocal: localTime(booked.startsAt, timezone),
        videoUrl: videoLink(booked, input.videoRoomBaseUrl),
      },
      slots: slots
        .filter((t) => t !== current)
        .slice(0, MAX_SLOTS)
        .map((t) => ({
          startsAt: new Date(t).toISOString(),
          endsAt: new Date(t + link.durationMinutes * 60_000).toISOString(),
          startsAtLocal: localTime(new Date(t), timezone),
          interviewers: panel.map((p) => ({
            name: p.name,
            timezone: p.timezone,
            startsAtLocal: localTime(new Date(t), p.timezone),
          })),
        })),
    });
  });
}

export type LinkView = Extract<Awaited<ReturnType<typeof viewSchedulingLink>>, { ok: true }>['value'];
