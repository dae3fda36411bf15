import { test, expect } from './fixtures';
import { layoutShifts, watchLayoutShifts } from './support/layout-shift';

// Issue 17: the home page must not move under the reader as it loads. Whatever moved is named
// in the failure, so a regression says where to look.
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
    // The web font, the translations and both switches of the site bar are in by then.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const { sum, shifts } = await layoutShifts(page);
    expect(sum, JSON.stringify(shifts)).toBeLessThanOrEqual(0.05);
  });
}
