import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applicationsRepository,
  attachmentsRepository,
} from '../../src/db/applications/applications.repository.js';
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

const applications = () => applicationsRepository(world.db);

/** A candidate row of the world's organisation, with no application yet. */
async function newCandidate() {
  const id = ids.next();
  const person = world.candidate();
  await world.db
    .insertInto('candidates')
    .values({
      id,
      org_id: world.orgId,
      email: person.email,
      email_normalized: person.email.toLowerCase(),
      first_name: person.firstName,
      last_name: person.lastName,
      phone: null,
      timezone: null,
      resume_text: null,
      created_at: clock.now(),
    })
    .execute();
  return id;
}

async function insert(
  candidateId: string,
  overrides: {
    status?: 'queued' | 'active' | 'rejected';
    job?: World['jobs']['fullTimeA'];
    key?: string;
  } = {},
) {
  clock.advanceMs(1000);
  return applications().insert({
    id: ids.next(),
    orgId: world.orgId,
    job: overrides.job ?? world.jobs.fullTimeA,
    candidateId,
    status: overrides.status ?? 'active',
    plan: world.processes.A.definition.rounds,
    submittedAt: clock.now(),
    idempotencyKey: overrides.key ?? null,
    idempotencyFingerprint: null,
    source: 'test',
    answers: { why: 'because' },
  });
}

describe('applications repository', () => {
  it('inserts an application from its job and finds it again only within its organisation', async () => {
    const candidateId = await newCandidate();
    const app = await insert(candidateId);
    expect(app).toMatchObject({
      orgId: world.orgId,
      jobId: world.jobs.fullTimeA.id,
      teamId: world.teams.A,
      processId: world.jobs.fullTimeA.processId,
      jobFamily: 'full_time',
      status: 'active',
      stageIndex: 0,
      endedAt: null,
      version: 1,
    });
    expect(app.plan.map((r) => r.key)).toEqual(['resume', 'tech', 'hr']);
    expect(await applications().lock(world.orgId, app.id)).toEqual(app);
    expect(await applications().lock(ids.next(), app.id)).toBeNull();
    expect(await applications().lock(world.orgId, ids.next())).toBeNull();
  });

  it('updates only the fields given and moves the version on', async () => {
    const app = await insert(await newCandidate());
    const moved = await applications().update(world.orgId, app.id, { stageIndex: 1 });
    expect(moved).toMatchObject({ stageIndex: 1, status: 'active', endedAt: null, version: 2 });
    expect(moved.plan).toEqual(app.plan);
    const endedAt = clock.now();
    const ended = await applications().update(world.orgId, app.id, { status: 'rejected', endedAt });
    expect(ended).toMatchObject({ stageIndex: 1, status: 'rejected', endedAt, version: 3 });
    const plan = [...app.plan, { ...app.plan[1]!, key: 'extra', addedReason: 'one more look' }];
    expect((await applications().update(world.orgId, app.id, { plan })).plan).toEqual(plan);
  });

  it("finds a candidate's open applications in a family, oldest first, and all of them to lock", async () => {
    const candidateId = await newCandidate();
    const first = await insert(candidateId, { job: world.jobs.internA, status: 'active' });
    const second = await insert(candidateId, { job: world.jobs.internB, status: 'queued' });
    const rejected = await insert(candidateId, { job: world.jobs.internB2, status: 'rejected' });
    const fullTime = await insert(candidateId, { job: world.jobs.fullTimeA });
    const open = await applications().openForCandidate(world.orgId, candidateId, 'internship');
    expect(open.map((a) => a.id)).toEqual([first.id, second.id]);
    const all = await applications().lockAllOfCandidate(world.orgId, candidateId);
    expect(all.map((a) => a.id)).toEqual([first.id, second.id, rejected.id, fullTime.id]);
    expect(await applications().lockAllOfCandidate(ids.next(), candidateId)).toEqual([]);
  });

  it('finds the open application to a job and the one an idempotency key created', async () => {
    const candidateId = await newCandidate();
    const app = await insert(candidateId, { key: `me:${ids.next()}` });
    const duplicate = async (job: World['jobs']['fullTimeA']) =>
      (await applications().intakeFor(world.orgId, candidateId, job)).duplicate;
    expect((await duplicate(world.jobs.fullTimeA))?.id).toBe(app.id);
    expect(await duplicate(world.jobs.internA)).toBeNull();
    const keyed = await insert(await newCandidate(), { key: 'me:retry-1' });
    expect((await applications().byIdempotencyKey(world.orgId, 'me:retry-1'))?.application.id).toBe(keyed.id);
    expect(await applications().byIdempotencyKey(world.orgId, 'me:retry-2')).toBeNull();
    await applications().update(world.orgId, app.id, { status: 'withdrawn', endedAt: clock.now() });
    expect(await duplicate(world.jobs.fullTimeA)).toBeNull();
  });

  it("gives the end of the candidate's latest rejection by the team, and nothing for other teams", async () => {
    const candidateId = await newCandidate();
    const lastRejectedAt = async (job: World['jobs']['fullTimeA']) =>
      (await applications().intakeFor(world.orgId, candidateId, job)).lastRejectedAt;
    expect(await lastRejectedAt(world.jobs.fullTimeA)).toBeNull();
    const earlier = await insert(candidateId, { job: world.jobs.internA });
    const later = await insert(candidateId, { job: world.jobs.fullTimeA });
    const firstEnd = new Date('2026-01-05T00:00:00Z');
    const lastEnd = new Date('2026-02-10T00:00:00Z');
    await applications().update(world.orgId, earlier.id, { status: 'rejected', endedAt: firstEnd });
    await applications().update(world.orgId, later.id, { status: 'rejected', endedAt: lastEnd });
    const withdrawn = await insert(candidateId, { job: world.jobs.fullTimeA });
    await applications().update(world.orgId, withdrawn.id, {
      status: 'withdrawn',
      endedAt: new Date('2026-02-20T00:00:00Z'),
    });
    expect(await lastRejectedAt(world.jobs.fullTimeA)).toEqual(lastEnd);
    expect(await lastRejectedAt(world.jobs.internB)).toBeNull();
  });

  it('records a round decision with what the decider knew', async () => {
    const app = await insert(await newCandidate());
    const missing = [world.staff.interviewer.userId];
    await applications().recordDecision({
      id: ids.next(),
      orgId: world.orgId,
      applicationId: app.id,
      roundKey: 'resume',
      decision: 'advance',
      rationale: 'Strong resume.',
      decidedBy: world.staff.recruiter.userId,
      decidedAt: clock.now(),
      againstMajority: true,
      missingFeedback: missing,
      override: {
        reason: 'The panel is on leave; the written feedback is enough.',
        gaps: ['feedback_missing'],
      },
      undo: null,
    });
    const row = await world.db
      .selectFrom('round_decisions')
      .selectAll()
      .where('application_id', '=', app.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      round_key: 'resume',
      decision: 'advance',
      rationale: 'Strong resume.',
      decided_by: world.staff.recruiter.userId,
      against_majority: true,
      missing_feedback: missing,
      override_reason: 'The panel is on leave; the written feedback is enough.',
      evidence_gaps: ['feedback_missing'],
    });
  });
});

describe('attachments repository', () => {
  it("keeps a file with its application, and a resume's text becomes the candidate's resume", async () => {
    const candidateId = await newCandidate();
    const app = await insert(candidateId);
    const file = (kind: 'resume' | 'cover_letter', text: string) => ({
      id: ids.next(),
      orgId: world.orgId,
      candidateId,
      applicationId: app.id,
      kind,
      filename: `${kind}.txt`,
      contentType: 'text/plain',
      data: new TextEncoder().encode(text),
      text,
      createdAt: clock.now(),
    });
    await attachmentsRepository(world.db).insert(file('resume', 'Ten years of Rust'));
    await attachmentsRepository(world.db).insert(file('cover_letter', 'Dear team'));
    const rows = await world.db
      .selectFrom('attachments')
      .select(['kind', 'size_bytes', 'data', 'text'])
      .where('application_id', '=', app.id)
      .orderBy('kind')
      .execute();
    expect(rows.map((r) => [r.kind, r.size_bytes, Buffer.from(r.data).toString(), r.text])).toEqual([
      ['cover_letter', 9, 'Dear team', 'Dear team'],
      ['resume', 17, 'Ten years of Rust', 'Ten years of Rust'],
    ]);
    const candidate = await world.db
      .selectFrom('candidates')
      .select('resume_text')
      .where('id', '=', candidateId)
      .executeTakeFirstOrThrow();
    expect(candidate.resume_text).toBe('Ten years of Rust');
  });
});
