import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { BusyBlock, CalendarSource } from '../core/availability/availability.port.js';
import type { Interval } from '../core/availability/intervals.js';
import { fail, ok } from '../core/shared/result.js';
import { OutboundRefused, outboundFetch } from './outbound.js';

/** Calendars larger than this are refused: a busy feed for a few months is far smaller. */
const MAX_CALENDAR_BYTES = 2 * 1024 * 1024;
const MAX_BLOCKS = 5000;
const FETCH_TIMEOUT_MS = 10_000;

export class CalendarError extends Error {
  constructor(
    readonly code: 'calendar.invalid' | 'calendar.fetch_failed',
    message: string,
  ) {
    super(message);
  }
}

/**
 * An ICAL time as a UTC instant. Times in UTC or in a zone the file defines convert directly;
 * a TZID the file does not define is read as an IANA name; floating times (no zone) are the
 * interviewer's own wall-clock time.
 */
function instant(time: ICAL.Time, fallbackZone: string): number {
  const tzid = time.zone?.tzid;
  if (tzid === 'UTC' || (time.zone && tzid !== 'floating' && ICAL.TimezoneService.has(tzid ?? ''))) {
    return time.toUnixTime() * 1000;
  }
  const fields = {
    year: time.year,
    month: time.month,
    day: time.day,
    hour: time.isDate ? 0 : time.hour,
    minute: time.isDate ? 0 : time.minute,
    second: time.isDate ? 0 : time.second,
  };
  // ical.js keeps a TZID it has no definition for here (missing from its types).
  const tzName = (time as unknown as { timezone?: string }).timezone;
  const named = tzName ? DateTime.fromObject(fields, { zone: tzName }) : null;
  return (named?.isValid ? named : DateTime.fromObject(fields, { zone: fallbackZone })).toMillis();
}

/**
 * Busy time in an iCalendar file (RFC 5545) within `window`: every opaque, not-cancelled event,
 * recurring ones expanded, and the busy periods of any VFREEBUSY. All-day events block the whole
 * local day of the interviewer.
 */
function busyFromIcs(text: string, zone: string, window: Interval): BusyBlock[] {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown as unknown[]);
  } catch (error) {
    throw new CalendarError('calendar.invalid', `Not an iCalendar file: ${(error as Error).message}`);
  }
  if (root.name !== 'vcalendar')
    throw new CalendarError('calendar.invalid', 'Not an iCalendar file: no VCALENDAR.');
  // Zones the file defines are registered for this reading only: the registry is process-wide.
  const defined = root
    .getAllSubcomponents('vtimezone')
    .map((tz) => String(tz.getFirstPropertyValue('tzid') ?? ''))
    .filter((tzid) => tzid !== '' && !ICAL.TimezoneService.has(tzid));
  for (const tz of root.getAllSubcomponents('vtimezone')) {
    if (defined.includes(String(tz.getFirstPropertyValue('tzid')))) ICAL.TimezoneService.register(tz);
  }
  try {
    return readBusy(root, zone, window);
  } finally {
    for (const tzid of defined) ICAL.TimezoneService.remove(tzid);
  }
}

function readBusy(root: ICAL.Component, zone: string, window: Interval): BusyBlock[] {
  const blocks: BusyBlock[] = [];
  const add = (start: number, end: number, summary: string) => {
    if (end > window.start && start < window.end && end > start) {
      blocks.push({ startsAt: new Date(start), endsAt: new Date(end), summary });
      if (blocks.length > MAX_BLOCKS)
        throw new CalendarError('calendar.invalid', `More than ${MAX_BLOCKS} busy periods in the window.`);
    }
  };

  for (const component of root.getAllSubcomponents('vevent')) {
    if (String(component.getFirstPropertyValue('transp') ?? '').toUpperCase() === 'TRANSPARENT') continue;
    if (String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') continue;
    const event = new ICAL.Event(component);
    if (!event.startDate) continue;
    const summary = event.summary ?? '';
    const span = (start: ICAL.Time, end: ICAL.Time | null) => {
      const from = instant(start, zone);
      const to = end ? instant(end, zone) : start.isDate ? from + 86_400_000 : from;
      add(from, to, summary);
    };
    if (!event.isRecurring()) {
      span(event.startDate, event.endDate);
      continue;
    }
    const occurrences = event.iterator();
    for (let next = occurrences.next(), n = 0; next && n < 10_000; next = occurrences.next(), n++) {
      const details = event.getOccurrenceDetails(next);
      if (instant(details.startDate, zone) >= window.end) break;
      span(details.startDate, details.endDate);
    }
  }
  for (const component of root.getAllSubcomponents('vfreebusy')) {
    for (const property of component.getAllProperties('freebusy')) {
      const type = String(property.getParameter('fbtype') ?? 'BUSY').toUpperCase();
      if (type === 'FREE') continue;
      for (const value of property.getValues() as ICAL.Period[]) {
        const start = instant(value.start, zone);
        const end = value.end ? instant(value.end, zone) : instant(value.getEnd(), zone);
        add(start, end, 'busy');
      }
    }
  }
  return blocks;
}

/** Reads a calendar feed over HTTP(S), refusing slow, huge or non-calendar answers. */
export async function fetchCalendar(url: string, allowPrivateNetwork: boolean): Promise<string> {
  const target = url.replace(/^webcal:/i, 'https:');
  let response: Awaited<ReturnType<typeof outboundFetch>>;
  try {
    response = await outboundFetch(
      target,
      {
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
        // A redirect could lead to a private address; feeds are fetched from the address given.
        redirect: 'error',
        headers: { accept: 'text/calendar' },
      },
      { allowPrivate: allowPrivateNetwork },
    );
  } catch (error) {
    if (error instanceof OutboundRefused)
      throw new CalendarError('calendar.fetch_failed', `The calendar was not fetched: ${error.message}.`);
    throw new CalendarError(
      'calendar.fetch_failed',
      `The calendar could not be fetched: ${(error as Error).message}`,
    );
  }
  if (!response.ok)
    throw new CalendarError('calendar.fetch_failed', `The calendar answered HTTP ${response.status}.`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_CALENDAR_BYTES)
    throw new CalendarError('calendar.fetch_failed', 'The calendar is larger than 2 MB.');
  const body = new Uint8Array(await response.arrayBuffer());
  if (body.byteLength > MAX_CALENDAR_BYTES)
    throw new CalendarError('calendar.fetch_failed', 'The calendar is larger than 2 MB.');
  return new TextDecoder().decode(body);
}

/**
 * The calendar port: iCalendar read with ical.js, feeds fetched over the network. A file that
 * cannot be read, for whatever reason, is refused as invalid rather than failing the request.
 */
export function calendarSource(allowPrivateNetwork: boolean): CalendarSource {
  const refusal = (error: unknown, code: CalendarError['code']) =>
    fail(error instanceof CalendarError ? error.code : code, (error as Error).message);
  return {
    busy(ics, zone, window) {
      try {
        return ok(busyFromIcs(ics, zone, window));
      } catch (error) {
        return refusal(error, 'calendar.invalid');
      }
    },
    async fetch(url) {
      try {
        return ok(await fetchCalendar(url, allowPrivateNetwork));
      } catch (error) {
        return refusal(error, 'calendar.fetch_failed');
      }
    },
  };
}
