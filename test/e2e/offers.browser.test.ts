import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { updateJob } from '../../src/core/jobs/update-job.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { launchChromium } from '../support/browser.js';
import { openTestDatabase } from '../support/db.js';
import { candidateLogin, listening, loginAs } from '../support/http.js';
import { requireBuiltWebApp, review, staffContext } from '../support/web.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

// HR's whole offer in the web app: a draft on a chosen schedule beside the job's band, its approval,
// a revision answering the candidate's counter, and the candidate signing in the portal.
let database: Database;
let app: App;
let world: World;
let browser: Browser;
let base: string;
const clock = new TestClock();
let applicationId: string;
const person = { email: 'katherine@example.com', firstName: 'Katherine', lastName: 'Johnson' };

beforeAll(async () => {
  requireBuiltWebApp();
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  ({ app, base } = await listening(database, clock));
  const recruiter = await loginAs(app, world.slug, world.staff.recruiter.email);
  const job = (
    await app.inject({ url: `/api/jobs/${world.jobs.fullTimeA.id}`, headers: { cookie: recruiter } })
  ).json();
  ok(
    await updateJob(world.deps, {
      actor: world.staff.recruiter,
      jobId: job.id,
      expectedVersion: job.version,
      change: {
        compensationBand: {
          currency: 'USD',
          baseMinCents: 150_000_00,
          baseMaxCents: 200_000_00,
          approverRoles: ['admin'],
        },
      },
    }),
  );
  const application = await world.apply(person);
  await world.passAllRounds(application.id);
  applicationId = application.id;
  await world.db
    .updateTable('candidates')
    .set({ timezone: 'Asia/Singapore' })
    .where('email', '=', person.email)
    .execute();
  browser = await launchChromium();
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

const staff = (who: keyof World['staff']) => staffContext(browser, base, world.slug, world.staff[who].email);

/** The candidate's portal, signed in by a link as the portal's own sign-in gives them. */
async function portal() {
  const [name, value] = (await candidateLogin(app, database, world.slug, person.email)).split('=');
  const context = await browser.newContext({ timezoneId: 'Asia/Singapore' });
  await context.addCookies([{ name: name!, value: value!, url: base }]);
  const page = await context.newPage();
  return { context, page };
}

async function approveAsAdmin(offerId: string) {
  const admin = await staff('admin');
  await admin.page.goto(`${base}/app/offers/${offerId}`);
  await admin.page.getByLabel('Note').fill('Within what we pay for this level.');
  await admin.page.getByRole('button', { name: 'Approve' }).click();
  await admin.page.getByText(/Approved · revision/).waitFor();
  expect(admin.errors).toEqual([]);
  await admin.context.close();
}

const sendForSignature = async (page: Page) => {
  await page.getByRole('button', { name: 'Send for signature' }).click();
  await page
    .getByText('Sent for signature: the candidate accepts by signing the letter in their portal.')
    .waitFor();
};

it('drafts on a chosen schedule beside the band, is approved, revises after a counter, and the candidate signs', async () => {
  const violations: string[] = [];
  const hr = await staff('hr');
  await hr.page.goto(`${base}/app/applications/${applicationId}`);
  const draft = hr.page.getByRole('form', { name: 'Draft an offer' });
  await draft.getByText('Band: $150,000 – $200,000').waitFor();
  await draft.getByLabel('Base salary per year').fill('210000');
  await draft
    .getByLabel('Vesting schedule')
    .selectOption({ label: 'Even 25% a year, one-year cliff, monthly after' });
  await draft.getByLabel('Level').fill('2-2');
  await draft.getByLabel('Location').fill('Singapore');
  expect(await draft.getByText(/end of the day in the candidate's zone, Asia\/Singapore/).count()).toBe(1);
  await draft.getByRole('button', { name: 'Save draft offer' }).click();
  await hr.page.getByRole('heading', { level: 1, name: /^Offer: / }).waitFor();
  const offerId = hr.page.url().split('/').at(-1)!;
  await hr.page.getByText(`For ${person.firstName} ${person.lastName}`).waitFor();
  await hr.page.getByRole('button', { name: 'Submit for approval' }).click();
  await hr.page.locator('.notice.warning', { hasText: 'base salary above the band' }).waitFor();
  violations.push(...(await review(hr.page, 'hr-offer-outside-band')));

  await approveAsAdmin(offerId);
  await hr.page.reload();
  await sendForSignature(hr.page);

  // The candidate counters the base salary from the portal.
  const candidate = await portal();
  await candidate.page.goto(`${base}/candidate/offers/${offerId}`);
  const counter = candidate.page.getByRole('form', { name: 'Counter the offer' });
  await counter.getByLabel('What you propose').fill('$230,000 base');
  await counter.getByLabel('Why').fill('A competing offer at that level.');
  await counter.getByRole('button', { name: 'Send the counter' }).click();
  await candidate.page.getByText('$230,000 base').waitFor();

  // HR answers with a revision; it is a draft again, approved again, sent again.
  await hr.page.reload();
  await hr.page.getByText('waiting for an answer').waitFor();
  const revise = hr.page.getByRole('form', { name: 'Revise the offer' });
  await revise.getByLabel('Base salary per year').fill('225000');
  await revise.getByLabel('Why it changes').fill('Meeting the competing offer halfway.');
  await revise.getByRole('button', { name: 'Save the revision' }).click();
  await hr.page.getByText(/answered in revision 2/).waitFor();
  const diff = hr.page.getByRole('table', { name: /^Revision 2/ });
  expect(await diff.getByRole('row', { name: /Base salary/ }).textContent()).toMatch(/\$210,000.*\$225,000/);
  // The revised offer has one revision form, holding the new figure.
  expect(await revise.count()).toBe(1);
  expect(await revise.getByLabel('Base salary per year').inputValue()).toBe('225000');
  violations.push(...(await review(hr.page, 'hr-offer-revised')));
  await hr.page.getByRole('button', { name: 'Submit for approval' }).click();
  await approveAsAdmin(offerId);
  await hr.page.reload();
  await sendForSignature(hr.page);

  // The candidate signs: her name typed over the letter.
  await candidate.page.reload();
  const signing = candidate.page.getByRole('form', { name: 'Sign the offer letter' });
  await signing.getByLabel('Your full name').fill('Katherine Johnson');
  await signing.getByLabel('I have read the letter and accept this offer.').check();
  violations.push(...(await review(candidate.page, 'candidate-sign-revised')));
  await signing.getByRole('button', { name: 'Sign and accept' }).click();
  await candidate.page.getByText('You signed it as Katherine Johnson').waitFor();
  await candidate.context.close();

  await hr.page.reload();
  await hr.page.getByText('Signed by Katherine Johnson').waitFor();
  const signed = await hr.page.request.get(`${base}/api/offers/${offerId}/signed-letter.pdf`);
  expect([signed.status(), signed.headers()['content-type']]).toEqual([200, 'application/pdf']);
  expect(hr.errors).toEqual([]);
  await hr.context.close();
  expect(violations).toEqual([]);
}, 180_000);
