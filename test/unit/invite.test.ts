import ICAL from 'ical.js';
import { expect, it } from 'vitest';
import { messageRenderer } from '../../src/server/messages.js';

it('names with CRLF and quotes cannot add lines to a calendar invite', () => {
  const ics = messageRenderer.invite({
    method: 'REQUEST',
    uid: 'interview-1@hireloop',
    sequence: 0,
    title: 'Interview\r\nATTENDEE:mailto:title@evil.example',
    description: 'Round 1',
    location: 'https://meet.example/1',
    startsAt: new Date('2026-03-02T17:00:00Z'),
    endsAt: new Date('2026-03-02T18:00:00Z'),
    organizer: {
      name: 'Acme "Hiring"\r\nATTENDEE;RSVP=TRUE:mailto:evil@evil.example\r\nX-INJECTED:1',
      email: 'coordinator@acme.example',
    },
    attendees: [{ name: 'Ada\r\nX-INJECTED:2', email: 'candidate@example.com' }],
  });
  const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
  expect(event.getAllProperties('attendee').map((p) => p.getFirstValue())).toEqual([
    'mailto:candidate@example.com',
  ]);
  expect(event.getFirstProperty('x-injected')).toBeNull();
  expect(event.getFirstProperty('attendee')!.getParameter('cn')).toBe('Ada X-INJECTED:2');
  expect(event.getFirstProperty('organizer')!.getFirstValue()).toMatch(/^mailto:coordinator@acme\.example$/i);
  expect(event.getFirstProperty('organizer')!.getParameter('cn')).toBe(
    "Acme 'Hiring' ATTENDEE;RSVP=TRUE:mailto:evil@evil.example X-INJECTED:1",
  );
});
