import { createEvent, type EventAttributes } from 'ics';
import Mustache from 'mustache';
import type { MessageRenderer } from '../core/notifications/notifications.port.js';

// Emails are plain text: nothing to escape.
const plain = { escape: (value: string) => value };
const utcParts = (d: Date) =>
  [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()] as [
    number,
    number,
    number,
    number,
    number,
  ];

/**
 * A parameter value such as ORGANIZER;CN=: the ics package quotes it but passes line breaks through,
 * so a company name with CRLF would add lines to the invite. RFC 5545 allows no control characters
 * and no double quote inside a parameter value.
 */
const parameterValue = (text: string) =>
  text
    .replace(/\p{Cc}+/gu, ' ')
    .replaceAll('"', "'")
    .trim();

export const messageRenderer: MessageRenderer = {
  render(text, data) {
    return {
      subject: Mustache.render(text.subject, data, {}, plain).trim(),
      body: Mustache.render(text.body, data, {}, plain),
    };
  },
  invite(input) {
    // Calendar invites are written in UTC; each reader's client shows their own zone.
    const event: EventAttributes = {
      uid: input.uid,
      method: input.method,
      sequence: input.sequence,
      ...(input.method === 'CANCEL' ? { status: 'CANCELLED' as const } : {}),
      title: input.title,
      description: input.description,
      location: input.location,
      url: input.location,
      start: utcParts(input.startsAt),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: utcParts(input.endsAt),
      endInputType: 'utc',
      endOutputType: 'utc',
      organizer: { name: parameterValue(input.organizer.name), email: input.organizer.email },
      attendees: input.attendees.map((a) => ({
        name: parameterValue(a.name),
        email: a.email,
        rsvp: true,
        role: 'REQ-PARTICIPANT' as const,
      })),
      productId: 'hireloop',
    };
    // An address the calendar format refuses must not cost the invite: send it without attendees.
    const first = createEvent(event);
    const { error, value } = first.error ? createEvent({ ...event, attendees: [] }) : first;
    if (error || !value) throw error ?? new Error('calendar invite could not be written');
    return value;
  },
};
