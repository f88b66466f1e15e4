import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availabilityRepository } from '../../src/db/availability/availability.repository.js';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase } from '../support/db.js';
import { buildWorld, ids, TestClock, type World } from '../support/world.js';

let database: Database;
let world: World;
const clock = new TestClock();

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
});
afterAll(() => database?.close());

const availability = () => availabilityRepository(world.db);
const hours = { '1': [['09:00', '17:00']] as [string, string][] };
const input = { weeklyHours: hours, weeklyCap: 5, roundTypes: ['coding'], levels: [], languages: ['en'] };
const window = { start: Date.parse('2026-03-09T00:00:00Z'), end: Date.parse('2026-03-10T00:00:00Z') };

describe('availability repository', () => {
  it('a profile has defaults until saved; a save at a stale version changes nothing', async () => {
    const userId = world.staff.interviewer.userId;
    expect(await availability().profile(world.orgId, userId)).toMatchObject({
      configured: false,
      version: 0,
      weeklyCap: 8,
    });
    expect(await availability().profile(ids.next(), userId)).toBeNull();
    expect(await availability().saveProfile(world.orgId, userId, input, 0, clock.now())).toBe(1);
    expect(await availability().saveProfile(world.orgId, userId, input, 0, clock.now())).toBeNull();
    expect(
      await availability().saveProfile(world.orgId, userId, { ...input, weeklyCap: 6 }, 1, clock.now()),
    ).toBe(2);
    expect(await availability().saveProfile(world.orgId, userId, input, 1, clock.now())).toBeNull();
    expect(await availability().profile(world.orgId, userId)).toMatchObject({
      configured: true,
      weeklyCap: 6,
    });
    expect(await availability().configuredStaff(world.orgId)).toEqual([userId]);
  });

  it('an attendee: hours in their zone with overrides, imported busy time and booked holds', async () => {
    const userId = world.staff.hiring_manager.userId;
    await availability().saveProfile(world.orgId, userId, input, 0, clock.now());
    await availability().putOverride(world.orgId, userId, '2026-03-09', [['10:00', '12:00']], 'dentist');
    await availability().putOverride(world.orgId, userId, '2026-03-09', [['13:00', '15:00']], 'moved');
    const busy = {
      id: ids.next(),
      startsAt: new Date(window.start),
      endsAt: new Date(window.start + 3_600_000),
      summary: 'x',
    };
    await availability().replaceCalendarBusy(world.orgId, userId, [busy], clock.now());
    const [person] = await availability().attendees(world.orgId, [userId], window);
    expect(person?.rules.overrides).toEqual({ '2026-03-09': [['13:00', '15:00']] });
    expect(person?.busy).toEqual([{ start: window.start, end: window.start + 3_600_000 }]);
    expect(person?.profile.calendarSyncedAt).toBe(clock.now().toISOString());
    await availability().replaceCalendarBusy(world.orgId, userId, [], clock.now());
    expect((await availability().attendees(world.orgId, [userId], window))[0]?.busy).toEqual([]);
    expect(await availability().deleteOverride(world.orgId, userId, '2026-03-09')).toBe(true);
    expect(await availability().deleteOverride(world.orgId, userId, '2026-03-09')).toBe(false);
    expect(await availability().attendees(ids.next(), [userId], window)).toEqual([]);
    expect(await availability().holds([userId], window)).toEqual([]);
  });

  it('feeds due for a refresh, oldest check first; a failure is kept with the time it was checked', async () => {
    const userId = world.staff.recruiter.userId;
    const feed = { ...input, calendarUrl: 'https://calendar.example/feed.ics' };
    await availability().saveProfile(world.orgId, userId, feed, 0, clock.now());
    const due = await availability().dueFeeds(clock.now(), 10);
    expect(due).toContainEqual({
      userId,
      orgId: world.orgId,
      calendarUrl: feed.calendarUrl,
      timezone: expect.any(String),
    });
    await availability().calendarFailed(userId, 'HTTP 500', clock.now());
    expect((await availability().profile(world.orgId, userId))?.calendarError).toBe('HTTP 500');
    expect((await availability().dueFeeds(clock.now(), 10)).map((f) => f.userId)).not.toContain(userId);
    await availability().replaceCalendarBusy(world.orgId, userId, [], clock.now());
    expect(await availability().profile(world.orgId, userId)).toMatchObject({
      calendarError: null,
      calendarSyncedAt: clock.now().toISOString(),
    });
  });

  it("a candidate's zone and language fall back to the organisation's", async () => {
    const app = await world.atTechnicalRound();
    const zone = await availability().candidateZone(world.orgId, app.candidateId);
    expect(zone).toMatchObject({ timezone: expect.any(String), language: expect.any(String) });
    expect(await availability().candidateZone(world.orgId, ids.next())).toMatchObject({
      timezone: 'UTC',
      language: 'en',
    });
  });
});
