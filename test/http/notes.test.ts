import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decideApplicationRound } from '../../src/core/applications/decide-round.js';
import { sendFeedbackReminders } from '../../src/core/feedback/send-feedback-reminders.js';
import { submitScorecard } from '../../src/core/feedback/write-scorecard.js';
import { createJob } from '../../src/core/jobs/create-job.js';
import { transitionJob } from '../../src/core/jobs/transition-job.js';
import { updateJob } from '../../src/core/jobs/update-job.js';
import { createOffer } from '../../src/core/offers/create-offer.js';
import { scheduleInterview } from '../../src/core/scheduling/schedule-interview.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, errorCode, loginAs } from '../support/http.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let clock: TestClock;
let as: Record<'admin' | 'recruiter' | 'coordinator' | 'interviewer' | 'hm' | 'hmB' | 'hr', string>;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await app?.close();
  await database.close();
});
beforeEach(async () => {
  clock = new TestClock();
  world = await buildWorld(database, clock);
  await app?.close();
  app = await buildTestApp(database, clock);
  const login = (email: string) => loginAs(app, world.slug, email);
  as = {
    admin: await login(world.staff.admin.email),
    recruiter: await login(world.staff.recruiter.email),
    coordinator: await login(world.staff.coordinator.email),
    interviewer: await login(world.staff.interviewer.email),
    hm: await login(world.staff.hiring_manager.email),
    hmB: await login(world.staff.hmB.email),
    hr: await login(world.staff.hr.email),
  };
});

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const call = (cookie: string, method: Method, url: string, payload?: unknown) =>
  app.inject({ method, url, payload: payload as object, headers: { cookie } });

const note = (cookie: string, payload: Record<string, unknown>) =>
  call(cookie, 'POST', '/api/notes', payload);

/** A technical interview, held before the test clock's day so feedback can be submitted. */
const heldInterview = async (applicationId: string) =>
  ok(
    await scheduleInterview(world.deps, {
      actor: world.staff.coordinator,
      applicationId,
      roundKey: 'tech',
      startsAt: new Date('2026-02-23T10:00:00Z'),
      interviewerIds: [world.staff.interviewer.userId],
      language: 'en',
    }),
  );

describe('notes', () => {
  it('a recruiter writes a note on an application; the hiring team reads it, newest first, with names', async () => {
    const application = await world.apply();
    const first = await note(as.recruiter, {
      applicationId: application.id,
      body: '**Strong** Go background',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      applicationId: application.id,
      candidateId: application.candidateId,
      author: { id: world.staff.recruiter.userId, name: 'recruiter' },
      body: '**Strong** Go background',
      version: 1,
      editedAt: null,
      editableUntil: '2026-03-02T09:15:00.000Z',
    });
    clock.advanceMs(1000);
    const onCandidate = await note(as.hm, { candidateId: application.candidateId, body: 'Met at a meetup.' });
    expect(onCandidate.statusCode, onCandidate.body).toBe(201);
    const list = await call(as.hr, 'GET', `/api/notes?applicationId=${application.id}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((n: { body: string }) => n.body)).toEqual([
      'Met at a meetup.',
      '**Strong** Go background',
    ]);
    expect(list.json().withheld).toBeNull();
    // Pages: one at a time, each note once.
    const one = (
      await call(as.hr, 'GET', `/api/notes?candidateId=${application.candidateId}&limit=1`)
    ).json();
    expect(one.items).toHaveLength(1);
    const two = (
      await call(
        as.hr,
        'GET',
        `/api/notes?candidateId=${application.candidateId}&limit=1&cursor=${one.nextCursor}`,
      )
    ).json();
    expect(two.items.map((n: { id: string }) => n.id)).toEqual([first.json().id]);
    expect(two.nextCursor).toBeNull();
  });

  it('refuses an empty note, both or neither target, an unknown application and an unknown mention, with field and code', async () => {
    const application = await world.apply();
    const empty = await note(as.recruiter, { applicationId: application.id, body: '   ' });
    expect([empty.statusCode, errorCode(empty)]).toEqual([400, 'validation.failed']);
    const both = await note(as.recruiter, {
      applicationId: application.id,
      candidateId: application.candidateId,
      body: 'x',
    });
    expect([both.statusCode, errorCode(both)]).toEqual([400, 'validation.failed']);
    const unknown = await note(as.recruiter, {
      applicationId: '00000000-0000-4000-8000-000000000001',
      body: 'x',
    });
    expect([unknown.statusCode, errorCode(unknown)]).toEqual([404, 'application.not_found']);
    const stranger = await note(as.recruiter, {
      applicationId: application.id,
      body: '@someone look',
      mentions: ['00000000-0000-4000-8000-000000000002'],
    });
    expect([stranger.statusCode, errorCode(stranger)]).toEqual([422, 'note.unknown_mention']);
    expect(stranger.json().error.details.field).toBe('mentions');
  });

  it('the author edits within 15 minutes and the history keeps every text; later, and for others, it is refused', async () => {
    const application = await world.apply();
    const written = (await note(as.recruiter, { applicationId: application.id, body: 'First take' })).json();
    clock.advanceMs(5 * 60_000);
    const notMine = await call(as.hm, 'PATCH', `/api/notes/${written.id}`, { body: 'Mine now', version: 1 });
    expect([notMine.statusCode, errorCode(notMine)]).toEqual([409, 'note.not_editable']);
    const edited = await call(as.recruiter, 'PATCH', `/api/notes/${written.id}`, {
      body: 'Second take',
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      body: 'Second take',
      version: 2,
      editedAt: '2026-03-02T09:05:00.000Z',
    });
    const stale = await call(as.recruiter, 'PATCH', `/api/notes/${written.id}`, {
      body: 'Third',
      version: 1,
    });
    expect([stale.statusCode, errorCode(stale)]).toEqual([409, 'conflict.stale_version']);
    clock.advanceMs(11 * 60_000);
    const late = await call(as.recruiter, 'PATCH', `/api/notes/${written.id}`, {
      body: 'Too late',
      version: 2,
    });
    expect([late.statusCode, errorCode(late)]).toEqual([409, 'note.not_editable']);
    expect(late.json().error.details.reason).toBe('window_closed');
    const history = await call(as.hm, 'GET', `/api/notes/${written.id}/revisions`);
    expect(history.json().items).toEqual([
      { version: 1, body: 'First take', writtenAt: '2026-03-02T09:00:00.000Z' },
      { version: 2, body: 'Second take', writtenAt: '2026-03-02T09:05:00.000Z' },
    ]);
  });

  it('R-FB-3: an interviewer with a pending scorecard reads no notes on the application or the candidate, and is told why', async () => {
    const application = await world.atTechnicalRound();
    await note(as.recruiter, { applicationId: application.id, body: 'HM thinks strong hire' });
    clock.advanceMs(1000);
    const noted = (
      await note(as.hm, { candidateId: application.candidateId, body: 'Panel leaning yes' })
    ).json();
    // Not on the panel: an interviewer reads nothing of this candidate.
    const before = await call(as.interviewer, 'GET', `/api/notes?applicationId=${application.id}`);
    expect([before.statusCode, errorCode(before)]).toEqual([403, 'feedback.not_allowed']);
    const interview = await heldInterview(application.id);
    for (const query of [`applicationId=${application.id}`, `candidateId=${application.candidateId}`]) {
      const pending = await call(as.interviewer, 'GET', `/api/notes?${query}`);
      expect(pending.statusCode, pending.body).toBe(200);
      expect(pending.json().items).toEqual([]);
      expect(pending.json().withheld).toMatchObject({ reason: 'feedback_pending' });
      expect(pending.json().withheld.message).toMatch(/until you submit your scorecard/);
    }
    const history = await call(as.interviewer, 'GET', `/api/notes/${noted.id}/revisions`);
    expect([history.statusCode, errorCode(history)]).toEqual([403, 'feedback.not_allowed']);
    // Interviewers write scorecards, not notes.
    const write = await note(as.interviewer, { applicationId: application.id, body: 'x' });
    expect([write.statusCode, errorCode(write)]).toEqual([403, 'permission.denied']);
    // The hiring team still reads them while the panel's feedback is pending.
    expect(
      (await call(as.hm, 'GET', `/api/notes?applicationId=${application.id}`)).json().items,
    ).toHaveLength(2);
    ok(
      await submitScorecard(world.deps, {
        actor: world.staff.interviewer,
        interviewId: interview.id,
        content: {
          ratings: { coding: 'yes' },
          recommendation: 'yes',
          notes: 'ok',
          privateNote: '',
          salaryExpectation: null,
        },
      }),
    );
    const after = await call(as.interviewer, 'GET', `/api/notes?applicationId=${application.id}`);
    expect(after.json().withheld).toBeNull();
    expect(after.json().items.map((n: { body: string }) => n.body)).toEqual([
      'Panel leaning yes',
      'HM thinks strong hire',
    ]);
  });

  it('notes are kept within their organisation', async () => {
    const application = await world.apply();
    const written = (await note(as.recruiter, { applicationId: application.id, body: 'Ours' })).json();
    const other = await buildWorld(database, clock);
    const outsider = await loginAs(app, other.slug, other.staff.recruiter.email);
    const read = await call(outsider, 'GET', `/api/notes?applicationId=${application.id}`);
    expect([read.statusCode, errorCode(read)]).toEqual([404, 'application.not_found']);
    const edit = await call(outsider, 'PATCH', `/api/notes/${written.id}`, { body: 'x', version: 1 });
    expect([edit.statusCode, errorCode(edit)]).toEqual([404, 'note.not_found']);
    const mentionOutsider = await note(as.recruiter, {
      applicationId: application.id,
      body: '@x',
      mentions: [other.staff.hiring_manager.userId],
    });
    expect(errorCode(mentionOutsider)).toBe('note.unknown_mention');
  });
});

describe('mentions and the inbox', () => {
  it('a mention lands unread in the HM’s inbox with a link to the application; read, unread, mark all read', async () => {
    const application = await world.apply();
    const people = (await call(as.recruiter, 'GET', '/api/notes/mentionable?q=hiring')).json().items;
    expect(people).toEqual([
      {
        id: world.staff.hiring_manager.userId,
        name: 'hiring_manager',
        email: world.staff.hiring_manager.email,
      },
    ]);
    const written = (
      await note(as.recruiter, {
        applicationId: application.id,
        body: '@hiring_manager can you look at the **system design** part?',
        mentions: [world.staff.hiring_manager.userId, world.staff.recruiter.userId],
      })
    ).json();
    expect(written.mentions).toEqual([
      { id: world.staff.hiring_manager.userId, name: 'hiring_manager' },
      { id: world.staff.recruiter.userId, name: 'recruiter' },
    ]);
    expect((await call(as.hm, 'GET', '/api/inbox/unread')).json()).toEqual({ unread: 1 });
    // The author mentioning themself is not told.
    expect((await call(as.recruiter, 'GET', '/api/inbox/unread')).json()).toEqual({ unread: 0 });
    const inbox = (await call(as.hm, 'GET', '/api/inbox')).json();
    expect(inbox.unread).toBe(1);
    expect(inbox.items).toEqual([
      {
        id: expect.any(String),
        kind: 'mention',
        title: 'recruiter mentioned you in a note',
        body: '@hiring_manager can you look at the system design part?',
        link: `/app/applications/${application.id}#note-${written.id}`,
        createdAt: '2026-03-02T09:00:00.000Z',
        readAt: null,
      },
    ]);
    const id = inbox.items[0].id;
    expect((await call(as.hr, 'PUT', `/api/inbox/${id}/read`, { read: true })).statusCode).toBe(404);
    expect((await call(as.hm, 'PUT', `/api/inbox/${id}/read`, { read: true })).json()).toEqual({ marked: 1 });
    expect((await call(as.hm, 'GET', '/api/inbox?unread=true')).json().items).toEqual([]);
    expect((await call(as.hm, 'PUT', `/api/inbox/${id}/read`, { read: false })).json()).toEqual({
      marked: 1,
    });
    // An edit that adds a mention tells only the newly mentioned.
    await call(as.recruiter, 'PATCH', `/api/notes/${written.id}`, {
      body: `${written.body} @hr too`,
      mentions: [world.staff.hiring_manager.userId, world.staff.hr.userId],
      version: 1,
    });
    expect((await call(as.hm, 'GET', '/api/inbox/unread')).json()).toEqual({ unread: 1 });
    expect((await call(as.hr, 'GET', '/api/inbox/unread')).json()).toEqual({ unread: 1 });
    expect((await call(as.hm, 'POST', '/api/inbox/read-all')).json()).toEqual({ marked: 1 });
    expect((await call(as.hm, 'GET', '/api/inbox/unread')).json()).toEqual({ unread: 0 });
  });

  it('each person chooses which kinds also come by email; the outbox carries only those who want it', async () => {
    expect((await call(as.hm, 'GET', '/api/inbox/settings')).json()).toEqual({
      emailKinds: ['mention', 'reply', 'approval'],
    });
    const saved = await call(as.hm, 'PUT', '/api/inbox/settings', { emailKinds: ['reply'] });
    expect(saved.json()).toEqual({ emailKinds: ['reply'] });
    const bad = await call(as.hm, 'PUT', '/api/inbox/settings', { emailKinds: ['gossip'] });
    expect([bad.statusCode, errorCode(bad)]).toEqual([400, 'validation.failed']);
    const application = await world.apply();
    await note(as.recruiter, {
      applicationId: application.id,
      body: 'ping',
      mentions: [world.staff.hiring_manager.userId, world.staff.hr.userId],
    });
    const queued = await world.db
      .selectFrom('outbox')
      .select('payload')
      .where('org_id', '=', world.orgId)
      .where('kind', '=', 'staff.notified')
      .execute();
    expect(queued.map((q) => q.payload.userIds)).toEqual([[world.staff.hr.userId]]);
  });
});

describe('tags and owners', () => {
  it('creates, renames and recolours tags; names are unique without case; tags candidates one by one and in bulk', async () => {
    const created = await call(as.recruiter, 'POST', '/api/tags', { name: 'Go', colour: '#3366cc' });
    expect(created.statusCode, created.body).toBe(201);
    const tag = created.json();
    expect(tag).toMatchObject({ name: 'Go', colour: '#3366cc', candidates: 0 });
    const clash = await call(as.hm, 'POST', '/api/tags', { name: 'go' });
    expect([clash.statusCode, errorCode(clash)]).toEqual([409, 'tag.name_taken']);
    const badColour = await call(as.hm, 'POST', '/api/tags', { name: 'Rust', colour: 'red' });
    expect([badColour.statusCode, errorCode(badColour)]).toEqual([400, 'validation.failed']);
    const renamed = await call(as.recruiter, 'PATCH', `/api/tags/${tag.id}`, {
      name: 'Golang',
      colour: null,
    });
    expect(renamed.json()).toMatchObject({ name: 'Golang', colour: null });

    const [a, b, c] = [await world.apply(), await world.apply(), await world.apply()];
    const one = await call(as.hm, 'PUT', `/api/candidates/${a.candidateId}/tags/${tag.id}`);
    expect(one.json()).toEqual({ tagId: tag.id, action: 'add', changed: 1 });
    const bulk = await call(as.recruiter, 'POST', `/api/tags/${tag.id}/candidates`, {
      action: 'add',
      candidateIds: [a.candidateId, b.candidateId],
    });
    expect(bulk.json().changed).toBe(1);
    expect((await call(as.hr, 'GET', `/api/candidates/${b.candidateId}/tags`)).json().items).toEqual([
      { id: tag.id, name: 'Golang', colour: null },
    ]);
    const filtered = (await call(as.hr, 'GET', `/api/candidates?tagId=${tag.id}`))
      .json()
      .items.map((x: { id: string }) => x.id);
    expect(filtered.sort()).toEqual([a.candidateId, b.candidateId].sort());
    // Bulk by a list's filter: everyone on job A.
    const byFilter = await call(as.recruiter, 'POST', `/api/tags/${tag.id}/candidates`, {
      action: 'remove',
      filter: { jobId: world.jobs.fullTimeA.id },
    });
    expect(byFilter.json().changed).toBe(2);
    expect((await call(as.hr, 'GET', '/api/tags')).json().items).toEqual([
      { ...renamed.json(), candidates: 0 },
    ]);
    const unknown = await call(as.recruiter, 'POST', `/api/tags/${tag.id}/candidates`, {
      action: 'add',
      candidateIds: [c.candidateId, '00000000-0000-4000-8000-000000000003'],
    });
    expect([unknown.statusCode, errorCode(unknown)]).toEqual([404, 'candidate.not_found']);
    expect(unknown.json().error.details.unknown).toEqual(['00000000-0000-4000-8000-000000000003']);
  });

  it('deleting a tag takes it off its candidates, stops views filtering on it, is audited, and a merge still undoes', async () => {
    const tag = (await call(as.recruiter, 'POST', '/api/tags', { name: 'Old list' })).json();
    const [a, b] = [await world.apply(), await world.apply(world.candidate(), world.jobs.internA.id)];
    for (const c of [a, b])
      await call(as.recruiter, 'PUT', `/api/candidates/${c.candidateId}/tags/${tag.id}`);
    const view = await call(as.hm, 'POST', '/api/views', {
      list: 'candidates',
      name: 'Old list on team A',
      filters: { tagId: tag.id, teamId: world.teams.A },
      shared: true,
    });
    // B carries the tag on both records; merged into A and then undone after the tag is gone.
    const merge = (
      await call(as.recruiter, 'POST', '/api/candidate-merges', {
        keptId: a.candidateId,
        mergedId: b.candidateId,
      })
    ).json();

    const hm = await call(as.hm, 'DELETE', `/api/tags/${tag.id}`);
    expect([hm.statusCode, errorCode(hm)]).toEqual([403, 'permission.denied']);
    const deleted = await call(as.recruiter, 'DELETE', `/api/tags/${tag.id}`);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json()).toEqual({
      candidates: 1,
      viewsChanged: [{ id: view.json().id, name: 'Old list on team A' }],
    });
    expect((await call(as.hr, 'GET', '/api/tags')).json().items).toEqual([]);
    expect((await call(as.hr, 'GET', `/api/candidates/${a.candidateId}/tags`)).json().items).toEqual([]);
    const kept = (await call(as.hm, 'GET', '/api/views?list=candidates')).json().items[0];
    expect(kept.filters).toEqual({ teamId: world.teams.A });
    const audit = await world.db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('entity_id', '=', tag.id)
      .execute();
    expect(audit).toEqual([
      { action: 'tag.deleted', data: { name: 'Old list', candidates: 1, views: [view.json().id] } },
    ]);
    const again = await call(as.recruiter, 'DELETE', `/api/tags/${tag.id}`);
    expect([again.statusCode, errorCode(again)]).toEqual([404, 'tag.not_found']);
    const undone = await call(as.recruiter, 'POST', `/api/candidate-merges/${merge.id}/undo`);
    expect(undone.statusCode, undone.body).toBe(200);
    expect((await call(as.hr, 'GET', `/api/candidates/${b.candidateId}/tags`)).json().items).toEqual([]);
  });

  it('another organisation cannot see, rename or use our tags', async () => {
    const tag = (await call(as.recruiter, 'POST', '/api/tags', { name: 'Ours' })).json();
    const other = await buildWorld(database, clock);
    const outsider = await loginAs(app, other.slug, other.staff.recruiter.email);
    expect((await call(outsider, 'GET', '/api/tags')).json().items).toEqual([]);
    expect(errorCode(await call(outsider, 'PATCH', `/api/tags/${tag.id}`, { name: 'Theirs' }))).toBe(
      'tag.not_found',
    );
    expect(errorCode(await call(outsider, 'DELETE', `/api/tags/${tag.id}`))).toBe('tag.not_found');
    expect(
      errorCode(await call(outsider, 'GET', `/api/candidates/${(await world.apply()).candidateId}/tags`)),
    ).toBe('candidate.not_found');
    const theirs = await other.apply();
    expect(
      errorCode(await call(as.recruiter, 'PUT', `/api/candidates/${theirs.candidateId}/tags/${tag.id}`)),
    ).toBe('candidate.not_found');
  });
});

describe('filters and saved views', () => {
  it('filters candidates by job, team, step, source, dates, owner and decided without evidence; views count what they find', async () => {
    const screened = await world.atTechnicalRound();
    // The technical round decided without its interview, on a written reason.
    const overridden = await world.atTechnicalRound();
    ok(
      await decideApplicationRound(world.deps, {
        actor: world.staff.hiring_manager,
        applicationId: overridden.id,
        roundKey: 'tech',
        decision: 'advance',
        rationale: 'Known from a previous role.',
        overrideReason: 'Worked with them for two years.',
      }),
    );
    clock.advanceDays(2);
    const fresh = await world.apply();
    const intern = await world.apply(world.candidate(), world.jobs.internB.id);
    const ids = async (query: string) =>
      (await call(as.recruiter, 'GET', `/api/candidates?${query}`))
        .json()
        .items.map((x: { id: string }) => x.id)
        .sort();
    expect(await ids(`jobId=${world.jobs.fullTimeA.id}`)).toEqual(
      [screened.candidateId, overridden.candidateId, fresh.candidateId].sort(),
    );
    expect(await ids(`teamId=${world.teams.B}`)).toEqual([intern.candidateId]);
    expect(await ids('step=technical_screen')).toEqual([screened.candidateId]);
    expect(await ids('appliedFrom=2026-03-04&appliedTo=2026-03-04')).toEqual(
      [fresh.candidateId, intern.candidateId].sort(),
    );
    expect(await ids('appliedTo=2026-03-02')).toEqual([screened.candidateId, overridden.candidateId].sort());
    expect(await ids('decidedWithoutEvidence=true')).toEqual([overridden.candidateId]);
    expect(await ids(`source=test&teamId=${world.teams.A}`)).toEqual(
      [screened.candidateId, overridden.candidateId, fresh.candidateId].sort(),
    );
    await call(as.recruiter, 'PUT', `/api/candidates/${fresh.candidateId}/owner`, {
      userId: world.staff.recruiter.userId,
    });
    expect(await ids(`ownerId=${world.staff.recruiter.userId}`)).toEqual([fresh.candidateId]);
    const badDay = await call(as.recruiter, 'GET', '/api/candidates?appliedFrom=2026-02-30');
    expect([badDay.statusCode, errorCode(badDay)]).toEqual([400, 'validation.failed']);

    // The review queue takes the same filter.
    const queue = async (query: string) =>
      (await call(as.recruiter, 'GET', `/api/applications?${query}`))
        .json()
        .items.map((x: { id: string }) => x.id)
        .sort();
    expect(await queue('step=resume_screen&appliedFrom=2026-03-03')).toEqual([fresh.id, intern.id].sort());
    expect(await queue(`step=resume_screen&teamId=${world.teams.B}`)).toEqual([intern.id]);
    expect(await queue('decidedWithoutEvidence=true')).toEqual([overridden.id]);
    expect(await queue(`ownerId=${world.staff.recruiter.userId}`)).toEqual([fresh.id]);

    const mine = await call(as.recruiter, 'POST', '/api/views', {
      list: 'candidates',
      name: 'Team A',
      filters: { teamId: world.teams.A },
    });
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({ name: 'Team A', shared: false, mine: true, count: 3 });
    const twice = await call(as.recruiter, 'POST', '/api/views', {
      list: 'candidates',
      name: 'team a',
      filters: { teamId: world.teams.B },
    });
    expect([twice.statusCode, errorCode(twice), twice.json().error.details.field]).toEqual([
      409,
      'view.name_taken',
      'name',
    ]);
    const shared = await call(as.recruiter, 'POST', '/api/views', {
      list: 'screening',
      name: 'Fresh resumes',
      filters: { appliedFrom: '2026-03-03' },
      shared: true,
    });
    expect(shared.json()).toMatchObject({ count: 2, shared: true });
    clock.advanceMs(1000);
    const decided = await call(as.hm, 'POST', '/api/views', {
      list: 'decisions',
      name: 'Overridden',
      filters: { decidedWithoutEvidence: true },
    });
    // A view of the decision queue counts what the HM's queue holds with its filter: the overridden
    // application waits at a round with no interview booked yet, so it is not in the queue.
    expect(decided.json().count).toBe(0);
    expect((await call(as.hm, 'GET', '/api/decision-queue?decidedWithoutEvidence=true')).json().total).toBe(
      0,
    );
    // The HM sees their own view and the shared one, not the recruiter's private one.
    const hmViews = (await call(as.hm, 'GET', '/api/views')).json().items;
    expect(hmViews.map((v: { name: string; mine: boolean }) => [v.name, v.mine])).toEqual([
      ['Fresh resumes', false],
      ['Overridden', true],
    ]);
    // Counts follow the data.
    await world.apply(world.candidate(), world.jobs.internA.id);
    expect((await call(as.recruiter, 'GET', '/api/views?list=candidates')).json().items[0].count).toBe(4);
    const notMine = await call(as.hm, 'DELETE', `/api/views/${shared.json().id}`);
    expect([notMine.statusCode, errorCode(notMine)]).toEqual([403, 'permission.denied']);
    const hidden = await call(as.hm, 'DELETE', `/api/views/${mine.json().id}`);
    expect([hidden.statusCode, errorCode(hidden)]).toEqual([404, 'view.not_found']);
    expect((await call(as.recruiter, 'DELETE', `/api/views/${mine.json().id}`)).statusCode).toBe(204);
  });
});

describe('global search', () => {
  it('finds candidates by name, email, phone and resume words, jobs by title and people by name; pages candidates', async () => {
    const ada = await world.apply({
      email: 'ada.lovelace@example.com',
      firstName: 'Ada',
      lastName: 'Lovelace',
      phone: '+44 20 7946 0958',
      resumeText: 'Analytical engine programmer, Kubernetes operator.',
    } as never);
    const search = async (q: string, extra = '') =>
      (await call(as.recruiter, 'GET', `/api/search?q=${encodeURIComponent(q)}${extra}`)).json();
    const titles = async (q: string) =>
      (await search(q)).items.map((i: { kind: string; title: string }) => `${i.kind}:${i.title}`);
    expect(await titles('lovelace')).toEqual(['candidate:Ada Lovelace']);
    expect(await titles('ada.lovelace@')).toEqual(['candidate:Ada Lovelace']);
    expect(await titles('kubernetes')).toEqual(['candidate:Ada Lovelace']);
    expect(await titles('7946 0958')).toEqual(['candidate:Ada Lovelace']);
    expect((await search('lovelace')).items[0]).toMatchObject({
      id: ada.candidateId,
      link: `/app/candidates/${ada.candidateId}`,
    });
    expect(await titles('internship')).toEqual([
      'job:internship job',
      'job:internship job',
      'job:internship job',
    ]);
    expect(await titles('hiring_man')).toEqual(['person:hiring_manager']);
    for (let i = 0; i < 3; i++) {
      clock.advanceMs(1000);
      await world.apply({ email: `pat${i}@example.com`, firstName: 'Pat', lastName: `Smith ${i}` });
    }
    const first = await search('pat smith', '&limit=2');
    expect(first.items.map((i: { title: string }) => i.title)).toEqual(['Pat Smith 2', 'Pat Smith 1']);
    const second = await search('pat smith', `&limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((i: { title: string }) => i.title)).toEqual(['Pat Smith 0']);
    expect(second.nextCursor).toBeNull();
    const short = await call(as.recruiter, 'GET', '/api/search?q=a');
    expect([short.statusCode, errorCode(short)]).toEqual([400, 'validation.failed']);
    const forged = await call(as.recruiter, 'GET', '/api/search?q=pat&cursor=nonsense');
    expect([forged.statusCode, errorCode(forged)]).toEqual([400, 'validation.failed']);
    // Another organisation finds none of ours.
    const other = await buildWorld(database, clock);
    const outsider = await loginAs(app, other.slug, other.staff.recruiter.email);
    expect((await call(outsider, 'GET', '/api/search?q=lovelace')).json().items).toEqual([]);
  });
});

describe('merging duplicate people', () => {
  it('moves applications, files, notes and tags to the kept person, audited; undo puts everything back', async () => {
    const kept = await world.apply({ email: 'sam@work.example', firstName: 'Sam', lastName: 'Lee' });
    const dup = await world.apply(
      { email: 'sam@home.example', firstName: 'Sam', lastName: 'Lee' },
      world.jobs.internA.id,
    );
    const tagA = (await call(as.recruiter, 'POST', '/api/tags', { name: 'Referral' })).json();
    const tagB = (await call(as.recruiter, 'POST', '/api/tags', { name: 'Go' })).json();
    await call(as.recruiter, 'PUT', `/api/candidates/${dup.candidateId}/tags/${tagA.id}`);
    await call(as.recruiter, 'PUT', `/api/candidates/${dup.candidateId}/tags/${tagB.id}`);
    await call(as.recruiter, 'PUT', `/api/candidates/${kept.candidateId}/tags/${tagB.id}`);
    await note(as.recruiter, { candidateId: dup.candidateId, body: 'Also applied from home address' });

    const hm = await call(as.hm, 'POST', '/api/candidate-merges', {
      keptId: kept.candidateId,
      mergedId: dup.candidateId,
    });
    expect([hm.statusCode, errorCode(hm)]).toEqual([403, 'permission.denied']);
    const self = await call(as.recruiter, 'POST', '/api/candidate-merges', {
      keptId: kept.candidateId,
      mergedId: kept.candidateId,
    });
    expect([self.statusCode, errorCode(self)]).toEqual([422, 'merge.invalid']);

    const merged = await call(as.recruiter, 'POST', '/api/candidate-merges', {
      keptId: kept.candidateId,
      mergedId: dup.candidateId,
    });
    expect(merged.statusCode, merged.body).toBe(201);
    expect(merged.json()).toMatchObject({
      status: 'pending',
      moved: { applications: 1, attachments: 0, notes: 1, tags: 1 },
      overLimit: [],
    });
    const mergeId = merged.json().id;
    const owner = await world.db
      .selectFrom('applications')
      .select('candidate_id')
      .where('id', '=', dup.id)
      .executeTakeFirstOrThrow();
    expect(owner.candidate_id).toBe(kept.candidateId);
    expect(
      (await call(as.hr, 'GET', `/api/notes?candidateId=${kept.candidateId}`)).json().items,
    ).toHaveLength(1);
    expect(
      (await call(as.hr, 'GET', `/api/candidates/${kept.candidateId}/tags`))
        .json()
        .items.map((t: { name: string }) => t.name),
    ).toEqual(['Go', 'Referral']);
    // The duplicate leaves the lists and cannot be merged again.
    expect((await call(as.hr, 'GET', '/api/candidates?q=sam@home')).json().items).toEqual([]);
    const again = await call(as.recruiter, 'POST', '/api/candidate-merges', {
      keptId: kept.candidateId,
      mergedId: dup.candidateId,
    });
    expect(errorCode(again)).toBe('merge.invalid');
    const audit = await world.db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('entity_id', '=', kept.candidateId)
      .where('action', 'like', 'candidate.merge%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['candidate.merged']);

    const undone = await call(as.recruiter, 'POST', `/api/candidate-merges/${mergeId}/undo`);
    expect(undone.json().status).toBe('undone');
    const back = await world.db
      .selectFrom('applications')
      .select('candidate_id')
      .where('id', '=', dup.id)
      .executeTakeFirstOrThrow();
    expect(back.candidate_id).toBe(dup.candidateId);
    expect(
      (await call(as.hr, 'GET', `/api/candidates/${dup.candidateId}/tags`))
        .json()
        .items.map((t: { name: string }) => t.name),
    ).toEqual(['Go', 'Referral']);
    expect(
      (await call(as.hr, 'GET', `/api/candidates/${kept.candidateId}/tags`))
        .json()
        .items.map((t: { name: string }) => t.name),
    ).toEqual(['Go']);
    expect((await call(as.hr, 'GET', `/api/notes?candidateId=${dup.candidateId}`)).json().items).toHaveLength(
      1,
    );
    const twice = await call(as.recruiter, 'POST', `/api/candidate-merges/${mergeId}/confirm`);
    expect([twice.statusCode, errorCode(twice)]).toEqual([409, 'merge.not_pending']);

    // Merge again and confirm: now final.
    clock.advanceMs(1000);
    const final = (
      await call(as.recruiter, 'POST', '/api/candidate-merges', {
        keptId: kept.candidateId,
        mergedId: dup.candidateId,
      })
    ).json();
    expect(
      (await call(as.recruiter, 'POST', `/api/candidate-merges/${final.id}/confirm`)).json().status,
    ).toBe('confirmed');
    expect(errorCode(await call(as.recruiter, 'POST', `/api/candidate-merges/${final.id}/undo`))).toBe(
      'merge.not_pending',
    );
    const history = (await call(as.hr, 'GET', `/api/candidates/${kept.candidateId}/merges`)).json().items;
    expect(history.map((m: { status: string }) => m.status)).toEqual(['confirmed', 'undone']);
  });

  it('R-APP limits after a merge: open applications stay, the merge says where the person is over the limit, new ones are refused', async () => {
    // Internships allow 2 open applications at once by default.
    const kept = await world.apply(
      { email: 'kim@a.example', firstName: 'Kim', lastName: 'Ng' },
      world.jobs.internA.id,
    );
    await world.apply({ email: 'kim@a.example', firstName: 'Kim', lastName: 'Ng' }, world.jobs.internB.id);
    const dup = await world.apply(
      { email: 'kim@b.example', firstName: 'Kim', lastName: 'Ng' },
      world.jobs.internB2.id,
    );
    const merged = await call(as.recruiter, 'POST', '/api/candidate-merges', {
      keptId: kept.candidateId,
      mergedId: dup.candidateId,
    });
    expect(merged.json().overLimit).toEqual([
      {
        jobFamily: 'internship',
        active: 3,
        limit: 2,
        message: expect.stringMatching(/more than the 2 allowed/),
      },
    ]);
    const statuses = await world.db
      .selectFrom('applications')
      .select('status')
      .where('candidate_id', '=', kept.candidateId)
      .execute();
    expect(statuses).toHaveLength(3);
    const job = ok(
      await createJob(world.deps, {
        actor: world.staff.recruiter,
        fields: {
          title: 'Another internship',
          teamId: world.teams.A,
          processId: world.processes.A.id,
          employmentType: 'internship',
          jobFamily: 'internship',
          headcount: 1,
          level: 'mid',
          locations: ['Remote'],
          officeIds: [],
          posting: {},
        },
      }),
    );
    ok(await transitionJob(world.deps, { actor: world.staff.recruiter, jobId: job.id, to: 'open' }));
    const another = await call(as.recruiter, 'POST', '/api/applications', {
      jobId: job.id,
      candidate: { email: 'kim@a.example', firstName: 'Kim', lastName: 'Ng' },
      source: 'test',
    });
    expect(errorCode(another)).toBe('application.limit_reached');
    // Undone, each person is back within the limit.
    expect(
      (await call(as.recruiter, 'POST', `/api/candidate-merges/${merged.json().id}/undo`)).json().overLimit,
    ).toEqual([]);
  });

  it('an application from a merged-away address joins the kept person, with its resume', async () => {
    const kept = await world.apply({ email: 'lee@a.example', firstName: 'Lee', lastName: 'Ray' });
    const dup = await world.apply(
      { email: 'lee@b.example', firstName: 'Lee', lastName: 'Ray' },
      world.jobs.internA.id,
    );
    const merged = await call(as.recruiter, 'POST', '/api/candidate-merges', {
      keptId: kept.candidateId,
      mergedId: dup.candidateId,
    });
    expect(merged.statusCode, merged.body).toBe(201);
    const again = await call(as.recruiter, 'POST', '/api/applications', {
      jobId: world.jobs.internB.id,
      candidate: {
        email: 'LEE@b.example',
        firstName: 'Lee',
        lastName: 'Ray',
        resumeText: 'Rust and PostgreSQL',
      },
      source: 'test',
    });
    expect(again.statusCode, again.body).toBe(201);
    const row = await world.db
      .selectFrom('applications')
      .select('candidate_id')
      .where('id', '=', again.json().id)
      .executeTakeFirstOrThrow();
    expect(row.candidate_id).toBe(kept.candidateId);
    const profile = await world.db
      .selectFrom('candidates')
      .select('resume_text')
      .where('id', '=', kept.candidateId)
      .executeTakeFirstOrThrow();
    expect(profile.resume_text).toBe('Rust and PostgreSQL');
  });

  it('another organisation cannot merge, confirm or read our merges', async () => {
    const a = await world.apply();
    const b = await world.apply(world.candidate(), world.jobs.internA.id);
    // Two open applications to one job cannot become one person's: the merge says which job.
    const sameJob = await world.apply();
    const clash = await call(as.recruiter, 'POST', '/api/candidate-merges', {
      keptId: a.candidateId,
      mergedId: sameJob.candidateId,
    });
    expect([clash.statusCode, errorCode(clash)]).toEqual([422, 'merge.invalid']);
    expect(clash.json().error.details.jobs).toEqual([
      { jobId: world.jobs.fullTimeA.id, title: 'full_time job' },
    ]);
    const created = await call(as.recruiter, 'POST', '/api/candidate-merges', {
      keptId: a.candidateId,
      mergedId: b.candidateId,
    });
    expect(created.statusCode, created.body).toBe(201);
    const merge = created.json();
    const other = await buildWorld(database, clock);
    const outsider = await loginAs(app, other.slug, other.staff.recruiter.email);
    expect(errorCode(await call(outsider, 'POST', `/api/candidate-merges/${merge.id}/undo`))).toBe(
      'merge.not_found',
    );
    expect(
      errorCode(
        await call(outsider, 'POST', '/api/candidate-merges', {
          keptId: a.candidateId,
          mergedId: b.candidateId,
        }),
      ),
    ).toBe('candidate.not_found');
    expect(errorCode(await call(outsider, 'GET', `/api/candidates/${a.candidateId}/merges`))).toBe(
      'candidate.not_found',
    );
  });
});

describe('the inbox gathers feedback due and approvals waiting', () => {
  it('an interviewer past their feedback deadline finds it in the inbox, linking to the interview', async () => {
    const application = await world.atTechnicalRound();
    const interview = await heldInterview(application.id);
    clock.advanceDays(7);
    ok(await sendFeedbackReminders(world.deps));
    const inbox = (await call(as.interviewer, 'GET', '/api/inbox')).json();
    expect(inbox.items).toEqual([
      expect.objectContaining({
        kind: 'feedback_due',
        link: `/app/interviews/${interview.id}`,
        readAt: null,
      }),
    ]);
    // A second sweep adds nothing.
    ok(await sendFeedbackReminders(world.deps));
    expect((await call(as.interviewer, 'GET', '/api/inbox/unread')).json()).toEqual({ unread: 1 });
  });

  it('an offer outside its band waits in the next approver’s inbox, each step in turn', async () => {
    const job = (await call(as.recruiter, 'GET', `/api/jobs/${world.jobs.fullTimeA.id}`)).json();
    ok(
      await updateJob(world.deps, {
        actor: world.staff.recruiter,
        jobId: job.id,
        expectedVersion: job.version,
        change: {
          compensationBand: {
            currency: 'USD',
            baseMinCents: 150_000_00,
            baseMaxCents: 180_000_00,
            approverRoles: ['hiring_manager', 'admin'],
          } as never,
        },
      }),
    );
    const application = await world.apply();
    await world.passAllRounds(application.id);
    const offer = ok(
      await createOffer(world.deps, {
        actor: world.staff.recruiter,
        applicationId: application.id,
        terms: {
          currency: 'USD',
          baseSalaryCents: 100_000_00,
          signOn: { amountCents: 0, instalments: 1, clawbackMonths: 0 },
          targetBonusBps: 0,
          equity: { kind: 'value', valueCents: 0 },
          vestingScheduleKey: 'even-25x4',
          startDate: '2026-06-01',
          expiresAt: '2026-06-01T00:00:00Z',
          level: 'L1',
          location: 'Remote',
        },
      }),
    );
    expect((await call(as.recruiter, 'POST', `/api/offers/${offer.id}/submit`)).statusCode).toBe(200);
    const hmInbox = (await call(as.hm, 'GET', '/api/inbox')).json().items;
    expect(hmInbox).toEqual([
      expect.objectContaining({
        kind: 'approval',
        title: 'An offer waits for your approval',
        link: `/app/offers/${offer.id}`,
      }),
    ]);
    // The other team's hiring manager and the admin (a later step) are not asked yet.
    expect((await call(as.hmB, 'GET', '/api/inbox/unread')).json()).toEqual({ unread: 0 });
    expect((await call(as.admin, 'GET', '/api/inbox/unread')).json()).toEqual({ unread: 0 });
    await call(as.hm, 'POST', `/api/offers/${offer.id}/approvals`, { decision: 'approve', note: 'ok' });
    expect((await call(as.admin, 'GET', '/api/inbox')).json().items).toEqual([
      expect.objectContaining({ kind: 'approval', body: expect.stringMatching(/step 2 of 2/) }),
    ]);
  });
});
