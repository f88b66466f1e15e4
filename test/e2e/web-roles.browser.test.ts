import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideApplicationRound } from '../../src/core/applications/decide-round.js';
import { updateJob } from '../../src/core/jobs/update-job.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { launchChromium } from '../support/browser.js';
import { openTestDatabase } from '../support/db.js';
import { candidateLogin, listening, loginAs } from '../support/http.js';
import { requireBuiltWebApp, review, staffContext, watchErrors } from '../support/web.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

// Each role's own journey through the web app, and every main page checked with axe-core.
let database: Database;
let app: App;
let world: World;
let browser: Browser;
let base: string;
const clock = new TestClock();
/** Polls until the page catches up; browsers on a busy machine take their time. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const ids: Record<'screened' | 'atTech' | 'atOffer' | 'offer' | 'interview', string> = {} as never;

beforeAll(async () => {
  requireBuiltWebApp();
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  ({ app, base } = await listening(database, clock));
  const recruiter = await loginAs(app, world.slug, world.staff.recruiter.email);
  const call = (method: 'POST' | 'GET', url: string, payload?: object) =>
    app.inject({ method, url, payload, headers: { cookie: recruiter } }).then((r) => r.json());

  // Some applications waiting for their resume screen, one at the technical round with an
  // interview booked, one past every round with an offer above the job's band.
  for (let i = 0; i < 3; i++)
    await world.apply({ ...world.candidate(), resumeText: `Resume ${i}: TypeScript, PostgreSQL.` });
  ids.atTech = (
    await world.atTechnicalRound({ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' })
  ).id;
  ids.interview = (
    await call('POST', `/api/applications/${ids.atTech}/interviews`, {
      roundKey: 'tech',
      startsAt: '2026-03-04T18:00:00Z',
      interviewerIds: [world.staff.interviewer.userId],
    })
  ).id;
  const job = await call('GET', `/api/jobs/${world.jobs.fullTimeA.id}`);
  ok(
    await updateJob(world.deps, {
      actor: world.staff.recruiter,
      jobId: job.id,
      expectedVersion: job.version,
      change: {
        compensationBand: {
          currency: 'USD',
          baseMinCents: 100_000_00,
          baseMaxCents: 150_000_00,
          approverRoles: ['hiring_manager'],
        },
      },
    }),
  );
  const ready = await world.apply({ email: 'alan@example.com', firstName: 'Alan', lastName: 'Turing' });
  await world.passAllRounds(ready.id);
  ids.atOffer = ready.id;
  const offer = await call('POST', `/api/applications/${ready.id}/offers`, {
    terms: {
      currency: 'USD',
      baseSalaryCents: 180_000_00,
      signOn: { amountCents: 20_000_00 },
      targetBonusBps: 1000,
      equity: { kind: 'units', units: 1000, referencePriceCents: 100_00 },
      startDate: '2026-06-01',
      expiresAt: '2026-03-20T00:00:00Z',
      level: '2-1',
      location: 'Los Angeles',
    },
  });
  ids.offer = offer.id;
  await call('POST', `/api/offers/${offer.id}/submit`);

  // Interviews show in the interviewer's own zone, whatever the browser's.
  await world.db
    .updateTable('users')
    .set({ timezone: 'Asia/Shanghai' })
    .where('id', '=', world.staff.interviewer.userId)
    .execute();
  browser = await launchChromium();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

const staff = (who: keyof World['staff'], timezoneId?: string) =>
  staffContext(browser, base, world.slug, world.staff[who].email, timezoneId);
const fieldError = (page: Page, text: string) => page.locator('.field-error', { hasText: text });

describe('every main page', () => {
  it('has no serious or critical accessibility violations, and is screenshotted for review', async () => {
    const pages: [keyof World['staff'], string, string, string][] = [
      ['recruiter', 'screening', '/app/screening', 'Resume screen'],
      ['recruiter', 'jobs', '/app/jobs', 'Jobs'],
      ['recruiter', 'pipeline', `/app/jobs/${world.jobs.fullTimeA.id}`, 'Pipeline: full_time job'],
      ['recruiter', 'job-editor', `/app/jobs/${world.jobs.fullTimeA.id}/edit`, 'Edit job'],
      ['recruiter', 'candidates', '/app/candidates?q=Ada', 'Candidates'],
      ['recruiter', 'reports', '/app/reports', 'Reports'],
      ['coordinator', 'candidate-page', `/app/applications/${ids.atTech}`, 'Ada Lovelace'],
      ['interviewer', 'my-interviews', '/app/interviews', 'My interviews'],
      ['interviewer', 'interview-kit', `/app/interviews/${ids.interview}`, 'Technical: Ada Lovelace'],
      ['hiring_manager', 'decisions', '/app/decisions', 'Decisions'],
      ['hiring_manager', 'debrief', `/app/applications/${ids.atTech}`, 'Ada Lovelace'],
      ['hr', 'offers', '/app/offers', 'Offers'],
      ['hr', 'offer', `/app/offers/${ids.offer}`, 'Offer: full_time job'],
      ...(
        [
          'teams',
          'users',
          'processes',
          'policies',
          'boards',
          'messages',
          'webhooks',
          'tokens',
          'audit',
        ] as const
      ).map((section): [keyof World['staff'], string, string, string] => [
        'admin',
        `admin-${section}`,
        `/app/admin/${section}`,
        'Admin: ',
      ]),
    ];
    const violations: string[] = [];
    const errors: string[] = [];
    const sessions = new Map<string, Awaited<ReturnType<typeof staff>>>();
    for (const [who, name, path, heading] of pages) {
      if (!sessions.has(who)) sessions.set(who, await staff(who));
      const { page, errors: pageErrors } = sessions.get(who)!;
      await page.goto(`${base}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForFunction(() => !document.querySelector('.loading'));
      violations.push(...(await review(page, `page-${name}`)));
      errors.push(...pageErrors.map((e) => `${name}: ${e}`));
    }
    for (const { context } of sessions.values()) await context.close();

    // The signed-out pages and the candidate's.
    const visitor = await browser.newPage();
    for (const [name, path, heading] of [
      ['sign-in', '/app/sign-in', 'Sign in to Hireloop'],
      ['candidate-sign-in', '/candidate/sign-in', 'Your applications'],
    ]) {
      await visitor.goto(`${base}${path}`);
      await visitor.getByRole('heading', { level: 1, name: heading }).waitFor();
      violations.push(...(await review(visitor, `page-${name}`)));
    }
    await visitor.close();
    const cookie = (await candidateLogin(app, database, world.slug, 'alan@example.com')).split('=');
    const context = await browser.newContext({ timezoneId: 'Europe/London' });
    await context.addCookies([{ name: cookie[0]!, value: cookie[1]!, url: base }]);
    const portal = await context.newPage();
    await portal.goto(`${base}/candidate`);
    await portal.getByRole('heading', { level: 1, name: 'My applications' }).waitFor();
    violations.push(...(await review(portal, 'page-candidate-portal')));
    await context.close();

    // A phone-sized screen: the queue stacks above the resume and nothing needs sideways scrolling.
    const phone = await staff('recruiter');
    await phone.page.setViewportSize({ width: 390, height: 844 });
    await phone.page.goto(`${base}/app/screening`);
    await phone.page.getByRole('heading', { level: 1, name: 'Resume screen' }).waitFor();
    violations.push(...(await review(phone.page, 'page-screening-phone')));
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
      true,
    );
    await phone.context.close();

    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    expect(
      fs.readdirSync('.test-results/web').filter((f) => f.startsWith('page-')).length,
    ).toBeGreaterThanOrEqual(23);
  }, 180_000);

  it('the accessibility check does catch a violation (an unlabelled field)', async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<html lang="en"><head><title>t</title></head><body><main><input type="text"></main></body></html>',
    );
    expect((await review(page, 'axe-self-check')).join()).toMatch(/label/);
    await page.close();
  });
});

describe('recruiter', () => {
  it('triages by keyboard, decides a selection in bulk with a result per item, and sees the board move', async () => {
    const a = await world.apply();
    const b = await world.apply();
    const { page, errors, context } = await staff('recruiter');
    await page.getByRole('heading', { level: 1, name: 'Resume screen' }).waitFor();
    // Select the two newest with their checkboxes.
    for (const id of [a.id, b.id]) await page.getByLabel(`Select ${await nameOf(id)}`).check();
    await page.getByText('2 selected').waitFor();
    // Meanwhile a colleague rejects one of them: the bulk answer says which one failed and why.
    ok(
      await decideApplicationRound(world.deps, {
        actor: world.staff.recruiter,
        applicationId: b.id,
        roundKey: 'resume',
        decision: 'reject',
        rationale: 'Decided elsewhere.',
        overrideReason: 'Decided in the test without its interview.',
      }),
    );
    await page.getByRole('button', { name: 'Reject selected' }).click();
    await page
      .getByRole('dialog', { name: 'Reject these 2 applications?' })
      .getByRole('button', { name: 'Reject 2' })
      .click();
    await page.getByRole('status').filter({ hasText: '1 rejected, 1 refused.' }).waitFor();
    const refused = page.getByRole('table', { name: 'Refused in the last bulk decision' });
    expect(await refused.textContent()).toContain(await nameOf(b.id));
    await review(page, 'recruiter-bulk-result');

    // The one refused had moved on, so it left the queue with the one rejected.
    const names = () => page.locator('.queue li button').allTextContents();
    await eventually(names).not.toContain(await nameOf(b.id));
    const [oldest, second] = await names();
    // The keyboard: j moves down, k back up to the oldest, r rejects it with the chosen reason.
    const current = () => page.locator('.queue li.current button').textContent();
    await page.keyboard.press('j');
    await eventually(current).toBe(second);
    await page.keyboard.press('k');
    await eventually(current).toBe(oldest);
    await page.keyboard.press('r');
    await page
      .getByRole('status')
      .filter({ hasText: `${oldest}: rejected.` })
      .waitFor();
    await eventually(names).not.toContain(oldest);

    await page.goto(`${base}/app/jobs/${world.jobs.fullTimeA.id}`);
    const rejected = page.getByRole('region', { name: /^Rejected/ });
    await eventually(async () => rejected.locator('.count').textContent()).toBe('3');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('moves a card on the board by drag and drop or by keyboard, to a legal next step only', async () => {
    const violations: string[] = [];
    const one = await world.apply({ email: 'barbara@example.com', firstName: 'Barbara', lastName: 'Liskov' });
    await world.apply({ email: 'frances@example.com', firstName: 'Frances', lastName: 'Allen' });
    const { page, errors, context } = await staff('recruiter');
    await page.goto(`${base}/app/jobs/${world.jobs.fullTimeA.id}`);
    const column = (name: RegExp) => page.getByRole('region', { name });
    const resume = column(/^Resume/);
    const card = resume.locator('li', { hasText: 'Barbara Liskov' });
    expect(await card.textContent()).toContain('here since today');
    // Skipping a round is refused, with the reason.
    await card.dragTo(column(/^HR/));
    await page
      .getByRole('status')
      .filter({ hasText: 'Barbara Liskov can move only to Technical or to Rejected' })
      .waitFor();
    // Dropped on the next step, the round is advanced once the rationale is written.
    await card.dragTo(column(/^Technical/));
    const dialog = page.getByRole('dialog', { name: 'Move Barbara Liskov from Resume' });
    expect(await dialog.getByLabel('Advance to Technical').isChecked()).toBe(true);
    await dialog.getByLabel('Rationale').fill('Strong match on distributed systems.');
    violations.push(...(await review(page, 'pipeline-move')));
    await dialog.getByRole('button', { name: 'Advance' }).click();
    await column(/^Technical/)
      .getByText('Barbara Liskov')
      .waitFor();
    expect(
      await world.db
        .selectFrom('applications')
        .select('current_round_key')
        .where('id', '=', one.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ current_round_key: 'tech' });
    // The keyboard does the same: Move… opens the choice.
    await page.getByRole('button', { name: 'Move Frances Allen' }).click();
    const keyboard = page.getByRole('dialog', { name: 'Move Frances Allen from Resume' });
    await keyboard.getByLabel('Reject at Resume').check();
    await keyboard.getByLabel('Rationale').fill('Not enough backend experience yet.');
    await keyboard.getByRole('button', { name: 'Reject' }).focus();
    await page.keyboard.press('Enter');
    await column(/^Rejected/)
      .getByText('Frances Allen')
      .waitFor();
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('creates a job: a missing title is flagged beside its field, then the job opens on its board, is edited, closed and duplicated', async () => {
    const { page, errors, context } = await staff('recruiter');
    const violations: string[] = [];
    await page.goto(`${base}/app/jobs/new`);
    await page.getByLabel('Team').selectOption({ label: 'Alpha' });
    await page.getByLabel('Process').selectOption({ index: 1 });
    await page.getByLabel('Level').fill('senior');
    await page.getByLabel('Locations').fill('Los Angeles\nRemote');
    await page.getByLabel('Minimum qualifications').fill('5 years of backend work');
    await page.getByRole('button', { name: 'Save job' }).click();
    await fieldError(page, 'must not be empty').first().waitFor();
    expect(await page.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Title').fill('Staff Engineer, Search');
    await page.getByRole('button', { name: 'Save job' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pipeline: Staff Engineer, Search' }).waitFor();
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByText(/^Open · Alpha/).waitFor();

    // The editor covers the posting's FAQ and the pay band, and previews what candidates read.
    await page.getByRole('link', { name: 'Edit job and posting' }).click();
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByLabel('Question 1').fill('Is the role remote?');
    await page.getByLabel('Answer 1').fill('Remote within the United States, or in Los Angeles.');
    const preview = page.getByRole('region', { name: 'Preview of the posting' });
    await preview.getByText('Is the role remote?').waitFor();
    expect(await preview.textContent()).toContain('5 years of backend work');
    await page.getByLabel('This job has a pay band (offers outside it need approval)').check();
    await page.getByLabel('Lowest base salary').fill('200000');
    await page.getByLabel('Highest base salary').fill('150000');
    await page.getByRole('button', { name: 'Save job' }).click();
    await page.locator('.field-error').first().waitFor();
    await page.getByLabel('Highest base salary').fill('260000');
    violations.push(...(await review(page, 'job-editor-full')));
    await page.getByRole('button', { name: 'Save job' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pipeline: Staff Engineer, Search' }).waitFor();
    const saved = await world.db
      .selectFrom('jobs')
      .select(['posting', 'compensation_band'])
      .where('title', '=', 'Staff Engineer, Search')
      .executeTakeFirstOrThrow();
    expect(saved.posting.faq).toEqual([
      { question: 'Is the role remote?', answer: 'Remote within the United States, or in Los Angeles.' },
    ]);
    expect(saved.compensation_band).toMatchObject({ baseMinCents: 200_000_00, baseMaxCents: 260_000_00 });

    // Closing asks first and says what happens to applications; a closed job is duplicated, not reopened.
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByText('No application is in progress.').waitFor();
    await page.getByRole('button', { name: 'Close the job' }).click();
    await page.getByText(/^Closed · Alpha/).waitFor();
    await page.getByRole('link', { name: 'Duplicate as a new job' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'New job, copied from Staff Engineer, Search' })
      .waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('Staff Engineer, Search (copy)');
    expect(await page.getByLabel('Question 1').inputValue()).toBe('Is the role remote?');
    await page.getByRole('button', { name: 'Save job' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pipeline: Staff Engineer, Search (copy)' }).waitFor();
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});

describe('coordinator', () => {
  it('emails the candidate a link to pick a time, after naming the interviewer', async () => {
    const application = await world.atTechnicalRound({
      email: 'edsger@example.com',
      firstName: 'Edsger',
      lastName: 'Dijkstra',
    });
    const { page, errors, context } = await staff('coordinator');
    await page.goto(`${base}/app/applications/${application.id}`);
    await page.getByRole('button', { name: 'Send a link to pick a time' }).click();
    await fieldError(page, 'choose at least one').first().waitFor();
    await page.getByLabel('Interviewer').selectOption({ value: world.staff.interviewer.userId });
    await page.getByRole('button', { name: 'Send a link to pick a time' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Link sent: the candidate can pick a time until' })
      .waitFor();
    const sent = await world.db
      .selectFrom('outbox')
      .select('payload')
      .where('kind', '=', 'candidate.scheduling_link')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(sent.payload.applicationId).toBe(application.id);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});

describe('interviewer', () => {
  it("sees others' feedback only once their own is in (R-FB-3)", async () => {
    const { page, errors, context } = await staff('interviewer', 'America/New_York');
    await page.getByRole('heading', { level: 1, name: 'My interviews' }).waitFor();
    expect(await page.getByRole('row', { name: /Ada Lovelace/ }).textContent()).toContain(
      '5 Mar 2026, 02:00',
    );
    await page.getByRole('link', { name: 'Ada Lovelace' }).click();
    await page.getByRole('heading', { name: 'Your scorecard' }).waitFor();
    expect(await page.getByRole('heading', { name: 'The panel’s feedback' }).count()).toBe(0);
    // Before the interview starts the scorecard is a draft: submitting waits, and the page says until when.
    await page.getByText('This interview starts on Thursday 5 March at 02:00 (Shanghai time)').waitFor();
    expect(await page.getByRole('button', { name: 'Submit scorecard' }).isDisabled()).toBe(true);
    await page.locator('fieldset.ratings').first().getByLabel('Mixed', { exact: true }).check();
    await page
      .getByRole('group', { name: 'Overall recommendation' })
      .getByLabel('Yes', { exact: true })
      .check();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('status').filter({ hasText: 'Draft saved at' }).waitFor();
    clock.advanceDays(3); // the interview has taken place
    try {
      await page.reload();
      await page.getByRole('heading', { name: 'Your scorecard' }).waitFor();
      await page.getByRole('button', { name: 'Submit scorecard' }).click();
      await page.getByRole('heading', { name: 'The panel’s feedback' }).waitFor();
    } finally {
      clock.advanceDays(-3);
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});

describe('hiring manager', () => {
  it('approves an offer above the band, then adds a round to an application with a reason', async () => {
    const { page, errors, context } = await staff('hiring_manager');
    await page.goto(`${base}/app/offers/${ids.offer}`);
    await page.getByText('Outside the job’s band: base').waitFor();
    await page.getByRole('button', { name: 'Approve' }).click();
    await fieldError(page, 'a note is required').waitFor();
    await page.getByLabel('Note').fill('Worth it: competing offer from a peer company.');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText(/Approved · revision 1/).waitFor();

    await page.goto(`${base}/app/applications/${ids.atTech}`);
    await page.getByRole('form', { name: 'Add a round' }).waitFor();
    await page.getByLabel('Round name').fill('Second technical');
    await page.getByLabel('Why').fill('Mixed signal on system design.');
    await page.getByRole('button', { name: 'Add round' }).click();
    await page.getByRole('list', { name: 'Rounds' }).getByText('Second technical').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('reads on the debrief and the timeline that a round is not eliminatory', async () => {
    const application = await world.atTechnicalRound();
    const hm = await loginAs(app, world.slug, world.staff.hiring_manager.email);
    const added = await app.inject({
      method: 'POST',
      url: `/api/applications/${application.id}/rounds`,
      headers: { cookie: hm },
      payload: {
        round: {
          key: 'chat',
          name: 'Team chat',
          step: 'interview_rounds',
          roundType: 'hiring_manager',
          durationMinutes: 30,
          format: 'video',
          eliminatory: false,
        },
        reason: 'An informational chat with the team.',
      },
    });
    expect(added.statusCode, added.body).toBe(200);
    ok(
      await decideApplicationRound(world.deps, {
        actor: world.staff.hiring_manager,
        applicationId: application.id,
        roundKey: 'tech',
        decision: 'advance',
        rationale: 'Strong.',
        overrideReason: 'Deciding on the feedback that is in.',
      }),
    );
    const { page, errors, context } = await staff('hiring_manager');
    await page.goto(`${base}/app/applications/${application.id}`);
    await page.getByText('This round is not eliminatory').waitFor();
    expect(await review(page, 'hm-debrief-not-eliminatory')).toEqual([]);
    await page.getByText('(round not eliminatory)').first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});

describe('admin', () => {
  it('edits a process: an impossible order is flagged on the round concerned, a good one saves as a new version', async () => {
    const { page, errors, context } = await staff('admin');
    await page.goto(`${base}/app/admin/processes`);
    await page
      .getByRole('button', { name: /^Edit Small test process/ })
      .first()
      .click();
    const editor = page.getByRole('form', { name: 'Edit Small test process' });
    // Moving the HR round above the technical one puts a later step before an earlier one.
    await editor.getByRole('group', { name: 'Round 3: HR' }).getByRole('button', { name: 'Move up' }).click();
    await editor.getByRole('button', { name: 'Save as a new version' }).click();
    const technical = editor.getByRole('group', { name: 'Round 3: Technical' });
    await technical.locator('.field-error', { hasText: 'cannot come after' }).waitFor();
    await review(page, 'admin-process-error');
    await editor
      .getByRole('group', { name: 'Round 3: Technical' })
      .getByRole('button', { name: 'Move up' })
      .click();
    await editor.getByRole('group', { name: 'Round 2: Technical' }).getByLabel('Minutes').fill('75');
    await editor.getByRole('button', { name: 'Save as a new version' }).click();
    await page.getByRole('heading', { name: /version 2\)$/ }).waitFor();

    // A user with a short password is refused beside the password field.
    await page.getByRole('link', { name: 'Users and roles' }).click();
    const form = page.getByRole('form', { name: 'New user' });
    await form.getByLabel('Name').fill('Grace Interviewer');
    await form.getByLabel('Email').fill(`grace@${world.slug}.example`);
    await form.getByLabel('First password').fill('short');
    await form.getByRole('button', { name: 'Add user' }).click();
    await fieldError(page, 'at least 12 characters').waitFor();
    await form.getByLabel('First password').fill('a long enough password');
    await form.getByRole('button', { name: 'Add user' }).click();
    await page.getByRole('cell', { name: `grace@${world.slug}.example` }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});

describe('reports', () => {
  it('offers the funnel as a chart and as CSV with the same numbers', async () => {
    const { page, context } = await staff('recruiter');
    await page.goto(`${base}/app/reports`);
    await page.getByRole('figure', { name: 'Funnel for full_time job' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download funnel as CSV' }).click();
    const csv = fs.readFileSync((await (await download).path())!, 'utf8');
    expect(csv.split('\n')[0]).toBe('job,round,reached,pass-through');
    const resumeLine = csv.split('\n').find((l) => l.startsWith('full_time job,Resume,'))!;
    const reached = resumeLine.split(',')[2]!;
    const bar = await page
      .getByRole('figure', { name: 'Funnel for full_time job' })
      .locator('.bar-row')
      .first()
      .textContent();
    expect(bar).toContain(`${reached} (`);
    await context.close();
  }, 60_000);

  it('narrows every report to a range of days and opens a number on the applications behind it', async () => {
    const { page, context, errors } = await staff('recruiter');
    await page.goto(`${base}/app/reports`);
    const funnel = page.getByRole('figure', { name: 'Funnel for full_time job' });
    await funnel.waitFor();
    const dayOf = (date: Date) => date.toISOString().slice(0, 10);
    const today = dayOf(clock.now());
    // A range that ends before it starts is said beside the field, and no figures stand under it.
    await page.getByLabel('From', { exact: true }).fill('2026-05-10');
    await page.getByLabel('To', { exact: true }).fill('2026-05-01');
    await fieldError(page, 'The range must end on or after the day it starts.').waitFor();
    await page.getByText('Figures show again once the range ends on or after the day it starts.').waitFor();
    expect(await funnel.count()).toBe(0);
    await page
      .getByLabel('From', { exact: true })
      .fill(dayOf(new Date(clock.now().getTime() - 60 * 86_400_000)));
    await page.getByLabel('To', { exact: true }).fill(today);
    await page.getByRole('heading', { name: 'Week by week' }).waitFor();
    await page.getByRole('table', { name: 'Each week' }).waitFor();
    // The resume screen's number opens the applications that reached it, which link to their pages.
    const resume = funnel.locator('.bar-row').first();
    const reached = Number((await resume.textContent())!.match(/^Resume(\d+)/)?.[1]);
    await resume.getByRole('button').click();
    const list = page.getByRole('region', { name: 'Reached Resume: full_time job' });
    await list.waitFor();
    await eventually(() => list.getByRole('row').count()).toBe(reached + 1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('drill-title');
    const violations = await review(page, 'reports-drill-down');
    expect(violations).toEqual([]);
    await list.getByRole('link').first().click();
    await page.waitForURL(/\/app\/applications\//);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});

describe('candidate', () => {
  it('sees how to prepare for the current round, withdraws, and erases their data (R-CAND-2..4)', async () => {
    const cookie = (await candidateLogin(app, database, world.slug, 'ada@example.com')).split('=');
    const context = await browser.newContext({ timezoneId: 'Europe/London' });
    await context.addCookies([{ name: cookie[0]!, value: cookie[1]!, url: base }]);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${base}/candidate`);
    await page.getByText('How to prepare for Technical').click();
    await page.getByRole('heading', { name: 'Sample questions' }).waitFor();
    expect(await page.getByText('Times are shown in your zone, Europe/London.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Withdraw…' }).click();
    await page.getByLabel('Why are you withdrawing? (optional)').fill('Accepted another offer.');
    await page.getByRole('button', { name: 'Withdraw this application' }).click();
    await page.getByText('Withdrawn', { exact: true }).waitFor();

    // R-CAND-4: erasing needs the address typed again, then signs her out with a confirmation.
    await page.getByRole('button', { name: 'Erase my data…' }).click();
    const confirm = page.getByLabel('Type the email address you applied with to confirm');
    await confirm.fill('someone.else@example.com');
    await page.getByRole('button', { name: 'Erase my data', exact: true }).click();
    await fieldError(page, 'type the address you applied with').waitFor();
    await confirm.fill('ada@example.com');
    await page.getByRole('button', { name: 'Erase my data', exact: true }).click();
    await page.getByText('Your data has been erased').waitFor();
    expect(new URL(page.url()).pathname).toBe('/candidate/sign-in');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});

async function nameOf(applicationId: string) {
  const row = await world.db
    .selectFrom('applications')
    .innerJoin('candidates', 'candidates.id', 'applications.candidate_id')
    .select(['first_name', 'last_name'])
    .where('applications.id', '=', applicationId)
    .executeTakeFirstOrThrow();
  return `${row.first_name} ${row.last_name}`;
}
