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
// Notes are editable for a while by the browser's clock, so the server's starts from the same present.
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

it('a recruiter mentions the HM in a note; the HM sees it unread, opens it and lands on the application', async () => {
  const application = await world.atTechnicalRound({
    email: 'ada@example.com',
    firstName: 'Ada',
    lastName: 'Lovelace',
  });
  const recruiter = await staffContext(browser, base, world.slug, world.staff.recruiter.email);
  const page = recruiter.page;
  await page.goto(`${base}/app/applications/${application.id}`);
  const notes = page.getByRole('region', { name: 'Hiring team notes' });
  const box = notes.getByRole('combobox', { name: 'Add a note for the hiring team' });
  await box.click();
  await box.pressSequentially('Strong **Go** background. @hiring');
  const option = notes.getByRole('option', { name: /hiring_manager/ });
  await option.waitFor();
  await page.keyboard.press('Enter');
  await box.pressSequentially('can you take the technical round?');
  expect(await box.inputValue()).toBe(
    'Strong **Go** background. @hiring_manager can you take the technical round?',
  );
  await notes.getByRole('button', { name: 'Add note' }).click();
  const written = notes.getByRole('listitem').filter({ hasText: 'can you take the technical round?' });
  await written.waitFor();
  expect(await written.locator('strong', { hasText: 'Go' }).count()).toBe(1);
  expect(await written.locator('.mention').textContent()).toBe('@hiring_manager');
  expect(await review(page, 'notes-application')).toEqual([]);

  // The header's search: "/" focuses it, arrows and Enter open a result.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('/');
  const search = page.getByRole('combobox', { name: 'Search candidates, openings and colleagues' });
  await expect.poll(() => search.evaluate((e) => e === document.activeElement)).toBe(true);
  await search.pressSequentially('lovelace');
  await page.getByRole('option', { name: /Ada Lovelace/ }).waitFor();
  expect(await review(page, 'search-results')).toEqual([]);
  await page.keyboard.press('Enter');
  // The result is the person's profile, with the note on their application among their notes' place.
  await page.waitForURL(new RegExp(`/app/candidates/${application.candidateId}$`));
  await page.getByRole('heading', { level: 1, name: 'Ada Lovelace' }).waitFor();
  await page.getByRole('region', { name: 'Hiring team notes' }).waitFor();
  expect(await review(page, 'profile-with-notes')).toEqual([]);
  expect(recruiter.errors).toEqual([]);
  await recruiter.context.close();

  const hm = await staffContext(browser, base, world.slug, world.staff.hiring_manager.email);
  const bell = hm.page.getByRole('link', { name: /Notifications/ });
  await expect.poll(() => bell.textContent()).toContain('1 unread');
  await bell.click();
  await hm.page.waitForURL(/\/app\/inbox$/);
  const item = hm.page.getByRole('link', { name: 'recruiter mentioned you in a note' });
  await item.waitFor();
  expect(await review(hm.page, 'inbox')).toEqual([]);
  await item.click();
  await hm.page.waitForURL(new RegExp(`/app/applications/${application.id}$`));
  await hm.page
    .getByRole('region', { name: 'Hiring team notes' })
    .getByText('can you take the technical round?')
    .waitFor();
  await expect.poll(() => bell.textContent()).toContain('none unread');
  expect(hm.errors).toEqual([]);
  await hm.context.close();
}, 90_000);

it('R-FB-3: an interviewer whose scorecard is due sees why the notes are hidden', async () => {
  const application = await world.atTechnicalRound();
  const interview = ok(
    await scheduleInterview(world.deps, {
      actor: world.staff.coordinator,
      applicationId: application.id,
      roundKey: 'tech',
      startsAt: new Date(clock.now().getTime() + 2 * 86_400_000),
      interviewerIds: [world.staff.interviewer.userId],
      language: 'en',
    }),
  );
  const interviewer = await staffContext(browser, base, world.slug, world.staff.interviewer.email);
  await interviewer.page.goto(`${base}/app/interviews/${interview.id}`);
  const notes = interviewer.page.getByRole('region', { name: 'Hiring team notes' });
  await notes.getByText('Notes are hidden until you submit your scorecard').waitFor();
  expect(await notes.getByRole('combobox').count()).toBe(0);
  expect(await review(interviewer.page, 'notes-withheld')).toEqual([]);
  expect(interviewer.errors).toEqual([]);
  await interviewer.context.close();
});

it('a recruiter merges two records of one person from the candidates list, then undoes it', async () => {
  const kept = await world.apply({ email: 'grace@work.example', firstName: 'Grace', lastName: 'Hopper' });
  clock.advanceMs(1000);
  const dup = await world.apply(
    { email: 'grace@home.example', firstName: 'Grace', lastName: 'Hopper' },
    world.jobs.internA.id,
  );
  const recruiter = await staffContext(browser, base, world.slug, world.staff.recruiter.email);
  const page = recruiter.page;
  await page.goto(`${base}/app/candidates?q=grace`);
  await page.getByRole('checkbox', { name: 'Select Grace Hopper' }).first().waitFor();
  const boxes = page.getByRole('checkbox', { name: 'Select Grace Hopper' });
  // Oldest first: the work address is listed first and checked first, so it is kept.
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  const merge = page.getByRole('region', { name: 'Merge duplicates' });
  await expect
    .poll(() => merge.textContent())
    .toContain('Keep Grace Hopper (grace@work.example) and merge Grace Hopper (grace@home.example) into it?');
  await merge.getByRole('button', { name: 'Merge the two' }).click();
  await merge.getByText(/Undo until you confirm/).waitFor();
  const owner = async () =>
    (
      await world.db
        .selectFrom('applications')
        .select('candidate_id')
        .where('id', '=', dup.id)
        .executeTakeFirstOrThrow()
    ).candidate_id;
  expect(await owner()).toBe(kept.candidateId);
  expect(await review(page, 'merge-pending')).toEqual([]);
  await merge.getByRole('button', { name: 'Undo the merge' }).click();
  await merge.getByText('Merge undone: both are as they were.').waitFor();
  expect(await owner()).toBe(dup.candidateId);
  expect(recruiter.errors).toEqual([]);
  await recruiter.context.close();
});
