import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import { bookInterview } from './schedule-interview.js';
import { checkLanguageConfirmed } from './scheduling.rules.js';
import { isOffered, openLink } from './scheduling-links.js';

export interface LinkChoice {
  /** The link's secret, from the address the candidate opened. */
  token: string;
  startsAt: Date;
  /** The zone the candidate sees times in; their own by default. */
  timezone?: string | undefined;
}

/**
 * Books the slot the candidate chose, for the link's round, panel and language, once they confirm
 * the language. Two candidates choosing one interviewer's slot at once: the database's hold
 * constraint lets exactly one through.
 */
export function bookFromLink(deps: Deps, input: LinkChoice & { confirmLanguage: string }) {
  return deps.transaction(async (store) => {
    const opened = await openLink(store, deps.tokens.hash(input.token));
    if (!opened.ok) return opened;
    const { link, actor } = opened.value;
    const now = deps.clock.now();
    if (now.getTime() > link.expiresAt.getTime())
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
    const language = checkLanguageConfirmed(link.language, input.confirmLanguage);
    if (!language.ok) return language;
    if (!(await isOffered(store, opened.value, input, now)))
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
