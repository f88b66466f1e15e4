import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor, SchedulingLink } from '../shared/types.js';
import { meetingFor } from './schedule-interview.js';
import { linkWindow } from './scheduling.rules.js';

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
  /** Where the candidate's page is; the link's secret is appended to it. */
  pageUrl: string;
}

/**
 * Sends the candidate a link to pick their own time for the current round with the given panel.
 * The link lists slots until the window ends; only a hash of its secret is stored.
 */
export function createSchedulingLink(deps: Deps, input: CreateLinkInput) {
  return deps.transaction(async (store) => {
    const { actor } = input;
    if (actor.kind !== 'staff') return fail('permission.denied', 'Only staff send scheduling links.');
    const meeting = await meetingFor(store, actor.orgId, input);
    if (!meeting.ok) return meeting;
    const { app, round, minutes, ids } = meeting.value;
    const now = deps.clock.now();
    const window = linkWindow(now, input.windowStart, input.windowEnd);
    if (!window.ok) return window;
    const { windowStart, windowEnd } = window.value;
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
    const token = deps.tokens.next();
    const url = `${input.pageUrl}/${token}`;
    await store.scheduling.insertLink({ ...link, tokenHash: deps.tokens.hash(token), createdAt: now });
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
        url,
        roundName: round.name,
        durationMinutes: minutes,
        language: input.language,
        languageName:
          new Intl.DisplayNames(['en'], { type: 'language' }).of(input.language) ?? input.language,
        expiresOn: windowEnd.toISOString().slice(0, 10),
      },
    });
    return ok({ ...link, url });
  });
}
