import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decideApplicationRound } from '../../src/core/applications/decide-round.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { launchChromium } from '../support/browser.js';
import { openTestDatabase } from '../support/db.js';
import { candidateLogin, listening } from '../support/http.js';
import { requireBuiltWebApp, review, staffContext } from '../support/web.js';
import { buildWorld, ok, openJobAtOffice, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let browser: Browser;
let base: string;
const clock = new TestClock(new Date('2026-03-02T09:00:00Z'));

beforeAll(async () => {
  requireBuiltWebApp();
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  ({ app, base } = await listening(database, clock));
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

it('an admin sets a policy, runs the dry run, places a hold, and erases the rest', async () => {
  const { jobId } = await openJobAtOffice(world, clock, 'Berlin', { timezone: 'Europe/Berlin' });
  for (const lastName of ['Lovelace', 'Hopper']) {
    const application = await world.apply(
      { email: `${lastName}@example.com`, firstName: 'Ada', lastName },
      jobId,
    );
    ok(
      await decideApplicationRound(world.deps, {
        actor: world.staff.recruiter,
        applicationId: application.id,
        roundKey: 'resume',
        decision: 'reject',
        rationale: 'Not this time.',
      }),
    );
  }
  clock.advanceDays(200);

  const admin = await staffContext(browser, base, world.slug, world.staff.admin.email);
  const page = admin.page;
  await page.goto(`${base}/app/admin/retention`);
  const form = page.getByRole('form', { name: 'Retention policy of Berlin' });
  await form.getByLabel('Keep rejected candidates (months)').fill('6');
  await form.getByRole('button', { name: "Save Berlin's policy" }).click();
  await form.getByText(/Policy saved/).waitFor();
  expect(await review(page, 'retention-policy')).toEqual([]);

  await page.getByRole('button', { name: 'Run a dry run' }).click();
  await page.getByText('2 candidates are due for erasure.').waitFor();
  expect(await review(page, 'retention-dry-run')).toEqual([]);

  await page.getByRole('button', { name: 'Place a legal hold on Ada Hopper' }).click();
  const dialog = page.getByRole('dialog', { name: 'Place a legal hold on Ada Hopper?' });
  await dialog.getByLabel('Reason').fill('Employment tribunal claim');
  await dialog.getByRole('button', { name: 'Place the hold' }).click();
  await page.getByText(/1 candidate is due for erasure\. 1 more kept by a legal hold/).waitFor();
  await page
    .getByRole('region', { name: 'Legal holds' })
    .getByText(/Employment tribunal claim/)
    .waitFor();

  await page.getByRole('button', { name: 'Erase this candidate' }).click();
  await page
    .getByRole('dialog', { name: 'Erase 1 candidate?' })
    .getByRole('button', { name: 'Erase them' })
    .click();
  // The message about what was erased stays while the dry run is rebuilt beneath it.
  await page.getByText(/Erased 1 candidate on/).waitFor();
  await page.getByText('Nobody is due for erasure now.').waitFor();
  await expect.poll(() => page.getByText(/Erased 1 candidate on/).isVisible()).toBe(true);
  expect(await review(page, 'retention-erased')).toEqual([]);

  const people = await world.db
    .selectFrom('candidates')
    .select(['last_name', 'erased_at'])
    .where('org_id', '=', world.orgId)
    .orderBy('last_name')
    .execute();
  expect(people.map((c) => [c.last_name, c.erased_at !== null])).toEqual([
    ['Hopper', false],
    ['candidate', true],
  ]);
  expect(admin.errors).toEqual([]);
  await admin.context.close();
});

it('a candidate keeps their consent to future jobs from the portal, and withdraws it as easily', async () => {
  await world.apply(
    { email: 'grace@example.com', firstName: 'Grace', lastName: 'Hopper' },
    world.jobs.internA.id,
  );
  const [name, value] = (await candidateLogin(app, database, world.slug, 'grace@example.com')).split('=');
  const context = await browser.newContext({
    timezoneId: 'Europe/Berlin',
    viewport: { width: 390, height: 844 },
  });
  await context.addCookies([{ name: name!, value: value!, url: base }]);
  const page = await context.newPage();
  await page.goto(`${base}/candidate`);
  const status = page.getByRole('status').filter({ hasText: 'future jobs' });
  await status.filter({ hasText: 'We do not keep you in mind' }).waitFor();
  await page.getByRole('button', { name: 'Keep me in mind for future jobs' }).click();
  await status.filter({ hasText: 'We keep you in mind for future jobs until' }).waitFor();
  expect(await review(page, 'retention-portal-consent')).toEqual([]);
  await page.getByRole('button', { name: 'Withdraw my consent' }).click();
  await status.filter({ hasText: 'We do not keep you in mind' }).waitFor();
  await expect.poll(() => page.getByRole('button', { name: 'Withdraw my consent' }).count()).toBe(0);
  const consents = await world.db
    .selectFrom('candidate_consents')
    .innerJoin('candidates', 'candidates.id', 'candidate_consents.candidate_id')
    .select('candidate_consents.withdrawn_at')
    .where('candidates.email_normalized', '=', 'grace@example.com')
    .execute();
  expect(consents).toHaveLength(1);
  expect(consents[0]!.withdrawn_at).not.toBeNull();
  await context.close();
});
