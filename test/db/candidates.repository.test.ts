import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateQueries } from '../../src/db/candidates/candidates.queries.js';
import { candidatesRepository } from '../../src/db/candidates/candidates.repository.js';
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

const candidates = () => candidatesRepository(world.db, clock);

describe('candidates repository', () => {
  it('search treats % _ and \\ as text, not as patterns that match everyone', async () => {
    const org = await buildWorld(database, clock);
    const add = (lastName: string, resumeText: string) =>
      candidatesRepository(org.db, clock).upsertAndLock(org.orgId, ids.next(), {
        email: `${ids.next()}@example.com`,
        firstName: 'Search',
        lastName,
        resumeText,
      });
    await add('Percent', 'grew revenue 40% in a year');
    await add('Underscore', 'snake_case everywhere');
    await add('Backslash', 'C:\\tools');
    await add('Plain', 'nothing special');
    const found = async (q: string) =>
      (await candidateQueries(org.db).list(org.orgId, { q, limit: 50 })).items.map((c) => c.lastName);
    expect(await found('%')).toEqual(['Percent']);
    expect(await found('_')).toEqual(['Underscore']);
    expect(await found('\\')).toEqual(['Backslash']);
    expect(await found('%%%')).toEqual([]);
  });

  it('keeps one record per normalised email, and a new resume replaces the old one only when sent', async () => {
    const first = await candidates().upsertAndLock(world.orgId, ids.next(), {
      email: '  Ada.Lovelace@Example.com ',
      firstName: 'Ada',
      lastName: 'Lovelace',
      resumeText: 'Analytical engines',
    });
    expect(first).toMatchObject({ orgId: world.orgId, email: 'Ada.Lovelace@Example.com', firstName: 'Ada' });
    const again = await candidates().upsertAndLock(world.orgId, ids.next(), {
      email: 'ada.lovelace@example.COM',
      firstName: 'Augusta',
      lastName: 'King',
    });
    expect(again).toEqual(first);
    const resume = async () =>
      (
        await world.db
          .selectFrom('candidates')
          .select('resume_text')
          .where('id', '=', first.id)
          .executeTakeFirstOrThrow()
      ).resume_text;
    expect(await resume()).toBe('Analytical engines');
    await candidates().upsertAndLock(world.orgId, ids.next(), {
      email: 'ada.lovelace@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      resumeText: 'Notes on the engine',
    });
    expect(await resume()).toBe('Notes on the engine');

    const other = await buildWorld(database, clock);
    const elsewhere = await candidatesRepository(other.db, clock).upsertAndLock(other.orgId, ids.next(), {
      email: 'ada.lovelace@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
    });
    expect(elsewhere.id).not.toBe(first.id);
    expect(await candidates().lock(world.orgId, first.id)).toEqual(first);
    expect(await candidates().lock(other.orgId, first.id)).toBeNull();
  });

  it("erases the candidate's personal data and sessions, keeps ids and history, and leaves others alone", async () => {
    const erased = await personWithData();
    const bystander = await personWithData();
    const at = clock.now();
    await candidates().erase(world.orgId, erased.candidateId, at);

    const row = (id: string) =>
      world.db.selectFrom('candidates').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const gone = await row(erased.candidateId);
    const nowhere = `erased-${erased.candidateId}@erased.invalid`;
    expect(gone).toMatchObject({
      first_name: 'Erased',
      last_name: 'candidate',
      email: nowhere,
      email_normalized: nowhere,
      phone: null,
      timezone: null,
      language: null,
      resume_text: null,
      erased_at: at,
    });
    expect((await row(bystander.candidateId)).erased_at).toBeNull();

    const answers = await world.db
      .selectFrom('applications')
      .select(['id', 'answers', 'status'])
      .where('id', 'in', [erased.applicationId, bystander.applicationId])
      .execute();
    expect(Object.fromEntries(answers.map((a) => [a.id, a.answers]))).toEqual({
      [erased.applicationId]: {},
      [bystander.applicationId]: { why: 'Because.' },
    });
    const assessmentAnswers = await world.db
      .selectFrom('assessment_answers')
      .select(['assessment_id', 'code'])
      .where('assessment_id', 'in', [erased.assessmentId, bystander.assessmentId])
      .execute();
    expect(Object.fromEntries(assessmentAnswers.map((a) => [a.assessment_id, a.code]))).toEqual({
      [erased.assessmentId]: '',
      [bystander.assessmentId]: 'print(42)',
    });

    const count = async (
      table: 'attachments' | 'competing_offers' | 'scheduling_links' | 'sessions' | 'sign_in_links',
      column: 'candidate_id' | 'application_id',
      id: string,
    ) =>
      Number(
        (
          await world.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .where(column, '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    for (const [who, expected] of [
      [erased, 0],
      [bystander, 1],
    ] as const) {
      expect(await count('attachments', 'candidate_id', who.candidateId)).toBe(expected);
      expect(await count('competing_offers', 'application_id', who.applicationId)).toBe(expected);
      expect(await count('scheduling_links', 'application_id', who.applicationId)).toBe(expected);
      expect(await count('sessions', 'candidate_id', who.candidateId)).toBe(expected);
      expect(await count('sign_in_links', 'candidate_id', who.candidateId)).toBe(expected);
    }

    const deliveries = await world.db
      .selectFrom('deliveries')
      .select(['candidate_id', 'recipient', 'subject', 'body', 'calendar', 'status'])
      .where('candidate_id', 'in', [erased.candidateId, bystander.candidateId])
      .orderBy('dedupe_key')
      .execute();
    expect(deliveries.filter((d) => d.candidate_id === erased.candidateId)).toEqual([
      {
        candidate_id: erased.candidateId,
        recipient: nowhere,
        subject: '[erased]',
        body: '[erased]',
        calendar: null,
        status: 'failed',
      },
      {
        candidate_id: erased.candidateId,
        recipient: nowhere,
        subject: '[erased]',
        body: '[erased]',
        calendar: null,
        status: 'delivered',
      },
    ]);
    expect(deliveries.filter((d) => d.candidate_id === bystander.candidateId).map((d) => d.status)).toEqual([
      'pending',
      'delivered',
    ]);
  });
});

/** A candidate with an application and everything personal that can hang off it. */
async function personWithData() {
  const person = world.candidate();
  const application = await world.apply({ ...person, resumeText: 'My resume' });
  const candidateId = application.candidateId;
  const now = clock.now();
  const later = new Date(now.getTime() + 86_400_000);
  await world.db
    .updateTable('applications')
    .set({ answers: JSON.stringify({ why: 'Because.' }) })
    .where('id', '=', application.id)
    .execute();
  await world.db
    .insertInto('attachments')
    .values({
      id: ids.next(),
      org_id: world.orgId,
      candidate_id: candidateId,
      application_id: application.id,
      kind: 'resume',
      filename: 'cv.txt',
      content_type: 'text/plain',
      size_bytes: 9,
      data: Buffer.from('My resume'),
      text: 'My resume',
      created_at: now,
    })
    .execute();
  await world.db
    .insertInto('competing_offers')
    .values({
      id: ids.next(),
      org_id: world.orgId,
      application_id: application.id,
      terms: JSON.stringify({ company: 'Elsewhere' }),
      entered_by_kind: 'candidate',
      entered_by_id: candidateId,
      created_at: now,
    })
    .execute();
  await world.db
    .insertInto('scheduling_links')
    .values({
      id: ids.next(),
      token_hash: ids.next(),
      org_id: world.orgId,
      application_id: application.id,
      round_key: 'tech',
      interviewer_ids: [world.staff.interviewer.userId],
      duration_minutes: 60,
      language: 'en',
      video_url: null,
      window_start: now,
      window_end: later,
      interview_id: null,
      created_by: world.staff.coordinator.userId,
      created_at: now,
      expires_at: later,
    })
    .execute();
  await world.db
    .insertInto('sessions')
    .values({
      token_hash: ids.next(),
      org_id: world.orgId,
      user_id: null,
      candidate_id: candidateId,
      created_at: now,
      expires_at: later,
    })
    .execute();
  await world.db
    .insertInto('sign_in_links')
    .values({
      token_hash: ids.next(),
      org_id: world.orgId,
      candidate_id: candidateId,
      created_at: now,
      expires_at: later,
      used_at: null,
    })
    .execute();
  const assessmentId = ids.next();
  await world.db
    .insertInto('assessments')
    .values({
      id: assessmentId,
      org_id: world.orgId,
      application_id: application.id,
      token_hash: ids.next(),
      items: JSON.stringify([{ kind: 'coding', slug: 'two-sum' }]),
      duration_minutes: 60,
      start_by: later,
      started_at: now,
      deadline_at: later,
      submitted_at: null,
      score_percent: null,
      created_by: world.staff.recruiter.userId,
      created_at: now,
    })
    .execute();
  await world.db
    .insertInto('assessment_answers')
    .values({
      assessment_id: assessmentId,
      item_index: 0,
      language: 'python',
      code: 'print(42)',
      saved_at: now,
      grade: null,
      attachment_id: null,
    })
    .execute();
  const seq = Number(
    (
      await world.db
        .insertInto('outbox')
        .values({
          org_id: world.orgId,
          kind: 'candidate.message',
          dedupe_key: ids.next(),
          payload: '{}',
          created_at: now,
          available_at: now,
        })
        .returning('seq')
        .executeTakeFirstOrThrow()
    ).seq,
  );
  for (const status of ['delivered', 'pending'] as const) {
    await world.db
      .insertInto('deliveries')
      .values({
        id: ids.next(),
        org_id: world.orgId,
        event_seq: seq,
        channel: 'email',
        dedupe_key: `${candidateId}:${status === 'delivered' ? 'b' : 'a'}`,
        recipient: person.email,
        subject: 'About your application',
        body: `Dear ${person.firstName}`,
        calendar: status === 'delivered' ? 'BEGIN:VCALENDAR' : null,
        endpoint_id: null,
        candidate_id: candidateId,
        application_id: application.id,
        status,
        next_attempt_at: now,
        created_at: now,
      })
      .execute();
  }
  return { candidateId, applicationId: application.id, assessmentId };
}
