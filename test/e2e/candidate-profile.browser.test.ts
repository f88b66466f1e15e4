import nodemailer from 'nodemailer';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { submitApplication } from '../../src/core/applications/submit-application.js';
import type { Database } from '../../src/db/database.js';
import { type ResumeReaders, resumeReaders } from '../../src/server/boards/resume-readers.js';
import type { App } from '../../src/server/context.js';
import { startInboundSmtp } from '../../src/server/inbound-smtp.js';
import { launchChromium } from '../support/browser.js';
import { openTestDatabase } from '../support/db.js';
import { pdfWith } from '../support/files.js';
import { listening } from '../support/http.js';
import { startSmtp } from '../support/smtp.js';
import { requireBuiltWebApp, review, staffContext } from '../support/web.js';
import { testWorker } from '../support/worker.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

const DOMAIN = 'replies.hireloop.test';
let database: Database;
let app: App;
let world: World;
let browser: Browser;
let base: string;
let outgoing: Awaited<ReturnType<typeof startSmtp>>;
let inbound: Awaited<ReturnType<typeof startInboundSmtp>>;
let readers: ResumeReaders;
let worker: ReturnType<typeof testWorker>;
// Sessions' cookies expire by the server's clock, read by a browser on the real one.
const clock = new TestClock(new Date());

beforeAll(async () => {
  requireBuiltWebApp();
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  ({ app, base } = await listening(database, clock));
  outgoing = await startSmtp();
  readers = resumeReaders();
  inbound = await startInboundSmtp({
    deps: world.deps,
    readers,
    domain: DOMAIN,
    host: '127.0.0.1',
    port: 0,
    maxBytes: 1_000_000,
  });
  worker = testWorker(world, outgoing.url, { replyDomain: DOMAIN });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  worker?.close();
  await inbound?.close();
  await readers?.close();
  await outgoing?.close();
  await app?.close();
  await database?.close();
});

it('a recruiter opens a profile: the PDF résumé drawn, its text searchable; a reply by email appears', async () => {
  const resumeText = 'Ada Lovelace. Notes on the Analytical Engine. Programmer of the Engine.';
  const application = ok(
    await submitApplication(world.deps, {
      actor: world.staff.recruiter,
      jobId: world.jobs.fullTimeA.id,
      candidate: { email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' },
      source: 'referral:Charles Babbage',
      attachments: [
        {
          kind: 'resume',
          filename: 'ada-lovelace.pdf',
          contentType: 'application/pdf',
          data: await pdfWith(resumeText),
          text: resumeText,
        },
      ],
    }),
  ).application;
  await worker.drain();
  const recruiter = await staffContext(browser, base, world.slug, world.staff.recruiter.email);
  const { page } = recruiter;
  const refused: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') refused.push(m.text());
  });

  // From the candidates list to the profile.
  await page.goto(`${base}/app/candidates?q=ada`);
  await page.getByRole('link', { name: 'Ada Lovelace' }).click();
  await page.waitForURL(`**/app/candidates/${application.candidateId}`);
  await page.getByRole('heading', { name: 'Ada Lovelace', level: 1 }).waitFor();
  await page.getByText('Referral: Charles Babbage').first().waitFor();

  // The first page is drawn on a canvas: some of its pixels are dark (the text), not just white.
  const canvas = page.getByRole('img', { name: /Résumé ada-lovelace\.pdf, page 1 of 1/ });
  await canvas.waitFor({ timeout: 30_000 });
  await expect
    .poll(
      () =>
        canvas.evaluate((c: HTMLCanvasElement) => {
          const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          let dark = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 3]! > 0) dark++;
          return dark;
        }),
      { timeout: 15_000 },
    )
    .toBeGreaterThan(50);

  await page.getByLabel("Search the résumé's text").fill('engine');
  await expect.poll(() => page.locator('.document-text mark').count()).toBe(2);
  await page.getByText('2 matches for “engine”').waitFor();
  expect(await review(page, 'candidate-profile')).toEqual([]);

  // Writing from the profile: a template, a preview filled for Ada, then send.
  await page
    .getByLabel('Start from a template')
    .selectOption({ label: 'Your availability for {{jobTitle}}' });
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('heading', { name: 'Preview: as Ada will read it' }).waitFor();
  await page.getByText('Your availability for full_time job').first().waitFor();
  await page.getByRole('button', { name: 'Send now' }).click();
  await page.getByText('Sent; it is on its way.').waitFor();
  await worker.drain();
  const mail = outgoing.received.find((m) => m.envelopeTo.includes('ada@example.com') && m.mail.replyTo);
  const address = mail!.mail.replyTo!.value[0]!.address!;

  await nodemailer
    .createTransport({ host: '127.0.0.1', port: inbound.port, secure: false, ignoreTLS: true })
    .sendMail({
      from: 'ada@example.com',
      to: address,
      subject: 'Re: Your availability',
      html: '<p>Thursday at ten suits me.</p><script>document.title="owned"</script>',
    });
  await page.reload();
  const messages = page.getByRole('region', { name: 'Messages' });
  await messages.getByText('Thursday at ten suits me.').waitFor();
  await page.getByText('Reply received').first().waitFor();
  expect(await page.title()).not.toBe('owned');
  expect(await review(page, 'candidate-profile-reply')).toEqual([]);
  expect(recruiter.errors).toEqual([]);
  expect(refused.filter((t) => /Content Security Policy|Refused/.test(t))).toEqual([]);

  // The candidate reads the same thread in their portal and answers there.
  const portal = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB' });
  const candidatePage = await portal.newPage();
  await candidatePage.goto(`${base}/candidate/sign-in?org=${world.slug}`);
  await candidatePage.getByLabel('Your email').fill('ada@example.com');
  await candidatePage.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await candidatePage.getByText('a sign-in link is on its way').waitFor();
  const link = await world.db
    .selectFrom('outbox')
    .select('payload')
    .where('kind', '=', 'candidate.sign_in_link')
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  await candidatePage.goto(String(link.payload.url).replace(/^https?:\/\/[^/]+/, base));
  await candidatePage.getByText('Thursday at ten suits me.').waitFor();
  await candidatePage.getByText('Your availability for full_time job').waitFor();
  await candidatePage.getByLabel('Your answer').fill('See you on Thursday.');
  await candidatePage.getByRole('button', { name: 'Send', exact: true }).click();
  await candidatePage.getByText('See you on Thursday.').waitFor();
  expect(await review(candidatePage, 'candidate-portal-thread')).toEqual([]);
  await portal.close();
  await page.reload();
  await page.getByRole('region', { name: 'Messages' }).getByText('See you on Thursday.').waitFor();
  await recruiter.context.close();
}, 120_000);
