import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScorecardContent } from '../../src/contracts/kits.js';
import type { Scorecard } from '../../src/core/shared/types.js';
import type { Database } from '../../src/db/database.js';
import { feedbackRepository } from '../../src/db/feedback/feedback.repository.js';
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

const feedback = (w = world) => feedbackRepository(w.db, clock);
const blank: ScorecardContent = {
  ratings: {},
  recommendation: null,
  notes: '',
  privateNote: '',
  salaryExpectation: null,
};
const HOUR = 3_600_000;

/** An interview on the application's technical round, with a pending scorecard per interviewer. */
async function interviewWithScorecards(w: World, interviewerIds: string[], dueAt: Date) {
  const app = await w.atTechnicalRound();
  const interviewId = ids.next();
  const startsAt = new Date(dueAt.getTime() - 48 * HOUR);
  await w.db
    .insertInto('interviews')
    .values({
      id: interviewId,
      org_id: w.orgId,
      application_id: app.id,
      round_key: 'tech',
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + HOUR),
      language: 'en',
      interviewer_ids: interviewerIds,
      created_by: w.staff.coordinator.userId,
      created_at: clock.now(),
      video_url: null,
      language_confirmed_at: null,
      change_reason: null,
    })
    .execute();
  const scorecards: Scorecard[] = [];
  for (const interviewerId of interviewerIds) {
    const scorecard: Scorecard = {
      id: ids.next(),
      orgId: w.orgId,
      interviewId,
      applicationId: app.id,
      roundKey: 'tech',
      interviewerId,
      status: 'pending',
      revision: 0,
      content: blank,
      dueAt,
      submittedAt: null,
      reminderStage: 0,
      version: 1,
    };
    await feedback(w).insertScorecard(scorecard);
    scorecards.push(scorecard);
  }
  return { app, interviewId, scorecards };
}

describe('feedback repository', () => {
  it("locks one interviewer's scorecard on an interview, and nobody else's", async () => {
    const { interviewer, hiring_manager: hm, recruiter } = world.staff;
    const { interviewId, scorecards } = await interviewWithScorecards(
      world,
      [interviewer.userId, hm.userId],
      new Date('2026-03-10T17:00:00Z'),
    );
    expect(await feedback().lockScorecard(world.orgId, interviewId, interviewer.userId)).toEqual(
      scorecards[0],
    );
    expect(await feedback().lockScorecard(world.orgId, interviewId, recruiter.userId)).toBeNull();
    expect(await feedback().lockScorecard(ids.next(), interviewId, interviewer.userId)).toBeNull();
  });

  it('updates only the fields given and moves the version on', async () => {
    const { scorecards } = await interviewWithScorecards(
      world,
      [world.staff.interviewer.userId],
      new Date('2026-03-10T17:00:00Z'),
    );
    const [card] = scorecards;
    const content: ScorecardContent = { ...blank, notes: 'Solid.', recommendation: 'yes' };
    const draft = await feedback().updateScorecard(world.orgId, card!.id, { status: 'draft', content });
    expect(draft).toMatchObject({ status: 'draft', content, revision: 0, submittedAt: null, version: 2 });
    const submittedAt = clock.now();
    const submitted = await feedback().updateScorecard(world.orgId, card!.id, {
      status: 'submitted',
      revision: 1,
      submittedAt,
    });
    expect(submitted).toMatchObject({ status: 'submitted', content, revision: 1, submittedAt, version: 3 });
    await feedback().addRevision({
      scorecardId: card!.id,
      revision: 1,
      content,
      reason: 'Submitted.',
      at: submittedAt,
    });
    const revisions = await world.db
      .selectFrom('scorecard_revisions')
      .selectAll()
      .where('scorecard_id', '=', card!.id)
      .execute();
    expect(revisions.map((r) => [r.revision, r.content, r.reason])).toEqual([[1, content, 'Submitted.']]);
  });

  it("gives each interviewer's status on a round, with a recommendation only once submitted", async () => {
    const { interviewer, hiring_manager: hm } = world.staff;
    const { app, scorecards } = await interviewWithScorecards(
      world,
      [interviewer.userId, hm.userId],
      new Date('2026-03-10T17:00:00Z'),
    );
    const [mine, theirs] = scorecards;
    await feedback().updateScorecard(world.orgId, mine!.id, {
      status: 'submitted',
      content: { ...blank, recommendation: 'strong_yes' },
    });
    await feedback().updateScorecard(world.orgId, theirs!.id, {
      status: 'draft',
      content: { ...blank, recommendation: 'no' },
    });
    const round = await feedback().roundFeedback(world.orgId, app.id, 'tech');
    expect(round.sort((a, b) => a.interviewerId.localeCompare(b.interviewerId))).toEqual(
      [
        { interviewerId: interviewer.userId, status: 'submitted', recommendation: 'strong_yes' },
        { interviewerId: hm.userId, status: 'draft', recommendation: null },
      ].sort((a, b) => a.interviewerId.localeCompare(b.interviewerId)),
    );
    expect(await feedback().roundFeedback(world.orgId, app.id, 'resume')).toEqual([]);
  });

  it('finds, across organisations, open scorecards of active applications due within a day', async () => {
    const other = await buildWorld(database, clock);
    const now = new Date('2026-04-01T12:00:00Z');
    const soon = new Date(now.getTime() + 20 * HOUR);
    const { interviewer } = world.staff;
    const dueSoon = await interviewWithScorecards(world, [interviewer.userId], soon);
    const overdue = await interviewWithScorecards(
      other,
      [other.staff.interviewer.userId],
      new Date(now.getTime() - HOUR),
    );
    const later = await interviewWithScorecards(
      world,
      [interviewer.userId],
      new Date(now.getTime() + 30 * HOUR),
    );
    const submitted = await interviewWithScorecards(world, [interviewer.userId], soon);
    await feedback().updateScorecard(world.orgId, submitted.scorecards[0]!.id, { status: 'submitted' });
    const escalated = await interviewWithScorecards(world, [interviewer.userId], soon);
    await feedback().updateScorecard(world.orgId, escalated.scorecards[0]!.id, { reminderStage: 3 });
    const ended = await interviewWithScorecards(world, [interviewer.userId], soon);
    await world.db
      .updateTable('applications')
      .set({ status: 'rejected' })
      .where('id', '=', ended.app.id)
      .execute();

    const waiting = await feedback().awaitingReminder(now, 100);
    const found = waiting.map((s) => s.id);
    expect(found).toContain(dueSoon.scorecards[0]!.id);
    expect(found).toContain(overdue.scorecards[0]!.id);
    for (const left of [later, submitted, escalated, ended])
      expect(found).not.toContain(left.scorecards[0]!.id);
    // Soonest first, each with its application's team.
    expect(found.indexOf(overdue.scorecards[0]!.id)).toBeLessThan(found.indexOf(dueSoon.scorecards[0]!.id));
    expect(waiting.find((s) => s.id === dueSoon.scorecards[0]!.id)?.teamId).toBe(world.teams.A);
    expect(await feedback().awaitingReminder(now, 1)).toHaveLength(1);
  });

  it('keeps one vote per committee member, a later one replacing theirs, in the order they were cast', async () => {
    const app = await world.atTechnicalRound();
    const vote = (voterId: string, choice: 'advance' | 'reject') => {
      clock.advanceMs(1000);
      return feedback().upsertVote({
        orgId: world.orgId,
        applicationId: app.id,
        roundKey: 'tech',
        voterId,
        vote: choice,
        note: choice,
        at: clock.now(),
      });
    };
    const { hiring_manager: hm, hr, recruiter } = world.staff;
    await vote(hm.userId, 'reject');
    await vote(hr.userId, 'advance');
    await vote(hm.userId, 'advance');
    await vote(recruiter.userId, 'reject');
    expect(await feedback().roundVotes(world.orgId, app.id, 'tech')).toEqual([
      { voterId: hr.userId, vote: 'advance' },
      { voterId: hm.userId, vote: 'advance' },
      { voterId: recruiter.userId, vote: 'reject' },
    ]);
    expect(await feedback().roundVotes(ids.next(), app.id, 'tech')).toEqual([]);
  });
});
