import { afterAll, beforeAll, expect, it } from 'vitest';
import { assessmentsRepository } from '../../src/db/assessments/assessments.repository.js';
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

const assessments = () => assessmentsRepository(world.db);
const HOUR = 3_600_000;

async function sent(tokenHash = ids.next()) {
  const application = await world.atTechnicalRound();
  const id = ids.next();
  await assessments().insert({
    id,
    orgId: world.orgId,
    applicationId: application.id,
    tokenHash,
    items: [
      { kind: 'coding', slug: 'two-sum' },
      { kind: 'case_study', slug: 'live-gifts-go-no-go' },
    ],
    durationMinutes: 60,
    startBy: new Date(clock.now().getTime() + 7 * 24 * HOUR),
    createdBy: world.staff.recruiter.userId,
    createdAt: clock.now(),
  });
  return { id, tokenHash, application };
}

it('finds an assessment by its link, with its candidate, and starts its clock', async () => {
  const { id, tokenHash, application } = await sent();
  const found = await world.db
    .transaction()
    .execute((trx) => assessmentsRepository(trx).lockByToken(tokenHash));
  expect(found).toMatchObject({
    id,
    orgId: world.orgId,
    applicationId: application.id,
    candidateId: application.candidateId,
    startedAt: null,
    submittedAt: null,
  });
  expect(await assessments().lockByToken('no such hash')).toBeNull();
  const startedAt = clock.now();
  await assessments().start(id, startedAt, new Date(startedAt.getTime() + HOUR));
  expect(await assessments().lock(id)).toMatchObject({
    startedAt,
    deadlineAt: new Date(startedAt.getTime() + HOUR),
  });
});

it('keeps one answer per item, a draft then its grade, and a deliverable that replaces the last', async () => {
  const { id } = await sent();
  const assessment = (await assessments().lock(id))!;
  await assessments().saveAnswer(id, {
    itemIndex: 0,
    language: 'python',
    code: 'a',
    savedAt: clock.now(),
    grade: null,
  });
  const grade = {
    outcome: 'completed' as const,
    detail: '',
    passed: 1,
    total: 2,
    scorePercent: 50,
    tests: [],
    // A program may print a zero byte; the answer is kept all the same.
    output: 'before\u0000after',
    elapsedMs: 1,
  };
  await assessments().saveAnswer(id, {
    itemIndex: 0,
    language: 'javascript',
    code: 'b',
    savedAt: clock.now(),
    grade,
  });
  const file = (name: string) => ({
    id: ids.next(),
    filename: name,
    contentType: 'application/pdf',
    data: new Uint8Array([37, 80, 68, 70]),
    savedAt: clock.now(),
  });
  const first = file('first.pdf');
  await assessments().saveDeliverable(assessment, 1, first);
  const second = file('second.pdf');
  await assessments().saveDeliverable(assessment, 1, second);
  expect(await assessments().answers(id)).toEqual([
    { itemIndex: 0, language: 'javascript', code: 'b', attachmentId: null },
    { itemIndex: 1, language: 'file', code: 'second.pdf', attachmentId: second.id },
  ]);
  const stored = await world.db
    .selectFrom('assessment_answers')
    .select('grade')
    .where('assessment_id', '=', id)
    .where('item_index', '=', 0)
    .executeTakeFirstOrThrow();
  expect(stored.grade).toMatchObject({ passed: 1, total: 2, output: 'before\uFFFDafter' });
  const files = await world.db
    .selectFrom('attachments')
    .select('id')
    .where('id', 'in', [first.id, second.id])
    .execute();
  expect(files.map((f) => f.id)).toEqual([second.id]);
});

it('records the timeline in order and a submission once marked', async () => {
  const { id } = await sent();
  await assessments().recordEvents(id, clock.now(), [
    { kind: 'opened', itemIndex: null },
    { kind: 'paste', itemIndex: 0, detail: { characters: 12 } },
  ]);
  await assessments().recordEvents(id, clock.now(), []);
  const timeline = await world.db
    .selectFrom('assessment_events')
    .select(['kind', 'item_index', 'detail'])
    .where('assessment_id', '=', id)
    .orderBy('seq')
    .execute();
  expect(timeline).toEqual([
    { kind: 'opened', item_index: null, detail: {} },
    { kind: 'paste', item_index: 0, detail: { characters: 12 } },
  ]);
  await assessments().markSubmitted(id, clock.now(), 75);
  expect(await assessments().lock(id)).toMatchObject({ submittedAt: clock.now(), scorePercent: 75 });
});

it('lists as overdue only started, unsubmitted assessments whose deadline is past', async () => {
  const [due, later, submitted, unstarted] = await Promise.all([sent(), sent(), sent(), sent()]);
  const now = clock.now();
  const at = (hours: number) => new Date(now.getTime() + hours * HOUR);
  await assessments().start(due.id, at(-2), at(-1));
  await assessments().start(later.id, at(0), at(1));
  await assessments().start(submitted.id, at(-2), at(-1));
  await assessments().markSubmitted(submitted.id, at(-1.5), 100);
  const overdue = (await assessments().overdue(now, 100)).map((a) => a.id);
  expect(overdue).toContain(due.id);
  for (const other of [later, submitted, unstarted]) expect(overdue).not.toContain(other.id);
});
