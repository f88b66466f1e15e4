import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { scheduleInterview } from '../../src/core/scheduling/schedule-interview.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { launchChromium } from '../support/browser.js';
import { openTestDatabase } from '../support/db.js';
import { listening } from '../support/http.js';
import { requireBuiltWebApp, review, staffContext } from '../support/web.js';
import { buildWorld, catalog, ok, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let browser: Browser;
let base: string;
const clock = new TestClock();
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

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

it('the interviewer sees the proposed questions first and marked, opens the others, and ticks what they asked', async () => {
  const person = { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' };
  const application = await world.atTechnicalRound(person);
  const interview = ok(
    await scheduleInterview(world.deps, {
      actor: world.staff.coordinator,
      applicationId: application.id,
      roundKey: 'tech',
      startsAt: new Date('2026-03-05T10:00:00Z'),
      interviewerIds: [world.staff.interviewer.userId],
      language: 'en',
    }),
  );
  const coding = catalog.interviewKit('coding')!;
  const prompt = (id: string) => coding.questions.find((q) => q.id === id)!.prompt;

  const { context, page, errors } = await staffContext(
    browser,
    base,
    world.slug,
    world.staff.interviewer.email,
  );
  await page.goto(`${base}/app/interviews/${interview.id}`);
  await page.getByRole('heading', { name: 'Your scorecard' }).waitFor();
  const kit = await (await context.request.get(`${base}/api/interviews/${interview.id}/kit`)).json();
  const proposed: string[] = kit.proposal.questionIds;
  expect(proposed).toHaveLength(3);

  // The kit lists the proposed questions first, each marked, then the rest.
  const summaries = await page.locator('section[aria-labelledby="kit-title"] summary').allTextContents();
  expect(summaries).toHaveLength(coding.questions.length);
  proposed.forEach((id, i) => {
    expect(summaries[i]).toContain(prompt(id));
    expect(summaries[i]).toContain('Proposed');
  });
  expect(summaries.slice(3).some((s) => s.includes('Proposed'))).toBe(false);

  // The scorecard ticks the proposed ones in view; another question is one click away.
  const asked = page.getByRole('group', { name: 'Questions you asked' });
  await asked.getByLabel(prompt(proposed[0]!), { exact: false }).check();
  const other = coding.questions.find((q) => !proposed.includes(q.id) && q.levels.includes('mid'))!;
  await asked.getByText(/Other questions of the kit/).click();
  await asked.getByLabel(other.prompt, { exact: false }).check();
  await eventually(() => page.getByRole('status').first().textContent()).toMatch(/^Draft saved at/);
  await review(page, 'interviewer-kit-proposed-questions').then((v) => expect(v).toEqual([]));

  const stored = await world.db
    .selectFrom('scorecards')
    .select('content')
    .where('interview_id', '=', interview.id)
    .executeTakeFirstOrThrow();
  expect(stored.content.askedQuestionIds).toEqual([proposed[0], other.id]);
  await page.reload();
  await expect(asked.getByLabel(other.prompt, { exact: false }).isChecked()).resolves.toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});
