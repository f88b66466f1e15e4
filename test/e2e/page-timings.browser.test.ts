import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { DEMO_ORG, DEMO_PASSWORD, seedDemo } from '../../src/db/seed-demo.js';
import { hashPassword } from '../../src/server/auth.js';
import type { App } from '../../src/server/context.js';
import { loadCatalog } from '../../src/server/templates.js';
import { launchChromium } from '../support/browser.js';
import { openTestDatabase } from '../support/db.js';
import { listening, sessionCookie } from '../support/http.js';
import {
  type Figures,
  figures,
  fullLoad,
  inAppNavigation,
  type PageSpec,
  timedStaffContext,
  type Visit,
} from '../support/page-timings.js';
import { requireBuiltWebApp } from '../support/web.js';
import { ids, TestClock } from '../support/world.js';

// How fast the hiring manager's and HR's pages show their content on the demo data, as the
// browser's own clock measures it. Reported in .test-results/page-timings.json, never asserted:
// the figures depend on the machine.
const RESULTS = '.test-results/page-timings.json';
/** Loads per page; the first warms the caches and is left out of the figures. */
const LOADS = 6;

let database: Database;
let app: App;
let browser: Browser;
let base: string;
const clock = new TestClock();
const found = {} as {
  sizes: Record<string, number>;
  debrief: { id: string; name: string };
  job: { id: string; title: string };
  offer: { id: string; jobTitle: string; applicationId: string; candidateName: string };
};

beforeAll(async () => {
  requireBuiltWebApp();
  database = await openTestDatabase();
  // Seeded as a first `npm start` seeds it, at the moment the test's clock stands.
  const seeded = await seedDemo(database.db, { now: clock.now(), ids, catalog: loadCatalog(), hashPassword });
  expect(seeded).toBe(true);
  ({ app, base } = await listening(database, clock));
  const as = async (email: string) => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { org: DEMO_ORG, email, password: DEMO_PASSWORD },
    });
    const cookie = sessionCookie(login);
    return (url: string) => app.inject({ method: 'GET', url, headers: { cookie } }).then((r) => r.json());
  };
  const hm = await as('hm@tiktok.example');
  const queue = await hm('/api/decision-queue?limit=200');
  const ready = queue.items.find((i: { decidableNow: boolean }) => i.decidableNow) ?? queue.items[0];
  found.debrief = { id: ready.applicationId, name: ready.candidateName };
  const jobs = await hm('/api/jobs?limit=200');
  type Job = { id: string; title: string; applications: { active: number } };
  const busiest = (jobs.items as Job[]).reduce((a, b) =>
    b.applications.active > a.applications.active ? b : a,
  );
  found.job = { id: busiest.id, title: busiest.title };
  const hr = await as('hr@tiktok.example');
  type Offer = { id: string; status: string; jobTitle: string; applicationId: string; candidateName: string };
  const offers = (await hr('/api/offers?limit=50')).items as Offer[];
  const offer = offers.find((o) => o.status === 'pending_approval') ?? offers[0]!;
  found.offer = offer;
  found.sizes = {
    hiringManagersQueue: queue.total,
    pipelineJobInProgress: busiest.applications.active,
    openJobs: jobs.items.length,
    offers: offers.length,
  };
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

interface Row {
  role: 'hiring manager' | 'HR';
  page: string;
  kind: 'full load' | 'in-app';
  path: string;
  content: Figures;
  settled: Figures;
  /** The API calls of the visit whose content time is the median's (or the next above it). */
  api: Visit['api'];
  assets: Visit['assets'];
}
const rows: Row[] = [];

const spec = (name: string, route: string, heading: string, content: string): PageSpec => ({
  name,
  route,
  heading,
  content,
});
const uuid = '[0-9a-f-]{36}';
const decisions = spec(
  'decision queue',
  '^/app/decisions$',
  'Decisions',
  'section[aria-labelledby="ready-title"] :is(tbody tr, .empty)',
);
const application = (name: string) =>
  spec('application', `^/app/applications/${uuid}$`, name, 'ol.rounds li');
const candidates = spec('candidates', '^/app/candidates$', 'Candidates', 'ul.plain li');

function record(role: Row['role'], page: string, kind: Row['kind'], path: string, visits: Visit[]) {
  const measured = visits.slice(1);
  const content = figures(measured.map((v) => v.content));
  const middle = [...measured].sort((a, b) => a.content - b.content)[measured.length >> 1]!;
  rows.push({
    role,
    page,
    kind,
    path,
    content,
    settled: figures(measured.map((v) => v.settled)),
    api: middle.api,
    assets: middle.assets,
  });
}

async function timeFullLoads(page: Page, role: Row['role'], s: PageSpec, path: string, label = s.name) {
  const visits: Visit[] = [];
  for (let i = 0; i < LOADS; i++) visits.push(await fullLoad(page, `${base}${path}`, s.name));
  for (const v of visits) expect(v.page).toBe(s.name);
  record(role, label, 'full load', path, visits);
}

async function timeNavigation(
  page: Page,
  role: Row['role'],
  from: { spec: PageSpec; path: string },
  link: (page: Page) => Locator,
  to: PageSpec,
) {
  const visits: Visit[] = [];
  for (let i = 0; i < LOADS; i++) {
    await fullLoad(page, `${base}${from.path}`, from.spec.name);
    visits.push(await inAppNavigation(page, link(page), to.name));
  }
  for (const v of visits) expect(v.page).toBe(to.name);
  record(role, `${from.spec.name} → ${to.name}`, 'in-app', new URL(page.url()).pathname, visits);
}

function report(role: Row['role']) {
  fs.mkdirSync('.test-results', { recursive: true });
  const results = {
    database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
    measured:
      'performance.now() in the page: 0 at navigation start for a full load, the click for an in-app ' +
      'navigation; "content" when the heading and the content selector first appear in the DOM ' +
      '(MutationObserver), "settled" when no spinner is left in main',
    loadsPerPage: LOADS - 1,
    warmUpsLeftOut: 1,
    demo: found.sizes,
    pages: rows.map((r) => ({ ...r, contentUnder300ms: r.content.median < 300 })),
  };
  fs.writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  const lines = rows
    .filter((r) => r.role === role)
    .map(
      (r) =>
        `${pad(r.role, 15)}${pad(r.page, 36)}${pad(r.kind, 10)}` +
        `${pad(`${r.content.min} / ${r.content.median}`, 18)}${pad(`${r.settled.min} / ${r.settled.median}`, 18)}` +
        `${r.api.length}`,
    );
  console.log(
    [
      `The ${role}'s pages on ${results.database}, ms, min / median of ${LOADS - 1} (${RESULTS}):`,
      `${pad('role', 15)}${pad('page', 36)}${pad('kind', 10)}${pad('content', 18)}${pad('settled', 18)}API calls`,
      ...lines,
    ].join('\n'),
  );
}

it("the hiring manager's pages show their content, timed", async () => {
  const debrief = application(found.debrief.name);
  const jobs = spec('jobs', '^/app/jobs$', 'Jobs', 'tbody tr');
  const pipeline = spec('pipeline board', `^/app/jobs/${uuid}$`, 'Pipeline: ', '.board section h2');
  const interviews = spec('my interviews', '^/app/interviews$', 'My interviews', ':is(tbody tr, .empty)');
  const reports = spec('reports', '^/app/reports$', 'Reports', 'tbody tr');
  const specs = [decisions, debrief, jobs, pipeline, candidates, interviews, reports];
  const { context, page, errors } = await timedStaffContext(
    browser,
    base,
    { org: DEMO_ORG, email: 'hm@tiktok.example', password: DEMO_PASSWORD, timezoneId: 'America/Los_Angeles' },
    specs,
  );
  const role = 'hiring manager';
  await timeFullLoads(page, role, decisions, '/app/decisions');
  await timeFullLoads(page, role, debrief, `/app/applications/${found.debrief.id}`);
  await timeFullLoads(page, role, jobs, '/app/jobs');
  await timeFullLoads(page, role, pipeline, `/app/jobs/${found.job.id}`);
  await timeFullLoads(page, role, candidates, '/app/candidates');
  await timeFullLoads(page, role, interviews, '/app/interviews');
  await timeFullLoads(page, role, reports, '/app/reports');
  const decisionsPage = { spec: decisions, path: '/app/decisions' };
  await timeNavigation(
    page,
    role,
    decisionsPage,
    (p) => p.locator(`main a[href^="/app/applications/${found.debrief.id}"]`).first(),
    debrief,
  );
  await timeNavigation(
    page,
    role,
    { spec: jobs, path: '/app/jobs' },
    (p) => p.locator(`main a[href="/app/jobs/${found.job.id}"]`),
    pipeline,
  );
  await timeNavigation(
    page,
    role,
    decisionsPage,
    (p) => p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Candidates' }),
    candidates,
  );
  await context.close();
  report(role);
  expect(errors).toEqual([]);
}, 600_000);

it("HR's pages show their content, timed", async () => {
  const offers = spec('offers', '^/app/offers$', 'Offers', 'tbody tr');
  const offer = spec('offer', `^/app/offers/${uuid}$`, `Offer: ${found.offer.jobTitle}`, 'p.meta a');
  const candidatePage = application(found.offer.candidateName);
  const specs = [offers, offer, decisions, candidatePage, candidates];
  const { context, page, errors } = await timedStaffContext(
    browser,
    base,
    { org: DEMO_ORG, email: 'hr@tiktok.example', password: DEMO_PASSWORD, timezoneId: 'Asia/Singapore' },
    specs,
  );
  // Signing in lands HR on the offers list, by the app's redirect from /app/.
  await page.waitForURL(/\/app\/offers$/);
  const role = 'HR';
  await timeFullLoads(page, role, offers, '/app/', 'offers, landing at /app/');
  await timeFullLoads(page, role, offers, '/app/offers');
  await timeFullLoads(page, role, offer, `/app/offers/${found.offer.id}`);
  await timeFullLoads(page, role, decisions, '/app/decisions');
  await timeFullLoads(page, role, candidatePage, `/app/applications/${found.offer.applicationId}`);
  await timeFullLoads(page, role, candidates, '/app/candidates');
  const offersPage = { spec: offers, path: '/app/offers' };
  await timeNavigation(
    page,
    role,
    offersPage,
    (p) => p.locator(`main a[href="/app/offers/${found.offer.id}"]`),
    offer,
  );
  await timeNavigation(
    page,
    role,
    { spec: offer, path: `/app/offers/${found.offer.id}` },
    (p) => p.locator(`main p.meta a[href="/app/applications/${found.offer.applicationId}"]`),
    candidatePage,
  );
  await timeNavigation(
    page,
    role,
    offersPage,
    (p) => p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decisions' }),
    decisions,
  );
  await context.close();
  report(role);
  expect(errors).toEqual([]);
}, 600_000);
