import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideApplicationRound } from '../../src/core/applications/decide-round.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { addBoard } from '../support/boards.js';
import { launchChromium } from '../support/browser.js';
import { openTestDatabase } from '../support/db.js';
import { listening, loginAs } from '../support/http.js';
import { requireBuiltWebApp, review, staffContext } from '../support/web.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

// Words, not codes: every form of the web app, submitted empty and with wrong values, answers in
// words that name the field; no page shows a schema phrase or a raw key, and no anonymous page logs
// an error to the console.
let database: Database;
let app: App;
let world: World;
let browser: Browser;
let base: string;
const clock = new TestClock();
const ids = {} as Record<'atTech' | 'atOffer' | 'rejected' | 'offer', string>;

/** What no message may say: Zod's own phrases, or a key as the API spells it. */
const schemaPhrase = /expected|Invalid UUID|Too small|Too big|Required|[a-z]+_[a-z]+/;

beforeAll(async () => {
  requireBuiltWebApp();
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  await addBoard(world, {
    token: `words-${world.slug}`,
    name: 'Careers',
    intro: 'Join us',
    employmentTypes: ['full_time'],
  });
  ({ app, base } = await listening(database, clock));
  ids.atTech = (await world.atTechnicalRound()).id;
  const rejected = await world.apply();
  ok(
    await decideApplicationRound(world.deps, {
      actor: world.staff.recruiter,
      applicationId: rejected.id,
      roundKey: 'resume',
      decision: 'reject',
      rationale: 'Not this time.',
      overrideReason: 'Decided in the test without its interview.',
    }),
  );
  ids.rejected = rejected.id;
  const ready = await world.apply();
  await world.passAllRounds(ready.id);
  ids.atOffer = ready.id;
  const ended = await world.apply();
  await world.passAllRounds(ended.id);
  const hr = await loginAs(app, world.slug, world.staff.hr.email);
  const offer = await app.inject({
    method: 'POST',
    url: `/api/applications/${ended.id}/offers`,
    headers: { cookie: hr },
    payload: {
      terms: {
        currency: 'USD',
        baseSalaryCents: 150_000_00,
        signOn: { amountCents: 0 },
        targetBonusBps: 1000,
        equity: { kind: 'units', units: 100, referencePriceCents: 100_00 },
        vestingScheduleKey: 'back-weighted-15-25-25-35',
        startDate: '2026-06-01',
        expiresAt: '2026-03-20T00:00:00Z',
        level: 'new_grad',
        location: 'Los Angeles',
      },
    },
  });
  expect(offer.statusCode, offer.body).toBe(201);
  ids.offer = offer.json().id;
  browser = await launchChromium();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

/** The messages the page shows: error notices and the errors beside fields. */
const messages = async (page: Page) =>
  (await page.locator('[role=alert], .field-error').allInnerTexts()).map((t) => t.trim()).filter(Boolean);

/** Clicks `button` and waits for the change it sends to be answered (or a moment, if it sends none). */
async function submit(page: Page, button: Locator) {
  const answered = page
    .waitForResponse((r) => r.url().includes('/api/') && r.request().method() !== 'GET', { timeout: 8_000 })
    .catch(() => null);
  await button.click();
  await answered;
  await page.waitForTimeout(150);
}

/** A value of the wrong shape for each kind of field. */
async function fillWrong(form: Locator) {
  const fields = form.locator(
    'input:not([type=checkbox]):not([type=radio]):not([type=hidden]):not([type=file]):not([type=date]):not([type=datetime-local]), textarea',
  );
  for (const field of await fields.all()) {
    if (!(await field.isVisible()) || !(await field.isEditable())) continue;
    const type = (await field.getAttribute('type')) ?? 'text';
    const wrong: Record<string, string> = {
      number: '-1',
      email: 'not an address',
      url: 'not a web address',
      password: 'x',
    };
    await field.fill(wrong[type] ?? 'x');
  }
}

async function clear(form: Locator) {
  const fields = form.locator(
    'input:not([type=checkbox]):not([type=radio]):not([type=hidden]):not([type=file]), textarea',
  );
  for (const field of await fields.all())
    if ((await field.isVisible()) && (await field.isEditable())) await field.fill('');
}

/**
 * Submits one form empty, then (unless `wrong` is false, for forms whose wrong values would still
 * be taken) with wrong values, and answers every message it showed; each is screenshotted for review.
 */
async function tryForm(
  page: Page,
  name: string,
  button: string | RegExp,
  { form, wrong = true, before }: { form?: Locator; wrong?: boolean; before?: () => Promise<unknown> } = {},
) {
  const submitButton = (form ?? page)
    .getByRole('button', { name: button, exact: typeof button === 'string' })
    .first();
  const container = form ?? page.locator('form', { has: submitButton });
  await submitButton.waitFor();
  const seen: string[] = [];
  await before?.();
  await clear(container);
  // A form that keeps its button disabled until it is filled in is not sent empty.
  if (await submitButton.isEnabled()) await submit(page, submitButton);
  seen.push(...(await messages(page)));
  expect(await review(page, `words-${name}-empty`)).toEqual([]);
  // A form that took its empty values is gone or done: nothing more to try.
  if (!wrong || !(await submitButton.isVisible())) return seen;
  await fillWrong(container);
  if (await submitButton.isEnabled()) await submit(page, submitButton);
  seen.push(...(await messages(page)));
  expect(await review(page, `words-${name}-wrong`)).toEqual([]);
  return seen;
}

const staff = (who: keyof World['staff']) => staffContext(browser, base, world.slug, world.staff[who].email);

/** Every message must read as words. */
const expectWords = (seen: string[]) => {
  for (const message of seen) expect(message).not.toMatch(schemaPhrase);
};

describe('anonymous pages', () => {
  it('log no console error, ask for no missing favicon, and answer a sign-in in words', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`${page.url()}: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
    for (const path of [
      '/app/',
      '/app/sign-in',
      '/candidate/',
      '/candidate/sign-in',
      `/careers/words-${world.slug}`,
    ]) {
      await page.goto(`${base}${path}`);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
    }
    const favicon = await page.request.get(`${base}/favicon.ico`);
    expect([favicon.status(), favicon.headers()['content-type']]).toEqual([200, 'image/svg+xml']);
    expect(problems).toEqual([]);

    // The sign-in forms refuse in words (their 4xx answers are the point here, so not counted).
    page.removeAllListeners('response');
    await page.goto(`${base}/app/sign-in`);
    expectWords(await tryForm(page, 'staff-sign-in', 'Sign in'));
    await page.goto(`${base}/candidate/sign-in`);
    expectWords(await tryForm(page, 'candidate-sign-in', 'Email me a sign-in link'));
    await context.close();
  }, 60_000);
});

describe('staff forms, empty and wrong', () => {
  it('admin: every admin section', async () => {
    const { page, errors, context } = await staff('admin');
    const seen: string[] = [];
    const forms: [string, string, string, ((page: Page) => Promise<void>)?][] = [
      ['teams', '/app/admin/teams', 'Add team'],
      ['users', '/app/admin/users', 'Add user'],
      [
        'policies',
        '/app/admin/policies',
        'Save',
        (p) => p.getByLabel('Add a policy for job family').fill('backend'),
      ],
      ['processes', '/app/admin/processes', 'Copy template'],
      ['boards', '/app/admin/boards', 'Create board'],
      [
        'messages',
        '/app/admin/messages',
        'Save',
        (p) =>
          p
            .getByRole('button', { name: /^Application rejected/ })
            .first()
            .click(),
      ],
      ['webhooks', '/app/admin/webhooks', 'Add webhook'],
      ['account', '/app/account', 'Change password'],
    ];
    for (const [name, path, button, prepare] of forms) {
      await page.goto(`${base}${path}`);
      await prepare?.(page);
      seen.push(...(await tryForm(page, `admin-${name}`, button)));
    }
    expect(seen.length).toBeGreaterThan(4);
    expectWords(seen);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('recruiter: a new job, booking, a scheduling link, an assessment, a decision and an offer', async () => {
    const { page, errors, context } = await staff('recruiter');
    const seen: string[] = [];
    await page.goto(`${base}/app/jobs/new`);
    seen.push(...(await tryForm(page, 'recruiter-job', 'Save job')));
    expect(seen.join('\n')).toContain('Title: must not be empty');
    expect(seen.join('\n')).toContain('Team: choose one from the list');
    await page.goto(`${base}/app/applications/${ids.atTech}`);
    const booking = page.getByRole('form', { name: 'Book an interview' });
    seen.push(...(await tryForm(page, 'recruiter-book', 'Book interview', { form: booking })));
    seen.push(...(await tryForm(page, 'recruiter-link', 'Send a link to pick a time', { form: booking })));
    expect(seen.join('\n')).toContain('Interviewer: choose at least one');
    // The assessment form is not sent without a problem; with one and a wrong length it says why.
    await page.getByLabel('First problem').selectOption({ index: 1 });
    await page.getByLabel('Minutes').fill('-1');
    await submit(page, page.getByRole('button', { name: 'Email the candidate the link' }));
    const assessment = await messages(page);
    expect(assessment.join('\n')).toContain('Minutes: ');
    seen.push(...assessment);
    seen.push(
      ...(await tryForm(page, 'recruiter-decision', 'Record decision', {
        wrong: false,
        before: () => page.getByRole('radio', { name: 'Reject' }).check(),
      })),
    );
    await page.goto(`${base}/app/applications/${ids.atOffer}`);
    seen.push(...(await tryForm(page, 'recruiter-offer', 'Save draft offer')));
    expectWords(seen);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('hiring manager: adding a round and the debrief', async () => {
    const { page, errors, context } = await staff('hiring_manager');
    await page.goto(`${base}/app/applications/${ids.atTech}`);
    const seen = await tryForm(page, 'hm-decision', 'Record decision', {
      wrong: false,
      before: () => page.getByRole('radio', { name: 'Advance' }).check(),
    });
    expect(seen.join('\n')).toContain('a written rationale is required');
    seen.push(...(await tryForm(page, 'hm-add-round', 'Add round')));
    expectWords(seen);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('HR: the offer reads in words, and rescinding asks first and needs a reason', async () => {
    const { page, errors, context } = await staff('hr');
    await page.goto(`${base}/app/offers/${ids.offer}`);
    await page.getByText(/vesting Back-weighted 15\/25\/25\/35, one-year cliff/).waitFor();
    await page.getByText(/^New grad, Los Angeles$/).waitFor();
    const revised = await tryForm(page, 'hr-revise', 'Save the revision', {
      form: page.getByRole('form', { name: 'Revise the offer' }),
    });
    expect(revised.join('\n')).toContain('say why the offer changes');
    expectWords(revised);
    await page.getByRole('button', { name: 'Rescind the offer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rescind this offer?' });
    await dialog.waitFor();
    // Escape backs out and nothing changes.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Rescind the offer' }).click();
    await submit(page, dialog.getByRole('button', { name: 'Rescind', exact: true }));
    const seen = await messages(page);
    expect(seen.join('\n')).toContain('Reason: a reason is required');
    expect(await review(page, 'words-hr-rescind-empty')).toEqual([]);
    await dialog.getByLabel('Reason').fill('The role was filled internally.');
    await submit(page, dialog.getByRole('button', { name: 'Rescind', exact: true }));
    await page.getByText(/· Rescinded · revision/).waitFor();
    expectWords(seen);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});

describe('only sensible actions', () => {
  it('a rejected application offers no booking, assessment, pad or round to add', async () => {
    const { page, errors, context } = await staff('recruiter');
    await page.goto(`${base}/app/applications/${ids.rejected}`);
    await page.getByRole('heading', { level: 2, name: 'Schedule' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    for (const action of [
      'Book interview',
      'Send a link to pick a time',
      'Email the candidate the link',
      'Open a pad',
      'Add round',
      'Record decision',
    ])
      expect(await page.getByRole('button', { name: action }).count(), action).toBe(0);
    await page.getByText(/ · Rejected · step Résumé screen · applied/).waitFor();
    expect(await review(page, 'words-rejected-application')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('closing a job asks first and says what happens to its applications', async () => {
    const { page, errors, context } = await staff('recruiter');
    await page.goto(`${base}/app/jobs/${world.jobs.fullTimeA.id}`);
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /^Close / });
    await dialog.getByText(/applications in progress carry on/).waitFor();
    expect(await review(page, 'words-close-job')).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.getByRole('button', { name: 'Close the job' }).click();
    await page.getByText(/^Closed · /).waitFor();
    // A closed job cannot open again, so nothing offers to.
    expect(await page.getByRole('button', { name: 'Open', exact: true }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
