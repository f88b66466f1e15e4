import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { launchChromium } from '../support/browser.js';
import { openTestDatabase } from '../support/db.js';
import { listening } from '../support/http.js';
import { requireBuiltWebApp, review, staffContext } from '../support/web.js';
import { buildWorld, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let browser: Browser;
let base: string;
// The page hides an undo once its window has closed by the browser's clock, so the server's starts
// from the same present; the hour-long window keeps a slow machine from closing it under the test.
const clock = new TestClock(new Date());
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

beforeAll(async () => {
  requireBuiltWebApp();
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  await world.db
    .updateTable('orgs')
    .set({ decision_undo_minutes: 60 })
    .where('id', '=', world.orgId)
    .execute();
  ({ app, base } = await listening(database, clock));
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

const status = (page: Page) => page.getByRole('status').filter({ hasText: /\S/ }).first();
const statusOf = async (id: string) =>
  (await world.db.selectFrom('applications').select('status').where('id', '=', id).executeTakeFirstOrThrow())
    .status;

it('R-MSG-1: in the resume screen a rejection is undone with one key, a bulk rejection with one button', async () => {
  // Oldest first: Ada's application is the first in the queue.
  const ada = await world.apply({ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' });
  clock.advanceMs(1000);
  const others = [
    await world.apply({ email: 'alan@example.com', firstName: 'Alan', lastName: 'Turing' }),
    await world.apply({ email: 'edsger@example.com', firstName: 'Edsger', lastName: 'Dijkstra' }),
  ];
  const recruiter = await staffContext(browser, base, world.slug, world.staff.recruiter.email);
  const page = recruiter.page;
  await page.waitForURL(/\/app\/screening$/);
  await page.getByRole('region', { name: 'Screening Ada Lovelace' }).waitFor();
  await page.keyboard.press('r');
  await eventually(() => status(page).textContent()).toBe('Ada Lovelace: rejected.');
  const recent = page.getByRole('region', { name: 'Recent decisions' });
  await recent.getByText(/Ada Lovelace: rejected · message goes at \d\d:\d\d/).waitFor();
  expect(await statusOf(ada.id)).toBe('rejected');
  expect(await review(page, 'screening-undo')).toEqual([]);

  await page.keyboard.press('u');
  await eventually(() => status(page).textContent()).toBe('Undone: the decision; nothing was sent.');
  await page.getByRole('button', { name: 'Ada Lovelace' }).waitFor();
  expect(await statusOf(ada.id)).toBe('active');

  for (const name of ['Alan Turing', 'Edsger Dijkstra'])
    await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  await page.getByRole('button', { name: 'Reject selected' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reject 2' }).click();
  await recent.getByText(/2 rejected · message goes at/).waitFor();
  for (const other of others) expect(await statusOf(other.id)).toBe('rejected');
  await recent.getByRole('button', { name: 'Undo' }).first().click();
  await eventually(() => status(page).textContent()).toBe('Undone: 2 decisions; nothing was sent.');
  for (const other of others) expect(await statusOf(other.id)).toBe('active');
  expect(recruiter.errors).toEqual([]);
  await recruiter.context.close();
});

it('R-MSG-1: on the application page the decider sees when the candidate hears, and can take the decision back', async () => {
  const grace = await world.apply({ email: 'grace@example.com', firstName: 'Grace', lastName: 'Hopper' });
  const recruiter = await staffContext(browser, base, world.slug, world.staff.recruiter.email);
  const page = recruiter.page;
  await page.goto(`${base}/app/applications/${grace.id}`);
  await page.getByRole('heading', { level: 1, name: 'Grace Hopper' }).waitFor();
  await page.getByLabel('Reject').check();
  await page.getByLabel('Rationale').fill('No compiler work in the last five years.');
  await page.getByRole('button', { name: 'Record decision' }).click();
  const undo = page.getByRole('region', { name: 'Undo my decision' });
  await undo.getByText(/You rejected Resume\. The candidate hears at \d\d:\d\d/).waitFor();
  await page.getByRole('region', { name: 'Timeline' }).getByText('Round rejected').waitFor();
  expect(await review(page, 'application-undo')).toEqual([]);
  await undo.getByRole('button', { name: 'Undo decision' }).click();
  await page.getByRole('heading', { name: 'Decide: Resume' }).waitFor();
  await page.getByRole('region', { name: 'Timeline' }).getByText('Round decision undone').waitFor();
  expect(await statusOf(grace.id)).toBe('active');
  expect(recruiter.errors).toEqual([]);
  await recruiter.context.close();
});
