import type { DomainError } from '../../contracts/errors.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import type { BusyBlock, CalendarSource } from './availability.port.js';
import type { Interval } from './intervals.js';
import { manageable } from './manageable.js';

/** Busy time is imported from a day ago to this many days ahead. */
const CALENDAR_DAYS = 90;
const DAY = 86_400_000;
/** A feed is read again once its last check is this old. */
const FEED_STALE_MS = 3_600_000;

export type CalendarDeps = Deps & { calendars: CalendarSource };

const calendarWindow = (now: Date): Interval => ({
  start: now.getTime() - DAY,
  end: now.getTime() + CALENDAR_DAYS * DAY,
});

/** Replaces the staff member's imported busy time with `blocks`, with its audit event. */
function storeBusy(
  deps: Deps,
  input: { orgId: string; actor: Actor | { kind: 'system' }; userId: string; blocks: BusyBlock[] },
) {
  return deps.transaction(async (store) => {
    const blocks = input.blocks.map((b) => ({ ...b, id: deps.ids.next() }));
    await store.availability.replaceCalendarBusy(input.orgId, input.userId, blocks, deps.clock.now());
    await store.audit.record({
      orgId: input.orgId,
      actor: input.actor,
      entityType: 'user',
      entityId: input.userId,
      action: 'availability.calendar_imported',
      data: { userId: input.userId, blocks: blocks.length },
    });
    return ok(blocks.length);
  });
}

/**
 * Imports a staff member's busy time from an iCalendar file, or from their calendar feed when no
 * file is given, replacing the previous import. The file is read before the transaction opens.
 */
export async function importCalendar(
  deps: CalendarDeps,
  input: { actor: Actor; userId: string; ics?: string | undefined },
) {
  const allowed = await deps.transaction((store) => manageable(store, input.actor, input.userId));
  if (!allowed.ok) return allowed;
  const { actor, profile } = allowed.value;
  let text: Result<string, DomainError>;
  if (input.ics !== undefined) text = ok(input.ics);
  else if (profile.calendarUrl) text = await deps.calendars.fetch(profile.calendarUrl);
  else {
    return fail('validation.failed', 'No calendar feed URL is set for this interviewer.', {
      field: 'calendarUrl',
    });
  }
  if (!text.ok) return text;
  const window = calendarWindow(deps.clock.now());
  const blocks = deps.calendars.busy(text.value, profile.timezone, window);
  if (!blocks.ok) return blocks;
  const stored = await storeBusy(deps, {
    orgId: actor.orgId,
    actor,
    userId: input.userId,
    blocks: blocks.value,
  });
  if (!stored.ok) return stored;
  return ok({ imported: stored.value, from: new Date(window.start), to: new Date(window.end) });
}

/**
 * Re-reads the calendar feeds not checked for an hour, a few at a time; a feed that cannot be
 * read keeps its busy time and records why, for its owner to see.
 */
export async function refreshCalendarFeeds(deps: CalendarDeps, input: { limit: number }) {
  const due = await deps.transaction(async (store) =>
    ok(await store.availability.dueFeeds(new Date(deps.clock.now().getTime() - FEED_STALE_MS), input.limit)),
  );
  const failed: { userId: string; error: string }[] = [];
  for (const feed of due.ok ? due.value : []) {
    const text = await deps.calendars.fetch(feed.calendarUrl);
    const blocks = text.ok
      ? deps.calendars.busy(text.value, feed.timezone, calendarWindow(deps.clock.now()))
      : text;
    const stored = blocks.ok
      ? await storeBusy(deps, {
          orgId: feed.orgId,
          actor: { kind: 'system' },
          userId: feed.userId,
          blocks: blocks.value,
        })
      : blocks;
    if (stored.ok) continue;
    failed.push({ userId: feed.userId, error: stored.error.message });
    await deps.transaction(async (store) => {
      await store.availability.calendarFailed(feed.userId, stored.error.message, deps.clock.now());
      return ok(null);
    });
  }
  return ok({ checked: due.ok ? due.value.length : 0, failed });
}
