import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CriterionCheck } from '../../src/contracts/screening.js';
import { createJob } from '../../src/core/jobs/create-job.js';
import { transitionJob } from '../../src/core/jobs/transition-job.js';
import { replaceCriteria } from '../../src/core/screening/replace-criteria.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { launchChromium } from '../support/browser.js';
import { openTestDatabase } from '../support/db.js';
import { listening } from '../support/http.js';
import { requireBuiltWebApp, review, staffContext } from '../support/web.js';
import { testWorker } from '../support/worker.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let browser: Browser;
let base: string;
const clock = new TestClock();

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

/** The candidate whose identity blind review must hide, and every way the page could show it. */
const zelda = {
  firstName: 'Zelda',
  lastName: 'Quintana',
  email: 'zelda.quintana@example.com',
  resumeText: [
    'Zelda Quintana',
    'zelda.quintana@example.com · +1 415 555 0199 · https://github.com/zquintana',
    '',
    'Backend engineer. Six years writing Go services that consume Kafka topics,',
    'deployed on Kubernetes.',
    '',
    'BS Computer Science, Stanford University, 2018.',
  ].join('\n'),
};
const identity = ['Zelda', 'Quintana', 'zelda.quintana', '555 0199', 'zquintana', 'Stanford'];
const leaks = (text: string) => identity.filter((word) => text.toLowerCase().includes(word.toLowerCase()));

/** The page's visible text and its whole HTML: hidden elements must not carry the identity either. */
const pageLeaks = async (page: Page) => ({
  // biome-ignore lint/performance/useDomNodeTextContent: what a person reads is the rendered text
  text: leaks(await page.locator('body').innerText()),
  html: leaks(await page.content()),
});

let jobId = '';

it('a recruiter replaces the criteria derived from the posting, reorders them by keyboard-reachable buttons and saves', async () => {
  const job = ok(
    await createJob(world.deps, {
      actor: world.staff.recruiter,
      fields: {
        title: 'Platform Engineer',
        teamId: world.teams.A,
        processId: world.processes.A.id,
        employmentType: 'full_time',
        jobFamily: 'backend',
        headcount: 2,
        level: 'mid',
        locations: ['Remote'],
        officeIds: [],
        posting: {
          summary: 'Run our platform.',
          responsibilities: ['Write Go services'],
          minimumQualifications: ['Experience with Go'],
          preferredQualifications: ['Experience with Kafka'],
          faq: [],
        },
      },
    }),
  );
  jobId = job.id;
  const recruiter = await staffContext(browser, base, world.slug, world.staff.recruiter.email);
  const page = recruiter.page;
  await page.goto(`${base}/app/jobs/${job.id}/edit`);
  const editor = page.getByRole('region', { name: 'Screening criteria' });
  await editor.getByText(/Derived from the posting's qualifications and not stored yet/).waitFor();
  await expect.poll(() => editor.getByLabel('Criterion 1: text').inputValue()).toContain('Go');
  // The derived one is kept and made a skills check; the rest are replaced by the recruiter's own.
  await editor.getByLabel('Criterion 1: what is checked').selectOption('skills');
  await editor.getByLabel('Criterion 1: skills').fill('Go');
  await editor.getByLabel('Criterion 1: must or nice').selectOption('must');
  while ((await editor.getByRole('button', { name: /^Remove criterion/ }).count()) > 1)
    await editor.getByRole('button', { name: 'Remove criterion 2' }).click();
  for (const [n, text, skill, weight] of [
    [2, 'Knows Kafka', 'Kafka', '2'],
    [3, 'Runs Kubernetes', 'Kubernetes', '3'],
  ] as const) {
    await editor.getByRole('button', { name: 'Add a criterion' }).click();
    await editor.getByLabel(`Criterion ${n}: text`).fill(text);
    await editor.getByLabel(`Criterion ${n}: must or nice`).selectOption('nice');
    await editor.getByLabel(`Criterion ${n}: weight`).selectOption(weight);
    await editor.getByLabel(`Criterion ${n}: what is checked`).selectOption('skills');
    await editor.getByLabel(`Criterion ${n}: skills`).fill(skill);
  }
  await editor.getByRole('button', { name: 'Move up criterion 3' }).focus();
  await page.keyboard.press('Enter');
  expect(await editor.getByLabel('Criterion 2: text').inputValue()).toBe('Runs Kubernetes');
  expect(await review(page, 'screening-criteria-editor')).toEqual([]);
  await editor.getByRole('button', { name: 'Save these criteria' }).click();
  await editor.getByText(/Criteria saved \(version 1\)/).waitFor();
  const stored = await world.db
    .selectFrom('screening_criteria')
    .select(['text', 'kind', 'weight', 'check', 'source'])
    .where('job_id', '=', job.id)
    .orderBy('position')
    .execute();
  expect(stored.map((c) => [c.kind, c.weight, c.check, c.source])).toEqual([
    ['must', expect.any(Number), { type: 'skills', anyOf: ['Go'] }, 'job'],
    ['nice', 3, { type: 'skills', anyOf: ['Kubernetes'] }, 'recruiter'],
    ['nice', 2, { type: 'skills', anyOf: ['Kafka'] }, 'recruiter'],
  ]);
  expect(stored.slice(1).map((c) => c.text)).toEqual(['Runs Kubernetes', 'Knows Kafka']);
  await expect.poll(() => editor.getByText(/Derived from the posting/).count()).toBe(0);

  // Another recruiter saves in between: this one is told to reload, and what they typed stays.
  const current = await world.db
    .selectFrom('screening_criteria')
    .select(['id', 'text', 'kind', 'weight', 'check'])
    .where('job_id', '=', job.id)
    .orderBy('position')
    .execute();
  ok(
    await replaceCriteria(world.deps, {
      actor: world.staff.admin,
      jobId: job.id,
      expectedVersion: 1,
      items: current.map((c) => ({ ...c, check: c.check as CriterionCheck })),
    }),
  );
  await editor.getByLabel('Criterion 3: weight').selectOption('5');
  await editor.getByRole('button', { name: 'Save criteria' }).click();
  await editor
    .getByRole('alert')
    .getByText(/Someone else changed these criteria; reload/)
    .waitFor();
  expect(await editor.getByLabel('Criterion 3: weight').inputValue()).toBe('5');
  await editor.getByRole('button', { name: /Reload the criteria/ }).click();
  await expect.poll(() => editor.getByLabel('Criterion 3: weight').inputValue()).toBe('2');
  await expect.poll(() => editor.getByRole('alert').count()).toBe(0);
  expect(recruiter.errors).toEqual([]);
  await recruiter.context.close();
}, 120_000);

let zeldaId = '';

it('the queue sorts by tier, says how many must-haves each has, and shows the evidence with its passages marked', async () => {
  ok(await transitionJob(world.deps, { actor: world.staff.recruiter, jobId, to: 'open' }));
  // Oldest first: the weak one, then the possible one, then Zelda's strong one.
  const weak = await world.apply(
    {
      email: 'wes@example.com',
      firstName: 'Wes',
      lastName: 'Marlow',
      resumeText: 'Retail manager; led a team of twelve.',
    },
    jobId,
  );
  clock.advanceMs(1000);
  await world.apply(
    {
      email: 'pia@example.com',
      firstName: 'Pia',
      lastName: 'Lindqvist',
      resumeText: 'Backend developer. Three years of Go microservices.',
    },
    jobId,
  );
  clock.advanceMs(1000);
  zeldaId = (await world.apply(zelda, jobId)).id;
  await testWorker(world).drain();

  const recruiter = await staffContext(browser, base, world.slug, world.staff.recruiter.email);
  const page = recruiter.page;
  await page.goto(`${base}/app/screening`);
  await page.getByLabel('Job', { exact: true }).selectOption(jobId);
  const queue = page.getByRole('region', { name: 'Queue, oldest first' });
  await queue.getByRole('button', { name: 'Wes Marlow' }).waitFor();
  await page.getByText(/Sorting by tier orders the queue.*neither decides anything/).waitFor();

  await page.getByLabel('Order', { exact: true }).selectOption('tier');
  const byTier = page.getByRole('region', { name: 'Queue, by tier' });
  await byTier.getByRole('button', { name: 'Zelda Quintana' }).waitFor();
  const rows = byTier.getByRole('listitem');
  await expect.poll(() => rows.count()).toBe(3);
  expect((await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '))).toEqual([
    expect.stringMatching(/Zelda Quintana.*Strong match · 1 of 1 must-haves/),
    expect.stringMatching(/Pia Lindqvist.*Possible · 1 of 1 must-haves/),
    expect.stringMatching(/Wes Marlow.*Weak · 0 of 1 must-haves/),
  ]);

  // The tier filter: only the weak one.
  await page.getByRole('group', { name: 'Only these tiers' }).getByLabel('Weak').check();
  await expect.poll(() => rows.count()).toBe(1);
  await byTier.getByRole('button', { name: 'Wes Marlow' }).waitFor();
  await page.getByRole('group', { name: 'Only these tiers' }).getByLabel('Weak').uncheck();
  await expect.poll(() => rows.count()).toBe(3);

  const detail = page.getByRole('region', { name: 'Screening Zelda Quintana' });
  const evidence = detail.getByRole('article', { name: 'Screening evidence' });
  const criterion = (text: string) => evidence.locator('.criterion-evidence').filter({ hasText: text });
  const go = criterion('Experience with Go');
  // Each verdict in words beside its icon, with the reason and the quoted passage.
  await expect.poll(() => go.locator('.verdict').textContent()).toBe('✓ Found');
  await go
    .getByRole('list', { name: 'Quoted passages' })
    .getByText(/writing Go services/)
    .waitFor();
  await expect.poll(() => criterion('Runs Kubernetes').locator('.verdict').textContent()).toBe('✓ Found');
  await evidence.getByText(/^By .+ computed .+ from criteria version 2\.$/).waitFor();
  const marks = detail.getByRole('article', { name: 'Resume' }).locator('mark');
  const marked = (await marks.allInnerTexts()).join(' | ');
  for (const word of ['Go', 'Kafka', 'Kubernetes']) expect(marked).toContain(word);
  // Choosing a criterion takes the reader to its passage.
  await go.getByRole('button').first().click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('MARK');
  expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Go');
  expect(await review(page, 'screening-by-tier')).toEqual([]);

  // The application page has the same evidence.
  await page.goto(`${base}/app/applications/${weak.id}`);
  const panel = page.getByRole('region', { name: 'Resume screen evidence' });
  await expect
    .poll(() =>
      panel
        .locator('.criterion-evidence')
        .filter({ hasText: 'Experience with Go' })
        .locator('.verdict')
        .textContent(),
    )
    .toBe('✗ Missing');
  await panel.getByText(/Tier:\s*Weak/).waitFor();
  expect(await review(page, 'screening-application-evidence')).toEqual([]);
  expect(recruiter.errors).toEqual([]);
  await recruiter.context.close();
}, 120_000);

it('with blind review on, nothing on the screening page or the application page names the candidate until the decision', async () => {
  const admin = await staffContext(browser, base, world.slug, world.staff.admin.email);
  await admin.page.goto(`${base}/app/admin/blind-review`);
  await admin.page.getByLabel(/Blind review at the resume screen for every job/).check();
  await admin.page.getByText('Blind review is on.').waitFor();
  expect(await review(admin.page, 'screening-admin-blind-review')).toEqual([]);
  await admin.context.close();

  const recruiter = await staffContext(browser, base, world.slug, world.staff.recruiter.email);
  const page = recruiter.page;
  await page.goto(`${base}/app/screening`);
  await page.getByLabel('Job', { exact: true }).selectOption(jobId);
  await page.getByLabel('Order', { exact: true }).selectOption('tier');
  const detail = page.locator('.screen-detail');
  await detail.getByText('Blind review: identity is hidden until the decision').waitFor();
  await detail.getByRole('article', { name: 'Screening evidence' }).getByText('Found').first().waitFor();
  await detail
    .getByRole('article', { name: 'Resume' })
    .getByText(/Backend engineer\. Six years writing Go/)
    .waitFor();
  expect(await pageLeaks(page)).toEqual({ text: [], html: [] });
  expect(await review(page, 'screening-blind')).toEqual([]);

  await page.goto(`${base}/app/applications/${zeldaId}`);
  await page.getByText('Blind review: identity is hidden until the decision').waitFor();
  await page.getByRole('region', { name: 'Resume screen evidence' }).getByText('Found').first().waitFor();
  await page.getByRole('region', { name: 'Timeline' }).waitFor();
  expect(await pageLeaks(page)).toEqual({ text: [], html: [] });
  expect(await review(page, 'screening-blind-application')).toEqual([]);

  // The decision, from the screening page's keys; afterwards everything shows.
  await page.goto(`${base}/app/screening`);
  await page.getByLabel('Job', { exact: true }).selectOption(jobId);
  await page.getByLabel('Order', { exact: true }).selectOption('tier');
  await page
    .locator('.screen-detail')
    .getByText('Blind review: identity is hidden until the decision')
    .waitFor();
  await page.keyboard.press('a');
  await page
    .getByRole('status')
    .filter({ hasText: /advanced\./ })
    .waitFor();
  await expect
    .poll(
      async () =>
        (
          await world.db
            .selectFrom('applications')
            .select('current_round_key')
            .where('id', '=', zeldaId)
            .executeTakeFirstOrThrow()
        ).current_round_key,
    )
    .not.toBe('resume');
  await page.goto(`${base}/app/applications/${zeldaId}`);
  await page.getByRole('heading', { level: 1, name: 'Zelda Quintana' }).waitFor();
  await page.getByRole('link', { name: zelda.email }).waitFor();
  await page
    .getByRole('region', { name: 'Resume screen evidence' })
    .getByText(/Stanford University/)
    .waitFor();
  expect(await page.getByText('Blind review: identity is hidden').count()).toBe(0);
  expect(await review(page, 'screening-after-decision')).toEqual([]);
  expect(recruiter.errors).toEqual([]);
  await recruiter.context.close();
}, 120_000);
