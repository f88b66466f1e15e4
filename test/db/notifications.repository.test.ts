import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decideApplicationRound } from '../../src/core/applications/decide-round.js';
import type { Database } from '../../src/db/database.js';
import { deliveries } from '../../src/db/notifications/deliveries.repository.js';
import { notificationsRepository } from '../../src/db/notifications/notifications.repository.js';
import { outboxRepository } from '../../src/db/outbox.repository.js';
import { openTestDatabase } from '../support/db.js';
import { buildWorld, ids, ok, TestClock, type World } from '../support/world.js';

let database: Database;
let world: World;
const clock = new TestClock();

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
});
afterAll(() => database?.close());

const notifications = () => notificationsRepository(world.db);
const outbox = () => outboxRepository(world.db, clock);

describe('outbox and dispatch bookkeeping', () => {
  beforeEach(async () => {
    // What building the world enqueued is not these tests' business.
    await world.db
      .updateTable('outbox')
      .set({ dispatched_at: clock.now() })
      .where('dispatched_at', 'is', null)
      .execute();
  });

  it('enqueues a message once per dedupe key, and hands out undispatched events oldest first', async () => {
    const message = (dedupeKey: string, n: number) => ({
      orgId: world.orgId,
      kind: 'candidate.message' as const,
      dedupeKey,
      payload: { n },
    });
    const [a, b] = [ids.next(), ids.next()];
    await outbox().enqueue(message(a, 1));
    clock.advanceMs(1000);
    await outbox().enqueue(message(b, 2));
    await outbox().enqueue(message(a, 3));
    const events = await notifications().undispatched(10, clock.now());
    expect(events.map((e) => [e.dedupeKey, e.payload])).toEqual([
      [a, { n: 1 }],
      [b, { n: 2 }],
    ]);
    expect(events[0]).toMatchObject({ orgId: world.orgId, kind: 'candidate.message' });
    expect(events[0]!.seq).toBeLessThan(events[1]!.seq);
    expect(await notifications().undispatched(1, clock.now())).toHaveLength(1);
  });

  it('marks an event dispatched, or parks it as failed with a reason kept short', async () => {
    const [done, broken] = [ids.next(), ids.next()];
    await outbox().enqueue({ orgId: world.orgId, kind: 'candidate.message', dedupeKey: done, payload: {} });
    await outbox().enqueue({ orgId: world.orgId, kind: 'candidate.message', dedupeKey: broken, payload: {} });
    const [first, second] = await notifications().undispatched(10, clock.now());
    const at = clock.now();
    await notifications().markDispatched(first!.seq, at);
    await notifications().markFailed(second!.seq, at, 'x'.repeat(5000));
    expect(await notifications().undispatched(10, clock.now())).toEqual([]);
    const rows = await world.db
      .selectFrom('outbox')
      .select(['dedupe_key', 'status', 'dispatched_at', 'error'])
      .where('dedupe_key', 'in', [done, broken])
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => [r.status, r.dispatched_at, r.error?.length ?? null])).toEqual([
      ['dispatched', at, null],
      ['failed', at, 2000],
    ]);
  });

  it('inserts a delivery once per dedupe key', async () => {
    const app = await world.apply();
    await outbox().enqueue({
      orgId: world.orgId,
      kind: 'candidate.message',
      dedupeKey: ids.next(),
      payload: {},
    });
    const [event] = await notifications().undispatched(1, clock.now());
    const delivery = (subject: string) => ({
      id: ids.next(),
      orgId: world.orgId,
      eventSeq: event!.seq,
      channel: 'email' as const,
      dedupeKey: `${event!.seq}|email|x`,
      recipient: 'someone@example.com',
      subject,
      body: 'Hello',
      calendar: null,
      endpointId: null,
      candidateId: app.candidateId,
      applicationId: app.id,
      topic: null,
      createdAt: clock.now(),
    });
    await notifications().insertDelivery(delivery('first'));
    await notifications().insertDelivery(delivery('second'));
    const rows = await world.db
      .selectFrom('deliveries')
      .select(['subject', 'status', 'next_attempt_at'])
      .where('event_seq', '=', event!.seq)
      .execute();
    expect(rows).toEqual([{ subject: 'first', status: 'pending', next_attempt_at: clock.now() }]);
  });
});

describe('R-MSG-1: delivery order', () => {
  /** An outbox event about the application, and a delivery of it to one recipient. */
  const eventAbout = async (applicationId: string) => {
    await outbox().enqueue({
      orgId: world.orgId,
      kind: 'candidate.message',
      dedupeKey: ids.next(),
      payload: { applicationId },
    });
    const pending = await notifications().undispatched(100, clock.now());
    return pending.at(-1)!.seq;
  };
  const deliveryOf = (seq: number, applicationId: string, subject: string, topic: string | null = null) => ({
    id: ids.next(),
    orgId: world.orgId,
    eventSeq: seq,
    channel: 'email' as const,
    dedupeKey: `${seq}|email|${subject}`,
    recipient: 'order@example.com',
    subject,
    body: subject,
    calendar: null,
    endpointId: null,
    candidateId: null,
    applicationId,
    topic,
    createdAt: clock.now(),
  });
  beforeEach(async () => {
    // Claims are across organisations: earlier tests' deliveries and events are out of the way.
    await world.db
      .updateTable('deliveries')
      .set({ status: 'delivered' })
      .where('status', '=', 'pending')
      .execute();
    await world.db
      .updateTable('outbox')
      .set({ status: 'dispatched', dispatched_at: clock.now() })
      .where('status', '=', 'pending')
      .execute();
  });
  const claimedSubjects = async () =>
    (await deliveries(world.db).claim(clock.now(), 60_000, 20)).map((d) => d.subject);

  it('a later message about an application waits while an earlier one to the same person is pending or not yet dispatched', async () => {
    const app = await world.apply();
    await world.db
      .updateTable('outbox')
      .set({ status: 'dispatched', dispatched_at: clock.now() })
      .where('status', '=', 'pending')
      .execute();
    const first = await eventAbout(app.id);
    const second = await eventAbout(app.id);
    // The second event's delivery exists; the first event is still undispatched: nothing may go yet.
    await notifications().insertDelivery(deliveryOf(second, app.id, 'moved'));
    expect(await claimedSubjects()).toEqual([]);
    await notifications().insertDelivery(deliveryOf(first, app.id, 'booked'));
    await notifications().markDispatched(first, clock.now());
    await notifications().markDispatched(second, clock.now());
    const [booked] = await deliveries(world.db).claim(clock.now(), 60_000, 20);
    expect(booked?.subject).toBe('booked');
    // While the first is being sent (leased), the second still waits.
    expect(await claimedSubjects()).toEqual([]);
    await deliveries(world.db).finish([
      { delivery: booked!, at: clock.now(), outcome: { ok: true, response: '250' } },
    ]);
    expect(await claimedSubjects()).toEqual(['moved']);
  });

  it('a newer message on the same topic replaces an older one not yet sent', async () => {
    const app = await world.apply();
    const first = await eventAbout(app.id);
    const second = await eventAbout(app.id);
    await notifications().insertDelivery(deliveryOf(first, app.id, 'REQUEST 0', 'interview:x'));
    await notifications().insertDelivery(deliveryOf(second, app.id, 'CANCEL 1', 'interview:x'));
    const rows = await world.db
      .selectFrom('deliveries')
      .select(['subject', 'status'])
      .where('event_seq', 'in', [first, second])
      .orderBy('event_seq')
      .execute();
    expect(rows).toEqual([
      { subject: 'REQUEST 0', status: 'superseded' },
      { subject: 'CANCEL 1', status: 'pending' },
    ]);
  });
});

describe('recipients and context', () => {
  it("names a candidate in their language and zone, else the organisation's, with their preferences", async () => {
    const app = await world.apply();
    const plain = await notifications().candidate(world.orgId, app.candidateId);
    expect(plain).toMatchObject({
      id: app.candidateId,
      language: 'en',
      timezone: 'UTC',
      unsubscribed: false,
      erased: false,
    });
    expect(plain.name).toMatch(/^Cand Number \d+$/);
    await world.db
      .updateTable('candidates')
      .set({ language: 'fr', timezone: 'Europe/Paris', unsubscribed_at: clock.now() })
      .where('id', '=', app.candidateId)
      .execute();
    expect(await notifications().candidate(world.orgId, app.candidateId)).toMatchObject({
      language: 'fr',
      timezone: 'Europe/Paris',
      unsubscribed: true,
      erased: false,
    });
  });

  it("describes where an application stands, with the last decision's rationale", async () => {
    const app = await world.apply();
    const fresh = await notifications().applicationContext(world.orgId, app.id);
    expect(fresh).toMatchObject({
      applicationId: app.id,
      candidateId: app.candidateId,
      companyName: `Org ${world.slug}`,
      jobTitle: 'full_time job',
      teamId: world.teams.A,
      teamName: 'Alpha',
      status: 'active',
      currentStep: 'Resume',
      nextStep: 'Technical',
      lastRationale: null,
      shareRejectionFeedback: false,
      lastCandidateMessageAt: null,
    });
    for (const [roundKey, actor, rationale] of [
      ['resume', world.staff.recruiter, 'Good resume.'],
      ['tech', world.staff.hiring_manager, 'Great code.'],
      ['hr', world.staff.hr, 'All set.'],
    ] as const) {
      clock.advanceMs(1000);
      ok(
        await decideApplicationRound(world.deps, {
          actor,
          applicationId: app.id,
          roundKey,
          decision: 'advance',
          rationale,
          overrideReason: 'Decided in the test without its interview.',
        }),
      );
    }
    expect(await notifications().applicationContext(world.orgId, app.id)).toMatchObject({
      currentStep: 'Offer',
      nextStep: null,
      lastRationale: 'All set.',
    });
    expect(await notifications().applicationContext(ids.next(), app.id)).toBeNull();
  });

  it("finds staff by role and team, or the interviewers named, and never another organisation's", async () => {
    const { recruiter, hr, hiring_manager: hm, hmB, interviewer } = world.staff;
    const emails = async (...args: Parameters<ReturnType<typeof notificationsRepository>['staffAudience']>) =>
      (await notifications().staffAudience(...args)).map((r) => r.email);
    expect(await emails(world.orgId, 'recruiters', null, [])).toEqual([recruiter.email]);
    expect(await emails(world.orgId, 'hiring_managers', world.teams.A, [])).toEqual([hm.email]);
    expect(await emails(world.orgId, 'hiring_managers', world.teams.B, [])).toEqual([hmB.email]);
    expect((await emails(world.orgId, 'hiring_managers', null, [])).sort()).toEqual(
      [hm.email, hmB.email].sort(),
    );
    expect(await emails(world.orgId, 'hr', world.teams.B, [])).toEqual([hr.email]);
    expect(await emails(world.orgId, 'interviewers', null, [interviewer.userId])).toEqual([
      interviewer.email,
    ]);
    expect(await emails(world.orgId, 'interviewers', null, [])).toEqual([]);
    const other = await buildWorld(database, clock);
    expect(await emails(other.orgId, 'interviewers', null, [interviewer.userId])).toEqual([]);
    const [to] = await notifications().staffAudience(world.orgId, 'recruiters', null, []);
    expect(to).toEqual({
      id: recruiter.userId,
      email: recruiter.email,
      name: 'recruiter',
      language: 'en',
      timezone: 'UTC',
    });
  });

  it('describes an interview with its round name and who booked it', async () => {
    const app = await world.atTechnicalRound();
    const id = ids.next();
    const startsAt = new Date('2026-03-05T16:00:00Z');
    const endsAt = new Date('2026-03-05T17:00:00Z');
    await world.db
      .insertInto('interviews')
      .values({
        id,
        org_id: world.orgId,
        application_id: app.id,
        round_key: 'tech',
        starts_at: startsAt,
        ends_at: endsAt,
        language: 'de',
        interviewer_ids: [world.staff.interviewer.userId],
        created_by: world.staff.coordinator.userId,
        created_at: clock.now(),
        video_url: 'https://meet.example/x',
        language_confirmed_at: null,
        change_reason: null,
      })
      .execute();
    expect(await notifications().interview(world.orgId, id)).toEqual({
      id,
      applicationId: app.id,
      roundName: 'Technical',
      startsAt,
      endsAt,
      language: 'de',
      interviewerIds: [world.staff.interviewer.userId],
      videoUrl: 'https://meet.example/x',
      organizer: { name: 'coordinator', email: world.staff.coordinator.email },
    });
    expect(await notifications().interview(ids.next(), id)).toBeNull();
  });

  it('lists the active endpoints subscribed to a webhook type, oldest first', async () => {
    const endpoint = async (url: string, types: string[], active = true) => {
      const id = ids.next();
      clock.advanceMs(1000);
      await world.db
        .insertInto('webhook_endpoints')
        .values({
          id,
          org_id: world.orgId,
          url,
          secret: 's',
          event_types: types,
          active,
          created_at: clock.now(),
        })
        .execute();
      return id;
    };
    const first = await endpoint('https://a.example/hook', ['application.hired', 'application.created']);
    await endpoint('https://b.example/hook', ['application.created']);
    await endpoint('https://c.example/hook', ['application.hired'], false);
    const last = await endpoint('https://d.example/hook', ['application.hired']);
    expect(await notifications().webhookEndpoints(world.orgId, 'application.hired')).toEqual([
      { id: first, url: 'https://a.example/hook' },
      { id: last, url: 'https://d.example/hook' },
    ]);
  });

  it("gives the organisation's own template text and its update settings", async () => {
    await world.db
      .insertInto('message_templates')
      .values({
        org_id: world.orgId,
        key: 'candidate.status_update',
        language: 'fr',
        subject: 'Où en êtes-vous',
        body: 'Bonjour',
        updated_at: clock.now(),
      })
      .execute();
    expect(await notifications().ownTemplate(world.orgId, 'candidate.status_update', 'fr')).toEqual({
      subject: 'Où en êtes-vous',
      body: 'Bonjour',
    });
    expect(await notifications().ownTemplate(world.orgId, 'candidate.status_update', 'en')).toBeNull();
    await world.db
      .updateTable('orgs')
      .set({ update_every_business_days: 7, default_timezone: 'Asia/Tokyo' })
      .where('id', '=', world.orgId)
      .execute();
    expect(await notifications().updateSettings(world.orgId)).toEqual({
      everyBusinessDays: 7,
      defaultTimezone: 'Asia/Tokyo',
    });
  });
});

describe('candidate update timers', () => {
  it('sets the timers of an open application only, finds them when due, and clears them', async () => {
    // Timers other tests or the world set are cleared, so only these applications can be due.
    await world.db.updateTable('applications').set({ next_update_at: null, next_warning_at: null }).execute();
    const open = await world.apply();
    const ended = await world.apply();
    await world.db
      .updateTable('applications')
      .set({ status: 'withdrawn' })
      .where('id', '=', ended.id)
      .execute();
    const at = new Date('2026-05-01T10:00:00Z');
    const next = { warnAt: new Date('2026-05-06T10:00:00Z'), sendAt: new Date('2026-05-07T10:00:00Z') };
    await notifications().recordCandidateUpdate(world.orgId, open.id, at, next);
    await notifications().recordCandidateUpdate(world.orgId, ended.id, at, next);
    const timers = await world.db
      .selectFrom('applications')
      .select(['id', 'last_candidate_message_at', 'next_update_at', 'next_warning_at'])
      .where('id', 'in', [open.id, ended.id])
      .execute();
    expect(
      Object.fromEntries(
        timers.map((t) => [t.id, [t.last_candidate_message_at, t.next_update_at, t.next_warning_at]]),
      ),
    ).toEqual({
      [open.id]: [at, next.sendAt, next.warnAt],
      [ended.id]: [null, null, null],
    });

    expect(await notifications().dueForUpdate(new Date('2026-05-05T10:00:00Z'), 10)).toEqual([]);
    const warning = await notifications().dueForUpdate(new Date('2026-05-06T12:00:00Z'), 10);
    expect(warning).toEqual([
      {
        orgId: world.orgId,
        applicationId: open.id,
        candidateId: open.candidateId,
        teamId: world.teams.A,
        lastMessageAt: at,
        updateDue: false,
        warningDue: true,
      },
    ]);
    await notifications().clearUpdateTimers(open.id, 'warning');
    const update = await notifications().dueForUpdate(new Date('2026-05-07T12:00:00Z'), 10);
    expect(update.map((d) => [d.applicationId, d.updateDue, d.warningDue])).toEqual([[open.id, true, false]]);
    await notifications().clearUpdateTimers(open.id, 'update');
    expect(await notifications().dueForUpdate(new Date('2026-06-01T00:00:00Z'), 10)).toEqual([]);
  });
});
