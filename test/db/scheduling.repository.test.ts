import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interview } from '../../src/core/shared/types.js';
import type { Database } from '../../src/db/database.js';
import { schedulingRepository } from '../../src/db/scheduling/scheduling.repository.js';
import { openTestDatabase } from '../support/db.js';
import { buildWorld, ids, TestClock, type World } from '../support/world.js';

let database: Database;
let world: World;
const clock = new TestClock();
const HOUR = 3_600_000;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
});
afterAll(() => database?.close());

const scheduling = () => schedulingRepository(world.db, clock);

/** Books the technical round of a new application at `startsAt`, with the interviewer and the candidate held. */
async function booked(startsAt: Date) {
  const app = await world.atTechnicalRound();
  const interview: Interview = {
    id: ids.next(),
    orgId: world.orgId,
    applicationId: app.id,
    roundKey: 'tech',
    startsAt,
    endsAt: new Date(startsAt.getTime() + HOUR),
    language: 'en',
    interviewerIds: [world.staff.interviewer.userId],
    videoUrl: null,
  };
  await scheduling().insertInterview(
    { ...interview, createdBy: world.staff.coordinator.userId, languageConfirmedAt: null },
    [world.staff.interviewer.userId, app.candidateId],
  );
  return { app, interview };
}

const holdsOf = (interviewId: string) =>
  world.db
    .selectFrom('interview_holds')
    .select('participant_id')
    .where('interview_id', '=', interviewId)
    .execute();

describe('scheduling repository', () => {
  it('an interview holds its time for every participant; an overlapping hold is refused by the database', async () => {
    const at = new Date('2026-03-10T16:00:00Z');
    const { interview } = await booked(at);
    expect(await holdsOf(interview.id)).toHaveLength(2);
    const locked = await scheduling().lockInterview(world.orgId, interview.id);
    expect(locked).toMatchObject({ id: interview.id, status: 'scheduled', sequence: 0, version: 1 });
    await expect(booked(new Date(at.getTime() + HOUR / 2))).rejects.toMatchObject({ code: '23P01' });
    expect(await scheduling().lockInterview(ids.next(), interview.id)).toBeNull();
  });

  it('moving bumps SEQUENCE and version and moves the holds; cancelling releases them', async () => {
    const { app, interview } = await booked(new Date('2026-03-11T16:00:00Z'));
    const startsAt = new Date('2026-03-11T20:00:00Z');
    const moved = await scheduling().moveInterview(world.orgId, interview.id, {
      startsAt,
      endsAt: new Date(startsAt.getTime() + HOUR),
      reason: 'a clash',
      participantIds: [world.staff.interviewer.userId, app.candidateId],
    });
    expect(moved).toMatchObject({ startsAt, sequence: 1, version: 2, changeReason: 'a clash' });
    expect(await scheduling().upcoming(world.orgId, app.id, clock.now())).toEqual([interview.id]);
    const cancelled = await scheduling().cancelInterview(world.orgId, interview.id, 'withdrawn');
    expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 2, version: 3 });
    expect(await holdsOf(interview.id)).toEqual([]);
    expect(await scheduling().upcoming(world.orgId, app.id, clock.now())).toEqual([]);
  });

  it('a link is found by its token hash only, with what its page shows; booking through it is recorded', async () => {
    const app = await world.atTechnicalRound();
    const link = {
      id: ids.next(),
      orgId: world.orgId,
      applicationId: app.id,
      roundKey: 'tech',
      interviewerIds: [world.staff.interviewer.userId],
      durationMinutes: 60,
      language: 'en',
      videoUrl: null,
      windowStart: new Date('2026-03-05T00:00:00Z'),
      windowEnd: new Date('2026-03-12T00:00:00Z'),
      interviewId: null,
      expiresAt: new Date('2026-03-12T00:00:00Z'),
      createdBy: world.staff.coordinator.userId,
    };
    await scheduling().insertLink({ ...link, tokenHash: 'hash-of-a-token', createdAt: clock.now() });
    expect(await scheduling().lockLink('another-hash')).toBeNull();
    expect(await scheduling().lockLink('hash-of-a-token')).toEqual(link);
    expect(await scheduling().linkPage('hash-of-a-token')).toMatchObject({
      link,
      candidateId: app.candidateId,
      applicationStatus: 'active',
      roundName: expect.any(String),
      companyName: `Org ${world.slug}`,
    });
    const { interview } = await booked(new Date('2026-03-09T16:00:00Z'));
    await scheduling().markLinkBooked(link.id, interview.id);
    expect((await scheduling().lockLink('hash-of-a-token'))?.interviewId).toBe(interview.id);
  });

  it('a team or job to plan: active applications whose current meeting is not booked, oldest first', async () => {
    const later = new TestClock();
    const w = await buildWorld(database, later);
    const repo = schedulingRepository(w.db, clock);
    const first = await w.atTechnicalRound();
    later.advanceMs(60_000);
    const second = await w.atTechnicalRound();
    expect(await repo.toSchedule(w.orgId, { teamId: w.teams.A }, 10)).toEqual([first.id, second.id]);
    expect(await repo.toSchedule(w.orgId, { teamId: w.teams.B }, 10)).toEqual([]);
    expect(await repo.toSchedule(w.orgId, {}, 1)).toEqual([first.id]);
    const [planned] = await repo.applicationsToPlan(w.orgId, [first.id, ids.next()]);
    expect(planned).toMatchObject({ id: first.id, status: 'active', teamId: w.teams.A, language: 'en' });
    expect(planned?.plan[planned.stageIndex]?.key).toBe('tech');
    expect(await repo.applicationsToPlan(world.orgId, [first.id])).toEqual([]);
  });
});
