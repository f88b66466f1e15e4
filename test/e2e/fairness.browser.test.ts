import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ll144CsvColumns } from '../../src/contracts/vocabulary.js';
import { decideApplicationRound } from '../../src/core/applications/decide-round.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { addBoard } from '../support/boards.js';
import { launchChromium } from '../support/browser.js';
import { openTestDatabase } from '../support/db.js';
import { candidateLogin, listening, loginAs } from '../support/http.js';
import { requireBuiltWebApp, review, staffContext } from '../support/web.js';
import { addStaffMember, buildWorld, ok, openJobAtOffice, TestClock, type World } from '../support/world.js';

// The fairness pages (ADR 0025): the compliance reader's adverse-impact report and its LL144 export,
// the admin's matcher agreement, the refusal everyone else meets, and the candidate's opt-out.
let database: Database;
let app: App;
let world: World;
let browser: Browser;
let base: string;
const clock = new TestClock();
const complianceEmail = () => `compliance@${world.slug}.example`;

/**
 * One season at the full-time job's resume screen, counted by hand:
 * - 30 men (white), 15 moved on: 50%;
 * - 34 women: 30 white with 6 moved on, 4 Asian with 1 moved on: 7 of 34, 20.6%.
 * Women's impact ratio is 0.41, under four-fifths, on groups large enough to count; the 4 Asian
 * applicants are a small sample. The matcher's tier follows the decision except for 3 rejected
 * women it put in the possible tier: 61 of 64 agree.
 */
const season = [
  ...Array.from({ length: 30 }, (_, i) => ({ sex: 'male', race: 'white', advance: i < 15 })),
  ...Array.from({ length: 30 }, (_, i) => ({ sex: 'female', race: 'white', advance: i < 6 })),
  ...Array.from({ length: 4 }, (_, i) => ({ sex: 'female', race: 'asian', advance: i < 1 })),
];

beforeAll(async () => {
  requireBuiltWebApp();
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  ({ app, base } = await listening(database, clock));
  const db = world.db;
  // Someone who holds only the compliance role, with the world's password.
  await addStaffMember(world, clock, 'compliance', ['compliance']);

  let possibleButRejected = 0;
  for (const person of season) {
    const application = await world.apply();
    await db
      .insertInto('self_identifications')
      .values({
        application_id: application.id,
        org_id: world.orgId,
        sex: person.sex,
        race: person.race,
        veteran: null,
        disability: null,
        submitted_at: clock.now(),
      })
      .execute();
    const tier = person.advance
      ? 'strong'
      : person.sex === 'female' && possibleButRejected++ < 3
        ? 'possible'
        : 'weak';
    await db
      .insertInto('screening_annotations')
      .values({
        org_id: world.orgId,
        application_id: application.id,
        job_id: world.jobs.fullTimeA.id,
        matcher_name: 'lexical',
        matcher_version: '1',
        criteria_version: 1,
        tier,
        verdicts: JSON.stringify([]),
        computed_at: clock.now(),
      })
      .execute();
    ok(
      await decideApplicationRound(world.deps, {
        actor: world.staff.recruiter,
        applicationId: application.id,
        roundKey: 'resume',
        decision: person.advance ? 'advance' : 'reject',
        rationale: 'Read the resume against the criteria.',
        overrideReason: 'Decided in the test without its evidence.',
      }),
    );
  }
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

describe('the fairness report', () => {
  it('shows the compliance reader a four-fifths breach and a small sample, and exports the LL144 CSV', async () => {
    const { context, page, errors } = await staffContext(browser, base, world.slug, complianceEmail());
    page.setDefaultTimeout(10_000);
    try {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fairness' }).click();
      await page.getByRole('heading', { level: 1, name: 'Fairness' }).waitFor();
      await page.getByLabel('Season').selectOption('2026-H1');
      await page.getByRole('heading', { level: 2, name: 'Rounds' }).waitFor();
      await page.waitForFunction(() => !document.querySelector('.loading'));

      const sexTable = page.getByRole('table', { name: /^Sex: Round Resume/ }).first();
      const women = sexTable.getByRole('row', { name: /Female/ });
      await expect.poll(() => women.textContent()).toContain('34');
      expect(await women.textContent()).toContain('20.6%');
      expect(await women.textContent()).toContain('0.41');
      expect(await women.textContent()).toContain('Below four-fifths of the highest rate');
      // The breach is said in words and marked with an icon, not by colour alone.
      expect(await women.locator('.finding.flagged svg').count()).toBe(1);
      const men = sexTable.getByRole('row', { name: /Male/ });
      expect(await men.textContent()).toContain('Highest rate');
      expect(await men.textContent()).not.toContain('Below four-fifths');

      const raceTable = page.getByRole('table', { name: /^Race\/ethnicity: Round Resume/ }).first();
      const asian = raceTable.getByRole('row', { name: /Asian/ });
      expect(await asian.textContent()).toContain('Small sample: too few to draw a conclusion');
      expect(await page.getByRole('heading', { name: 'Intersections' }).count()).toBeGreaterThan(0);
      await page.getByText('The four-fifths rule:').waitFor();
      expect(await review(page, 'fairness-report')).toEqual([]);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download LL144 audit CSV' }).click(),
      ]);
      const csv = fs.readFileSync((await download.path())!, 'utf8').split(/\r?\n/);
      expect(csv[0]).toBe(ll144CsvColumns.join(','));
      const femaleRow = csv.find((line) => /^round,.*,resume,Sex,Female,34,7,/.test(line));
      expect(femaleRow, csv.join('\n')).toBeDefined();
      expect(femaleRow!.split(',').slice(-2)).toEqual(['true', 'false']);
      const asianRow = csv.find((line) => /^round,.*,resume,Race\/ethnicity,Asian,4,1,/.test(line));
      expect(asianRow!.split(',').at(-1)).toBe('true');

      // At a phone's width the tables scroll inside the page, the page itself does not.
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await review(page, 'fairness-report-phone')).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(errors).toEqual([]);
    } catch (e) {
      await page.screenshot({ path: '.test-results/web/fail-fairness.png', fullPage: true });
      throw e;
    }
    await context.close();
  }, 90_000);

  it('is neither in the navigation nor at its address for people who decide', async () => {
    for (const who of ['recruiter', 'hiring_manager'] as const) {
      const { context, page } = await staffContext(browser, base, world.slug, world.staff[who].email);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link').first().waitFor();
      expect(await nav.getByRole('link', { name: 'Fairness' }).count()).toBe(0);
      await page.goto(`${base}/app/fairness`);
      await page.getByText('You cannot open the fairness report.').waitFor();
      expect(await page.getByRole('table').count()).toBe(0);
      if (who === 'recruiter') expect(await review(page, 'fairness-refused')).toEqual([]);
      await context.close();
      const cookie = await loginAs(app, world.slug, world.staff[who].email);
      const answer = await app.inject({
        method: 'GET',
        url: '/api/compliance/adverse-impact',
        headers: { cookie },
      });
      expect(answer.statusCode).toBe(403);
    }
  });
});

it('shows an admin how often the matcher agreed with the decisions', async () => {
  const { context, page, errors } = await staffContext(browser, base, world.slug, world.staff.admin.email);
  page.setDefaultTimeout(10_000);
  try {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Matcher agreement' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Matcher agreement' }).waitFor();
    await page.getByText('checks the matcher against people', { exact: false }).waitFor();
    const family = page
      .getByRole('table', { name: 'Agreement by job family' })
      .getByRole('row', { name: /Full-time/ });
    await family.waitFor();
    // 64 compared, 61 agreed; 3 possible but rejected, none weak but moved on.
    expect((await family.textContent())?.replace(/\s+/g, ' ')).toContain('64');
    expect(await family.textContent()).toContain('61 of 64 (95.3%)');
    const cells = await family.getByRole('cell').allTextContents();
    expect(cells.slice(2, 4)).toEqual(['3', '0']);
    const month = page
      .getByRole('table', { name: 'Agreement by month' })
      .getByRole('row', { name: /March 2026/ });
    expect(await month.textContent()).toContain('61 of 64');
    expect(await review(page, 'fairness-agreement')).toEqual([]);
    // The admin decides (approves offers), so the adverse-impact report stays closed to them.
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fairness' }).count(),
    ).toBe(0);
    expect(errors).toEqual([]);
  } catch (e) {
    await page.screenshot({ path: '.test-results/web/fail-agreement.png', fullPage: true });
    throw e;
  }
  await context.close();
}, 90_000);

it('lets a candidate opt an application out of automated annotation', async () => {
  const application = await world.apply(
    { email: 'grace@example.com', firstName: 'Grace', lastName: 'Hopper' },
    world.jobs.internA.id,
  );
  const cookie = (await candidateLogin(app, database, world.slug, 'grace@example.com')).split('=');
  const context = await browser.newContext({ timezoneId: 'Europe/London' });
  await context.addCookies([{ name: cookie[0]!, value: cookie[1]!, url: base }]);
  const page = await context.newPage();
  await page.goto(`${base}/candidate`);
  await page.getByRole('heading', { level: 1, name: 'My applications' }).waitFor();
  await page.getByText('It never decides', { exact: false }).waitFor();
  const card = page.getByRole('article', { name: 'internship job' });
  await card.getByRole('button', { name: 'Opt out of automated annotation' }).click();
  const ask = card.getByRole('form', { name: 'Opt out of automated annotation for internship job' });
  await ask.getByRole('button', { name: 'Opt out' }).click();
  await card.getByRole('status').filter({ hasText: 'opted out of automated annotation' }).waitFor();
  expect(await review(page, 'fairness-portal-opted-out')).toEqual([]);
  const row = await world.db
    .selectFrom('applications')
    .select('screening_opt_out')
    .where('id', '=', application.id)
    .executeTakeFirstOrThrow();
  expect(row.screening_opt_out).toBe(true);
  await context.close();
});

it("lets an admin have one office ask the self-identification questions, and only that office's postings ask them", async () => {
  await openJobAtOffice(world, clock, 'New York');
  await openJobAtOffice(world, clock, 'Singapore');
  await addBoard(world, { token: `fair-${world.slug}`, name: 'Careers', employmentTypes: ['full_time'] });

  const admin = await staffContext(browser, base, world.slug, world.staff.admin.email);
  await admin.page.goto(`${base}/app/admin/policies`);
  const form = admin.page.getByRole('form', { name: 'Self-identification at New York' });
  await form.getByLabel('Ask applicants to New York the voluntary self-identification questions').check();
  await form.getByRole('button', { name: 'Save' }).click();
  await form
    .getByRole('status')
    .filter({ hasText: 'Saved: applicants to New York are asked the questions.' })
    .waitFor();
  expect(await review(admin.page, 'fairness-office-policy')).toEqual([]);
  expect(admin.errors).toEqual([]);
  await admin.context.close();

  const page = await browser.newPage();
  const selfIdentification = page.getByRole('group', { name: 'Voluntary self-identification' });
  const notice = page.getByRole('group', { name: 'Automated resume annotation' });
  await page.goto(`${base}/careers/fair-${world.slug}`);
  await page.getByRole('link', { name: 'New York engineer' }).click();
  await selfIdentification.waitFor();
  expect(await selfIdentification.getByRole('combobox').count()).toBe(4);
  await notice.waitFor();
  await page.screenshot({ path: '.test-results/web/fairness-career-site-asks.png', fullPage: true });
  await page.goto(`${base}/careers/fair-${world.slug}`);
  await page.getByRole('link', { name: 'Singapore engineer' }).click();
  await notice.waitFor();
  expect(await selfIdentification.count()).toBe(0);
  await page.close();
});
