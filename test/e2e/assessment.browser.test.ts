import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { templatesRoot } from '../../src/server/templates.js';
import { launchChromium } from '../support/browser.js';
import { openTestDatabase } from '../support/db.js';
import { pdfWith } from '../support/files.js';
import { listening, loginAs } from '../support/http.js';
import { requireBuiltWebApp, review, staffContext, watchErrors } from '../support/web.js';
import { buildWorld, TestClock, type World } from '../support/world.js';

// A timed assessment in the browser: the recruiter sends it from the candidate page, the
// candidate opens the emailed link, runs the examples, pastes an answer and submits; the
// interviewer reads the score, the code and the timeline beside their kit.
let database: Database;
let app: App;
let world: World;
let browser: Browser;
let base: string;
let recruiterCookie: string;
const clock = new TestClock();
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const reference = fs.readFileSync(
  path.join(templatesRoot, 'problems', 'coding', 'longest-substring-without-repeats', 'reference.py'),
  'utf8',
);

beforeAll(async () => {
  requireBuiltWebApp();
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  ({ app, base } = await listening(database, clock));
  recruiterCookie = await loginAs(app, world.slug, world.staff.recruiter.email);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

/** The technical interview booked `days` ahead with the one interviewer (a different day each time). */
async function interviewFor(applicationId: string, days: number) {
  const booked = await app.inject({
    method: 'POST',
    url: `/api/applications/${applicationId}/interviews`,
    headers: { cookie: recruiterCookie },
    payload: {
      roundKey: 'tech',
      startsAt: new Date(clock.now().getTime() + days * 86_400_000).toISOString(),
      interviewerIds: [world.staff.interviewer.userId],
    },
  });
  expect(booked.statusCode, booked.body).toBe(201);
  return booked.json().id as string;
}

/** The interviewer signed in, on that interview's kit. */
async function interviewerAt(interviewId: string) {
  const interviewer = await staffContext(browser, base, world.slug, world.staff.interviewer.email);
  await interviewer.page.goto(`${base}/app/interviews/${interviewId}`);
  return interviewer;
}

describe('a timed assessment', () => {
  it('goes from the recruiter to the candidate and back to the interviewer as a score, code and timeline', async () => {
    const application = await world.atTechnicalRound({
      email: 'grace@example.com',
      firstName: 'Grace',
      lastName: 'Hopper',
    });
    const problems: string[] = [];

    const recruiter = await staffContext(browser, base, world.slug, world.staff.recruiter.email);
    await recruiter.page.goto(`${base}/app/applications/${application.id}`);
    await recruiter.page.getByLabel('First problem').selectOption('coding:longest-substring-without-repeats');
    await recruiter.page.getByLabel('Minutes').fill('45');
    await recruiter.page.getByRole('button', { name: 'Email the candidate the link' }).click();
    const link = recruiter.page.getByRole('status').filter({ hasText: 'Sent.' }).locator('code');
    await eventually(() => link.count()).toBe(1);
    const url = (await link.textContent())!;
    expect(url).toMatch(/\/candidate\/assessment\/[\w-]{40,}$/);
    problems.push(...(await review(recruiter.page, 'assessment-send')));

    const context = await browser.newContext({
      timezoneId: 'Asia/Singapore',
      viewport: { width: 1100, height: 900 },
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${base}${new URL(url).pathname}`);
    await page.getByRole('heading', { name: /Technical assessment/ }).waitFor();
    problems.push(...(await review(page, 'assessment-intro')));
    await page.getByRole('button', { name: 'Start the 45-minute clock' }).click();
    await page
      .getByText('Find the length of the longest', { exact: false })
      .or(page.getByText(/longest substring/))
      .first()
      .waitFor();
    await eventually(() => page.locator('.clock').textContent()).toMatch(/4[45]:\d\d$/);

    await page.getByLabel('Language').selectOption('python');
    const editor = page.getByLabel('Your answer');
    expect(await editor.inputValue()).toMatch(/def length_of_longest_substring/);
    await page.getByRole('button', { name: 'Run the examples' }).click();
    await eventually(() => page.locator('.run-result').textContent()).toContain('0 of 2 examples pass');

    // A paste, as a candidate copying from elsewhere would: the timeline records its length.
    await editor.fill('');
    await editor.evaluate((element, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, reference);
    await editor.fill(reference);
    await page.getByRole('button', { name: 'Run the examples' }).click();
    await eventually(() => page.locator('.run-result').textContent()).toContain('2 of 2 examples pass');
    await eventually(() => page.getByText(/^Saved /).count()).toBe(1);
    problems.push(...(await review(page, 'assessment-working')));
    await page.getByRole('button', { name: 'Submit my answer' }).click();
    await page.getByRole('heading', { name: 'Submitted' }).waitFor();
    expect(errors).toEqual([]);

    const interviewer = await interviewerAt(await interviewFor(application.id, 2));
    const result = interviewer.page.locator(
      '#assessments-title + article, section[aria-labelledby="assessments-title"] article',
    );
    await eventually(() => result.first().textContent()).toContain('score 100%');
    await interviewer.page.getByText(/10 of 10 hidden tests/).click();
    expect(await interviewer.page.locator('pre.code').first().textContent()).toContain(
      'def length_of_longest_substring',
    );
    await interviewer.page.getByText(/^Timeline/).click();
    expect(await interviewer.page.locator('ol.timeline').textContent()).toContain(
      `Pasted text · problem 1 · ${reference.length} characters`,
    );
    problems.push(...(await review(interviewer.page, 'assessment-result')));
    expect(problems).toEqual([]);
    await Promise.all([context.close(), recruiter.context.close(), interviewer.context.close()]);
  }, 120_000);

  it('shows the candidate when time is up, and the server refuses what the page might still send', async () => {
    const application = await world.atTechnicalRound();
    const sent = await app.inject({
      method: 'POST',
      url: `/api/applications/${application.id}/assessments`,
      headers: { cookie: recruiterCookie },
      payload: { items: [{ kind: 'coding', slug: 'two-sum' }], durationMinutes: 30 },
    });
    const token = String(sent.json().url).split('/candidate/assessment/')[1];
    await app.inject({ method: 'POST', url: `/api/assessments/${token}/start` });
    clock.advanceMs(31 * 60_000);
    const page = await browser.newPage();
    await page.goto(`${base}/candidate/assessment/${token}`);
    await page.getByRole('alert').filter({ hasText: 'Time is up' }).waitFor();
    expect(await page.getByRole('button', { name: /Submit/ }).isDisabled()).toBe(true);
    expect(await page.getByLabel('Your answer').getAttribute('readonly')).toBe('');
    await page.close();
  });

  it('takes a case study: the brief and its asks, an uploaded deck, a download for the hiring manager', async () => {
    const application = await world.atTechnicalRound();
    const hm = await staffContext(browser, base, world.slug, world.staff.hiring_manager.email);
    const cookie = (await hm.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const sent = await app.inject({
      method: 'POST',
      url: `/api/applications/${application.id}/assessments`,
      headers: { cookie: recruiterCookie },
      payload: { items: [{ kind: 'case_study', slug: 'campus-go-to-market' }] },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    hm.page.setDefaultTimeout(10_000);
    const errors = watchErrors(page);
    await page.goto(`${base}${new URL(sent.json().url).pathname}`);
    await page.getByRole('button', { name: 'Start and show the brief' }).click();
    await page.getByRole('heading', { name: 'The presentation will ask for' }).waitFor();
    await eventually(() => page.locator('.clock').textContent()).toMatch(/4 d 23 h/);
    await page.getByLabel('Your deck or PDF (up to 20 MB)').setInputFiles({
      name: 'campus.pdf',
      mimeType: 'application/pdf',
      buffer: await pdfWith('Plan: 40 campuses first.'),
    });
    await page.getByRole('button', { name: 'Upload' }).click();
    await eventually(() => page.getByRole('status').filter({ hasText: 'Uploaded: campus.pdf' }).count()).toBe(
      1,
    );
    const problems = await review(page, 'assessment-case-study');
    await page.getByRole('button', { name: /Submit/ }).click();
    await page.getByRole('heading', { name: 'Submitted' }).waitFor();
    expect(errors).toEqual([]);

    await hm.page.goto(`${base}/app/applications/${application.id}`);
    await hm.page.getByText(/Campus go-to-market/).click();
    const link = hm.page.getByRole('link', { name: /Download campus\.pdf/ });
    const href = await link.getAttribute('href');
    const download = await app.inject({ url: href!, headers: { cookie } });
    expect(download.headers['content-type']).toBe('application/pdf');
    problems.push(...(await review(hm.page, 'assessment-case-study-result')));
    expect(problems).toEqual([]);
    await Promise.all([page.close(), hm.context.close()]);
  }, 120_000);

  it('puts interviewer and candidate on one live pad: both type, both see the run, the session replays', async () => {
    const application = await world.atTechnicalRound();
    const interviewer = await interviewerAt(await interviewFor(application.id, 3));
    interviewer.page.setDefaultTimeout(30_000);
    await interviewer.page.getByLabel('Problem', { exact: true }).selectOption('merge-intervals');
    await interviewer.page.getByLabel('Language', { exact: true }).selectOption('python');
    await interviewer.page.getByRole('button', { name: 'Open a pad' }).click();
    const link = interviewer.page.getByRole('status').filter({ hasText: 'Opened.' });
    const candidateUrl = (await link.locator('code').textContent())!;
    await link.getByRole('link', { name: 'join the pad' }).click();
    const editor = interviewer.page.getByLabel(/Shared code/);
    await eventually(() => editor.inputValue()).toContain('def merge(intervals)');

    const candidate = await browser.newPage();
    candidate.setDefaultTimeout(30_000);
    const errors = watchErrors(candidate);
    await candidate.goto(`${base}${new URL(candidateUrl).pathname}`);
    const candidateEditor = candidate.getByLabel(/Shared code/);
    await eventually(() => candidateEditor.inputValue()).toContain('def merge(intervals)');
    await eventually(() => candidate.getByText('connected').count()).toBe(1);

    // The candidate writes the solution; the interviewer adds a note at the top meanwhile.
    const answer = fs.readFileSync(
      path.join(templatesRoot, 'problems', 'coding', 'merge-intervals', 'reference.py'),
      'utf8',
    );
    await candidateEditor.fill(answer);
    await editor.press('Control+Home');
    await editor.pressSequentially('# ask about touching intervals\n');
    await eventually(() => editor.inputValue()).toBe(`# ask about touching intervals\n${answer}`);
    await eventually(() => candidateEditor.inputValue()).toBe(`# ask about touching intervals\n${answer}`);

    await interviewer.page.getByRole('button', { name: 'Run the examples' }).click();
    await eventually(() => candidate.locator('.run-result').textContent()).toContain('2 of 2 examples pass');
    await eventually(() => interviewer.page.locator('.run-result').textContent()).toContain(
      '2 of 2 examples pass',
    );
    const problems = [
      ...(await review(candidate, 'pad-candidate')),
      ...(await review(interviewer.page, 'pad-interviewer')),
    ];

    await interviewer.page.getByRole('button', { name: 'Replay the session' }).click();
    const step = interviewer.page.getByLabel(/^Edit \d+ of \d+/);
    await step.fill('0');
    expect(await interviewer.page.locator('#replay-title + label + input + pre').textContent()).not.toContain(
      'sorted(intervals)',
    );
    problems.push(...(await review(interviewer.page, 'pad-replay')));
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    await Promise.all([candidate.close(), interviewer.context.close()]);
  }, 120_000);
});
