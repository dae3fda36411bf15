import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// Issue 16, item 0: on a 390 px phone the chart comes first, the filters wait under a button,
// and no view widens the page.
test.use({ viewport: { width: 390, height: 844 } });
test.describe.configure({ timeout: 120_000 });

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test('the chart starts near the top; the filters open under a Filters button', async ({ page }) => {
  await page.goto('/explore?ds=crim_off_cat');
  const chart = page.getByTestId('line-chart');
  await expect(chart).toBeVisible();
  const top = (await chart.boundingBox())!.y;
  // The first screen of a phone shows the chart (it started 1 440 px down).
  expect(top).toBeLessThan(844);
  const filters = page.getByRole('button', { name: 'Filters' });
  await expect(filters).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('dataset-select')).toBeHidden();
  await filters.click();
  await expect(filters).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('dataset-select')).toBeVisible();
  await expect(page.getByTestId('transform-select')).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
});

test('the slope view keeps to 390 px and its labels inside it', async ({ page }) => {
  await page.goto('/explore?ds=crim_off_cat&iccs=ICCS0101&unit=P_HTHAB&geo=RO,NO,BG,HU&view=slope');
  const slope = page.getByTestId('slope-chart');
  await expect(slope.locator('text.end-label')).toHaveCount(8);
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  for (const label of await slope.locator('text.end-label').all()) {
    const box = (await label.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
  // Each right-hand label names its country with the value.
  await expect(slope.locator('text.end-label').filter({ hasText: 'Romania' })).toHaveCount(1);
});

test('the map view keeps to 390 px', async ({ page }) => {
  await page.goto('/explore?ds=crim_off_cat&iccs=ICCS0101&unit=P_HTHAB&geo=RO,NO&view=map');
  await expect(page.getByTestId('choropleth-map').locator('path.region')).toHaveCount(37, {
    timeout: 60_000
  });
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
});
