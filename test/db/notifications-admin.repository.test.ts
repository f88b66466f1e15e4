import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { notificationsAdminRepository } from '../../src/db/notifications/notifications-admin.repository.js';
import { openTestDatabase } from '../support/db.js';
import { buildWorld, ids, TestClock, type World } from '../support/world.js';

let database: Database;
let world: World;
let other: World;
const clock = new TestClock();

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  other = await buildWorld(database, clock);
});
afterAll(() => database?.close());

/** An outbox event of the organisation, and a delivery made of it, in the given states. */
async function failedDelivery(orgId: string) {
  const [event] = await world.db
    .insertInto('outbox')
    .values({
      org_id: orgId,
      kind: 'application.received',
      dedupe_key: ids.next(),
      payload: JSON.stringify({}),
      created_at: clock.now(),
      available_at: clock.now(),
      status: 'failed',
      error: 'no such template',
    })
    .returning('seq')
    .execute();
  const id = ids.next();
  await world.db
    .insertInto('deliveries')
    .values({
      id,
      org_id: orgId,
      event_seq: Number(event!.seq),
      channel: 'email',
      dedupe_key: ids.next(),
      recipient: 'someone@example.com',
      subject: 'Hello',
      body: 'Hello',
      calendar: null,
      endpoint_id: null,
      candidate_id: null,
      application_id: null,
      status: 'failed',
      next_attempt_at: clock.now(),
      locked_until: null,
      last_error: 'refused',
      created_at: clock.now(),
      delivered_at: null,
    })
    .execute();
  return { id, seq: Number(event!.seq) };
}

describe('notification admin', () => {
  it("locks and requeues only the organisation's own deliveries", async () => {
    const admin = notificationsAdminRepository(world.db);
    const mine = await failedDelivery(world.orgId);
    const theirs = await failedDelivery(other.orgId);
    expect(await admin.lockDelivery(world.orgId, mine.id)).toEqual({ id: mine.id, status: 'failed' });
    expect(await admin.lockDelivery(world.orgId, theirs.id)).toBeNull();
    const at = new Date(clock.now().getTime() + 1000);
    await admin.requeueDelivery(mine.id, at);
    const row = await world.db
      .selectFrom('deliveries')
      .selectAll()
      .where('id', '=', mine.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', next_attempt_at: at, locked_until: null });
  });

  it('requeues a failed event once, and never another organisation’s', async () => {
    const admin = notificationsAdminRepository(world.db);
    const mine = await failedDelivery(world.orgId);
    const theirs = await failedDelivery(other.orgId);
    expect(await admin.requeueFailedEvent(world.orgId, theirs.seq)).toBe(false);
    expect(await admin.requeueFailedEvent(world.orgId, mine.seq)).toBe(true);
    expect(await admin.requeueFailedEvent(world.orgId, mine.seq)).toBe(false);
  });

  it('keeps one text per template and language, the latest saved', async () => {
    const admin = notificationsAdminRepository(world.db);
    await admin.saveTemplate(
      world.orgId,
      'status_update',
      'en',
      { subject: 'One', body: 'One' },
      clock.now(),
    );
    await admin.saveTemplate(
      world.orgId,
      'status_update',
      'en',
      { subject: 'Two', body: 'Two' },
      clock.now(),
    );
    const rows = await world.db
      .selectFrom('message_templates')
      .selectAll()
      .where('org_id', '=', world.orgId)
      .execute();
    expect(rows.map((r) => [r.key, r.language, r.subject])).toEqual([['status_update', 'en', 'Two']]);
  });

  it('changes a webhook only within its organisation, and only what is given', async () => {
    const admin = notificationsAdminRepository(world.db);
    const webhook = await admin.insertWebhook({
      id: ids.next(),
      orgId: world.orgId,
      url: 'https://hooks.example/a',
      eventTypes: ['application.created'],
      active: true,
      secret: 'first',
      createdAt: clock.now(),
    });
    expect(webhook).toEqual({
      id: webhook.id,
      orgId: world.orgId,
      url: 'https://hooks.example/a',
      eventTypes: ['application.created'],
      active: true,
      createdAt: clock.now(),
    });
    expect(await admin.updateWebhook(other.orgId, webhook.id, { active: false })).toBeNull();
    const paused = await admin.updateWebhook(world.orgId, webhook.id, { active: false, secret: 'second' });
    expect(paused).toMatchObject({ active: false, eventTypes: ['application.created'] });
    const row = await world.db
      .selectFrom('webhook_endpoints')
      .select('secret')
      .where('id', '=', webhook.id)
      .executeTakeFirstOrThrow();
    expect(row.secret).toBe('second');
  });

  it("saves the organisation's settings and a candidate's preferences", async () => {
    const admin = notificationsAdminRepository(world.db);
    const settings = {
      updateEveryBusinessDays: 4,
      shareRejectionFeedback: true,
      defaultLanguage: 'zh',
      defaultTimezone: 'Asia/Shanghai',
    };
    await admin.saveSettings(world.orgId, settings);
    const org = await world.db
      .selectFrom('orgs')
      .selectAll()
      .where('id', '=', world.orgId)
      .executeTakeFirstOrThrow();
    expect(org).toMatchObject({
      update_every_business_days: 4,
      share_rejection_feedback: true,
      default_language: 'zh',
    });
    const { candidateId } = await world.apply();
    await admin.savePreferences(
      world.orgId,
      candidateId,
      { language: 'en', timezone: 'Europe/London', unsubscribed: true },
      clock.now(),
    );
    const candidate = await world.db
      .selectFrom('candidates')
      .selectAll()
      .where('id', '=', candidateId)
      .executeTakeFirstOrThrow();
    expect(candidate).toMatchObject({
      language: 'en',
      timezone: 'Europe/London',
      unsubscribed_at: clock.now(),
    });
  });
});
