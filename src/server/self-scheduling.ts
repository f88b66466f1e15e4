import type { DomainError } from '../contracts/errors.js';
import { interviewSlots } from '../core/availability/availability.rules.js';
import { localTime } from '../core/feedback/business-days.rules.js';
import {
  bookFromLink,
  cancelFromLink,
  MIN_NOTICE_MS,
  rescheduleFromLink,
} from '../core/scheduling/self-scheduling.js';
import { videoLink } from '../core/scheduling/video.js';
import type { Result } from '../core/shared/result.js';
import type { Interview } from '../core/shared/types.js';
import { schedulingQueries } from '../db/scheduling/scheduling.queries.js';
import { hashToken } from './auth.js';
import type { AppContext } from './context.js';

type Link = NonNullable<Awaited<ReturnType<ReturnType<typeof schedulingQueries>['link']>>>;

/** At most this many slots are listed: two weeks of a generous panel. */
const MAX_SLOTS = 500;

/**
 * The candidate's side of a scheduling link, shared by the JSON API and the page the emailed link
 * opens: what the link offers in a time zone, and booking, moving or cancelling through it. The
 * token is the only credential; only its hash is looked up.
 */
export function selfScheduling(ctx: AppContext) {
  const scheduling = schedulingQueries(ctx.db, ctx.clock);

  /** The slots a link offers now in `timezone`, leaving out the interview booked through it (to move it). */
  async function offered(link: Link, timezone: string) {
    const now = ctx.clock.now().getTime();
    const window = {
      start: Math.max(link.window_start.getTime(), now + MIN_NOTICE_MS),
      end: link.window_end.getTime(),
    };
    if (window.end <= window.start) return { panel: [], slots: [] };
    const exclude = link.interview_id ?? undefined;
    const panel = await scheduling.attendees(link.org_id, link.interviewer_ids, window, exclude);
    const candidate = await scheduling.candidateAttendee(link.candidate_id, timezone, window, exclude);
    return { panel, slots: interviewSlots([...panel, candidate], window, link.duration_minutes) };
  }

  const zoneFor = async (link: Link, requested?: string) =>
    requested ?? (await scheduling.candidateZone(link.org_id, link.candidate_id)).timezone;

  /** What the candidate sees: the round, their booking if any, and open slots; null for an unknown token. */
  async function view(token: string, requestedZone?: string) {
    const link = await scheduling.link(hashToken(token));
    if (!link) return null;
    const timezone = await zoneFor(link, requestedZone);
    const booked = link.interview_id ? await scheduling.interviewSummary(link.interview_id) : null;
    const closed =
      ctx.clock.now().getTime() > link.expires_at.getTime() || link.application_status !== 'active';
    const { slots, panel } = closed ? { slots: [], panel: [] } : await offered(link, timezone);
    // A booked interview can move to any other open time, not to the one it has.
    const current = booked?.status === 'scheduled' ? booked.starts_at.getTime() : null;
    return {
      companyName: link.company_name,
      jobTitle: link.job_title,
      roundName: link.plan.find((r) => r.key === link.round_key)?.name ?? link.round_key,
      durationMinutes: link.duration_minutes,
      language: link.language,
      timezone,
      expiresAt: link.expires_at.toISOString(),
      open: !closed,
      booked: booked && {
        interviewId: booked.id,
        status: booked.status,
        startsAt: booked.starts_at.toISOString(),
        startsAtLocal: localTime(booked.starts_at, timezone),
        videoUrl: videoLink({ id: booked.id, videoUrl: booked.video_url }, ctx.config.VIDEO_ROOM_BASE_URL),
      },
      slots: slots
        .filter((t) => t !== current)
        .slice(0, MAX_SLOTS)
        .map((t) => ({
          startsAt: new Date(t).toISOString(),
          endsAt: new Date(t + link.duration_minutes * 60_000).toISOString(),
          startsAtLocal: localTime(new Date(t), timezone),
          interviewers: panel.map((p) => ({
            name: p.name,
            timezone: p.timezone,
            startsAtLocal: localTime(new Date(t), p.timezone),
          })),
        })),
    };
  }

  const unknown = {
    ok: false as const,
    error: { code: 'not_found' as const, message: 'This scheduling link does not exist.' },
  };

  /** The candidate's choice, with whether the link offers that start right now. */
  async function choice(token: string, startsAt: string, timezone?: string) {
    const link = await scheduling.link(hashToken(token));
    if (!link) return null;
    const { slots } = await offered(link, await zoneFor(link, timezone));
    const at = Date.parse(startsAt);
    return { tokenHash: hashToken(token), startsAt: new Date(at), offered: slots.includes(at) };
  }

  return {
    view,
    async book(
      token: string,
      input: { startsAt: string; confirmLanguage: string; timezone?: string | undefined },
    ): Promise<Result<Interview, DomainError>> {
      const picked = await choice(token, input.startsAt, input.timezone);
      return picked ? bookFromLink(ctx.deps, { ...picked, confirmLanguage: input.confirmLanguage }) : unknown;
    },
    async reschedule(
      token: string,
      input: { startsAt: string; reason: string; timezone?: string | undefined },
    ): Promise<Result<Interview, DomainError>> {
      const picked = await choice(token, input.startsAt, input.timezone);
      return picked ? rescheduleFromLink(ctx.deps, { ...picked, reason: input.reason }) : unknown;
    },
    cancel: (token: string, reason: string): Promise<Result<Interview, DomainError>> =>
      cancelFromLink(ctx.deps, { tokenHash: hashToken(token), reason }),
  };
}
