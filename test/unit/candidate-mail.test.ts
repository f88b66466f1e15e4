import { describe, expect, it } from 'vitest';
import {
  answerDueAt,
  answerStageAt,
  excerptOf,
  MAX_SCHEDULE_DAYS,
  sendTime,
} from '../../src/core/messages/messages.rules.js';
import { htmlAsText, plainText, replyTokenOf, separateReply } from '../../src/server/inbound-mail.js';

const HOUR = 3_600_000;

describe('an answer to a candidate is due within one business day', () => {
  it("at the end of the next business day in the team's zone", () => {
    // Monday 2026-03-02 09:00 UTC is Monday 01:00 in Los Angeles: due Tuesday 23:59:59.999 there.
    expect(
      answerDueAt(new Date('2026-03-02T09:00:00Z'), 'America/Los_Angeles', new Set()).toISOString(),
    ).toBe('2026-03-04T07:59:59.999Z');
  });
  it('skips weekends and holidays', () => {
    // Friday 2026-03-06 in Singapore; Monday is a holiday: due Tuesday.
    const due = answerDueAt(new Date('2026-03-06T02:00:00Z'), 'Asia/Singapore', new Set(['2026-03-09']));
    expect(due.toISOString()).toBe('2026-03-10T15:59:59.999Z');
  });
  it('a reminder once due, an escalation a day later, nothing before', () => {
    const due = new Date('2026-03-04T08:00:00Z');
    expect(answerStageAt(due, new Date(due.getTime() - 1))).toBe(0);
    expect(answerStageAt(due, due)).toBe(1);
    expect(answerStageAt(due, new Date(due.getTime() + 24 * HOUR - 1))).toBe(1);
    expect(answerStageAt(due, new Date(due.getTime() + 24 * HOUR))).toBe(2);
  });
});

describe('when a message goes', () => {
  const now = new Date('2026-03-02T09:00:00Z');
  it('now without a time or one just passed; the time given when later; refused well in the past or past the horizon', () => {
    expect(sendTime(now, undefined)).toEqual(now);
    expect(sendTime(now, new Date(now.getTime() - 60_000))).toEqual(now);
    expect(sendTime(now, new Date(now.getTime() - HOUR))).toBe('in_past');
    expect(sendTime(now, new Date(now.getTime() + HOUR))).toEqual(new Date(now.getTime() + HOUR));
    expect(sendTime(now, new Date(now.getTime() + (MAX_SCHEDULE_DAYS * 24 + 1) * HOUR))).toBe('too_far');
  });
  it('a notification quotes a reply in one short line', () => {
    expect(excerptOf('Hello\n\n  there')).toBe('Hello there');
    expect(excerptOf('x'.repeat(400))).toHaveLength(300);
  });
});

describe('reading a reply', () => {
  it('the reply address token, only on our domain', () => {
    const token = 'A'.repeat(43);
    expect(replyTokenOf(`reply+${token}@replies.example.com`, 'replies.example.com')).toBe(token);
    expect(replyTokenOf(`Reply+${token}@REPLIES.example.com`, 'replies.example.com')).toBe(token);
    expect(replyTokenOf(`reply+${token}@other.example.com`, 'replies.example.com')).toBeNull();
    expect(replyTokenOf('reply+short@replies.example.com', 'replies.example.com')).toBeNull();
    expect(replyTokenOf(`someone@replies.example.com`, 'replies.example.com')).toBeNull();
  });

  it.each([
    ['Gmail', 'Tuesday works.\n\nOn Mon, 2 Mar 2026 at 09:00, Hireloop <reply+x@y.z> wrote:\n> Hi\n> there'],
    [
      'a wrapped header',
      'Tuesday works.\n\nOn Mon, 2 Mar 2026 at 09:00, Hireloop <reply+x@y.z>\nwrote:\n> Hi',
    ],
    [
      'Outlook',
      'Tuesday works.\n\nFrom: Hireloop <no-reply@x.y>\nSent: Monday, 2 March 2026 09:00\nTo: Ada\nSubject: Hi\n\nHi',
    ],
    ['an original message rule', 'Tuesday works.\n-----Original Message-----\nHi'],
    ['a signature', 'Tuesday works.\n-- \nAda Lovelace\n+44 20 0000 0000'],
    ['French', 'Tuesday works.\n\nLe lun. 2 mars 2026 à 09:00, Hireloop <a@b.c> a écrit :\n> Bonjour'],
    ['a trailing quote', 'Tuesday works.\n\n> Hi\n> there\n'],
  ])('separates the reply from the quoted history (%s)', (_, text) => {
    const { body, quoted } = separateReply(text);
    expect(body).toBe('Tuesday works.');
    expect(quoted.length).toBeGreaterThan(0);
  });

  it('keeps interleaved answers and a message that is all quote', () => {
    expect(separateReply('> When?\nTuesday.\n> Where?\nOnline.').body).toBe(
      '> When?\nTuesday.\n> Where?\nOnline.',
    );
    expect(separateReply('> only a quote').body).toBe('> only a quote');
  });

  it('plain text only: no zero bytes, control or bidirectional-override characters', () => {
    expect(plainText('a\u0000b\u0007c\r\nd\u202ee\tf')).toBe('abc\nde\tf');
  });

  it('HTML becomes words: no markup, scripts, styles, images or link targets', () => {
    const text = htmlAsText(
      '<p>Hello <b>team</b></p><script>alert(1)</script><style>p{color:red}</style><img src=x onerror=alert(2)><a href="javascript:alert(3)">me</a>',
    );
    expect(text).toContain('Hello team');
    expect(text).toContain('me');
    for (const hostile of ['<', 'alert', 'javascript:', 'color:red']) expect(text).not.toContain(hostile);
  });
});

describe('inbound mail configuration', () => {
  it('a listener port needs the reply domain, and a bad domain is named', async () => {
    const { loadConfig } = await import('../../src/server/config.js');
    expect(() => loadConfig({ INBOUND_SMTP_PORT: '2525' })).toThrow(/INBOUND_DOMAIN: is needed/);
    expect(() => loadConfig({ INBOUND_SMTP_PORT: '2525', INBOUND_DOMAIN: 'not a domain' })).toThrow(
      /INBOUND_DOMAIN: must be a domain name/,
    );
    const config = loadConfig({ INBOUND_SMTP_PORT: '2525', INBOUND_DOMAIN: 'replies.example.com' });
    expect(config).toMatchObject({ INBOUND_SMTP_PORT: 2525, INBOUND_DOMAIN: 'replies.example.com' });
    expect(loadConfig({}).INBOUND_SMTP_PORT).toBeUndefined();
  });
});
