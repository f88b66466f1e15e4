import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { WEB_ROOT } from '../../src/server/routes/web-app.js';
import { PASSWORD } from './world.js';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const SCREENSHOTS = '.test-results/web';

/** The browser tests drive the built app; `npm test` builds it first. */
export function requireBuiltWebApp() {
  if (!fs.existsSync(`${WEB_ROOT}/index.html`))
    throw new Error('the web app is not built: run npm run build:web');
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/**
 * Saves a full-page screenshot for review and answers the page's serious and critical
 * accessibility violations (axe-core, WCAG 2 A/AA and best practices), one line each.
 */
export async function review(page: Page, name: string): Promise<string[]> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
  // Evaluated through the DevTools protocol: an inline <script> tag would be refused by the CSP.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }),
  )) as AxeResult;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${name}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

/** A browser context signed in as a staff member through the sign-in page. */
export async function staffContext(
  browser: Browser,
  base: string,
  org: string,
  email: string,
  timezoneId = 'America/Los_Angeles',
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    timezoneId,
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${base}/app/`);
  await page.waitForURL(/\/app\/sign-in/);
  await page.getByLabel('Organisation').fill(org);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
  return { context, page, errors };
}

/** Script errors the page throws, to assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
