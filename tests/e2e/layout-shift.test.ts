import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { layoutShifts, watchLayoutShifts } from './support/layout-shift';

/** Waits until every part of a board is in: its explorer charts live, its indicators read. */
async function boardSettled(page: Page): Promise<void> {
  const charts = page.getByTestId('explore-view');
  await expect(charts).toHaveCount(3);
  await expect(page.locator('[data-testid="explore-view"]:not([data-source="live"])')).toHaveCount(
    0,
    { timeout: 60_000 }
  );
  await expect(page.getByText('Loading the data…')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.locator('[data-testid="explore-view"] svg').first()).toBeVisible();
  // The web font, the translations and both switches of the site bar are in by then.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

// Issue 17: the home page, which is the shipped board "RO21 at a glance", and the same board
// opened at /boards must not move under the reader as they load. Whatever moved is named in
// the failure, so a regression says where to look.
for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 }
]) {
  test(`the home page loads without moving at ${viewport.width} px (layout shift ≤ 0.05)`, async ({
    page
  }) => {
    await page.setViewportSize(viewport);
    await watchLayoutShifts(page);
    await page.goto('/');
    await expect(page.locator('figure.home-chart')).toHaveAttribute('data-source', 'live');
    await boardSettled(page);
    const { sum, shifts } = await layoutShifts(page);
    expect(sum, JSON.stringify(shifts)).toBeLessThanOrEqual(0.05);
  });

  test(`the shipped board opened from its link loads without moving at ${viewport.width} px (layout shift ≤ 0.05)`, async ({
    page
  }) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    const open = page.getByTestId('home-board-open');
    // The address is written once the board's encoder has come, when the reader reaches for it.
    await open.hover();
    await expect(open).toHaveAttribute('href', /^\/boards\?b=2\./);
    const href = await open.getAttribute('href');
    await watchLayoutShifts(page);
    await page.goto(href as string);
    await boardSettled(page);
    const { sum, shifts } = await layoutShifts(page);
    expect(sum, JSON.stringify(shifts)).toBeLessThanOrEqual(0.05);
  });
}

// The board's parts come in at different times (the build's answers in the first frame, the
// indicators once DuckDB has read their tables); on a slow CPU the gaps between them are long
// enough for the browser to paint each state, which is when a part that grows moves the rest.
// Chromium slowed fourfold paints them all (an intermittent shift of 0.04–0.07 at 1280 px
// came from charts drawn a frame after the board, and cards one line shorter while loading).
test('on a slow CPU, nothing on the home board moves as its parts come in', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await watchLayoutShifts(page);
  await page.goto('/');
  await boardSettled(page);
  const { shifts } = await layoutShifts(page);
  const board = shifts.filter((shift) => shift.value >= 0.001);
  expect(board, JSON.stringify(shifts)).toEqual([]);
});
