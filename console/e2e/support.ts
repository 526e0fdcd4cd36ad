// What every browser test file needs: where the stack and Chromium are, how long to wait, and the checks each screen
// gets (loaded, accessible, photographed). The tests run one file at a time against one local stack (ConsoleBrowserIT).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const BASE_URL = process.env.CONSOLE_URL ?? 'http://localhost:8080';
export const SCREENSHOTS = process.env.SCREENSHOTS ?? 'target/screenshots';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** How long the platform's events may take to reach the other services (they usually take well under 1 s). */
export const EVENTUALLY_MS = 30_000;
/** How long the page may take to show what an action or a load leads to (every read polls until then). */
export const SETTLE_MS = 15_000;

/** Debian's Chromium (CHROMIUM), headless, with nothing of its own going out: no downloads, updates or first run. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** Waits until the page shows no "Loading…": a check or a screenshot of the loading state would say nothing. */
export async function settled(on: Page, where: string): Promise<void> {
  await expect
    .poll(() => on.getByText('Loading…', { exact: true }).count(), {
      timeout: SETTLE_MS,
      message: `${where} still loading`,
    })
    .toBe(0);
}

/** A screenshot of the page once it has loaded, to SCREENSHOTS/<name>.png. */
export async function shoot(on: Page, name: string): Promise<void> {
  await settled(on, name);
  await on.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** No axe-core violation of the WCAG 2 A and AA rules on the page once it has loaded. */
export async function accessible(on: Page, where: string): Promise<void> {
  await settled(on, where);
  if (!(await on.evaluate(() => 'axe' in window))) await on.addScriptTag({ content: AXE });
  const violations = await on.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return (result.violations as { id: string; help: string; nodes: { target: string[] }[] }[]).map(
      (v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
  expect(violations, `axe-core on ${where}`).toEqual([]);
}

/** Reloads until `locator` shows, within EVENTUALLY_MS: for what a service records a moment after it answers. */
export async function eventually(on: Page, locator: () => Locator, what: string): Promise<void> {
  const deadline = Date.now() + EVENTUALLY_MS;
  for (;;) {
    if (
      await locator()
        .first()
        .isVisible()
        .catch(() => false)
    )
      return;
    if (Date.now() > deadline) throw new Error(`not seen within ${EVENTUALLY_MS / 1000} s: ${what}`);
    await on.waitForTimeout(250);
    await on.reload();
    await on.getByRole('heading', { level: 1 }).waitFor();
    await settled(on, what); // checked once loaded: a check before the data came would only reload again
  }
}
