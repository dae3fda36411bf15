import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { Manifest } from '../../src/lib/model/manifest';

/**
 * Every view on every shipped dataset: each dataset opens in the explorer and every tab
 * shows its chart, map, table or sources without an error. The detailed value checks live
 * in explore.test.ts; this test guards the breadth.
 */
const manifest = JSON.parse(readFileSync('datasets/manifest.json', 'utf8')) as Manifest;

test.describe.configure({ timeout: 240_000 });

/** Views that relate a dataset to another measure or to other units, which it may not allow. */
const ANALYSES = new Set(['Scatter', 'Synthetic control']);

async function settled(page: Page): Promise<void> {
  const view = page.getByTestId('explore-view');
  await expect(view).toBeVisible({ timeout: 120_000 });
  await expect(view.locator('.loading')).toHaveCount(0, { timeout: 120_000 });
  // A change keeps the previous chart on screen, marked busy, until the new one is drawn.
  await expect(view).not.toHaveAttribute('aria-busy', 'true', { timeout: 120_000 });
}

for (const dataset of manifest.datasets) {
  test(`${dataset.id}: every view renders`, async ({ page }) => {
    await page.goto(`/explore?ds=${dataset.id}`);
    await settled(page);
    const tabs = page.getByRole('tab');
    const names = (await tabs.allInnerTexts()).map((name) => name.trim());
    expect(names.length).toBeGreaterThanOrEqual(6);
    // The map is offered only where there are places to draw.
    expect(names.includes('Map')).toBe(dataset.dimensions.some((d) => d.id === 'geo'));
    for (const name of names) {
      await page.getByRole('tab', { name, exact: true }).click();
      await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute(
        'aria-selected',
        'true'
      );
      await settled(page);
      const view = page.getByTestId('explore-view');
      // A scatter or a synthetic control the dataset cannot support (a monthly table against
      // the annual default y; a treated country without values) says why instead of drawing.
      if (ANALYSES.has(name) && (await view.getByRole('alert').count()) > 0) {
        await expect(view.getByRole('alert')).toHaveText(
          /cannot|could not|no published value|needs|fewer|No donor/
        );
        continue;
      }
      await expect(view.getByRole('alert')).toHaveCount(0);
      await expect(
        view.locator('svg[role="img"], table, [data-testid="sources"]').first(),
        `${dataset.id}, ${name}: nothing drawn`
      ).toBeVisible();
      await expect(page).toHaveURL(/ds=/);
    }
    // A reload reproduces the last view.
    const url = page.url();
    await page.reload();
    await settled(page);
    expect(page.url()).toBe(url);
  });
}
