// Shared e2e checks: axe-core (no serious or critical violations) and screenshots for review.

import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/** Runs axe-core on the page as it is now and fails on any serious or critical violation. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map((v) => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`).join('; ')}`);
  expect(summary, `axe-core on ${screen}`).toEqual([]);
}

/**
 * Saves a screenshot of the whole screen to test-results/screenshots/<name>.png. The app scrolls
 * inside its main area, so the window is stretched to the content's height for the picture.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const size = page.viewportSize();
  const extra = await page.evaluate(() => {
    const main = document.getElementById('main');
    return main ? Math.max(0, main.scrollHeight - main.clientHeight) : 0;
  });
  if (size && extra > 0) await page.setViewportSize({ width: size.width, height: size.height + extra });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
  if (size && extra > 0) await page.setViewportSize(size);
}
