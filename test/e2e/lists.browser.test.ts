import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { scheduleInterview } from '../../src/core/scheduling/schedule-interview.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { launchChromium } from '../support/browser.js';
import { openTestDatabase } from '../support/db.js';
import { listening } from '../support/http.js';
import { requireBuiltWebApp, review, staffContext } from '../support/web.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let browser: Browser;
let base: string;
const clock = new TestClock(new Date());

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

it('a recruiter names an owner and a tag on a profile, filters the board by them, saves the view, then deletes the tag', async () => {
  const job = world.jobs.fullTimeA.id;
  const tagged = await world.apply({ email: 'mae@example.com', firstName: 'Mae', lastName: 'Jemison' }, job);
  await world.apply({ email: 'sally@example.com', firstName: 'Sally', lastName: 'Ride' }, job);
  const recruiter = await staffContext(browser, base, world.slug, world.staff.recruiter.email);
  const page = recruiter.page;

  await page.goto(`${base}/app/candidates/${tagged.candidateId}`);
  await page.getByRole('heading', { level: 1, name: 'Mae Jemison' }).waitFor();
  const owner = page.getByRole('combobox', { name: 'Owner' });
  await owner.fill('coordinator');
  await page.locator('datalist option[value^="coordinator <"]').waitFor({ state: 'attached' });
  await owner.fill(`coordinator <${world.staff.coordinator.email}>`);
  await page.getByRole('status').filter({ hasText: 'coordinator owns this candidate now.' }).waitFor();
  await page.getByRole('combobox', { name: 'Add a tag' }).fill('Astronaut');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('button', { name: 'Remove tag Astronaut' }).waitFor();
  expect(await review(page, 'profile-owner-and-tags')).toEqual([]);

  await page.goto(`${base}/app/jobs/${job}`);
  const filters = page.getByRole('form', { name: 'Filter the pipeline' });
  await filters.getByLabel('Tag').selectOption({ label: 'Astronaut' });
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/tagId=/);
  const card = page.getByRole('listitem').filter({ hasText: 'Mae Jemison' });
  await expect.poll(() => page.getByRole('listitem').filter({ hasText: 'Sally Ride' }).count()).toBe(0);
  expect(await card.textContent()).toContain('owner coordinator');
  await page.getByLabel('Save this filter as').fill('Astronauts');
  await page.getByRole('button', { name: 'Save view' }).click();
  const view = page.getByRole('button', { name: /^Astronauts/ });
  await view.waitFor();
  expect(await view.textContent()).toContain('1');
  expect(await review(page, 'pipeline-filtered')).toEqual([]);

  await page.goto(`${base}/app/candidates`);
  await page.getByText('Manage tags').click();
  const manage = page.getByRole('region', { name: 'Manage tags' });
  await manage.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete the tag “Astronaut”?' });
  await dialog.getByText('It comes off the 1 candidate who carries it').waitFor();
  expect(await review(page, 'tag-delete-confirm')).toEqual([]);
  await dialog.getByRole('button', { name: 'Delete the tag' }).click();
  await manage
    .getByRole('status')
    .filter({
      hasText:
        'Deleted “Astronaut”: taken off 1 candidate. Saved views no longer filtering on it: “Astronauts”.',
    })
    .waitFor();
  expect(recruiter.errors).toEqual([]);
  await recruiter.context.close();
}, 120_000);

it('the hiring manager narrows the decision queue to one job and keeps it as a view', async () => {
  const here = await world.atTechnicalRound({
    email: 'kat@example.com',
    firstName: 'Katherine',
    lastName: 'Johnson',
  });
  const elsewhere = await world.atTechnicalRound(
    { email: 'dorothy@example.com', firstName: 'Dorothy', lastName: 'Vaughan' },
    world.jobs.internA.id,
  );
  for (const [i, application] of [here, elsewhere].entries()) {
    ok(
      await scheduleInterview(world.deps, {
        actor: world.staff.coordinator,
        applicationId: application.id,
        roundKey: 'tech',
        startsAt: new Date(clock.now().getTime() + (2 + i) * 86_400_000),
        interviewerIds: [world.staff.interviewer.userId],
        language: 'en',
      }),
    );
  }
  const hm = await staffContext(browser, base, world.slug, world.staff.hiring_manager.email);
  const page = hm.page;
  await page.goto(`${base}/app/decisions`);
  await page.getByRole('link', { name: 'Dorothy Vaughan' }).waitFor();
  const filters = page.getByRole('form', { name: 'Filter the decisions' });
  const jobTitle = (
    await world.db
      .selectFrom('jobs')
      .select('title')
      .where('id', '=', world.jobs.fullTimeA.id)
      .executeTakeFirstOrThrow()
  ).title;
  await filters.getByLabel('Job').selectOption({ label: jobTitle });
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/jobId=/);
  await expect.poll(() => page.getByRole('link', { name: 'Dorothy Vaughan' }).count()).toBe(0);
  await page.getByRole('link', { name: 'Katherine Johnson' }).waitFor();
  await page.getByText('among the rounds these filters find').waitFor();
  await page.getByLabel('Save this filter as').fill('This opening');
  await page.getByRole('button', { name: 'Save view' }).click();
  await page.getByRole('button', { name: /^This opening/ }).waitFor();
  expect(await review(page, 'decisions-filtered')).toEqual([]);
  // Cleared, the queue shows both again; the view opens it filtered.
  await filters.getByRole('button', { name: 'Clear' }).click();
  await page.getByRole('link', { name: 'Dorothy Vaughan' }).waitFor();
  await page.getByRole('button', { name: /^This opening/ }).click();
  await expect.poll(() => page.getByRole('link', { name: 'Dorothy Vaughan' }).count()).toBe(0);
  expect(await filters.getByLabel('Job').inputValue()).toBe(world.jobs.fullTimeA.id);
  expect(hm.errors).toEqual([]);
  await hm.context.close();
}, 120_000);
