import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { watchErrors } from './web.js';

/** What shows that a page has answered: its heading, and its content rendered with data. */
export interface PageSpec {
  name: string;
  /** The page's path, as the source of a regular expression. */
  route: string;
  /** How the page's `h1` starts once its data is in. */
  heading: string;
  /** A selector inside `main` that matches only once the page's data is rendered. */
  content: string;
}

/** One visit as the browser timed it, in ms from its start: navigation start, or the click. */
export interface Visit {
  page: string | null;
  content: number;
  /** No spinner left in `main`: every panel of the page has its data. */
  settled: number;
  /** The API calls the visit made and had answered by the time it settled, for a waterfall. */
  api: Fetched[];
  /** The document (a full load only) and the scripts, styles and images it fetched. */
  assets: Fetched[];
}
type Fetched = { path: string; start: number; end: number };

interface TimingState {
  expected: string | null;
  armed: boolean;
  start: number;
  page: string | null;
  content?: number;
  settled?: number;
}
type TimedWindow = Window & { __timings?: { state: TimingState; arm(page: string): void } };

/**
 * Runs in every document before the app's scripts. A MutationObserver stamps, on the page's own
 * clock (`performance.now()`, 0 at navigation start), the moment the content first appears and the
 * moment the last spinner in `main` goes; `arm` makes the next click the start of an in-app visit.
 */
function installTimings(specs: PageSpec[]) {
  const state: TimingState = { expected: null, armed: false, start: 0, page: null };
  const arm = (page: string) => {
    state.expected = page;
    state.armed = true;
  };
  (window as TimedWindow).__timings = { state, arm };
  addEventListener(
    'click',
    (event) => {
      if (!state.armed) return;
      state.armed = false;
      state.start = event.timeStamp;
      state.page = null;
      state.content = undefined;
      state.settled = undefined;
    },
    true,
  );
  const check = () => {
    if (state.armed || state.settled !== undefined) return;
    const main = document.querySelector('main');
    const spec = specs.find(
      (s) =>
        (state.expected === null || s.name === state.expected) && new RegExp(s.route).test(location.pathname),
    );
    if (!main || !spec) return;
    if (state.content === undefined) {
      const heading = main.querySelector('h1')?.textContent ?? '';
      if (!heading.startsWith(spec.heading) || !main.querySelector(spec.content)) return;
      state.content = performance.now();
      state.page = spec.name;
      performance.mark(`content ${spec.name}`);
    }
    if (!main.querySelector('.loading')) {
      state.settled = performance.now();
      performance.mark(`settled ${spec.name}`);
    }
  };
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
  });
}

/** A browser context signed in through the sign-in page, with the timing script in every document. */
export async function timedStaffContext(
  browser: Browser,
  base: string,
  who: { org: string; email: string; password: string; timezoneId: string },
  specs: PageSpec[],
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    timezoneId: who.timezoneId,
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
  });
  await context.addInitScript(installTimings, specs);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${base}/app/`);
  await page.waitForURL(/\/app\/sign-in/);
  await page.getByLabel('Organisation').fill(who.org);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
  return { context, page, errors };
}

async function settledVisit(page: Page, expected: string): Promise<Visit> {
  try {
    await page.waitForFunction(() => (window as TimedWindow).__timings?.state.settled !== undefined, null, {
      timeout: 30_000,
    });
  } catch {
    const state = await page.evaluate(() => (window as TimedWindow).__timings?.state);
    throw new Error(`${expected} never showed its content at ${page.url()}: ${JSON.stringify(state)}`);
  }
  return page.evaluate(() => {
    const s = (window as TimedWindow).__timings!.state;
    const fetched = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => e.startTime >= s.start)
      .map((e) => {
        const url = new URL(e.name);
        return {
          path: url.pathname + url.search,
          start: Math.round(e.startTime - s.start),
          end: Math.round(e.responseEnd - s.start),
        };
      });
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const html =
      s.start === 0 ? [{ path: location.pathname, start: 0, end: Math.round(navigation.responseEnd) }] : [];
    return {
      page: s.page,
      content: s.content! - s.start,
      settled: s.settled! - s.start,
      api: fetched.filter((f) => f.path.startsWith('/api/')),
      assets: [...html, ...fetched.filter((f) => !f.path.startsWith('/api/'))],
    };
  });
}

/** A full load of `url`, timed from navigation start. */
export async function fullLoad(page: Page, url: string, expected: string): Promise<Visit> {
  await page.goto(url);
  return settledVisit(page, expected);
}

/** A client-side navigation by clicking `link`, timed from the click. */
export async function inAppNavigation(page: Page, link: Locator, expected: string): Promise<Visit> {
  await page.evaluate((name) => {
    performance.clearResourceTimings();
    (window as TimedWindow).__timings!.arm(name);
  }, expected);
  await link.click();
  return settledVisit(page, expected);
}

export interface Figures {
  samples: number[];
  min: number;
  median: number;
}

/** The figures of the measured samples, rounded to a tenth of a millisecond. */
export function figures(samples: number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const tenth = (n: number) => Math.round(n * 10) / 10;
  return { samples: samples.map(tenth), min: tenth(sorted[0]!), median: tenth(median) };
}
