import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { addBoard } from '../support/boards.js';
import { launchChromium } from '../support/browser.js';
import { openTestDatabase } from '../support/db.js';
import { pdfWith } from '../support/files.js';
import { listening } from '../support/http.js';
import { requireBuiltWebApp, review, staffContext, watchErrors } from '../support/web.js';
import { buildWorld, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let browser: Browser;
let base: string;
const clock = new TestClock();
/** Polls until the page catches up; browsers on a busy machine take their time. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

beforeAll(async () => {
  requireBuiltWebApp();
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  await addBoard(world, {
    token: `web-${world.slug}`,
    name: 'Careers',
    intro: 'Join us',
    employmentTypes: ['full_time'],
    gdprRetentionDays: 365,
  });
  ({ app, base } = await listening(database, clock));
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

const staff = (who: keyof World['staff'], timezoneId?: string) =>
  staffContext(browser, base, world.slug, world.staff[who].email, timezoneId);
const status = (page: Page) => page.getByRole('status').filter({ hasText: /\S/ }).first();

/** Signs a candidate in the way they do: asks for a link on the page, opens the emailed link. */
async function candidatePortal(email: string) {
  const context = await browser.newContext({ timezoneId: 'Asia/Shanghai', locale: 'en-GB' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${base}/candidate/sign-in?org=${world.slug}`);
  await page.getByLabel('Your email').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.getByText('a sign-in link is on its way').waitFor();
  const message = await world.db
    .selectFrom('outbox')
    .select('payload')
    .where('kind', '=', 'candidate.sign_in_link')
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  await page.goto(String(message.payload.url).replace(/^https?:\/\/[^/]+/, base));
  await page.getByRole('heading', { level: 1, name: 'My applications' }).waitFor();
  return { context, page, errors };
}

it('the whole journey: a candidate applies, the recruiter advances them, the interviewer scores, the HM decides, HR sends an offer, the candidate accepts', async () => {
  const violations: string[] = [];
  const job = world.jobs.fullTimeA;

  // The candidate applies on the career site.
  const visitor = await browser.newPage();
  await visitor.goto(`${base}/careers/web-${world.slug}`);
  await visitor.getByRole('link', { name: job.title }).click();
  await visitor.getByLabel('First Name').fill('Grace');
  await visitor.getByLabel('Last Name').fill('Hopper');
  await visitor.getByLabel('Email').fill('grace@example.com');
  await visitor.getByLabel('Resume/CV (file)').setInputFiles({
    name: 'grace.pdf',
    mimeType: 'application/pdf',
    buffer: await pdfWith('Grace Hopper - compilers, COBOL, 20 years at the Navy'),
  });
  await visitor.getByLabel(/may process my data/).check();
  await visitor.getByRole('button', { name: 'Submit application' }).click();
  await visitor.getByRole('heading', { name: 'Thank you for applying' }).waitFor();
  await visitor.close();

  // The recruiter finds her in the resume screen, reads the resume beside the requirements, presses "a".
  const recruiter = await staff('recruiter');
  await recruiter.page.waitForURL(/\/app\/screening$/);
  await recruiter.page.getByLabel('Job').selectOption({ label: job.title });
  const grace = recruiter.page.getByRole('region', { name: 'Screening Grace Hopper' });
  await grace.getByText('compilers, COBOL').waitFor();
  violations.push(...(await review(recruiter.page, 'recruiter-screening')));
  await recruiter.page.keyboard.press('a');
  await eventually(() => status(recruiter.page).textContent()).toBe('Grace Hopper: advanced.');

  // The recruiter books the technical interview from the candidate page: 10:00 in the browser's Los
  // Angeles is 18:00 in the recruiter's own zone (UTC), which the page shows.
  await recruiter.page.goto(`${base}/app/candidates?q=grace`);
  await recruiter.page.getByRole('button', { name: 'Grace Hopper' }).click();
  await recruiter.page.getByRole('link', { name: job.title }).click();
  await recruiter.page.getByRole('heading', { level: 1, name: 'Grace Hopper' }).waitFor();
  await recruiter.page.getByLabel('Interviewer').selectOption({ value: world.staff.interviewer.userId });
  await recruiter.page.getByLabel(/Starts at/).fill('2026-03-04T10:00');
  await recruiter.page.getByRole('button', { name: 'Book interview' }).click();
  await recruiter.page.getByText(/Technical 4 Mar 2026, 18:00 UTC/).waitFor();
  violations.push(...(await review(recruiter.page, 'recruiter-candidate-page')));
  expect(recruiter.errors).toEqual([]);
  await recruiter.context.close();

  // The interviewer fills the scorecard (it saves itself), then submits it.
  clock.advanceDays(3); // the morning after the interview
  const interviewer = await staff('interviewer', 'Asia/Shanghai');
  await interviewer.page.waitForURL(/\/app\/interviews$/);
  await interviewer.page.getByRole('link', { name: 'Grace Hopper' }).click();
  await interviewer.page.getByRole('heading', { name: 'Your scorecard' }).waitFor();
  violations.push(...(await review(interviewer.page, 'interviewer-kit-and-scorecard')));
  const overall = interviewer.page.getByRole('group', { name: 'Overall recommendation' });
  await overall.getByLabel('Strong yes').check();
  await interviewer.page
    .getByLabel('Notes', { exact: true })
    .fill('Clear reasoning; wrote a working compiler pass.');
  await eventually(() => status(interviewer.page).textContent()).toMatch(/^Draft saved at/);
  await interviewer.page.reload();
  await expect(interviewer.page.getByLabel('Notes', { exact: true }).inputValue()).resolves.toContain(
    'working compiler',
  );
  // Submitting without rating any attribute is refused, with the reason beside the ratings.
  await interviewer.page.getByRole('button', { name: 'Submit scorecard' }).click();
  await interviewer.page.locator('.field-error', { hasText: 'Rate at least one attribute.' }).waitFor();
  await interviewer.page.locator('fieldset.ratings').first().getByLabel('Yes', { exact: true }).check();
  await interviewer.page.getByRole('button', { name: 'Submit scorecard' }).click();
  await eventually(() => status(interviewer.page).textContent()).toBe('Submitted.');
  expect(interviewer.errors).toEqual([]);
  await interviewer.context.close();

  // The hiring manager sees her first in the decision queue and advances her with a rationale.
  const hm = await staff('hiring_manager');
  await hm.page.waitForURL(/\/app\/decisions$/);
  const row = hm.page.getByRole('row', { name: /Grace Hopper/ });
  expect(await row.textContent()).toContain('1 of 1 in · majority: advance');
  violations.push(...(await review(hm.page, 'hm-decisions')));
  await row.getByRole('link', { name: 'Grace Hopper' }).click();
  await hm.page.getByRole('heading', { name: 'Debrief' }).waitFor();
  await hm.page.getByRole('cell', { name: 'Strong yes' }).waitFor();
  violations.push(...(await review(hm.page, 'hm-debrief')));
  // Nothing is chosen for her: the decision is picked on purpose.
  expect(await hm.page.getByRole('button', { name: 'Record decision' }).isDisabled()).toBe(true);
  await hm.page.getByLabel('Advance').check();
  await hm.page.getByRole('button', { name: 'Record decision' }).click();
  await hm.page.locator('.field-error', { hasText: 'a written rationale is required' }).waitFor();
  await hm.page.getByLabel('Rationale').fill('Strong technical signal from the panel.');
  await hm.page.getByRole('button', { name: 'Record decision' }).click();
  await hm.page.getByRole('heading', { name: /Decide: HR/ }).waitFor();
  expect(hm.errors).toEqual([]);
  await hm.context.close();

  // HR passes the HR round, drafts the offer, submits it (inside the band: approved at once) and sends it.
  const hr = await staff('hr');
  await hr.page.goto(`${base}/app/applications/${await applicationOf('grace@example.com')}`);
  await hr.page.getByLabel('Advance').check();
  await hr.page.getByLabel('Rationale').fill('Aligned on expectations and start date.');
  await hr.page.getByRole('button', { name: 'Record decision' }).click();
  // No HR interview was booked (R-ROUND-7): deciding anyway takes a written reason, kept on the record.
  await hr.page.getByText('no interview of this round has taken place').waitFor();
  await hr.page
    .getByLabel('Why decide without the evidence')
    .fill('We met at the office; the call was not booked here.');
  await hr.page.getByRole('button', { name: 'Record decision' }).click();
  await hr.page.getByRole('form', { name: 'Draft an offer' }).waitFor();
  await hr.page.getByLabel('Base salary per year').fill('180000');
  await hr.page.getByLabel('Level').fill('2-1');
  await hr.page.getByLabel('Location').fill('Los Angeles');
  await hr.page.getByRole('button', { name: 'Save draft offer' }).click();
  await hr.page.getByRole('heading', { level: 1, name: `Offer: ${job.title}` }).waitFor();
  await hr.page.getByRole('button', { name: 'Submit for approval' }).click();
  await hr.page.getByRole('button', { name: 'Send for signature' }).click();
  await hr.page.getByText('Sent · revision 1').waitFor();
  await hr.page.getByRole('table', { name: /^This offer/ }).waitFor();
  violations.push(...(await review(hr.page, 'hr-offer')));
  expect(hr.errors).toEqual([]);
  await hr.context.close();

  // The candidate signs in by link, opens the offer with its year-by-year view, and accepts.
  const candidate = await candidatePortal('grace@example.com');
  violations.push(...(await review(candidate.page, 'candidate-portal')));
  await candidate.page.getByRole('link', { name: job.title }).first().click();
  await candidate.page.getByRole('table', { name: /^This offer/ }).waitFor();
  expect(await candidate.page.getByRole('row', { name: /Year 1/ }).textContent()).toContain('$180,000');
  violations.push(...(await review(candidate.page, 'candidate-offer')));
  // Sent for signature: she signs by typing her name over the letter; a wrong name is refused beside the field.
  expect(await candidate.page.getByRole('button', { name: 'Accept the offer' }).count()).toBe(0);
  const signing = candidate.page.getByRole('form', { name: 'Sign the offer letter' });
  await signing.getByLabel('Your full name').fill('Ada Lovelace');
  await signing.getByLabel('I have read the letter and accept this offer.').check();
  await signing.getByRole('button', { name: 'Sign and accept' }).click();
  await candidate.page
    .locator('.field-error', { hasText: 'Type your full name as on your application' })
    .waitFor();
  await signing.getByLabel('Your full name').fill('Grace Hopper');
  violations.push(...(await review(candidate.page, 'candidate-sign')));
  await signing.getByRole('button', { name: 'Sign and accept' }).click();
  await eventually(() => status(candidate.page).textContent()).toContain('You accepted this offer');
  expect(await status(candidate.page).textContent()).toContain('You signed it as Grace Hopper');
  await candidate.page.getByRole('link', { name: 'your signed letter (PDF)' }).waitFor();
  expect(candidate.errors).toEqual([]);
  await candidate.context.close();

  const application = await world.db
    .selectFrom('applications')
    .select('status')
    .where('id', '=', await applicationOf('grace@example.com'))
    .executeTakeFirstOrThrow();
  expect(application.status).toBe('hired');
  expect(violations).toEqual([]);
}, 120_000);

async function applicationOf(email: string) {
  const row = await world.db
    .selectFrom('applications')
    .innerJoin('candidates', 'candidates.id', 'applications.candidate_id')
    .select('applications.id')
    .where('candidates.email_normalized', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}
