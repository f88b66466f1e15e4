import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, candidateLogin, errorCode, loginAs } from '../support/http.js';
import { testWorker } from '../support/worker.js';
import { buildWorld, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let clock: TestClock;
let admin: string;
let recruiter: string;

beforeAll(async () => {
  database = await openTestDatabase();
  clock = new TestClock();
  world = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
  admin = await loginAs(app, world.slug, world.staff.admin.email);
  recruiter = await loginAs(app, world.slug, world.staff.recruiter.email);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  app.inject({ method, url, payload: payload as object, headers: { cookie } });

describe('message templates', () => {
  it('admins edit a template per language, with validation and a preview; messages use the edit', async () => {
    const list = (await call(admin, 'GET', '/api/message-templates')).json().items;
    expect(
      list.find((t: { key: string; language: string }) => t.key === 'status_update' && t.language === 'zh'),
    ).toMatchObject({ customised: false });
    const broken = await call(admin, 'PUT', '/api/message-templates/status_update/en', {
      subject: 'News {{#jobTitle}}',
      body: 'x',
    });
    expect([broken.statusCode, broken.json().error.details.field]).toEqual([400, 'subject']);
    expect(
      errorCode(await call(admin, 'PUT', '/api/message-templates/no_such/en', { subject: 'a', body: 'b' })),
    ).toBe('not_found');
    const saved = await call(admin, 'PUT', '/api/message-templates/application_received/en', {
      subject: 'Thanks for applying to {{jobTitle}}',
      body: 'Hi {{recipientName}}, we have your application. Next: {{nextStep}}.',
    });
    expect(saved.json()).toMatchObject({ customised: true });
    const preview = (
      await call(admin, 'POST', '/api/message-templates/application_received/en/preview', {})
    ).json();
    expect(preview).toEqual({
      subject: 'Thanks for applying to Backend Software Engineer',
      body: 'Hi Alex Candidate, we have your application. Next: System design.',
    });
    const draft = (
      await call(admin, 'POST', '/api/message-templates/application_received/en/preview', {
        subject: 'Draft for {{recipientName}}',
      })
    ).json();
    expect(draft.subject).toBe('Draft for Alex Candidate');

    const person = world.candidate();
    await call(recruiter, 'POST', '/api/applications', { jobId: world.jobs.fullTimeA.id, candidate: person });
    const worker = testWorker(world);
    await worker.drain();
    const mailbox = (await call(admin, 'GET', '/api/deliveries?channel=email')).json().items;
    expect(mailbox.find((m: { recipient: string }) => m.recipient === person.email)).toMatchObject({
      subject: 'Thanks for applying to full_time job',
      body: `Hi Cand ${person.lastName}, we have your application. Next: Technical.`,
      status: 'delivered',
    });
    worker.close();
  });
});

describe('the update guarantee, seen by people', () => {
  it('R-FB-5: the dashboard lists applications nearing their update; a recruiter writing resets the clock', async () => {
    const settings = await call(admin, 'PUT', '/api/settings/notifications', {
      updateEveryBusinessDays: 2,
      shareRejectionFeedback: false,
      defaultLanguage: 'en',
      defaultTimezone: 'Mars/Base',
    });
    expect(settings.json().error.details.issues[0].field).toBe('body.defaultTimezone');
    await call(admin, 'PUT', '/api/settings/notifications', {
      updateEveryBusinessDays: 2,
      shareRejectionFeedback: false,
      defaultLanguage: 'en',
      defaultTimezone: 'UTC',
    });
    const person = world.candidate();
    const created = (
      await call(recruiter, 'POST', '/api/applications', {
        jobId: world.jobs.fullTimeA.id,
        candidate: person,
      })
    ).json();
    const worker = testWorker(world);
    await worker.drain(true);
    clock.advanceDays(1);
    const due = (await call(recruiter, 'GET', '/api/updates/due')).json().items;
    const mine = due.find((d: { applicationId: string }) => d.applicationId === created.id);
    expect(mine).toMatchObject({ overdue: false, candidateName: `Cand ${person.lastName}` });
    const before = mine.nextUpdateAt;
    const wrote = await call(recruiter, 'POST', `/api/applications/${created.id}/messages`, {
      subject: 'A note',
      body: 'Your resume is with the hiring manager.',
    });
    expect(wrote.statusCode).toBe(202);
    expect(
      (await call(recruiter, 'POST', `/api/applications/${created.id}/messages`, { subject: '', body: '' }))
        .statusCode,
    ).toBe(400);
    await worker.drain();
    const after = (await call(recruiter, 'GET', '/api/updates/due'))
      .json()
      .items.find((d: { applicationId: string }) => d.applicationId === created.id);
    expect(after === undefined || after.nextUpdateAt > before).toBe(true);
    worker.close();
  });
});

describe('candidate preferences', () => {
  it('a candidate sets language, zone and opts out of non-essential messages', async () => {
    const person = world.candidate();
    await call(recruiter, 'POST', '/api/applications', { jobId: world.jobs.fullTimeA.id, candidate: person });
    const cookie = await candidateLogin(app, database, world.slug, person.email);
    expect((await call(cookie, 'GET', '/api/me/preferences')).json()).toEqual({
      language: null,
      timezone: null,
      unsubscribed: false,
    });
    const bad = await call(cookie, 'PUT', '/api/me/preferences', {
      language: 'Chinese!',
      timezone: 'Nowhere',
      unsubscribed: 'yes',
    });
    expect(
      bad
        .json()
        .error.details.issues.map((i: { field: string }) => i.field)
        .sort(),
    ).toEqual(['body.language', 'body.timezone', 'body.unsubscribed']);
    const saved = await call(cookie, 'PUT', '/api/me/preferences', {
      language: 'zh',
      timezone: 'Asia/Shanghai',
      unsubscribed: true,
    });
    expect(saved.json()).toEqual({ language: 'zh', timezone: 'Asia/Shanghai', unsubscribed: true });
  });
});
