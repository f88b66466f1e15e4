import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import type { App } from '../../src/server/context.js';
import { addBoard } from '../support/boards.js';
import { openTestDatabase } from '../support/db.js';
import { multipart } from '../support/files.js';
import { buildTestApp, errorCode, loginAs, sessionCookie, testConfig } from '../support/http.js';
import { startSmtp } from '../support/smtp.js';
import { testWorker } from '../support/worker.js';
import { buildWorld, ids, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let clock: TestClock;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let worker: ReturnType<typeof testWorker>;
const site = () => `/careers/site-${world.slug}`;
const board = () => `/v1/boards/in-${world.slug}`;
const basic = `Basic ${Buffer.from('limit-key:').toString('base64')}`;

beforeAll(async () => {
  database = await openTestDatabase();
  clock = new TestClock();
  world = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
  smtp = await startSmtp();
  worker = testWorker(world, smtp.url);
  // Titles a candidate tells apart, as a real organisation's would be.
  for (const [job, title] of [
    [world.jobs.internA, 'Backend Software Engineer Intern'],
    [world.jobs.internB, 'Frontend Intern'],
    [world.jobs.internB2, 'Data Intern'],
  ] as const) {
    await world.db.updateTable('jobs').set({ title }).where('id', '=', job.id).execute();
  }
  await addBoard(world, { token: `site-${world.slug}`, name: 'Careers', employmentTypes: ['internship'] });
  await addBoard(
    world,
    { token: `in-${world.slug}`, name: 'Internships', employmentTypes: ['internship'] },
    'limit-key',
  );
});
afterAll(async () => {
  worker.close();
  await smtp.close();
  await app.close();
  await database.close();
});
beforeEach(async () => {
  await worker.drain();
  smtp.received.length = 0;
});

/** The post ids of a board's jobs (each board posts the job under its own id), by title. */
async function postIds(token = `in-${world.slug}`) {
  const jobs = (await app.inject({ url: `/v1/boards/${token}/jobs` })).json().jobs as {
    id: number;
    title: string;
  }[];
  return Object.fromEntries(jobs.map((j) => [j.title, j.id])) as Record<string, number>;
}

/** Applies on the career site with a form, as a browser sends it. */
async function applyOnSite(postId: number, email: string, submissionId: string) {
  const form = multipart(
    {
      first_name: 'Mei',
      last_name: 'Lin',
      email,
      resume_text: 'Mei Lin, distributed systems',
      submission_id: submissionId,
    },
    [],
  );
  return app.inject({
    method: 'POST',
    url: `${site()}/jobs/${postId}/apply`,
    payload: form.body,
    headers: { 'content-type': form.contentType },
  });
}

async function askForPortalLink(email: string, post?: number) {
  const form = multipart({ email, ...(post ? { post: String(post) } : {}) }, []);
  return app.inject({
    method: 'POST',
    url: `${site()}/portal-link`,
    payload: form.body,
    headers: { 'content-type': form.contentType },
  });
}

/** A page's text without what differs on every response (the CSP nonce). */
const withoutNonce = (html: string) => html.replace(/nonce="[^"]*"/g, 'nonce=""');

const expectedMessage =
  "You already have 2 open internship applications, the most this company accepts at once: 'Backend Software Engineer Intern' (Alpha), in review since 2 March 2026; 'Frontend Intern' (Beta), waiting its turn since 3 March 2026. Withdraw one to apply here.";

describe('the application limit names the open applications', () => {
  it('R-APP-1: the staff API answers 409 with each open job, its team, status and applied date', async () => {
    const cookie = await loginAs(app, world.slug, world.staff.recruiter.email);
    const candidate = { email: 'staff.limit@example.com', firstName: 'Ana', lastName: 'Staff' };
    const submit = (jobId: string) =>
      app.inject({
        method: 'POST',
        url: '/api/applications',
        payload: { jobId, candidate },
        headers: { cookie },
      });
    const first = await submit(world.jobs.internA.id);
    clock.advanceDays(1);
    const second = await submit(world.jobs.internB.id);
    const third = await submit(world.jobs.internB2.id);
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect([third.statusCode, errorCode(third)]).toEqual([409, 'application.limit_reached']);
    const { error } = third.json();
    expect(error.message).toBe(expectedMessage);
    expect(error.details).toEqual({
      limit: 2,
      jobFamily: 'internship',
      active: [
        {
          applicationId: first.json().id,
          jobId: world.jobs.internA.id,
          jobTitle: 'Backend Software Engineer Intern',
          teamName: 'Alpha',
          status: 'active',
          statusInWords: 'in review',
          appliedAt: '2026-03-02T09:00:00.000Z',
          appliedOn: '2 March 2026',
        },
        {
          applicationId: second.json().id,
          jobId: world.jobs.internB.id,
          jobTitle: 'Frontend Intern',
          teamName: 'Beta',
          status: 'queued',
          statusInWords: 'waiting its turn',
          appliedAt: '2026-03-03T09:00:00.000Z',
          appliedOn: '3 March 2026',
        },
      ],
    });
  });

  it('R-APP-1: the public board answers 422 on `email` with a message naming the open jobs', async () => {
    const posts = await postIds();
    const apply = (postId: number | undefined) =>
      app.inject({
        method: 'POST',
        url: `${board()}/jobs/${postId}`,
        payload: {
          first_name: 'Ola',
          last_name: 'Board',
          email: 'board.limit@example.com',
          resume_text: 'cv',
        },
        headers: { authorization: basic },
      });
    const t0 = clock.now();
    expect((await apply(posts['Backend Software Engineer Intern'])).statusCode).toBe(200);
    clock.advanceDays(1);
    expect((await apply(posts['Frontend Intern'])).statusCode).toBe(200);
    const third = await apply(posts['Data Intern']);
    const day = (d: Date) =>
      d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const message = `You already have 2 open internship applications, the most this company accepts at once: 'Backend Software Engineer Intern' (Alpha), in review since ${day(t0)}; 'Frontend Intern' (Beta), waiting its turn since ${day(clock.now())}. Withdraw one to apply here.`;
    expect([third.statusCode, third.json()]).toEqual([
      422,
      { message, errors: [{ field: 'email', message }], code: 'application.limit_reached' },
    ]);
  });

  it('R-APP-1: the career site lists the open applications and emails a portal link where one is withdrawn', async () => {
    const posts = await postIds(`site-${world.slug}`);
    const email = 'Site.Limit@Example.com';
    expect(
      (await applyOnSite(posts['Backend Software Engineer Intern']!, email, 'site-limit-1')).statusCode,
    ).toBe(200);
    clock.advanceDays(1);
    expect((await applyOnSite(posts['Frontend Intern']!, email, 'site-limit-2')).statusCode).toBe(200);
    const refused = await applyOnSite(posts['Data Intern']!, email, 'site-limit-3');
    expect(refused.statusCode).toBe(422);
    expect(refused.headers['cache-control']).toBe('no-store');
    const section = /<section class="notice" aria-labelledby="open-title">(.*?)<\/section>/s.exec(
      refused.body,
    )?.[1];
    expect(section).toContain('<h2 id="open-title">Your open applications</h2>');
    const items = [...(section ?? '').matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(
      /^<strong>Backend Software Engineer Intern<\/strong>, Alpha: in review, applied \d{1,2} \w+ 2026$/,
    );
    expect(items[1]).toMatch(
      /^<strong>Frontend Intern<\/strong>, Beta: waiting its turn, applied \d{1,2} \w+ 2026$/,
    );
    expect(section).toContain(
      `<form method="post" action="${site()}/portal-link" enctype="multipart/form-data">`,
    );
    expect(section).toContain(`<input type="hidden" name="email" value="${email}">`);
    expect(section).toContain('<button type="submit">Email me a sign-in link</button>');
    // The form keeps what was typed, with the refusal on the email field.
    expect(refused.body).toContain('aria-invalid="true" aria-describedby="f-email-error"');
    expect(refused.body).toContain('value="Mei"');

    // Each application's own confirmation (with its follow-up link) is out of the way first.
    await worker.drain();
    smtp.received.length = 0;
    // The answer is the same for an address that holds no application, and only the candidate gets mail.
    const asked = await askForPortalLink(email, posts['Data Intern']);
    const stranger = await askForPortalLink('nobody.here@example.com', posts['Data Intern']);
    expect([asked.statusCode, stranger.statusCode]).toEqual([200, 200]);
    expect(asked.headers['cache-control']).toBe('no-store');
    expect(asked.body).toContain('Check your email');
    expect(withoutNonce(stranger.body)).toBe(withoutNonce(asked.body));
    expect(asked.body).not.toContain('Frontend Intern');
    await worker.drain();
    const links = smtp.received.filter((m) => m.mail.subject === 'Your sign-in link');
    expect(links.map((m) => m.envelopeTo.map((to) => to.toLowerCase()))).toEqual([[email.toLowerCase()]]);
    const link = /https?:\/\/\S+\/candidate\/sign-in\?token=([\w-]+)/.exec(links[0]?.mail.text ?? '');
    expect(link).not.toBeNull();

    const redeemed = await app.inject({
      method: 'POST',
      url: '/api/auth/candidate-links/redeem',
      payload: { token: link![1] },
    });
    expect(redeemed.statusCode).toBe(204);
    const cookie = sessionCookie(redeemed);
    const mine = (await app.inject({ url: '/api/me/applications', headers: { cookie } })).json().items as {
      id: string;
      jobTitle?: string;
      status: string;
    }[];
    expect(mine.map((a) => a.status).sort()).toEqual(['active', 'queued']);
    const oldest = (
      await world.db
        .selectFrom('applications')
        .innerJoin('jobs', 'jobs.id', 'applications.job_id')
        .select('applications.id')
        .where('jobs.title', '=', 'Backend Software Engineer Intern')
        .where(
          'applications.id',
          'in',
          mine.map((a) => a.id),
        )
        .executeTakeFirstOrThrow()
    ).id;
    const withdrawn = await app.inject({
      method: 'POST',
      url: `/api/me/applications/${oldest}/withdraw`,
      payload: { reason: 'Applying to Data instead' },
      headers: { cookie },
    });
    expect([withdrawn.statusCode, withdrawn.json().status]).toEqual([200, 'withdrawn']);

    const again = await applyOnSite(posts['Data Intern']!, email, 'site-limit-4');
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('Thank you for applying');
  });

  it('R-APP-1: the portal link is throttled like every sign-in link request, and refuses a bad address', async () => {
    const strict = await buildApp({
      database,
      config: { ...testConfig, SIGN_IN_LINK_REQUESTS_PER_MINUTE_PER_IP: 1 },
      clock,
      ids,
    });
    try {
      clock.advanceMs(120_000);
      const ask = async (email: string) => {
        const form = multipart({ email }, []);
        return strict.inject({
          method: 'POST',
          url: `${site()}/portal-link`,
          payload: form.body,
          headers: { 'content-type': form.contentType },
        });
      };
      expect((await ask('one@example.com')).statusCode).toBe(200);
      const throttled = await ask('two@example.com');
      expect(throttled.statusCode).toBe(429);
      expect(throttled.headers['retry-after']).toBeDefined();
      expect(throttled.body).toContain('Too many sign-in links');
      const bad = await ask('not an address');
      expect(bad.statusCode).toBe(422);
    } finally {
      await strict.close();
    }
  });
});
