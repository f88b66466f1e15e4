import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requestSignInLink } from '../../src/core/accounts/request-sign-in-link.js';
import { decideApplicationRound } from '../../src/core/applications/decide-round.js';
import { submitApplication } from '../../src/core/applications/submit-application.js';
import { withdrawApplication } from '../../src/core/applications/withdraw-application.js';
import { dispatchEvents } from '../../src/core/notifications/dispatch-events.js';
import { retryDelivery } from '../../src/core/notifications/retry-delivery.js';
import { saveNotificationSettings } from '../../src/core/notifications/save-notification-settings.js';
import { savePreferences } from '../../src/core/notifications/save-preferences.js';
import { cancelInterview, rescheduleInterview } from '../../src/core/scheduling/change-interview.js';
import { scheduleInterview } from '../../src/core/scheduling/schedule-interview.js';
import type { Database } from '../../src/db/database.js';
import { notificationQueries } from '../../src/db/notifications/notifications.queries.js';
import { deliverDue, runOnce } from '../../src/server/jobs/worker.js';
import { openTestDatabase } from '../support/db.js';
import { startSmtp } from '../support/smtp.js';
import { testWorker } from '../support/worker.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

let database: Database;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let world: World;
let clock: TestClock;
let worker: ReturnType<typeof testWorker>;

beforeAll(async () => {
  database = await openTestDatabase();
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
  await database.close();
});
beforeEach(async () => {
  smtp.received.length = 0;
  clock = new TestClock();
  world = await buildWorld(database, clock);
  worker?.close();
  worker = testWorker(world, smtp.url);
  await worker.drain();
  smtp.received.length = 0;
});

const submit = async (candidate = world.candidate(), jobId = world.jobs.fullTimeA.id) =>
  ok(await submitApplication(world.deps, { actor: world.staff.recruiter, jobId, candidate, source: 'test' }))
    .application;
/** The technical interview booked by the coordinator for 2026-03-10 02:00 UTC. */
const bookTech = async (
  applicationId: string,
  interviewerIds = [world.staff.interviewer.userId],
  language = 'en',
) =>
  ok(
    await scheduleInterview(world.deps, {
      actor: world.staff.coordinator,
      applicationId,
      roundKey: 'tech',
      startsAt: new Date('2026-03-10T02:00:00Z'),
      interviewerIds,
      language,
    }),
  );
/** The iCalendar text of a message, from its attachment or, inline, from the raw source. */
const calendarOf = (message: (typeof smtp.received)[number]) => {
  const part = message.mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  const text = part
    ? part.content.toString('utf8')
    : message.raw.slice(message.raw.indexOf('BEGIN:VCALENDAR'), message.raw.indexOf('END:VCALENDAR') + 13);
  return text.replace(/=\r?\n/g, '');
};
const to = (address: string) =>
  smtp.received.filter((m) => m.envelopeTo.some((r) => r.toLowerCase() === address.toLowerCase()));

describe('email over SMTP', () => {
  it('an application confirmation reaches the candidate with where they are and what comes next', async () => {
    const person = world.candidate();
    await submit(person);
    await worker.drain();
    const [mail] = to(person.email);
    expect(mail?.mail.subject).toBe('We received your application for full_time job');
    expect(mail?.mail.from?.value[0]).toMatchObject({ name: 'Hireloop', address: 'no-reply@hireloop.test' });
    expect(mail?.mail.text).toContain('Where you are: Resume.');
    expect(mail?.mail.text).toContain('What happens next: Technical.');
    expect(mail?.mail.messageId).toMatch(/^<[0-9a-f-]{36}@hireloop>$/);
  });

  it('an interview invitation carries a text/calendar part in UTC, to the candidate and every interviewer', async () => {
    const person = world.candidate();
    const app = await world.atTechnicalRound(person);
    await bookTech(app.id, [world.staff.interviewer.userId, world.staff.hiring_manager.userId], 'zh');
    await worker.drain();
    const recipients = [person.email, world.staff.interviewer.email, world.staff.hiring_manager.email];
    for (const address of recipients) {
      const invite = to(address).find((m) => m.raw.includes('text/calendar'));
      expect(invite, address).toBeDefined();
      const event = new ICAL.Event(
        new ICAL.Component(ICAL.parse(calendarOf(invite!))).getFirstSubcomponent('vevent')!,
      );
      expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-10T02:00:00.000Z');
      expect(event.endDate.toJSDate().toISOString()).toBe('2026-03-10T03:00:00.000Z');
      expect(event.summary).toBe('Technical — full_time job');
    }
    const candidateMail = to(person.email).find((m) => m.raw.includes('text/calendar'))!;
    expect(candidateMail.mail.subject).toBe('Interview scheduled: Technical for full_time job');
    expect(candidateMail.mail.text).toContain('in zh');
  });

  it("R-ORG-2: each invite gives the time in the reader's zone first and the other party's second, with real names and organizer", async () => {
    const person = world.candidate();
    const app = await world.atTechnicalRound(person);
    await world.db
      .updateTable('users')
      .set({ timezone: 'America/Los_Angeles' })
      .where('id', '=', world.staff.interviewer.userId)
      .execute();
    await world.db
      .updateTable('candidates')
      .set({ timezone: 'Asia/Shanghai' })
      .where('id', '=', app.candidateId)
      .execute();
    const interview = await bookTech(app.id);
    await worker.drain();
    const candidateMail = to(person.email).find((m) => m.raw.includes('text/calendar'))!;
    expect(candidateMail.mail.text).toContain(
      'Tuesday 10 March, 10:00–11:00 Shanghai time — 19:00 Monday in Los Angeles for your interviewer',
    );
    const panelMail = to(world.staff.interviewer.email).find((m) => m.raw.includes('text/calendar'))!;
    expect(panelMail.mail.text).toContain(
      'Monday 9 March, 19:00–20:00 Los Angeles time — 10:00 Tuesday in Shanghai for the candidate',
    );
    expect(panelMail.mail.text).toContain(`/app/interviews/${interview.id}`);
    expect(panelMail.mail.text).not.toContain('/api/interviews/');
    for (const mail of [candidateMail, panelMail]) {
      const event = new ICAL.Component(ICAL.parse(calendarOf(mail))).getFirstSubcomponent('vevent')!;
      const organizer = event.getFirstProperty('organizer')!;
      expect(String(organizer.getFirstValue()).toLowerCase()).toBe(`mailto:${world.staff.coordinator.email}`);
      expect(organizer.getParameter('cn')).toBe('coordinator');
      const names = event.getAllProperties('attendee').map((p) => p.getParameter('cn'));
      expect(names).not.toContain('Unnamed attendee');
      expect(names.length).toBeGreaterThan(0);
    }
    const candidateEvent = new ICAL.Component(ICAL.parse(calendarOf(candidateMail))).getFirstSubcomponent(
      'vevent',
    )!;
    expect(candidateEvent.getFirstProperty('attendee')!.getParameter('cn')).toBe(
      `${person.firstName} ${person.lastName}`,
    );
  });

  it('a reschedule sends REQUEST with SEQUENCE 1 and the new time, a cancellation CANCEL with SEQUENCE 2, same UID', async () => {
    const person = world.candidate();
    const app = await world.atTechnicalRound(person);
    const interview = await bookTech(app.id);
    await worker.drain();
    ok(
      await rescheduleInterview(world.deps, {
        actor: world.staff.coordinator,
        interviewId: interview.id,
        startsAt: new Date('2026-03-11T16:30:00Z'),
        reason: 'The interviewer is travelling',
      }),
    );
    await worker.drain();
    ok(
      await cancelInterview(world.deps, {
        actor: world.staff.coordinator,
        interviewId: interview.id,
        reason: 'Role paused',
      }),
    );
    await worker.drain();
    for (const address of [person.email, world.staff.interviewer.email]) {
      const events = to(address)
        .filter((m) => m.raw.includes('BEGIN:VCALENDAR'))
        .map((m) => {
          const calendar = new ICAL.Component(ICAL.parse(calendarOf(m)));
          const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
          return {
            method: calendar.getFirstPropertyValue('method'),
            uid: event.uid,
            sequence: event.sequence,
            start: event.startDate.toJSDate().toISOString(),
            location: event.location,
            description: event.description,
            subject: m.mail.subject,
            text: m.mail.text ?? '',
            // What mail clients act on: the calendar part's own MIME method.
            mimeMethod: /text\/calendar;[^\r\n]*method=(\w+)/i.exec(m.raw)?.[1],
          };
        })
        .sort((a, b) => a.sequence - b.sequence);
      expect(
        events.map((e) => [e.method, e.sequence, e.start]),
        address,
      ).toEqual([
        ['REQUEST', 0, '2026-03-10T02:00:00.000Z'],
        ['REQUEST', 1, '2026-03-11T16:30:00.000Z'],
        ['CANCEL', 2, '2026-03-11T16:30:00.000Z'],
      ]);
      expect(events.map((e) => e.mimeMethod)).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
      expect(new Set(events.map((e) => e.uid))).toEqual(new Set([`${interview.id}@hireloop`]));
      expect(events[0]!.location).toBe(`https://meet.hireloop.test/${interview.id}`);
      expect(events[1]!.text).toContain('The interviewer is travelling');
      expect(events[2]!.text).toContain('Role paused');
      // The kit link goes to interviewers only.
      const kit = `https://hireloop.test/app/interviews/${interview.id}`;
      if (address === person.email) expect(events[0]!.description).not.toContain(kit);
      else expect(events[0]!.description).toContain(kit);
    }
  });

  it('R-MSG-1: booked, moved and cancelled at once with several worker loops running, each person gets the invites in order and none that was already out of date', async () => {
    const person = world.candidate();
    const app = await world.atTechnicalRound(person);
    const interview = await bookTech(app.id);
    ok(
      await rescheduleInterview(world.deps, {
        actor: world.staff.coordinator,
        interviewId: interview.id,
        startsAt: new Date('2026-03-11T16:30:00Z'),
        reason: 'Moved',
      }),
    );
    ok(
      await cancelInterview(world.deps, {
        actor: world.staff.coordinator,
        interviewId: interview.id,
        reason: 'Paused',
      }),
    );

    // One loop turns events into deliveries, four send one delivery per claim. The candidate's first
    // invite is slow to send: it is held until the other loops have made 20 passes meanwhile, which
    // is when a later message would overtake it if nothing kept the order.
    const yieldTurn = () => new Promise((resolve) => setImmediate(resolve));
    let held = false;
    let passesWhileHeld = 0;
    const loops = [0, 1, 2, 3, 4].map(() => {
      const loop = testWorker(world, smtp.url);
      const send = loop.options.transport.email.bind(loop.options.transport);
      loop.options.transport = {
        ...loop.options.transport,
        async email(delivery) {
          if (delivery.recipient === person.email.toLowerCase() || delivery.recipient === person.email) {
            if (delivery.calendar?.includes('SEQUENCE:0')) {
              held = true;
              while (passesWhileHeld < 20) await yieldTurn();
              held = false;
            }
          }
          return send(delivery);
        },
      };
      return loop;
    });
    const settled = async () => {
      const count = async (table: 'deliveries' | 'outbox') =>
        (await world.db.selectFrom(table).select('status').where('status', '=', 'pending').execute()).length;
      return (await count('deliveries')) + (await count('outbox')) === 0;
    };
    let stop = false;
    const running = loops.map(async (loop, n) => {
      while (!stop) {
        if (n === 0) await runOnce(loop.options, false);
        else await deliverDue(loop.options, 1);
        if (held) passesWhileHeld++;
        await yieldTurn();
      }
    });
    try {
      while (!(await settled())) await yieldTurn();
    } finally {
      stop = true;
      await Promise.all(running);
      for (const loop of loops) loop.close();
    }
    for (const address of [person.email, world.staff.interviewer.email]) {
      // In the order they arrived.
      const invites = to(address)
        .filter((m) => m.raw.includes('BEGIN:VCALENDAR'))
        .map((m) => {
          const calendar = new ICAL.Component(ICAL.parse(calendarOf(m)));
          const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
          return `${calendar.getFirstPropertyValue('method')} ${event.sequence}`;
        });
      expect(invites.at(-1), address).toBe('CANCEL 2');
      const sequences = invites.map((i) => Number(i.split(' ')[1]));
      expect(sequences, address).toEqual([...sequences].sort((x, y) => x - y));
      expect(new Set(sequences).size, address).toBe(sequences.length);
    }
  });

  it('a link someone waits for goes before a backlog: asked for after twelve rejections, the sign-in link is dispatched and sent first', async () => {
    const people = Array.from({ length: 12 }, () => world.candidate());
    const applications = [];
    for (const person of people) applications.push(await submit(person));
    await worker.drain();
    smtp.received.length = 0;
    for (const application of applications)
      ok(
        await decideApplicationRound(world.deps, {
          actor: world.staff.recruiter,
          applicationId: application.id,
          roundKey: 'resume',
          decision: 'reject',
          rationale: 'Not this time.',
          overrideReason: 'Decided in the test without its interview.',
        }),
      );
    const asking = people[11]!;
    ok(
      await requestSignInLink(world.deps, {
        org: world.slug,
        email: asking.email,
        publicUrl: 'https://hireloop.test',
        address: '203.0.113.9',
        limits: { requestsPerMinutePerAddress: 10, emailsPerHourPerRecipient: 10 },
      }),
    );
    // One event turned into deliveries, then one delivery sent: both are the link.
    const dispatched = await dispatchEvents(world.deps, { ...worker.options, batch: 1 });
    expect(dispatched.ok && dispatched.value.events).toBe(1);
    expect(await deliverDue(worker.options, 1)).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(to(asking.email)).toHaveLength(1);
    expect(smtp.received[0]!.mail.text).toContain('https://hireloop.test/candidate/sign-in?token=');
    await worker.drain();
    expect(smtp.received).toHaveLength(13);
    expect(to(asking.email).map((m) => m.mail.subject)).toEqual([
      smtp.received[0]!.mail.subject,
      'Your application for full_time job',
    ]);
  });

  it('R-FB-5: a rejection uses the standard message; the rationale is shared only where the organisation allows it', async () => {
    const quiet = world.candidate();
    const first = await submit(quiet);
    ok(
      await decideApplicationRound(world.deps, {
        actor: world.staff.recruiter,
        applicationId: first.id,
        roundKey: 'resume',
        decision: 'reject',
        rationale: 'No distributed systems experience.',
        overrideReason: 'Decided in the test without its interview.',
      }),
    );
    await worker.drain();
    const rejection = to(quiet.email).find((m) => m.mail.subject === 'Your application for full_time job')!;
    expect(rejection.mail.text).toContain('we will not be moving forward');
    expect(rejection.mail.text).not.toContain('distributed systems');

    await saveNotificationSettings(world.deps, {
      actor: world.staff.admin,
      settings: {
        updateEveryBusinessDays: 5,
        shareRejectionFeedback: true,
        defaultLanguage: 'en',
        defaultTimezone: 'UTC',
      },
    });
    const open = world.candidate();
    const second = await submit(open);
    ok(
      await decideApplicationRound(world.deps, {
        actor: world.staff.recruiter,
        applicationId: second.id,
        roundKey: 'resume',
        decision: 'reject',
        rationale: 'No distributed systems experience.',
        overrideReason: 'Decided in the test without its interview.',
      }),
    );
    await worker.drain();
    expect(
      to(open.email).find((m) => m.mail.subject === 'Your application for full_time job')!.mail.text,
    ).toContain('Feedback from the team: No distributed systems experience.');
  });

  it('candidate preferences: language, and unsubscribing stops everything but essential messages', async () => {
    const person = world.candidate();
    const app = await submit(person);
    await worker.drain();
    await savePreferences(world.deps, {
      actor: { kind: 'candidate', orgId: world.orgId, candidateId: app.candidateId },
      preferences: { language: 'zh', timezone: 'Asia/Shanghai', unsubscribed: true },
    });
    ok(
      await decideApplicationRound(world.deps, {
        actor: world.staff.recruiter,
        applicationId: app.id,
        roundKey: 'resume',
        decision: 'advance',
        rationale: 'ok',
        overrideReason: 'Decided in the test without its interview.',
      }),
    );
    await worker.drain();
    const advanced = to(person.email).at(-1)!;
    expect(advanced.mail.subject).toBe('您的 full_time job 申请进入下一阶段');
    // A non-essential message (the confirmation of a second application) is not sent.
    const before = to(person.email).length;
    await submit(person, world.jobs.internB.id);
    await worker.drain();
    expect(to(person.email)).toHaveLength(before);
    // A decision always is.
    ok(
      await withdrawApplication(world.deps, {
        actor: { kind: 'candidate', orgId: world.orgId, candidateId: app.candidateId },
        applicationId: app.id,
      }),
    );
    await worker.drain();
    expect(to(person.email)).toHaveLength(before + 1);
  });

  it('R-FB-4: feedback reminders reach the interviewer; escalation reaches the team’s recruiter and hiring manager', async () => {
    const app = await submit();
    ok(
      await decideApplicationRound(world.deps, {
        actor: world.staff.recruiter,
        applicationId: app.id,
        roundKey: 'resume',
        decision: 'advance',
        rationale: 'ok',
        overrideReason: 'Decided in the test without its interview.',
      }),
    );
    ok(
      await scheduleInterview(world.deps, {
        actor: world.staff.coordinator,
        applicationId: app.id,
        roundKey: 'tech',
        startsAt: new Date('2026-03-05T10:00:00Z'),
        interviewerIds: [world.staff.interviewer.userId],
        language: 'en',
      }),
    );
    await worker.drain();
    smtp.received.length = 0;
    clock.advanceDays(30);
    await worker.drain(true);
    const subjects = (address: string) =>
      to(address)
        .map((m) => m.mail.subject)
        .sort();
    expect(subjects(world.staff.interviewer.email)).toEqual([
      'Feedback due now: full_time job',
      'Feedback due soon: full_time job',
      'Overdue feedback: full_time job',
    ]);
    expect(subjects(world.staff.recruiter.email)).toContain('Escalation: overdue feedback on full_time job');
    expect(subjects(world.staff.hiring_manager.email)).toContain(
      'Escalation: overdue feedback on full_time job',
    );
    // The other team's hiring manager is not bothered.
    expect(subjects(world.staff.hmB.email)).not.toContain('Escalation: overdue feedback on full_time job');
  });

  it('an SMTP failure is retried with backoff and visible to admins; a parked event can be retried', async () => {
    const broken = testWorker(world, 'smtp://127.0.0.1:1');
    await submit();
    await broken.drain().catch(() => undefined);
    const admin = notificationQueries(world.db, new Map());
    let pending = (await admin.listDeliveries(world.orgId, { status: 'pending', limit: 10 })).items;
    expect(pending[0]).toMatchObject({ attempts: 1, status: 'pending' });
    expect(pending[0]!.lastError).toBeTruthy();
    expect(new Date(pending[0]!.nextAttemptAt!).getTime() - clock.now().getTime()).toBe(30_000);
    for (let attempt = 2; attempt <= 8; attempt++) {
      clock.advanceMs(7 * 3_600_000);
      await broken.drain().catch(() => undefined);
    }
    const failed = (await admin.listDeliveries(world.orgId, { status: 'failed', limit: 10 })).items;
    expect(failed).toHaveLength(1);
    expect(failed[0]!.attempts).toBe(8);
    const detail = await admin.delivery(world.orgId, failed[0]!.id);
    expect(detail!.attempts.map((a) => a.ok)).toEqual(Array(8).fill(false));
    expect(
      (await retryDelivery(world.deps, { actor: world.staff.admin, deliveryId: failed[0]!.id })).ok,
    ).toBe(true);
    await worker.drain();
    expect(smtp.received).toHaveLength(1);
    pending = (await admin.listDeliveries(world.orgId, { status: 'pending', limit: 10 })).items;
    expect(pending).toHaveLength(0);
    broken.close();
  });
});
